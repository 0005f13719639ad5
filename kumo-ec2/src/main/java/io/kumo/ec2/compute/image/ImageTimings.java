package io.kumo.ec2.compute.image;

import java.time.Duration;
import java.util.Locale;

/**
 * How long an image stays pending where nothing freezes layers (instances are API records only),
 * and how long a deregistered image's id is remembered. Read at every use, so tests may change
 * them at run time: {@code kumo.ec2.image.pending-millis} / {@code KUMO_EC2_IMAGE_PENDING_MILLIS}
 * and {@code deregistered-retention-millis}.
 */
public record ImageTimings(Duration pending, Duration deregisteredRetention) {

    public static ImageTimings current() {
        return new ImageTimings(read("pending-millis", 1500), read("deregistered-retention-millis", 3_600_000));
    }

    private static Duration read(String name, long defaultMillis) {
        String value = System.getProperty("kumo.ec2.image." + name);
        if (value == null) {
            value = System.getenv("KUMO_EC2_IMAGE_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        if (value == null || value.isBlank()) {
            return Duration.ofMillis(defaultMillis);
        }
        try {
            return Duration.ofMillis(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofMillis(defaultMillis);
        }
    }
}
