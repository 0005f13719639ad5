package io.kumo.rds.support;

import io.kumo.core.service.PositionMarkers;

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
        int from = marker == null || marker.isEmpty() ? 0 : PositionMarkers.decode(marker).orElse(-1);
        if (from < 0 || from > all.size()) {
            throw RdsErrors.invalidValue("The marker '" + marker + "' is not valid.");
        }
        PositionMarkers.Slice<T> slice = PositionMarkers.slice(all, from, size);
        return new Page<>(slice.items(), slice.next());
    }
}
