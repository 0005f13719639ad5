package io.kumo.elbv2.runtime;

import io.kumo.core.service.OpaqueTokens;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Duration-based stickiness (stickiness.type lb_cookie): the load balancer's own cookie AWSALB,
 * and AWSALBCORS for cross-origin requests, name the target a client was sent to, so its next
 * requests go there as long as that target can take them. The value is opaque to clients.
 */
final class Stickiness {
    static final String COOKIE = "AWSALB";
    static final String CORS_COOKIE = "AWSALBCORS";
    /** A weighted forward's own stickiness names the target group a client was sent to. */
    static final String GROUP_COOKIE = "AWSALBTG";
    static final String GROUP_CORS_COOKIE = "AWSALBTGCORS";

    private Stickiness() {
    }

    static boolean enabled(ElbPlans.Group group) {
        Map<String, String> a = group.attributes();
        return "true".equals(a.get("stickiness.enabled")) && "lb_cookie".equals(a.getOrDefault("stickiness.type", "lb_cookie"));
    }

    /** The target the request's cookie names, for this group. */
    static Optional<String> stuckTo(ElbPlans.Group group, String cookieHeader) {
        return named(cookieHeader, COOKIE, group.arn() + "|");
    }

    /** The target group the request's AWSALBTG cookie names, for this forward (identified by its first group). */
    static Optional<String> groupStuckTo(io.kumo.elbv2.listener.Action.Forward forward, String cookieHeader) {
        return named(cookieHeader, GROUP_COOKIE, forward.targetGroups().getFirst().targetGroupArn() + "|");
    }

    /** The Set-Cookie values that keep the client on the group for the forward's stickiness duration. */
    static List<String> groupCookies(io.kumo.elbv2.listener.Action.Forward forward, String groupArn) {
        long seconds = forward.stickinessDurationSeconds() == null ? 3600 : forward.stickinessDurationSeconds();
        return cookiePair(GROUP_COOKIE, GROUP_CORS_COOKIE, forward.targetGroups().getFirst().targetGroupArn() + "|" + groupArn, seconds);
    }

    private static Optional<String> named(String cookieHeader, String name, String prefix) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (Cookie cookie : ServerCookieDecoder.LAX.decode(cookieHeader)) {
            if (cookie.name().equals(name)) {
                try {
                    String decoded = new String(Base64.getUrlDecoder().decode(cookie.value()), StandardCharsets.UTF_8);
                    if (decoded.startsWith(prefix)) {
                        return Optional.of(decoded.substring(prefix.length()));
                    }
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The Set-Cookie values that stick the client to the target for the group's duration. */
    static List<String> cookies(ElbPlans.Group group, ElbPlans.Target target) {
        long seconds = Long.parseLong(group.attributes().getOrDefault("stickiness.lb_cookie.duration_seconds", "86400"));
        return cookiePair(COOKIE, CORS_COOKIE, group.arn() + "|" + target.key(), seconds);
    }

    private static List<String> cookiePair(String name, String corsName, String content, long seconds) {
        String value = OpaqueTokens.encode(content);
        DefaultCookie plain = new DefaultCookie(name, value);
        plain.setMaxAge(seconds);
        plain.setPath("/");
        DefaultCookie cors = new DefaultCookie(corsName, value);
        cors.setMaxAge(seconds);
        cors.setPath("/");
        cors.setSameSite(io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite.None);
        return List.of(ServerCookieEncoder.LAX.encode(plain), ServerCookieEncoder.LAX.encode(cors));
    }
}
