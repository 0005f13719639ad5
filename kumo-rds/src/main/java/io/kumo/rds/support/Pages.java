package io.kumo.rds.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * RDS's Marker/MaxRecords pagination over a list in its final order: MaxRecords is 20 to 100
 * (100 when absent), the marker is opaque to clients (the position of the next item).
 */
public final class Pages {
    public static final int FEWEST = 20;
    public static final int MOST = 100;

    public record Page<T>(List<T> items, String marker) {
    }

    private Pages() {
    }

    public static <T> Page<T> of(List<T> all, String marker, Integer maxRecords) {
        return of(all, marker, maxRecords, MOST);
    }

    /** @param most the operation's own upper bound (DescribeDBParameters allows 100, DescribeEvents 100, ...) */
    public static <T> Page<T> of(List<T> all, String marker, Integer maxRecords, int most) {
        int size = maxRecords == null ? most : maxRecords;
        if (size < FEWEST || size > most) {
            throw RdsErrors.invalidValue("Invalid value for MaxRecords: " + maxRecords + ". It must be between " + FEWEST + " and " + most + ".");
        }
        int from = marker == null || marker.isEmpty() ? 0 : position(marker);
        if (from > all.size()) {
            throw RdsErrors.invalidValue("The marker '" + marker + "' is not valid.");
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
        throw RdsErrors.invalidValue("The marker '" + marker + "' is not valid.");
    }
}
