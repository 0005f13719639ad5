package io.kumo.elbv2.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * ELBv2's Marker pagination over a list in its final order: the marker is opaque to clients
 * (the position of the next item), PageSize is 1 to 400.
 */
public final class Pages {
    public static final int MOST = 400;

    public record Page<T>(List<T> items, String nextMarker) {
    }

    private Pages() {
    }

    public static <T> Page<T> of(List<T> all, String marker, Integer pageSize) {
        int size = pageSize == null ? MOST : pageSize;
        if (size < 1 || size > MOST) {
            throw Elbv2Errors.validation("1 validation error detected: Value '" + pageSize
                    + "' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400");
        }
        int from = marker == null ? 0 : position(marker);
        if (from > all.size()) {
            throw Elbv2Errors.validation("Invalid marker '" + marker + "'");
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? Base64.getUrlEncoder().withoutPadding().encodeToString(("p" + to).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    private static int position(String marker) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (decoded.startsWith("p")) {
                return Integer.parseInt(decoded.substring(1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw Elbv2Errors.validation("Invalid marker '" + marker + "'");
    }
}
