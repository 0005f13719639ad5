package io.kumo.core.net;

import java.util.Objects;

/**
 * An IPv6 CIDR block as written; like {@link Ipv4Cidr} it keeps host bits and offers
 * {@link #normalized()}. Prints the address in RFC 5952 canonical form, as AWS does.
 */
public record Ipv6Cidr(Ipv6Address address, int prefixLength) {
    public Ipv6Cidr {
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("IPv6 prefix length out of range: " + prefixLength);
        }
    }

    public static Ipv6Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] halves = PrefixLength.split(text);
        return new Ipv6Cidr(Ipv6Address.parse(halves[0]), PrefixLength.parse(halves[1], 128, text));
    }

    public static Ipv6Cidr parseNetwork(String text) {
        Ipv6Cidr cidr = parse(text);
        if (!cidr.isNetworkAligned()) {
            throw new InvalidAddressException(text, "has host bits set; the network is " + cidr.normalized());
        }
        return cidr;
    }

    // Java masks shift counts to six bits, so whole-word cases are spelled out.
    private long highMask() {
        if (prefixLength >= 64) {
            return -1L;
        }
        return prefixLength == 0 ? 0 : -1L << (64 - prefixLength);
    }

    private long lowMask() {
        if (prefixLength <= 64) {
            return 0;
        }
        return prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
    }

    public boolean isNetworkAligned() {
        return (address.high() & ~highMask()) == 0 && (address.low() & ~lowMask()) == 0;
    }

    public Ipv6Cidr normalized() {
        return isNetworkAligned() ? this : new Ipv6Cidr(first(), prefixLength);
    }

    public Ipv6Address first() {
        return new Ipv6Address(address.high() & highMask(), address.low() & lowMask());
    }

    public Ipv6Address last() {
        return new Ipv6Address(address.high() | ~highMask(), address.low() | ~lowMask());
    }

    public boolean contains(Ipv6Address candidate) {
        return (candidate.high() & highMask()) == first().high() && (candidate.low() & lowMask()) == first().low();
    }

    public boolean contains(Ipv6Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.first());
    }

    public boolean overlaps(Ipv6Cidr other) {
        return contains(other.first()) || other.contains(first());
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
