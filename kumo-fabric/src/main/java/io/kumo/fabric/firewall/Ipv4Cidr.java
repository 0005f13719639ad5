package io.kumo.fabric.firewall;

/**
 * An IPv4 network in canonical form (host bits cleared). Addresses are held as unsigned 32-bit
 * values in an {@code int}; comparisons go through {@link Integer#compareUnsigned}.
 */
record Ipv4Cidr(int network, int prefixLength) implements Comparable<Ipv4Cidr> {

    static final Ipv4Cidr ANYWHERE = new Ipv4Cidr(0, 0);

    Ipv4Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        network &= mask(prefixLength);
    }

    /** Parses {@code a.b.c.d/n} or a bare address (a /32), clearing host bits. */
    static Ipv4Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Ipv4Cidr(parseAddress(text), 32);
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("\\d{1,2}")) {
            throw new IllegalArgumentException("not an IPv4 CIDR: " + text);
        }
        return new Ipv4Cidr(parseAddress(text.substring(0, slash)), Integer.parseInt(prefix));
    }

    /** Like {@link #parse} but refuses host bits, as AWS does for VPC and subnet blocks. */
    static Ipv4Cidr parseCanonical(String text) {
        Ipv4Cidr cidr = parse(text);
        int slash = text.indexOf('/');
        int given = parseAddress(slash < 0 ? text : text.substring(0, slash));
        if (given != cidr.network) {
            throw new IllegalArgumentException("host bits set in " + text + " (did you mean " + cidr + "?)");
        }
        return cidr;
    }

    static boolean isIpv6(String text) {
        return text.indexOf(':') >= 0;
    }

    /**
     * Checks a rule's CIDR. IPv6 ones are accepted (and later skipped) but must still look like
     * IPv6, so that no arbitrary text can travel towards the rendered script.
     */
    static void checkRuleCidr(String text) {
        if (!isIpv6(text)) {
            parse(text.strip());
        } else if (!text.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) {
            throw new IllegalArgumentException("not an IPv6 CIDR: " + text);
        }
    }

    static int parseAddress(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        int value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    static String formatAddress(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    boolean contains(int address) {
        return (address & mask(prefixLength)) == network;
    }

    boolean contains(Ipv4Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.network);
    }

    boolean overlaps(Ipv4Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The address {@code offset} above the network address: +1 is the gateway, +2 the resolver. */
    int hostAddress(int offset) {
        return network + offset;
    }

    @Override
    public int compareTo(Ipv4Cidr other) {
        int byNetwork = Integer.compareUnsigned(network, other.network);
        return byNetwork != 0 ? byNetwork : Integer.compare(prefixLength, other.prefixLength);
    }

    /** nft's own notation: a bare address for a /32, {@code a.b.c.d/n} otherwise. */
    @Override
    public String toString() {
        return prefixLength == 32 ? formatAddress(network) : formatAddress(network) + "/" + prefixLength;
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }
}
