package io.kumo.elbv2.runtime;

import io.kumo.core.service.AdminCommand;

import java.util.Map;

/**
 * {@code elbv2/metrics}: what the load balancers have counted since Kumo started, by CloudWatch
 * dimension (LoadBalancer=app/NAME/ID, TargetGroup=targetgroup/NAME/ID), until CloudWatch
 * publishes them.
 */
public final class ElbMetricsCommand implements AdminCommand {
    private final LoadBalancerRunner runner;

    public ElbMetricsCommand(LoadBalancerRunner runner) {
        this.runner = runner;
    }

    @Override
    public String name() {
        return "elbv2/metrics";
    }

    @Override
    public Map<String, Object> run(Map<String, String> arguments) {
        return runner.metrics();
    }
}
