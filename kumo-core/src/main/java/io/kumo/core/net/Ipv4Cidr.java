package io.kumo.core.net;

import java.util.Objects;

/**
 * An IPv4 CIDR block as written: the address keeps any host bits the caller set, so that a
 * service can decide what to do with them. AWS itself silently clears them (a subnet asked for as
 * 172.32.13.0/23 is created as 172.32.12.0/23), hence {@link #isNetworkAligned()} and
 * {@link #normalized()}. Every range operation works on the network the block denotes.
 */
public record Ipv4Cidr(Ipv4Address address, int prefixLength) {
    public Ipv4Cidr {
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("IPv4 prefix length out of range: " + prefixLength);
        }
    }

    public static Ipv4Cidr of(Ipv4Address address, int prefixLength) {
        return new Ipv4Cidr(address, prefixLength);
    }

    /** Strict syntax ("10.0.0.0/16"); host bits are allowed and kept. */
    public static Ipv4Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] halves = PrefixLength.split(text);
        return new Ipv4Cidr(Ipv4Address.parse(halves[0]), PrefixLength.parse(halves[1], 32, text));
    }

    /** Like {@link #parse} but also refuses a block whose address has host bits set. */
    public static Ipv4Cidr parseNetwork(String text) {
        Ipv4Cidr cidr = parse(text);
        if (!cidr.isNetworkAligned()) {
            throw new InvalidAddressException(text, "has host bits set; the network is " + cidr.normalized());
        }
        return cidr;
    }

    public long mask() {
        return prefixLength == 0 ? 0 : (Ipv4Address.MAX_VALUE << (32 - prefixLength)) & Ipv4Address.MAX_VALUE;
    }

    public Ipv4Address netmask() {
        return Ipv4Address.of(mask());
    }

    public boolean isNetworkAligned() {
        return (address.value() & ~mask()) == 0;
    }

    public Ipv4Cidr normalized() {
        return isNetworkAligned() ? this : new Ipv4Cidr(first(), prefixLength);
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    /** The network address. */
    public Ipv4Address first() {
        return Ipv4Address.of(address.value() & mask());
    }

    /** The broadcast address. */
    public Ipv4Address last() {
        return Ipv4Address.of(first().value() + size() - 1);
    }

    public boolean contains(Ipv4Address candidate) {
        return (candidate.value() & mask()) == first().value();
    }

    public boolean contains(Ipv4Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.first());
    }

    public boolean overlaps(Ipv4Cidr other) {
        return contains(other.first()) || other.contains(first());
    }

    /** The address {@code offset} places after the network address. */
    public Ipv4Address addressAt(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside " + normalized());
        }
        return first().plus(offset);
    }

    /** How far {@code member} lies from the network address. */
    public long offsetOf(Ipv4Address member) {
        if (!contains(member)) {
            throw new IllegalArgumentException(member + " is not in " + normalized());
        }
        return member.value() - first().value();
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
