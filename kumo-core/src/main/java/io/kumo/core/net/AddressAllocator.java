package io.kumo.core.net;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Picks private addresses inside one subnet. Always the lowest free one, so that the same sequence
 * of launches yields the same addresses, which keeps tests and tutorials reproducible.
 */
public final class AddressAllocator {
    private final Ipv4Cidr subnet;

    private AddressAllocator(Ipv4Cidr subnet) {
        this.subnet = subnet.normalized();
    }

    public static AddressAllocator forSubnet(Ipv4Cidr subnet) {
        Objects.requireNonNull(subnet, "subnet");
        CidrBlocks.availableAddressCount(subnet);
        return new AddressAllocator(subnet);
    }

    public Ipv4Cidr subnet() {
        return subnet;
    }

    /** The lowest address that is neither reserved nor in {@code used}; empty when the subnet is full. */
    public Optional<Ipv4Address> lowestFree(Collection<Ipv4Address> used) {
        Set<Ipv4Address> taken = used instanceof Set<Ipv4Address> set ? set : new HashSet<>(used);
        long lastAssignable = subnet.size() - 2;
        for (long offset = CidrBlocks.RESERVED_PER_SUBNET - 1; offset <= lastAssignable; offset++) {
            Ipv4Address candidate = subnet.addressAt(offset);
            if (!taken.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Assignable addresses left, ignoring any "used" address that is reserved or outside the subnet. */
    public long availableCount(Collection<Ipv4Address> used) {
        Objects.requireNonNull(used, "used");
        long taken = used.stream().distinct().filter(this::isAssignable).count();
        return CidrBlocks.availableAddressCount(subnet) - taken;
    }

    public boolean isAssignable(Ipv4Address address) {
        return subnet.contains(address) && !CidrBlocks.isReserved(subnet, address);
    }
}
