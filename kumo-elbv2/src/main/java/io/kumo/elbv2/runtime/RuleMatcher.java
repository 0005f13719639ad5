package io.kumo.elbv2.runtime;

import io.kumo.core.net.Ipv4Address;
import io.kumo.core.net.Ipv4Cidr;
import io.kumo.elbv2.listener.Condition;

import java.util.List;
import java.util.Locale;

/**
 * A rule's conditions against a request, as ALB evaluates them: every condition must hold, and a
 * condition holds when any of its values matches. Patterns take * (any run of characters) and
 * ? (one character); paths and methods are case-sensitive, host names, header values and query
 * strings are not.
 */
final class RuleMatcher {

    private RuleMatcher() {
    }

    static boolean matches(List<Condition> conditions, RequestFacts request) {
        return conditions.stream().allMatch(c -> holds(c, request));
    }

    static boolean holds(Condition c, RequestFacts r) {
        return switch (c.field()) {
            case "host-header" -> c.values().stream().anyMatch(p -> wildcard(lower(p), lower(r.host())));
            case "path-pattern" -> c.values().stream().anyMatch(p -> wildcard(p, r.path()));
            case "http-request-method" -> c.values().contains(r.method());
            case "http-header" -> r.headers().getOrDefault(lower(c.headerName()), List.of()).stream()
                    .anyMatch(v -> c.values().stream().anyMatch(p -> wildcard(lower(p), lower(v))));
            case "query-string" -> c.queryStrings().stream().anyMatch(kv -> r.query().stream().anyMatch(q ->
                    (kv.key() == null || wildcard(lower(kv.key()), lower(q.getKey()))) && wildcard(lower(kv.value()), lower(q.getValue()))));
            case "source-ip" -> c.values().stream().anyMatch(cidr -> contains(cidr, r.sourceIp()));
            default -> false;
        };
    }

    /** Glob matching with * and ?, iteratively (no regex: patterns come from users). */
    static boolean wildcard(String pattern, String text) {
        if (pattern == null || text == null) {
            return false;
        }
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean contains(String cidr, String ip) {
        try {
            return ip != null && !ip.contains(":") && Ipv4Cidr.parse(cidr).contains(Ipv4Address.parse(ip));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
