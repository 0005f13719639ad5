package io.kumo.core.dns;

import java.util.Optional;

/**
 * Whether a load balancer counts as healthy for Route 53's EvaluateTargetHealth, provided by the load balancer module
 * and asked by the Route 53 module's DNS answers, so neither knows the other. Called from resolver threads on every
 * query that meets such an alias: implementations answer from memory, at once, from their latest health checks.
 */
public interface LoadBalancerHealth {

    /**
     * @param dnsNameOrArn the load balancer's DNS name (any case, with or without the final dot and {@code dualstack.})
     *                     or its ARN
     * @return healthy or not; empty when this Kumo does not observe target health (load balancers do not forward
     *         here), in which case the asker treats the load balancer as healthy, as it does an unprobed health check
     */
    Optional<Boolean> healthy(String dnsNameOrArn);
}
