package io.kumo.elbv2.targetgroup;

import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.targetgroup.TargetGroupRecord.HealthCheck;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;

import java.util.List;

/**
 * A target group's health check as CreateTargetGroup and ModifyTargetGroup set it: AWS's defaults
 * for HTTP and HTTPS groups, then its ranges and the rules between settings.
 */
final class HealthCheckSettings {
    static final String TRAFFIC_PORT = "traffic-port";
    static final String GRPC_DEFAULT_PATH = "/AWS.ALB/healthcheck";
    private static final List<String> PROTOCOLS = List.of("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC");

    /** What a request asks for; null where it says nothing. */
    record Requested(String protocol, String port, Boolean enabled, String path, Integer interval, Integer timeout,
                     Integer healthyThreshold, Integer unhealthyThreshold, Matcher matcher) {

        static Requested of(CreateTargetGroupRequest in) {
            return new Requested(in.healthCheckProtocolAsString(), in.healthCheckPort(), in.healthCheckEnabled(), in.healthCheckPath(),
                    in.healthCheckIntervalSeconds(), in.healthCheckTimeoutSeconds(), in.healthyThresholdCount(),
                    in.unhealthyThresholdCount(), in.matcher());
        }

        static Requested of(ModifyTargetGroupRequest in) {
            return new Requested(in.healthCheckProtocolAsString(), in.healthCheckPort(), in.healthCheckEnabled(), in.healthCheckPath(),
                    in.healthCheckIntervalSeconds(), in.healthCheckTimeoutSeconds(), in.healthyThresholdCount(),
                    in.unhealthyThresholdCount(), in.matcher());
        }
    }

    private HealthCheckSettings() {
    }

    /** The defaults of an HTTP or HTTPS group: its own protocol, the traffic port, "/", 30 s, 5 s, 5 and 2, code 200. */
    static HealthCheck defaults(String targetProtocol, String protocolVersion) {
        boolean grpc = "GRPC".equals(protocolVersion);
        return new HealthCheck(true, targetProtocol, TRAFFIC_PORT, grpc ? GRPC_DEFAULT_PATH : "/", 30, 5, 5, 2, grpc ? "12" : "200");
    }

    /** The requested settings over {@code base}, checked as a whole. */
    static HealthCheck apply(HealthCheck base, Requested in, GroupKind group) {
        boolean grpc = "GRPC".equals(group.protocolVersion());
        if (Boolean.FALSE.equals(in.enabled())) {
            // only Lambda targets may go without health checks, and Kumo has none
            throw Elbv2Errors.validation("Health checks cannot be disabled for target groups with target type '" + group.targetType() + "'");
        }
        String protocol = in.protocol() == null ? base.protocol() : protocol(in.protocol(), group.protocol());
        String port = in.port() == null ? base.port() : port(in.port());
        String path = in.path() == null ? base.path() : path(in.path(), grpc);
        int interval = in.interval() == null ? base.intervalSeconds()
                : Limits.range(in.interval(), 5, 300, "healthCheckIntervalSeconds");
        int timeout = in.timeout() == null ? base.timeoutSeconds()
                : Limits.range(in.timeout(), 2, 120, "healthCheckTimeoutSeconds");
        int healthy = in.healthyThreshold() == null ? base.healthyThreshold()
                : Limits.range(in.healthyThreshold(), 2, 10, "healthyThresholdCount");
        int unhealthy = in.unhealthyThreshold() == null ? base.unhealthyThreshold()
                : Limits.range(in.unhealthyThreshold(), 2, 10, "unhealthyThresholdCount");
        String matcher = in.matcher() == null ? base.matcher() : matcher(in.matcher(), grpc);
        if (interval <= timeout) {
            throw Elbv2Errors.validation("Health check interval must be greater than the timeout.");
        }
        return new HealthCheck(true, protocol, port, path, interval, timeout, healthy, unhealthy, matcher);
    }

    /** The few facts of the group the rules depend on. */
    record GroupKind(String protocol, String protocolVersion, String targetType) {
    }

    private static String protocol(String given, String targetProtocol) {
        Limits.oneOf(given, PROTOCOLS, "healthCheckProtocol");
        if (!given.equals("HTTP") && !given.equals("HTTPS")) {
            throw Elbv2Errors.validation("Health check protocol '" + given + "' is not supported for target groups with the '"
                    + targetProtocol + "' protocol");
        }
        return given;
    }

    private static String port(String given) {
        if (given.equals(TRAFFIC_PORT)) {
            return given;
        }
        try {
            int port = Integer.parseInt(given);
            if (port >= 1 && port <= 65535) {
                return Integer.toString(port);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Elbv2Errors.validation("Health check port '" + given + "' must be 'traffic-port' or a number from 1 to 65535");
    }

    private static String path(String given, boolean grpc) {
        if (given.isEmpty() || given.length() > 1024) {
            throw Elbv2Errors.validation("1 validation error detected: Value '" + given
                    + "' at 'healthCheckPath' failed to satisfy constraint: Member must have length between 1 and 1024");
        }
        if (!given.startsWith("/")) {
            throw Elbv2Errors.validation("Health check path '" + given + "' must begin with a '/' character");
        }
        if (grpc && !given.matches("/[^/]+/[^/]+")) {
            throw Elbv2Errors.validation("Health check path '" + given + "' of a GRPC target group must have the format /package.service/method");
        }
        return given;
    }

    private static String matcher(Matcher given, boolean grpc) {
        if (grpc) {
            if (given.httpCode() != null) {
                throw Elbv2Errors.validation("A GRPC target group's matcher takes GrpcCode, not HttpCode");
            }
            return CodeMatcher.checkGrpc(given.grpcCode() == null ? "12" : given.grpcCode());
        }
        if (given.grpcCode() != null) {
            throw Elbv2Errors.validation("GrpcCode applies only to target groups whose protocol version is GRPC");
        }
        return CodeMatcher.checkHttp(given.httpCode() == null ? "200" : given.httpCode());
    }
}
