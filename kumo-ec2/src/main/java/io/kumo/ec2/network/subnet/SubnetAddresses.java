package io.kumo.ec2.network.subnet;

import io.kumo.core.AwsException;
import io.kumo.core.net.AddressAllocator;
import io.kumo.core.net.CidrBlocks;
import io.kumo.core.net.InvalidAddressException;
import io.kumo.core.net.Ipv4Address;
import io.kumo.core.store.Tx;
import io.kumo.ec2.support.Ec2Errors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The private IPv4 addresses of subnets: who takes one (ENIs, NAT gateways) calls {@link #allocate}
 * in its write transaction and {@link #release} when it lets go, so AvailableIpAddressCount
 * falls and rises as on AWS.
 */
public final class SubnetAddresses {
    private SubnetAddresses() {
    }

    /**
     * Takes an address in the subnet: {@code requestedIpOrNull} if given, else the lowest free
     * address that is not one of the five reserved ones.
     *
     * @return the address taken, dotted-quad
     */
    public static String allocate(Tx tx, String subnetId, String requestedIpOrNull) {
        SubnetRecord subnet = subnet(tx, subnetId);
        AddressAllocator allocator = AddressAllocator.forSubnet(subnet.cidr());
        TreeSet<Ipv4Address> used = usedAddresses(tx, subnetId);
        Ipv4Address chosen;
        if (requestedIpOrNull != null) {
            chosen = parse(requestedIpOrNull);
            if (!subnet.cidr().contains(chosen)) {
                throw Ec2Errors.invalidParameterValue("Address " + requestedIpOrNull + " does not fall within the subnet's address range");
            }
            if (!allocator.isAssignable(chosen)) {
                throw Ec2Errors.invalidParameterValue("Address " + requestedIpOrNull + " is in subnet's reserved address range");
            }
            if (used.contains(chosen)) {
                throw AwsException.badRequest("InvalidIPAddress.InUse", "Address " + requestedIpOrNull + " is in use.");
            }
        } else {
            chosen = allocator.lowestFree(used).orElseThrow(() -> AwsException.badRequest("InsufficientFreeAddressesInSubnet",
                    "There are not enough free addresses in subnet '" + subnetId + "' to satisfy the requested number of instances."));
        }
        used.add(chosen);
        store(tx, subnetId, used);
        return chosen.toString();
    }

    /** Gives an address back; releasing one that is not taken does nothing. */
    public static void release(Tx tx, String subnetId, String ip) {
        if (ip == null) {
            return;
        }
        TreeSet<Ipv4Address> used = usedAddresses(tx, subnetId);
        Ipv4Address address;
        try {
            address = Ipv4Address.parse(ip);
        } catch (InvalidAddressException e) {
            return;
        }
        if (used.remove(address)) {
            store(tx, subnetId, used);
        }
    }

    public static boolean inUse(Tx tx, String subnetId, String ip) {
        return tx.get(SubnetAddressUsage.TABLE, subnetId).map(u -> u.addresses().contains(ip)).orElse(false);
    }

    public static int usedCount(Tx tx, String subnetId) {
        return tx.get(SubnetAddressUsage.TABLE, subnetId).map(u -> u.addresses().size()).orElse(0);
    }

    /** What DescribeSubnets reports: the block's size minus the five reserved and the used addresses. */
    public static long availableCount(Tx tx, SubnetRecord subnet) {
        return CidrBlocks.availableAddressCount(subnet.cidr()) - usedCount(tx, subnet.subnetId());
    }

    /** Forgets the subnet's usage record (when the subnet is deleted). */
    public static void forget(Tx tx, String subnetId) {
        tx.delete(SubnetAddressUsage.TABLE, subnetId);
    }

    private static SubnetRecord subnet(Tx tx, String subnetId) {
        return tx.get(SubnetRecord.TABLE, subnetId).orElseThrow(() -> AwsException.badRequest("InvalidSubnetID.NotFound",
                "The subnet ID '" + subnetId + "' does not exist"));
    }

    private static Ipv4Address parse(String ip) {
        try {
            return Ipv4Address.parse(ip);
        } catch (InvalidAddressException e) {
            throw Ec2Errors.invalidParameterValue("Invalid IPv4 address: " + ip);
        }
    }

    private static TreeSet<Ipv4Address> usedAddresses(Tx tx, String subnetId) {
        TreeSet<Ipv4Address> used = new TreeSet<>();
        tx.get(SubnetAddressUsage.TABLE, subnetId).ifPresent(u -> u.addresses().forEach(a -> used.add(Ipv4Address.parse(a))));
        return used;
    }

    private static void store(Tx tx, String subnetId, Set<Ipv4Address> used) {
        if (used.isEmpty()) {
            tx.delete(SubnetAddressUsage.TABLE, subnetId);
            return;
        }
        List<String> sorted = new ArrayList<>(used.size());
        used.stream().sorted(Comparator.naturalOrder()).forEach(a -> sorted.add(a.toString()));
        tx.put(SubnetAddressUsage.TABLE, subnetId, new SubnetAddressUsage(subnetId, sorted));
    }
}
