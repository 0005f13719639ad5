package io.kumo.elbv2.listener;

import io.kumo.elbv2.support.Elbv2Errors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HostHeaderConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HttpHeaderConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HttpRequestMethodConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PathPatternConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.QueryStringConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.QueryStringKeyValuePair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SourceIpConditionConfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one place where rule conditions turn from the SDK's shape into records (checked as ELBv2
 * checks them, value by value in {@link ConditionValues}) and back.
 *
 * <p>A rule has at most one host-header, path-pattern, http-request-method and source-ip
 * condition, any number of http-header and query-string ones, and at most five values over all
 * of them (a query string's key/value pair counts as one).
 */
final class Conditions {
    static final String HOST_HEADER = "host-header";
    static final String PATH_PATTERN = "path-pattern";
    static final String HTTP_HEADER = "http-header";
    static final String HTTP_REQUEST_METHOD = "http-request-method";
    static final String QUERY_STRING = "query-string";
    static final String SOURCE_IP = "source-ip";

    static final int MOST_VALUES_PER_RULE = 5;
    static final int MOST_WILDCARDS_PER_RULE = 5;

    private static final List<String> FIELDS = List.of(HTTP_HEADER, HTTP_REQUEST_METHOD, HOST_HEADER, PATH_PATTERN, QUERY_STRING,
            SOURCE_IP);
    private static final Set<String> ONCE_PER_RULE = Set.of(HOST_HEADER, PATH_PATTERN, HTTP_REQUEST_METHOD, SOURCE_IP);

    private Conditions() {
    }

    static List<Condition> fromSdk(List<RuleCondition> given) {
        if (given == null || given.isEmpty()) {
            throw Elbv2Errors.validation("A rule must have at least one condition");
        }
        List<Condition> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RuleCondition condition : given) {
            Condition c = one(condition);
            if (ONCE_PER_RULE.contains(c.field()) && !seen.add(c.field())) {
                throw Elbv2Errors.validation("A rule can have only one '" + c.field() + "' condition");
            }
            out.add(c);
        }
        int values = out.stream().mapToInt(Conditions::valueCount).sum();
        if (values > MOST_VALUES_PER_RULE) {
            throw Elbv2Errors.validation("A rule can only have '" + MOST_VALUES_PER_RULE + "' condition values");
        }
        long wildcards = out.stream().flatMap(c -> patterns(c).stream()).mapToLong(ConditionValues::wildcards).sum();
        if (wildcards > MOST_WILDCARDS_PER_RULE) {
            throw Elbv2Errors.validation("A rule can only have '" + MOST_WILDCARDS_PER_RULE + "' wildcards");
        }
        return List.copyOf(out);
    }

    private static Condition one(RuleCondition given) {
        String field = given.field();
        if (field == null) {
            throw Elbv2Errors.validation("A condition field must be specified");
        }
        ModelConstraints.length(field, "conditions.member.field", 0, 64);
        if (!FIELDS.contains(field)) {
            throw Elbv2Errors.validation("Condition field '" + field + "' must be one of '[" + String.join(", ", FIELDS) + "]'");
        }
        boolean legacy = given.hasValues() && !given.values().isEmpty();
        if (legacy && !field.equals(HOST_HEADER) && !field.equals(PATH_PATTERN)) {
            throw Elbv2Errors.validation("The 'Values' field is not compatible with '" + field + "'");
        }
        checkOnlyItsOwnConfig(given, field);
        return switch (field) {
            case HOST_HEADER -> new Condition(field, ConditionValues.hosts(patternValues(given, field, legacy,
                    given.hostHeaderConfig() == null ? null : given.hostHeaderConfig().values(), "HostHeaderConfig")), null, null);
            case PATH_PATTERN -> new Condition(field, ConditionValues.paths(patternValues(given, field, legacy,
                    given.pathPatternConfig() == null ? null : given.pathPatternConfig().values(), "PathPatternConfig")), null, null);
            case HTTP_HEADER -> httpHeader(given.httpHeaderConfig());
            case HTTP_REQUEST_METHOD -> httpRequestMethod(given.httpRequestMethodConfig());
            case QUERY_STRING -> queryString(given.queryStringConfig());
            default -> sourceIp(given.sourceIpConfig());
        };
    }

    // host-header and path-pattern take either the legacy Values (one value) or their config (several).
    private static List<String> patternValues(RuleCondition given, String field, boolean legacy, List<String> configValues,
                                              String configName) {
        boolean configured = configValues != null && !configValues.isEmpty();
        if (legacy && configured) {
            throw Elbv2Errors.validation("You cannot provide both Values and '" + configName + "' for a condition of type '" + field + "'");
        }
        if (legacy) {
            if (given.values().size() > 1) {
                throw Elbv2Errors.validation("The '" + field + "' field contains too many values; the limit is '1'");
            }
            return given.values();
        }
        if (!configured) {
            throw Elbv2Errors.validation("A condition value must be specified");
        }
        return configValues;
    }

    private static void checkOnlyItsOwnConfig(RuleCondition given, String field) {
        Map<String, Object> configs = new LinkedHashMap<>();
        configs.put(HOST_HEADER, given.hostHeaderConfig());
        configs.put(PATH_PATTERN, given.pathPatternConfig());
        configs.put(HTTP_HEADER, given.httpHeaderConfig());
        configs.put(HTTP_REQUEST_METHOD, given.httpRequestMethodConfig());
        configs.put(QUERY_STRING, given.queryStringConfig());
        configs.put(SOURCE_IP, given.sourceIpConfig());
        configs.forEach((owner, config) -> {
            if (config != null && !owner.equals(field)) {
                throw Elbv2Errors.validation("A condition of type '" + field + "' cannot have the configuration of a '" + owner
                        + "' condition");
            }
        });
    }

    private static Condition httpHeader(HttpHeaderConditionConfig config) {
        if (config == null) {
            throw Elbv2Errors.validation("A 'HttpHeaderConfig' must be specified with 'http-header'");
        }
        String name = ConditionValues.headerName(config.httpHeaderName());
        return new Condition(HTTP_HEADER, ConditionValues.headerValues(config.hasValues() ? config.values() : List.of()), name, null);
    }

    private static Condition httpRequestMethod(HttpRequestMethodConditionConfig config) {
        if (config == null) {
            throw Elbv2Errors.validation("A 'HttpRequestMethodConfig' must be specified with 'http-request-method'");
        }
        return new Condition(HTTP_REQUEST_METHOD, ConditionValues.methods(config.hasValues() ? config.values() : List.of()), null, null);
    }

    private static Condition queryString(QueryStringConditionConfig config) {
        if (config == null) {
            throw Elbv2Errors.validation("A 'QueryStringConfig' must be specified with 'query-string'");
        }
        List<Condition.KeyValue> pairs = ConditionValues.queryStrings(config.hasValues() ? config.values().stream()
                .map(p -> new Condition.KeyValue(p.key(), p.value())).toList() : List.of());
        return new Condition(QUERY_STRING, null, null, pairs);
    }

    private static Condition sourceIp(SourceIpConditionConfig config) {
        if (config == null) {
            throw Elbv2Errors.validation("A 'SourceIpConfig' must be specified with 'source-ip'");
        }
        return new Condition(SOURCE_IP, ConditionValues.cidrs(config.hasValues() ? config.values() : List.of()), null, null);
    }

    private static int valueCount(Condition c) {
        return c.field().equals(QUERY_STRING) ? c.queryStrings().size() : c.values().size();
    }

    // The strings in which * and ? are wildcards.
    private static List<String> patterns(Condition c) {
        return switch (c.field()) {
            case HOST_HEADER, PATH_PATTERN, HTTP_HEADER -> c.values();
            case QUERY_STRING -> c.queryStrings().stream()
                    .flatMap(kv -> kv.key() == null ? Stream.of(kv.value()) : Stream.of(kv.key(), kv.value()))
                    .toList();
            default -> List.of();
        };
    }

    static List<RuleCondition> toSdk(List<Condition> conditions) {
        return conditions.stream().map(Conditions::toSdk).toList();
    }

    // host-header and path-pattern are reported both ways, as AWS does, so old and new clients read them.
    private static RuleCondition toSdk(Condition c) {
        RuleCondition.Builder out = RuleCondition.builder().field(c.field());
        switch (c.field()) {
            case HOST_HEADER -> out.values(c.values()).hostHeaderConfig(HostHeaderConditionConfig.builder().values(c.values()).build());
            case PATH_PATTERN -> out.values(c.values()).pathPatternConfig(PathPatternConditionConfig.builder().values(c.values()).build());
            case HTTP_HEADER -> out.httpHeaderConfig(HttpHeaderConditionConfig.builder().httpHeaderName(c.headerName()).values(c.values())
                    .build());
            case HTTP_REQUEST_METHOD -> out.httpRequestMethodConfig(HttpRequestMethodConditionConfig.builder().values(c.values()).build());
            case QUERY_STRING -> out.queryStringConfig(QueryStringConditionConfig.builder()
                    .values(c.queryStrings().stream().map(kv -> QueryStringKeyValuePair.builder().key(kv.key()).value(kv.value()).build())
                            .toList())
                    .build());
            default -> out.sourceIpConfig(SourceIpConditionConfig.builder().values(c.values()).build());
        }
        return out.build();
    }
}
