package io.kumo.core.service;

import java.util.List;
import java.util.Optional;
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
        return OpaqueTokens.encode("p" + position);
    }

    /** The position a marker names; empty for anything that is not a marker of ours. */
    public static OptionalInt decode(String marker) {
        Optional<String> digits = OpaqueTokens.afterPrefix(marker, "p");
        try {
            if (digits.isPresent()) {
                int position = Integer.parseInt(digits.get());
                return position < 0 ? OptionalInt.empty() : OptionalInt.of(position);
            }
        } catch (NumberFormatException e) {
            // not a number: not ours
        }
        return OptionalInt.empty();
    }
}
