package io.kumo.elbv2.listener;

import io.kumo.elbv2.support.Elbv2Errors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Redirect actions. Parts left out keep the request's own ("#{host}" and the like), as AWS stores
 * and reports them; a redirect that keeps every part would send clients back where they were.
 */
final class RedirectActions {
    static final String SAME_PROTOCOL = "#{protocol}";
    static final String SAME_PORT = "#{port}";
    static final String SAME_HOST = "#{host}";
    static final String SAME_PATH = "/#{path}";
    static final String SAME_QUERY = "#{query}";

    private static final Pattern PROTOCOL = Pattern.compile("^(HTTPS?|#\\{protocol\\})$");
    private static final Pattern PORT_NUMBER = Pattern.compile("[0-9]{1,5}");

    private RedirectActions() {
    }

    static Action fromSdk(RedirectActionConfig config, Integer order, ActionTarget target, String path) {
        if (config == null) {
            throw Elbv2Errors.of("InvalidLoadBalancerAction",
                    "For actions of type 'redirect', you must specify the following fields: 'RedirectConfig'");
        }
        String at = path + ".redirectConfig";
        String status = ModelConstraints.oneOf(config.statusCodeAsString(), at + ".statusCode", List.of("HTTP_301", "HTTP_302"));
        String protocol = ModelConstraints.pattern(orElse(config.protocol(), SAME_PROTOCOL), at + ".protocol", PROTOCOL);
        String port = port(orElse(config.port(), SAME_PORT));
        String host = ModelConstraints.length(orElse(config.host(), SAME_HOST), at + ".host", 1, 128);
        String redirectPath = ModelConstraints.length(orElse(config.path(), SAME_PATH), at + ".path", 1, 128);
        if (!redirectPath.startsWith("/")) {
            throw Elbv2Errors.of("InvalidLoadBalancerAction", "The redirect path must start with a '/' character");
        }
        String query = ModelConstraints.length(orElse(config.query(), SAME_QUERY), at + ".query", 0, 128);
        if (query.startsWith("?")) {
            throw Elbv2Errors.of("InvalidLoadBalancerAction", "The redirect query must not start with a '?' character");
        }
        Action.Redirect redirect = new Action.Redirect(protocol, port, host, redirectPath, query, status);
        if (loops(redirect, target)) {
            throw Elbv2Errors.of("InvalidLoadBalancerAction", "The redirect configuration is not valid because it creates a loop.");
        }
        return new Action(Actions.REDIRECT, order, null, null, redirect, null);
    }

    private static String port(String port) {
        if (port.equals(SAME_PORT)) {
            return port;
        }
        if (!PORT_NUMBER.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw Elbv2Errors.of("InvalidLoadBalancerAction", "The redirect port must be '#{port}' or a number from 1 to 65535");
        }
        return port;
    }

    private static boolean loops(Action.Redirect r, ActionTarget target) {
        boolean sameProtocol = r.protocol().equals(SAME_PROTOCOL) || r.protocol().equals(target.listenerProtocol());
        boolean samePort = r.port().equals(SAME_PORT) || r.port().equals(Integer.toString(target.listenerPort()));
        return sameProtocol && samePort && r.host().equals(SAME_HOST) && r.path().equals(SAME_PATH) && r.query().equals(SAME_QUERY);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
