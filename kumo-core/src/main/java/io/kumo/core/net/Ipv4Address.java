package io.kumo.core.net;

import java.util.Objects;

/** An IPv4 address held as its unsigned 32-bit value. */
public record Ipv4Address(long value) implements Comparable<Ipv4Address> {
    public static final long MAX_VALUE = 0xFFFF_FFFFL;

    public Ipv4Address {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("not a 32-bit address value: " + value);
        }
    }

    public static Ipv4Address of(long value) {
        return new Ipv4Address(value);
    }

    /**
     * Dotted-quad only: exactly four decimal octets. Leading zeros are refused because tools
     * disagree on whether "010" is ten or eight, and AWS never prints them.
     */
    public static Ipv4Address parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new InvalidAddressException(text, "is not a dotted-quad IPv4 address");
        }
        long value = 0;
        for (String part : parts) {
            value = (value << 8) | octet(part, text);
        }
        return new Ipv4Address(value);
    }

    private static int octet(String part, String whole) {
        boolean digitsOnly = !part.isEmpty() && part.length() <= 3 && part.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digitsOnly || (part.length() > 1 && part.charAt(0) == '0')) {
            throw new InvalidAddressException(whole, "has a malformed octet '" + part + "'");
        }
        int octet = Integer.parseInt(part);
        if (octet > 255) {
            throw new InvalidAddressException(whole, "has an octet above 255");
        }
        return octet;
    }

    /** The address {@code n} places further on; n may be negative. */
    public Ipv4Address plus(long n) {
        long target = value + n;
        if (target < 0 || target > MAX_VALUE) {
            throw new IllegalArgumentException(this + " plus " + n + " leaves the IPv4 space");
        }
        return new Ipv4Address(target);
    }

    public Ipv4Address next() {
        return plus(1);
    }

    public Ipv4Address previous() {
        return plus(-1);
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return ((value >>> 24) & 0xFF) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "." + (value & 0xFF);
    }
}
