package io.kumo.core.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;

/**
 * Pagination by position over a list in its final order, for the services whose Marker is opaque
 * to clients: the marker names where the next page starts. Each service keeps its own page-size
 * bounds and error messages; this is the slicing and the marker's encoding they share.
 */
public final class PositionMarkers {

    /** @param next the marker of the following page, or null on the last one */
    public record Slice<T>(List<T> items, String next) {
    }

    private PositionMarkers() {
    }

    /** The page of {@code size} from {@code from} (which must be within the list, or just past it). */
    public static <T> Slice<T> slice(List<T> all, int from, int size) {
        int to = Math.min(all.size(), from + size);
        return new Slice<>(List.copyOf(all.subList(from, to)), to < all.size() ? encode(to) : null);
    }

    public static String encode(int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("p" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a marker names; empty for anything that is not a marker of ours. */
    public static OptionalInt decode(String marker) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (decoded.startsWith("p")) {
                int position = Integer.parseInt(decoded.substring(1));
                return position < 0 ? OptionalInt.empty() : OptionalInt.of(position);
            }
        } catch (IllegalArgumentException e) {
            // not base64, or not a number: not ours
        }
        return OptionalInt.empty();
    }
}
