package io.kumo.elbv2.targetgroup;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A target group, keyed by ARN, with its registered targets. Which load balancers use it is not
 * stored: it follows from the listeners' and rules' actions ({@link io.kumo.elbv2.support.Attachments}).
 *
 * @param targetType  "instance" or "ip"
 * @param attributes  every attribute with its current value (defaults included), by key
 * @param targets     registered targets, and deregistered ones while they drain
 */
public record TargetGroupRecord(
        String arn,
        String name,
        String protocol,
        String protocolVersion,
        int port,
        String vpcId,
        String targetType,
        String ipAddressType,
        HealthCheck healthCheck,
        Map<String, String> attributes,
        List<Target> targets,
        Instant createdTime) {

    public static final Table<TargetGroupRecord> TABLE = Table.regional("elbv2.target-groups", TargetGroupRecord.class);

    public TargetGroupRecord {
        attributes = Map.copyOf(attributes);
        targets = List.copyOf(targets);
    }

    /**
     * @param port     "traffic-port" or a port number
     * @param matcher  HTTP codes, such as "200" or "200-299" or "200,302"
     */
    public record HealthCheck(boolean enabled, String protocol, String port, String path, int intervalSeconds, int timeoutSeconds,
                              int healthyThreshold, int unhealthyThreshold, String matcher) {
    }

    /**
     * A registration: an instance id or an IP address, with the port traffic goes to.
     *
     * @param availabilityZone given for ip targets (or "all"); for instances, the instance's zone
     * @param deregisteredAt   null while registered; the start of draining once deregistered
     */
    public record Target(String id, int port, String availabilityZone, Instant registeredAt, Instant deregisteredAt) {

        public boolean draining() {
            return deregisteredAt != null;
        }
    }

    public TargetGroupRecord withTargets(List<Target> value) {
        return new TargetGroupRecord(arn, name, protocol, protocolVersion, port, vpcId, targetType, ipAddressType, healthCheck,
                attributes, value, createdTime);
    }

    public TargetGroupRecord withHealthCheck(HealthCheck value) {
        return new TargetGroupRecord(arn, name, protocol, protocolVersion, port, vpcId, targetType, ipAddressType, value,
                attributes, targets, createdTime);
    }

    public TargetGroupRecord withAttributes(Map<String, String> value) {
        return new TargetGroupRecord(arn, name, protocol, protocolVersion, port, vpcId, targetType, ipAddressType, healthCheck,
                value, targets, createdTime);
    }
}
