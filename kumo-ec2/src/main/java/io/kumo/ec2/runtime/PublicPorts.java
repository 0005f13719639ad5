package io.kumo.ec2.runtime;

import io.kumo.core.net.Ipv4Address;
import io.kumo.ec2.network.sg.SecurityGroupRecord;
import io.kumo.ec2.runtime.host.VpcNetwork;
import io.kumo.ec2.network.sg.IngressRules;
import io.kumo.ec2.network.sg.RuleSources;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The TCP ports an instance's security groups open to the host (as the VPC sees it, 198.51.100.1).
 * A few ports are listened on as they are; a wide range ({@code wide}) is left to the ports the
 * instance really listens on, since nobody listens on thousands of ports.
 */
record PublicPorts(List<Integer> ports, boolean wide) {
    private static final int MOST_LISTED = 32;
    private static final Ipv4Address HOST = Ipv4Address.parse(VpcNetwork.HOST_AS_SEEN_FROM_VPC);

    static PublicPorts of(List<String> groupIds, Map<String, SecurityGroupRecord> groups, RuleSources sources) {
        TreeSet<Integer> ports = new TreeSet<>();
        for (String id : groupIds) {
            SecurityGroupRecord group = groups.get(id);
            if (group == null) {
                continue;
            }
            for (SecurityGroupRecord.SecurityGroupRule rule : group.rules()) {
                if (!IngressRules.admitsTcpFrom(rule, sources, HOST)) {
                    continue;
                }
                int from = IngressRules.fromPort(rule);
                int to = IngressRules.toPort(rule);
                if (to - from + 1 > MOST_LISTED) {
                    return new PublicPorts(List.of(), true);
                }
                for (int port = from; port <= to; port++) {
                    ports.add(port);
                }
            }
        }
        return ports.size() > MOST_LISTED ? new PublicPorts(List.of(), true) : new PublicPorts(List.copyOf(ports), false);
    }
}
