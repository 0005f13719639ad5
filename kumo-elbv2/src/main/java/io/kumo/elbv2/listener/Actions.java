package io.kumo.elbv2.listener;

import io.kumo.core.store.Tx;
import io.kumo.elbv2.support.Elbv2Errors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupStickinessConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place where actions turn from the SDK's shape into records (checked as ELBv2 checks
 * them) and back. Listeners' default actions and rules' actions both go through here.
 */
final class Actions {
    static final String FORWARD = "forward";
    static final String REDIRECT = "redirect";
    static final String FIXED_RESPONSE = "fixed-response";

    private static final List<String> TYPES = List.of("forward", "authenticate-oidc", "authenticate-cognito", "redirect",
            "fixed-response", "jwt-validation");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "text/css", "text/html", "application/javascript",
            "application/json");
    private static final Pattern FIXED_STATUS = Pattern.compile("^(2|4|5)\\d\\d$");

    private Actions() {
    }

    static List<Action> fromSdk(Tx tx, List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Action> given,
                                ActionTarget target) {
        if (given == null || given.isEmpty()) {
            throw Elbv2Errors.validation("At least one action must be specified");
        }
        List<Action> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            out.add(one(tx, given.get(i), target, target.parameter() + "." + (i + 1) + ".member"));
        }
        // Without authentication actions (they need HTTPS), a rule holds exactly one action, the final one.
        if (out.size() > 1) {
            throw Elbv2Errors.of("TooManyActions", "A rule can have only one forward, redirect or fixed-response action");
        }
        return List.copyOf(out);
    }

    private static Action one(Tx tx, software.amazon.awssdk.services.elasticloadbalancingv2.model.Action given, ActionTarget target,
                              String path) {
        String type = ModelConstraints.oneOf(given.typeAsString(), path + ".type", TYPES);
        Integer order = given.order() == null ? null : ModelConstraints.range(given.order(), path + ".order", 1, 50000);
        return switch (type) {
            case FORWARD -> ForwardActions.fromSdk(tx, given, order, target, path);
            case REDIRECT -> RedirectActions.fromSdk(given.redirectConfig(), order, target, path);
            case FIXED_RESPONSE -> fixedResponse(given.fixedResponseConfig(), order, path);
            default -> throw Elbv2Errors.of("InvalidLoadBalancerAction", "Actions of type '" + type
                    + "' (authentication through Cognito or OIDC) are not supported by Kumo");
        };
    }

    private static Action fixedResponse(FixedResponseActionConfig config, Integer order, String path) {
        if (config == null) {
            throw Elbv2Errors.of("InvalidLoadBalancerAction",
                    "For actions of type 'fixed-response', you must specify the following fields: 'FixedResponseConfig'");
        }
        if (config.statusCode() == null) {
            throw Elbv2Errors.missing("FixedResponseConfig.StatusCode");
        }
        ModelConstraints.pattern(config.statusCode(), path + ".fixedResponseConfig.statusCode", FIXED_STATUS);
        ModelConstraints.length(config.messageBody(), path + ".fixedResponseConfig.messageBody", 0, 1024);
        if (config.contentType() != null && !CONTENT_TYPES.contains(config.contentType())) {
            throw Elbv2Errors.of("InvalidLoadBalancerAction",
                    "The ContentType must be one of:'text/html', 'application/json', 'application/javascript', 'text/css', 'text/plain'");
        }
        return new Action(FIXED_RESPONSE, order, null, null, null,
                new Action.FixedResponse(config.messageBody(), config.statusCode(), config.contentType()));
    }

    static List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Action> toSdk(List<Action> actions) {
        List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Action> out = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            out.add(toSdk(actions.get(i), i + 1));
        }
        return out;
    }

    // AWS reports an order for every action, numbering them in sequence when none was given.
    private static software.amazon.awssdk.services.elasticloadbalancingv2.model.Action toSdk(Action action, int position) {
        var out = software.amazon.awssdk.services.elasticloadbalancingv2.model.Action.builder()
                .type(action.type())
                .order(action.order() == null ? position : action.order());
        if (action.forward() != null) {
            Action.Forward forward = action.forward();
            if (forward.targetGroups().size() == 1) {
                out.targetGroupArn(forward.targetGroups().getFirst().targetGroupArn());
            }
            TargetGroupStickinessConfig.Builder stickiness = TargetGroupStickinessConfig.builder().enabled(forward.stickinessEnabled());
            if (forward.stickinessEnabled()) {
                stickiness.durationSeconds(forward.stickinessDurationSeconds());
            }
            out.forwardConfig(ForwardActionConfig.builder()
                    .targetGroups(forward.targetGroups().stream()
                            .map(g -> TargetGroupTuple.builder().targetGroupArn(g.targetGroupArn()).weight(g.weight()).build())
                            .toList())
                    .targetGroupStickinessConfig(stickiness.build())
                    .build());
        }
        if (action.redirect() != null) {
            Action.Redirect r = action.redirect();
            out.redirectConfig(RedirectActionConfig.builder().protocol(r.protocol()).port(r.port()).host(r.host()).path(r.path())
                    .query(r.query()).statusCode(r.statusCode()).build());
        }
        if (action.fixedResponse() != null) {
            Action.FixedResponse f = action.fixedResponse();
            out.fixedResponseConfig(FixedResponseActionConfig.builder().messageBody(f.messageBody()).statusCode(f.statusCode())
                    .contentType(f.contentType()).build());
        }
        return out.build();
    }
}
