package io.kumo.elbv2.runtime;

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

    private Stickiness() {
    }

    static boolean enabled(ElbPlans.Group group) {
        Map<String, String> a = group.attributes();
        return "true".equals(a.get("stickiness.enabled")) && "lb_cookie".equals(a.getOrDefault("stickiness.type", "lb_cookie"));
    }

    /** The target the request's cookie names, for this group. */
    static Optional<String> stuckTo(ElbPlans.Group group, String cookieHeader) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (Cookie cookie : ServerCookieDecoder.LAX.decode(cookieHeader)) {
            if (cookie.name().equals(COOKIE)) {
                try {
                    String decoded = new String(Base64.getUrlDecoder().decode(cookie.value()), StandardCharsets.UTF_8);
                    String prefix = group.arn() + "|";
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
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString((group.arn() + "|" + target.key()).getBytes(StandardCharsets.UTF_8));
        DefaultCookie plain = new DefaultCookie(COOKIE, value);
        plain.setMaxAge(seconds);
        plain.setPath("/");
        DefaultCookie cors = new DefaultCookie(CORS_COOKIE, value);
        cors.setMaxAge(seconds);
        cors.setPath("/");
        cors.setSameSite(io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite.None);
        return List.of(ServerCookieEncoder.LAX.encode(plain), ServerCookieEncoder.LAX.encode(cors));
    }
}
