package io.kumo.elbv2.support;

import io.kumo.core.AwsException;

/** The errors ELBv2 answers with, by its codes (all 400, sender faults, as its model says). */
public final class Elbv2Errors {

    private Elbv2Errors() {
    }

    public static AwsException validation(String message) {
        return AwsException.badRequest("ValidationError", message);
    }

    public static AwsException missing(String parameter) {
        return validation("A value for '" + parameter + "' is required");
    }

    public static AwsException of(String code, String message) {
        return AwsException.badRequest(code, message);
    }

    public static AwsException loadBalancerNotFound() {
        return of("LoadBalancerNotFound", "One or more load balancers not found");
    }

    public static AwsException targetGroupNotFound() {
        return of("TargetGroupNotFound", "One or more target groups not found");
    }

    public static AwsException listenerNotFound() {
        return of("ListenerNotFound", "One or more listeners not found");
    }

    public static AwsException ruleNotFound() {
        return of("RuleNotFound", "One or more rules not found");
    }

    public static AwsException invalidConfiguration(String message) {
        return of("InvalidConfigurationRequest", message);
    }
}
