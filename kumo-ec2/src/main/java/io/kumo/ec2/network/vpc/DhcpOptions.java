package io.kumo.ec2.network.vpc;

import io.kumo.core.Ids;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.vpc.DhcpOptionsRecord.Configuration;

import java.util.List;

/** The default DHCP options set every region starts with. */
public final class DhcpOptions {
    private DhcpOptions() {
    }

    /** us-east-1 names its hosts ec2.internal; every other region REGION.compute.internal. */
    public static String domainName(String region) {
        return region.equals("us-east-1") ? "ec2.internal" : region + ".compute.internal";
    }

    public static DhcpOptionsRecord createDefault(Tx tx, String region, String ownerId) {
        DhcpOptionsRecord options = new DhcpOptionsRecord(Ids.ec2("dopt"), ownerId, List.of(
                new Configuration("domain-name", List.of(domainName(region))),
                new Configuration("domain-name-servers", List.of("AmazonProvidedDNS"))));
        tx.put(DhcpOptionsRecord.TABLE, options.dhcpOptionsId(), options);
        return options;
    }
}
