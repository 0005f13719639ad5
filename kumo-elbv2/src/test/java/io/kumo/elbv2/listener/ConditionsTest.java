package io.kumo.elbv2.listener;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HostHeaderConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HttpHeaderConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HttpRequestMethodConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PathPatternConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.QueryStringConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.QueryStringKeyValuePair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SourceIpConditionConfig;

import java.util.List;

import static io.kumo.elbv2.listener.Elbv2Fixture.assertAwsError;
import static io.kumo.elbv2.listener.Elbv2Fixture.fixed;
import static io.kumo.elbv2.listener.Elbv2Fixture.path;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule conditions, created through CreateRule and reported back. */
class ConditionsTest {
    private final Elbv2Fixture f = new Elbv2Fixture();
    private final String listener = f.createListener(f.loadBalancer("web"), 80, fixed("404")).listenerArn();
    private int nextPriority = 1;

    @Test
    void everyKindOfConditionRoundTrips() {
        Rule rule = create(
                RuleCondition.builder().field("host-header").hostHeaderConfig(HostHeaderConditionConfig.builder().values("*.example.com").build()).build(),
                RuleCondition.builder().field("http-header").httpHeaderConfig(HttpHeaderConditionConfig.builder().httpHeaderName("X-Env")
                        .values("blue").build()).build(),
                RuleCondition.builder().field("http-request-method").httpRequestMethodConfig(HttpRequestMethodConditionConfig.builder()
                        .values("GET").build()).build(),
                RuleCondition.builder().field("source-ip").sourceIpConfig(SourceIpConditionConfig.builder().values("10.0.0.0/8").build()).build(),
                RuleCondition.builder().field("query-string").queryStringConfig(QueryStringConditionConfig.builder().values(
                        QueryStringKeyValuePair.builder().key("v").value("2").build()).build()).build());

        List<RuleCondition> conditions = rule.conditions();
        assertThat(conditions).extracting(RuleCondition::field)
                .containsExactly("host-header", "http-header", "http-request-method", "source-ip", "query-string");
        assertThat(conditions.get(0).hostHeaderConfig().values()).containsExactly("*.example.com");
        assertThat(conditions.get(0).values()).containsExactly("*.example.com");
        assertThat(conditions.get(1).httpHeaderConfig().httpHeaderName()).isEqualTo("X-Env");
        assertThat(conditions.get(1).httpHeaderConfig().values()).containsExactly("blue");
        assertThat(conditions.get(2).httpRequestMethodConfig().values()).containsExactly("GET");
        assertThat(conditions.get(3).sourceIpConfig().values()).containsExactly("10.0.0.0/8");
        assertThat(conditions.get(4).queryStringConfig().values()).containsExactly(QueryStringKeyValuePair.builder().key("v").value("2").build());
    }

    @Test
    void legacyValuesAreReportedInTheConfigToo() {
        Rule rule = create(RuleCondition.builder().field("path-pattern").values("/img/*").build());
        assertThat(rule.conditions().getFirst().values()).containsExactly("/img/*");
        assertThat(rule.conditions().getFirst().pathPatternConfig().values()).containsExactly("/img/*");
    }

    @Test
    void fieldsAndTheirConfigsAreChecked() {
        refused(RuleCondition.builder().field("cookie").values("x").build(), "Condition field 'cookie' must be one of");
        refused(RuleCondition.builder().values("/x").build(), "A condition field must be specified");
        refused(RuleCondition.builder().field("source-ip").values("10.0.0.0/8").build(), "The 'Values' field is not compatible with 'source-ip'");
        refused(RuleCondition.builder().field("path-pattern").values("/a", "/b").build(),
                "The 'path-pattern' field contains too many values; the limit is '1'");
        refused(RuleCondition.builder().field("path-pattern").values("/a").pathPatternConfig(PathPatternConditionConfig.builder().values("/b")
                .build()).build(), "You cannot provide both Values and 'PathPatternConfig'");
        refused(RuleCondition.builder().field("host-header").build(), "A condition value must be specified");
        refused(RuleCondition.builder().field("path-pattern").pathPatternConfig(PathPatternConditionConfig.builder().values("/a").build())
                .hostHeaderConfig(HostHeaderConditionConfig.builder().values("a.example.com").build()).build(), "cannot have the configuration");
        refused(RuleCondition.builder().field("http-header").build(), "A 'HttpHeaderConfig' must be specified with 'http-header'");
        refused(RuleCondition.builder().field("http-request-method").build(), "A 'HttpRequestMethodConfig' must be specified");
        refused(RuleCondition.builder().field("query-string").build(), "A 'QueryStringConfig' must be specified");
        refused(RuleCondition.builder().field("source-ip").build(), "A 'SourceIpConfig' must be specified");
        assertAwsError(() -> new CreateRule().handle(f.ctx(), CreateRuleRequest.builder().listenerArn(listener).priority(99)
                .actions(fixed("200")).build()), "ValidationError", "at least one condition");
    }

    @Test
    void hostPatternsAreChecked() {
        assertThat(create(host("api-1.example.com")).conditions().getFirst().values()).containsExactly("api-1.example.com");
        assertThat(create(host("w?w.example.*")).priority()).isNotEmpty();
        refused(host("a".repeat(121) + ".example"), "The 'host-header' value is too long; the limit is '128'");
        refused(host("bad_host.example.com"), "allowed characters");
        refused(host("localhost"), "must include a '.'");
        refused(host("example.c0m"), "only letters after the last '.'");
        refused(host(""), "cannot be empty");
    }

    @Test
    void pathPatternsAreChecked() {
        assertThat(create(path("/a-b_c.d$e/~f\"g'h@i:j+k&l/*?")).priority()).isNotEmpty();
        refused(path("/" + "a".repeat(128)), "The 'path-pattern' value is too long; the limit is '128'");
        refused(path("/with space"), "allowed characters");
        refused(path("/percent%20"), "allowed characters");
    }

    @Test
    void headersMethodsQueriesAndSourcesAreChecked() {
        refused(header("X".repeat(41), "v"), "The 'HttpHeaderName' value is too long; the limit is '40'");
        refused(header("X Env", "v"), "not a valid HTTP header name");
        refused(header("X-Env"), "A 'http-header' value must be specified");
        refused(header("X-Env", "v".repeat(129)), "The 'http-header' value is too long; the limit is '128'");
        refused(method("get"), "the allowed characters are A-Z, hyphen and underscore");
        refused(method("A".repeat(41)), "The 'http-request-method' value is too long; the limit is '40'");
        assertThat(create(method("CUSTOM_VERB-2".replace("2", "X"))).priority()).isNotEmpty();
        refused(query(QueryStringKeyValuePair.builder().key("k").build()), "A 'Value' must be specified in 'QueryStringKeyValuePair'");
        refused(query(QueryStringKeyValuePair.builder().key("k".repeat(129)).value("v").build()), "The 'Key' value is too long");
        refused(query(QueryStringKeyValuePair.builder().value("v".repeat(129)).build()), "The 'Value' value is too long");
        assertThat(create(query(QueryStringKeyValuePair.builder().value("any-key").build())).conditions().getFirst().queryStringConfig().values()
                .getFirst().key()).isNull();
        refused(source("10.0.0.300/8"), "is not a valid CIDR block");
        refused(source("10.0.0.1"), "is not a valid CIDR block");
        assertThat(create(source("2001:db8::/32", "192.0.2.0/24")).conditions().getFirst().sourceIpConfig().values()).hasSize(2);
    }

    @Test
    void aRuleHasAtMostFiveValuesAndFiveWildcardsAndOneOfEachSingleField() {
        refused(new RuleCondition[]{path("/a", "/b", "/c"), host("a.example.com", "b.example.com", "c.example.com")},
                "A rule can only have '5' condition values");
        refused(new RuleCondition[]{path("/a", "/b"), query(QueryStringKeyValuePair.builder().value("1").build(),
                QueryStringKeyValuePair.builder().value("2").build(), QueryStringKeyValuePair.builder().value("3").build(),
                QueryStringKeyValuePair.builder().value("4").build())}, "A rule can only have '5' condition values");
        assertThat(create(path("/a", "/b"), host("a.example.com", "b.example.com", "c.example.com")).conditions()).hasSize(2);
        assertThat(create(path("/*/*/*"), host("*.*.example.com")).conditions()).hasSize(2);
        refused(new RuleCondition[]{path("/*/*/*"), host("*.*.ex?mple.com")}, "A rule can only have '5' wildcards");
        refused(new RuleCondition[]{path("/a"), path("/b")}, "A rule can have only one 'path-pattern' condition");
        assertThat(create(header("X-A", "1"), header("X-B", "2")).conditions()).hasSize(2);
    }

    private Rule create(RuleCondition... conditions) {
        return new CreateRule().handle(f.ctx(), CreateRuleRequest.builder().listenerArn(listener).priority(nextPriority++)
                .conditions(conditions).actions(fixed("200")).build()).rules().getFirst();
    }

    private void refused(RuleCondition condition, String messagePart) {
        refused(new RuleCondition[]{condition}, messagePart);
    }

    private void refused(RuleCondition[] conditions, String messagePart) {
        assertAwsError(() -> create(conditions), "ValidationError", messagePart);
    }

    private static RuleCondition host(String... hosts) {
        return RuleCondition.builder().field("host-header").hostHeaderConfig(HostHeaderConditionConfig.builder().values(hosts).build()).build();
    }

    private static RuleCondition header(String name, String... values) {
        return RuleCondition.builder().field("http-header").httpHeaderConfig(HttpHeaderConditionConfig.builder().httpHeaderName(name)
                .values(values).build()).build();
    }

    private static RuleCondition method(String... methods) {
        return RuleCondition.builder().field("http-request-method").httpRequestMethodConfig(HttpRequestMethodConditionConfig.builder()
                .values(methods).build()).build();
    }

    private static RuleCondition query(QueryStringKeyValuePair... pairs) {
        return RuleCondition.builder().field("query-string").queryStringConfig(QueryStringConditionConfig.builder().values(pairs).build()).build();
    }

    private static RuleCondition source(String... cidrs) {
        return RuleCondition.builder().field("source-ip").sourceIpConfig(SourceIpConditionConfig.builder().values(cidrs).build()).build();
    }
}
