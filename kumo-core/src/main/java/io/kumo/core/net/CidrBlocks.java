package io.kumo.core.net;

import java.util.List;

/** The address rules EC2 applies to VPC and subnet blocks. Error codes belong to the service. */
public final class CidrBlocks {
    /** EC2 keeps the first four and the last address of every subnet. */
    public static final int RESERVED_PER_SUBNET = 5;
    public static final int SMALLEST_VPC_PREFIX = 16;
    public static final int LARGEST_VPC_PREFIX = 28;

    private static final List<Ipv4Cidr> RFC_1918 = List.of(
            Ipv4Cidr.parse("10.0.0.0/8"),
            Ipv4Cidr.parse("172.16.0.0/12"),
            Ipv4Cidr.parse("192.168.0.0/16"));

    private CidrBlocks() {
    }

    /** Network, VPC router (+1), DNS (+2), reserved for future use (+3), broadcast. */
    public static List<Ipv4Address> reservedAddresses(Ipv4Cidr subnet) {
        requireRoomForReservations(subnet);
        Ipv4Cidr block = subnet.normalized();
        return List.of(block.first(), block.addressAt(1), block.addressAt(2), block.addressAt(3), block.last());
    }

    public static boolean isReserved(Ipv4Cidr subnet, Ipv4Address address) {
        return reservedAddresses(subnet).contains(address);
    }

    /** What DescribeSubnets reports for an empty subnet: 251 for a /24. */
    public static long availableAddressCount(Ipv4Cidr subnet) {
        requireRoomForReservations(subnet);
        return subnet.size() - RESERVED_PER_SUBNET;
    }

    public static Ipv4Address routerAddress(Ipv4Cidr subnet) {
        return subnet.addressAt(1);
    }

    /** The Amazon-provided resolver answers at the VPC's primary block base plus two. */
    public static Ipv4Address vpcDnsServerAddress(Ipv4Cidr vpcPrimaryBlock) {
        return vpcPrimaryBlock.addressAt(2);
    }

    /** True when the whole block lies inside one of the RFC 1918 private ranges. */
    public static boolean isRfc1918(Ipv4Cidr cidr) {
        return RFC_1918.stream().anyMatch(range -> range.contains(cidr));
    }

    /** /16 to /28, the sizes EC2 allows for a VPC block (and for an IPv4 subnet). */
    public static boolean hasAllowedVpcSize(Ipv4Cidr cidr) {
        return cidr.prefixLength() >= SMALLEST_VPC_PREFIX && cidr.prefixLength() <= LARGEST_VPC_PREFIX;
    }

    private static void requireRoomForReservations(Ipv4Cidr subnet) {
        // Below eight addresses the five reservations would leave nothing, or collide.
        if (subnet.prefixLength() > 29) {
            throw new IllegalArgumentException(subnet + " is too small to hold the five reserved addresses");
        }
    }
}
