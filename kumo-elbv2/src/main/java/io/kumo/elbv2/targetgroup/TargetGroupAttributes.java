package io.kumo.elbv2.targetgroup;

import io.kumo.elbv2.support.Elbv2Errors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The attributes of an application load balancer's instance and ip target groups: their
 * defaults, the values each accepts, and the rules between them. Keys of other kinds of target
 * group (Network, Gateway, Lambda) are refused as unsupported rather than unknown.
 */
final class TargetGroupAttributes {
    static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";
    static final String STICKINESS_ENABLED = "stickiness.enabled";
    static final String STICKINESS_TYPE = "stickiness.type";
    static final String LB_COOKIE_DURATION = "stickiness.lb_cookie.duration_seconds";
    static final String APP_COOKIE_NAME = "stickiness.app_cookie.cookie_name";
    static final String APP_COOKIE_DURATION = "stickiness.app_cookie.duration_seconds";
    static final String ALGORITHM = "load_balancing.algorithm.type";
    static final String ANOMALY_MITIGATION = "load_balancing.algorithm.anomaly_mitigation";
    static final String SLOW_START = "slow_start.duration_seconds";
    static final String CROSS_ZONE = "load_balancing.cross_zone.enabled";
    static final String DNS_FAILOVER_COUNT = "target_group_health.dns_failover.minimum_healthy_targets.count";
    static final String DNS_FAILOVER_PERCENTAGE = "target_group_health.dns_failover.minimum_healthy_targets.percentage";
    static final String UNHEALTHY_ROUTING_COUNT = "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count";
    static final String UNHEALTHY_ROUTING_PERCENTAGE = "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage";

    private static final Set<String> OTHER_KINDS = Set.of("deregistration_delay.connection_termination.enabled",
            "preserve_client_ip.enabled", "proxy_protocol_v2.enabled", "target_health_state.unhealthy.connection_termination.enabled",
            "target_health_state.unhealthy.draining_interval_seconds", "target_failover.on_deregistration",
            "target_failover.on_unhealthy", "lambda.multi_value_headers.enabled");

    /** In the order DescribeTargetGroupAttributes lists them. */
    private static final Map<String, String> DEFAULTS = defaults();

    private TargetGroupAttributes() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(STICKINESS_ENABLED, "false");
        out.put(DEREGISTRATION_DELAY, "300");
        out.put(STICKINESS_TYPE, "lb_cookie");
        out.put(LB_COOKIE_DURATION, "86400");
        out.put(APP_COOKIE_NAME, "");
        out.put(APP_COOKIE_DURATION, "86400");
        out.put(SLOW_START, "0");
        out.put(ALGORITHM, "round_robin");
        out.put(ANOMALY_MITIGATION, "off");
        out.put(CROSS_ZONE, "use_load_balancer_configuration");
        out.put(DNS_FAILOVER_COUNT, "1");
        out.put(DNS_FAILOVER_PERCENTAGE, "off");
        out.put(UNHEALTHY_ROUTING_COUNT, "1");
        out.put(UNHEALTHY_ROUTING_PERCENTAGE, "off");
        return java.util.Collections.unmodifiableMap(out);
    }

    static Map<String, String> defaultValues() {
        return DEFAULTS;
    }

    static int deregistrationDelaySeconds(Map<String, String> attributes) {
        return Integer.parseInt(attributes.getOrDefault(DEREGISTRATION_DELAY, DEFAULTS.get(DEREGISTRATION_DELAY)));
    }

    static List<TargetGroupAttribute> toSdk(Map<String, String> attributes) {
        Map<String, String> ordered = new LinkedHashMap<>(DEFAULTS);
        ordered.putAll(attributes);
        return ordered.entrySet().stream()
                .map(e -> TargetGroupAttribute.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }

    /** The attributes with the changes applied, each checked, then checked together. */
    static Map<String, String> apply(Map<String, String> current, List<TargetGroupAttribute> changes) {
        if (changes.isEmpty()) {
            throw Elbv2Errors.validation("Target group attributes cannot be empty");
        }
        Map<String, String> out = new LinkedHashMap<>(DEFAULTS);
        out.putAll(current);
        for (TargetGroupAttribute change : changes) {
            String key = change.key();
            String value = change.value() == null ? "" : change.value();
            if (key == null || !DEFAULTS.containsKey(key)) {
                if (OTHER_KINDS.contains(key)) {
                    throw Elbv2Errors.validation("Attribute key '" + key + "' is not supported on target groups of application load balancers");
                }
                throw Elbv2Errors.validation("Attribute key '" + key + "' is not recognized");
            }
            checkValue(key, value);
            out.put(key, value);
        }
        checkTogether(out);
        return out;
    }

    private static void checkValue(String key, String value) {
        switch (key) {
            case DEREGISTRATION_DELAY -> seconds(key, value, 0, 3600);
            case STICKINESS_ENABLED -> choice(key, value, List.of("true", "false"));
            case STICKINESS_TYPE -> choice(key, value, List.of("lb_cookie", "app_cookie"));
            case LB_COOKIE_DURATION, APP_COOKIE_DURATION -> seconds(key, value, 1, 604800);
            case APP_COOKIE_NAME -> cookieName(value);
            case ALGORITHM -> choice(key, value, List.of("round_robin", "least_outstanding_requests", "weighted_random"));
            case ANOMALY_MITIGATION -> choice(key, value, List.of("on", "off"));
            case SLOW_START -> slowStart(value);
            case CROSS_ZONE -> choice(key, value, List.of("true", "false", "use_load_balancer_configuration"));
            case DNS_FAILOVER_COUNT -> offOr(key, value, n -> atLeast(key, n, 1));
            case UNHEALTHY_ROUTING_COUNT -> atLeast(key, integer(key, value), 1);
            case DNS_FAILOVER_PERCENTAGE, UNHEALTHY_ROUTING_PERCENTAGE -> offOr(key, value, n -> between(key, n, 1, 100));
            default -> throw new IllegalStateException(key);
        }
    }

    private static void checkTogether(Map<String, String> attributes) {
        if (attributes.get(ANOMALY_MITIGATION).equals("on") && !attributes.get(ALGORITHM).equals("weighted_random")) {
            throw Elbv2Errors.validation("Anomaly mitigation can only be enabled with the 'weighted_random' load balancing algorithm");
        }
        if (attributes.get(STICKINESS_ENABLED).equals("true") && attributes.get(STICKINESS_TYPE).equals("app_cookie")
                && attributes.get(APP_COOKIE_NAME).isEmpty()) {
            throw Elbv2Errors.validation("An application cookie name is required for app_cookie stickiness");
        }
    }

    private static void seconds(String key, String value, int least, int most) {
        between(key, integer(key, value), least, most);
    }

    private static void slowStart(String value) {
        int seconds = integer(SLOW_START, value);
        if (seconds != 0 && (seconds < 30 || seconds > 900)) {
            throw Elbv2Errors.validation("Slow start duration must be 0 (disabled) or from 30 to 900 seconds, not '" + value + "'");
        }
    }

    private static void cookieName(String value) {
        if (value.startsWith("AWSALB")) {
            // AWSALB, AWSALBAPP and AWSALBTG are the load balancer's own cookies
            throw Elbv2Errors.validation("Application cookie name '" + value + "' cannot begin with 'AWSALB', 'AWSALBAPP' or 'AWSALBTG'");
        }
    }

    private static void choice(String key, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw Elbv2Errors.validation("Attribute '" + key + "' must be one of '" + String.join(", ", allowed) + "', not '" + value + "'");
        }
    }

    private static void offOr(String key, String value, Consumer<Integer> check) {
        if (!value.equals("off")) {
            check.accept(integer(key, value));
        }
    }

    private static void atLeast(String key, int value, int least) {
        if (value < least) {
            throw Elbv2Errors.validation("Attribute '" + key + "' must be at least " + least + ", not '" + value + "'");
        }
    }

    private static void between(String key, int value, int least, int most) {
        if (value < least || value > most) {
            throw Elbv2Errors.validation("Attribute '" + key + "' must be from " + least + " to " + most + ", not '" + value + "'");
        }
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Elbv2Errors.validation("Attribute '" + key + "' must be an integer, not '" + value + "'");
        }
    }
}
