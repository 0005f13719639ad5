package io.kumo.auth;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** SigV4's "yyyyMMdd'T'HHmmss'Z'" timestamps, parsed by hand because this runs on every request. */
final class AmzDate {
    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AmzDate() {
    }

    /** The instant of a basic-format timestamp, or null when it is not one. */
    static Instant parse(String text) {
        if (text == null || text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 4, 6);
        int day = number(text, 6, 8);
        int hour = number(text, 9, 11);
        int minute = number(text, 11, 13);
        int second = number(text, 13, 15);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException impossibleDay) {
            return null;
        }
    }

    /** An HTTP Date header (RFC 1123), which SigV4 accepts in place of X-Amz-Date; null if unparsable. */
    static Instant parseHttpDate(String text) {
        try {
            return java.time.ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String basic(Instant instant) {
        return BASIC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The form S3 uses for ServerTime and Expires: 2026-11-22T10:00:00Z. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
