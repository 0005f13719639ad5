package io.kumo.ec2.compute.address;

import io.kumo.core.AwsException;
import io.kumo.core.net.Ipv4Address;
import io.kumo.core.net.Ipv4Cidr;
import io.kumo.core.store.Tx;

import java.util.HashSet;
import java.util.Set;

/**
 * Kumo's pool of "public" IPv4 addresses, for auto-assigned public IPs and Elastic IPs alike:
 * 127.18.0.0/15, inside the host's loopback block. Every Linux host reaches all of 127.0.0.0/8
 * without any configuration, so the host reaches an instance at its public IP as is (Kumo listens
 * there and carries connections into the VPC), and no address Kumo hands out can reach or be
 * mistaken for a real host. Addresses ending in .0 or .255 are skipped because users read them as
 * network and broadcast addresses.
 *
 * <p>Addresses are handed out in order from a cursor that survives restarts, wrapping around at
 * the end of the block, so an instance that is stopped and started gets a different address,
 * as on AWS, and a released address is not reused until the pool has gone round.
 */
public final class PublicIpPool {
    public static final Ipv4Cidr DEFAULT_POOL = Ipv4Cidr.parse("127.18.0.0/15");

    /**
     * The pool in use: {@code KUMO_PUBLIC_IP_POOL} (or {@code kumo.ec2.public-ip-pool}) gives another
     * block of 127.0.0.0/8, so that two Kumo processes on one machine never hand out the same address.
     */
    public static Ipv4Cidr pool() {
        String value = System.getProperty("kumo.ec2.public-ip-pool", System.getenv("KUMO_PUBLIC_IP_POOL"));
        if (value == null || value.isBlank()) {
            return DEFAULT_POOL;
        }
        Ipv4Cidr pool = Ipv4Cidr.parse(value.strip());
        if (!Ipv4Cidr.parse("127.0.0.0/8").contains(pool)) {
            throw new IllegalArgumentException("KUMO_PUBLIC_IP_POOL must lie inside 127.0.0.0/8: " + value);
        }
        return pool;
    }

    private PublicIpPool() {
    }

    /** Takes the next free address after the cursor for {@code holderId}. */
    public static String lease(Tx tx, String holderId) {
        Set<String> taken = new HashSet<>();
        for (PublicIpLease lease : tx.list(PublicIpLease.TABLE)) {
            taken.add(lease.publicIp());
        }
        Ipv4Cidr pool = pool();
        long size = pool.size();
        long start = tx.get(PublicIpCursor.TABLE, PublicIpCursor.ID).map(PublicIpCursor::nextOffset).orElse(1L);
        for (long step = 0; step < size; step++) {
            long offset = (start + step) % size;
            Ipv4Address candidate = pool.addressAt(offset);
            long lastOctet = candidate.value() & 0xff;
            if (lastOctet == 0 || lastOctet == 255) {
                continue;
            }
            String ip = candidate.toString();
            if (!taken.contains(ip)) {
                tx.put(PublicIpLease.TABLE, ip, new PublicIpLease(ip, tx.scope().account(), tx.scope().region(), holderId));
                tx.put(PublicIpCursor.TABLE, PublicIpCursor.ID, new PublicIpCursor((offset + 1) % size));
                return ip;
            }
        }
        throw AwsException.badRequest("InsufficientAddressCapacity", "Kumo's public address pool " + pool + " is exhausted.");
    }

    public static void release(Tx tx, String publicIp) {
        if (publicIp != null) {
            tx.delete(PublicIpLease.TABLE, publicIp);
        }
    }
}
