package io.kumo.ec2.network.vpc;

import io.kumo.core.Ids;
import io.kumo.core.net.Ipv6Address;
import io.kumo.core.net.Ipv6Cidr;
import io.kumo.core.store.Tx;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Amazon-provided IPv6 blocks: each VPC gets a /56 out of a /32 of its region. The /32s are the
 * ones AWS announces for EC2 in those regions; other regions get a stable /32 of 2600:1f00::/24.
 */
public final class Ipv6Pool {
    private static final Map<String, String> REGION_POOLS = Map.ofEntries(
            Map.entry("us-east-1", "2600:1f18::"),
            Map.entry("us-east-2", "2600:1f16::"),
            Map.entry("us-west-1", "2600:1f1c::"),
            Map.entry("us-west-2", "2600:1f14::"),
            Map.entry("ca-central-1", "2600:1f11::"),
            Map.entry("sa-east-1", "2600:1f1e::"),
            Map.entry("eu-west-1", "2a05:d018::"),
            Map.entry("eu-west-2", "2a05:d01c::"),
            Map.entry("eu-west-3", "2a05:d012::"),
            Map.entry("eu-central-1", "2a05:d014::"),
            Map.entry("eu-north-1", "2a05:d016::"),
            Map.entry("ap-northeast-1", "2406:da14::"),
            Map.entry("ap-northeast-2", "2406:da12::"),
            Map.entry("ap-northeast-3", "2406:da16::"),
            Map.entry("ap-southeast-1", "2406:da18::"),
            Map.entry("ap-southeast-2", "2406:da1c::"),
            Map.entry("ap-south-1", "2406:da1a::"));

    public static final String AMAZON_POOL = "Amazon";

    private Ipv6Pool() {
    }

    public static Ipv6Cidr regionBlock(String region) {
        String base = REGION_POOLS.get(region);
        if (base == null) {
            int group = 0x1f00 | (Math.floorMod(region.hashCode(), 0xff) & 0xff);
            base = "2600:" + Integer.toHexString(group) + "::";
        }
        return new Ipv6Cidr(Ipv6Address.parse(base), 32);
    }

    /** A /56 of the region's pool that no VPC of this account and region holds yet. */
    public static String allocateVpcBlock(Tx tx, String region) {
        Set<String> taken = new HashSet<>();
        tx.list(VpcRecord.TABLE).forEach(v -> taken.addAll(v.ipv6Blocks()));
        Ipv6Cidr pool = regionBlock(region);
        while (true) {
            long slot = Ids.random().nextInt(1 << 24);
            long high = pool.first().high() | (slot << 8);
            String block = new Ipv6Cidr(new Ipv6Address(high, 0), 56).toString();
            if (!taken.contains(block)) {
                return block;
            }
        }
    }
}
