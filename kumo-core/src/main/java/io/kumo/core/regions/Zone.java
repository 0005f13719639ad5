package io.kumo.core.regions;

import java.util.Objects;

/** An Availability Zone: its name ("ap-northeast-1a") and its AZ ID ("apne1-az4"). */
public record Zone(String name, String zoneId, String regionName) {
    public Zone {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(regionName, "regionName");
        if (!name.startsWith(regionName)) {
            throw new IllegalArgumentException(name + " is not a zone of " + regionName);
        }
    }
}
