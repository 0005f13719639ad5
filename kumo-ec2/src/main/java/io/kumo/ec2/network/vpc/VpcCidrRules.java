package io.kumo.ec2.network.vpc;

import io.kumo.core.net.Ipv4Cidr;

import java.util.List;

/**
 * Which secondary IPv4 blocks a VPC may take, after the restriction table of the VPC user guide:
 * a block from another RFC 1918 range than the primary's is refused, as is 198.19.0.0/16 unless
 * the primary is there too; publicly routable blocks and 100.64.0.0/10 are always allowed.
 */
public final class VpcCidrRules {
    private static final Ipv4Cidr TEN = Ipv4Cidr.parse("10.0.0.0/8");
    private static final Ipv4Cidr ONE_SEVEN_TWO = Ipv4Cidr.parse("172.16.0.0/12");
    private static final Ipv4Cidr ONE_NINE_TWO = Ipv4Cidr.parse("192.168.0.0/16");
    private static final Ipv4Cidr ONE_NINE_EIGHT = Ipv4Cidr.parse("198.19.0.0/16");
    private static final Ipv4Cidr DEFAULT_VPC_RANGE = Ipv4Cidr.parse("172.31.0.0/16");
    private static final Ipv4Cidr TEN_ZERO_15 = Ipv4Cidr.parse("10.0.0.0/15");
    private static final Ipv4Cidr TEN_ZERO_16 = Ipv4Cidr.parse("10.0.0.0/16");

    public static final int MAX_IPV4_BLOCKS = 5;

    private VpcCidrRules() {
    }

    enum Range { TEN, ONE_SEVEN_TWO, ONE_NINE_TWO, ONE_NINE_EIGHT, PUBLIC }

    static Range rangeOf(Ipv4Cidr cidr) {
        if (TEN.contains(cidr)) {
            return Range.TEN;
        }
        if (ONE_SEVEN_TWO.contains(cidr)) {
            return Range.ONE_SEVEN_TWO;
        }
        if (ONE_NINE_TWO.contains(cidr)) {
            return Range.ONE_NINE_TWO;
        }
        if (ONE_NINE_EIGHT.contains(cidr)) {
            return Range.ONE_NINE_EIGHT;
        }
        return Range.PUBLIC;
    }

    /** Whether the table forbids {@code candidate} next to {@code primary} and the VPC's other blocks. */
    public static boolean restricted(Ipv4Cidr primary, List<Ipv4Cidr> existing, Ipv4Cidr candidate) {
        Range p = rangeOf(primary);
        Range c = rangeOf(candidate);
        if (c == Range.PUBLIC) {
            return false;
        }
        if (c == Range.ONE_NINE_EIGHT) {
            return p != Range.ONE_NINE_EIGHT;
        }
        if (p != c) {
            return true;
        }
        if (c == Range.ONE_SEVEN_TWO && !DEFAULT_VPC_RANGE.contains(primary) && DEFAULT_VPC_RANGE.overlaps(candidate)) {
            return true;
        }
        return c == Range.TEN && TEN_ZERO_16.contains(candidate) && existing.stream().anyMatch(TEN_ZERO_15::contains);
    }
}
