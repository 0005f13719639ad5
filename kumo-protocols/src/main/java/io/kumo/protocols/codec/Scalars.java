package io.kumo.protocols.codec;

import io.kumo.protocols.model.Shape;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/** Text forms of scalar values, as the XML and query protocols carry them. */
public final class Scalars {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Scalars() {
    }

    /** Parses wire text into the tree value of a scalar shape; throws IllegalArgumentException. */
    public static Object parse(Shape shape, String text, String timestampFormat) {
        return switch (shape.type()) {
            case "string" -> text;
            case "integer", "short", "byte" -> Integer.valueOf(text.trim());
            case "long" -> Long.valueOf(text.trim());
            case "boolean" -> parseBoolean(text);
            case "double" -> Double.valueOf(text.trim());
            case "float" -> Float.valueOf(text.trim());
            case "bigdecimal" -> new BigDecimal(text.trim());
            case "timestamp" -> parseTimestamp(text.trim(), timestampFormat);
            case "blob" -> Base64.getDecoder().decode(text.trim());
            default -> throw new IllegalArgumentException("not a scalar: " + shape.type());
        };
    }

    public static boolean isScalar(Shape shape) {
        return switch (shape.type()) {
            case "structure", "list", "map" -> false;
            default -> true;
        };
    }

    private static Boolean parseBoolean(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return Boolean.TRUE;
        }
        if (t.equals("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    public static Instant parseTimestamp(String text, String format) {
        if ("unixTimestamp".equals(format) || text.matches("-?\\d+(\\.\\d+)?")) {
            BigDecimal seconds = new BigDecimal(text);
            return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
        }
        if ("rfc822".equals(format)) {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text + "Z");
            } catch (DateTimeParseException again) {
                return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            }
        }
    }

    /** Formats a tree value as wire text. */
    public static String format(Object value, String timestampFormat) {
        return switch (value) {
            case Instant instant -> formatTimestamp(instant, timestampFormat);
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Double d -> formatDouble(d);
            case Float f -> formatDouble(f.doubleValue());
            default -> value.toString();
        };
    }

    public static String formatTimestamp(Instant instant, String format) {
        if ("unixTimestamp".equals(format)) {
            return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).stripTrailingZeros().toPlainString();
        }
        if ("rfc822".equals(format)) {
            return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
        }
        return isoMillis(instant);
    }

    /** yyyy-MM-ddTHH:mm:ss.SSSZ, as EC2 and the query services write timestamps; by hand, as it runs per value. */
    static String isoMillis(Instant instant) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return ISO_MILLIS.format(instant);
        }
        char[] c = new char[24];
        put(c, 0, t.getYear(), 4);
        c[4] = '-';
        put(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, t.getHour(), 2);
        c[13] = ':';
        put(c, 14, t.getMinute(), 2);
        c[16] = ':';
        put(c, 17, t.getSecond(), 2);
        c[19] = '.';
        put(c, 20, t.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static String formatDouble(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        return Double.toString(d);
    }
}
