package io.kumo.elbv2.support;

import io.kumo.core.service.PositionMarkers;

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
        int from = marker == null ? 0 : PositionMarkers.decode(marker).orElse(-1);
        if (from < 0 || from > all.size()) {
            throw Elbv2Errors.validation("Invalid marker '" + marker + "'");
        }
        PositionMarkers.Slice<T> slice = PositionMarkers.slice(all, from, size);
        return new Page<>(slice.items(), slice.next());
    }
}
