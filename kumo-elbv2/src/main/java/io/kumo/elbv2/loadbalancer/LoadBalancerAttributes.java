package io.kumo.elbv2.loadbalancer;

import io.kumo.elbv2.support.Elbv2Errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An application load balancer's attributes: their defaults and what each accepts. Kumo stores
 * every one; the proxy honours idle_timeout, deletion protection is enforced, and access and
 * connection logs are kept as settings only (docs/elbv2.md).
 */
final class LoadBalancerAttributes {
    private static final Set<String> BOOLEAN = Set.of("true", "false");
    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    private record Spec(String defaultValue, Predicate<String> accepts, String expected) {
    }

    static {
        flag("access_logs.s3.enabled", "false");
        text("access_logs.s3.bucket");
        text("access_logs.s3.prefix");
        flag("connection_logs.s3.enabled", "false");
        text("connection_logs.s3.bucket");
        text("connection_logs.s3.prefix");
        flag("deletion_protection.enabled", "false");
        range("idle_timeout.timeout_seconds", "60", 1, 4000);
        range("client_keep_alive.seconds", "3600", 60, 604800);
        oneOf("routing.http.desync_mitigation_mode", "defensive", "monitor", "defensive", "strictest");
        flag("routing.http.drop_invalid_header_fields.enabled", "false");
        flag("routing.http.preserve_host_header.enabled", "false");
        flag("routing.http.x_amzn_tls_version_and_cipher_suite.enabled", "false");
        flag("routing.http.xff_client_port.enabled", "false");
        oneOf("routing.http.xff_header_processing.mode", "append", "append", "preserve", "remove");
        flag("routing.http2.enabled", "true");
        flag("waf.fail_open.enabled", "false");
        flag("zonal_shift.config.enabled", "false");
        oneOf("load_balancing.cross_zone.enabled", "true", "true");
    }

    private LoadBalancerAttributes() {
    }

    static Map<String, String> defaults() {
        Map<String, String> out = new TreeMap<>();
        SPECS.forEach((k, spec) -> out.put(k, spec.defaultValue()));
        return out;
    }

    /** {@code current} with {@code changes} applied, every change checked first. */
    static Map<String, String> apply(Map<String, String> current, Map<String, String> changes) {
        Map<String, String> out = new TreeMap<>(current);
        for (var change : changes.entrySet()) {
            Spec spec = SPECS.get(change.getKey());
            if (spec == null) {
                throw Elbv2Errors.validation("Load balancer attribute key '" + change.getKey() + "' is not recognized");
            }
            String value = change.getValue() == null ? "" : change.getValue();
            if (!spec.accepts().test(value)) {
                throw Elbv2Errors.validation("Load balancer attribute '" + change.getKey() + "' has an invalid value '" + value
                        + "': " + spec.expected());
            }
            out.put(change.getKey(), value);
        }
        if (out.get("access_logs.s3.enabled").equals("true") && out.get("access_logs.s3.bucket").isEmpty()) {
            throw Elbv2Errors.validation("The value of 'access_logs.s3.bucket' cannot be empty when access logs are enabled");
        }
        if (out.get("connection_logs.s3.enabled").equals("true") && out.get("connection_logs.s3.bucket").isEmpty()) {
            throw Elbv2Errors.validation("The value of 'connection_logs.s3.bucket' cannot be empty when connection logs are enabled");
        }
        return out;
    }

    private static void flag(String key, String defaultValue) {
        SPECS.put(key, new Spec(defaultValue, BOOLEAN::contains, "expected 'true' or 'false'"));
    }

    private static void text(String key) {
        SPECS.put(key, new Spec("", v -> v.length() <= 1024, "expected at most 1024 characters"));
    }

    private static void range(String key, String defaultValue, int min, int max) {
        SPECS.put(key, new Spec(defaultValue, v -> {
            try {
                int n = Integer.parseInt(v);
                return n >= min && n <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }, "expected an integer from " + min + " to " + max));
    }

    private static void oneOf(String key, String defaultValue, String... allowed) {
        Set<String> values = Set.of(allowed);
        SPECS.put(key, new Spec(defaultValue, values::contains, "expected one of " + String.join(", ", allowed)));
    }
}
