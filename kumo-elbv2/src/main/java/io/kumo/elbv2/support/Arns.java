package io.kumo.elbv2.support;

import io.kumo.core.Ids;
import io.kumo.core.regions.Regions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ELBv2's ARNs. A load balancer's id and a target group's are 16 hex digits; listeners and rules
 * nest under their load balancer:
 * {@code arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/app/NAME/ID},
 * {@code ...:targetgroup/NAME/ID}, {@code ...:listener/app/NAME/LB-ID/ID},
 * {@code ...:listener-rule/app/NAME/LB-ID/LISTENER-ID/ID}.
 */
public final class Arns {
    private static final String ANY_PREFIX = "arn:[a-z-]+:elasticloadbalancing:[a-z0-9-]+:\\d{12}:";
    private static final Pattern LOAD_BALANCER = Pattern.compile(ANY_PREFIX + "loadbalancer/app/([A-Za-z0-9-]{1,32})/([0-9a-f]{16})");
    private static final Pattern TARGET_GROUP = Pattern.compile(ANY_PREFIX + "targetgroup/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}");
    private static final Pattern LISTENER = Pattern.compile(ANY_PREFIX + "listener/app/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}/[0-9a-f]{16}");
    private static final Pattern RULE = Pattern.compile(ANY_PREFIX
            + "listener-rule/app/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}/[0-9a-f]{16}/[0-9a-f]{16}");

    private Arns() {
    }

    public static String prefix(String region, String account) {
        String partition = Regions.find(region).map(r -> r.partition().id()).orElse("aws");
        return "arn:" + partition + ":elasticloadbalancing:" + region + ":" + account + ":";
    }

    public static String loadBalancer(String region, String account, String name) {
        return prefix(region, account) + "loadbalancer/app/" + name + "/" + Ids.hex(16);
    }

    public static String targetGroup(String region, String account, String name) {
        return prefix(region, account) + "targetgroup/" + name + "/" + Ids.hex(16);
    }

    /** A new listener's ARN, under its load balancer's. */
    public static String listener(String loadBalancerArn) {
        return loadBalancerArn.replace(":loadbalancer/", ":listener/") + "/" + Ids.hex(16);
    }

    /** A new rule's ARN, under its listener's. */
    public static String rule(String listenerArn) {
        return listenerArn.replace(":listener/", ":listener-rule/") + "/" + Ids.hex(16);
    }

    /** The load balancer's name, from its ARN. */
    public static String loadBalancerName(String loadBalancerArn) {
        Matcher m = LOAD_BALANCER.matcher(loadBalancerArn);
        return m.matches() ? m.group(1) : null;
    }

    /** The last part of an ARN: a load balancer's or target group's 16-digit id. */
    public static String id(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The resource part after the account, such as {@code app/NAME/ID} for CloudWatch's LoadBalancer dimension. */
    public static String resource(String arn) {
        String resource = arn.split(":", 6)[5];
        return resource.substring(resource.indexOf('/') + 1);
    }

    public static String checkLoadBalancer(String arn) {
        return check(arn, LOAD_BALANCER, "load balancer");
    }

    public static String checkTargetGroup(String arn) {
        return check(arn, TARGET_GROUP, "target group");
    }

    public static String checkListener(String arn) {
        return check(arn, LISTENER, "listener");
    }

    public static String checkRule(String arn) {
        return check(arn, RULE, "listener rule");
    }

    private static String check(String arn, Pattern pattern, String what) {
        if (arn == null || !pattern.matcher(arn).matches()) {
            throw Elbv2Errors.validation("'" + arn + "' is not a valid " + what + " ARN");
        }
        return arn;
    }
}
