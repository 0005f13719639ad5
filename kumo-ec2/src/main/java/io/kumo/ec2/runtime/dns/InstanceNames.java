package io.kumo.ec2.runtime.dns;

import io.kumo.ec2.compute.HostNames;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The names EC2 generates for instances, as one VPC's resolver sees them: private names of the VPC's own instances,
 * public names of every instance with a public address (split-horizon for the VPC's own when DNS hostnames are on),
 * and the reverse names of both. An immutable snapshot, rebuilt on each update.
 */
final class InstanceNames implements DnsSource {
    static final long TTL = 60;

    /**
     * Reverse zones a resolver serves locally instead of asking the internet (RFC 6303): the private ranges VPCs use,
     * loopback (where Kumo's public pool lives) and link-local (the metadata address).
     */
    private static final List<String> LOCAL_REVERSE_ZONES = Stream.concat(
            Stream.of("10", "168.192", "127", "254.169"),
            Stream.iterate(16, octet -> octet <= 31, octet -> octet + 1).map(octet -> octet + ".172"))
            .map(zone -> zone + ".in-addr.arpa.").toList();

    private final Map<Name, InetAddress> addresses = new HashMap<>();
    private final Map<Name, Name> pointers = new HashMap<>();
    /** Names that exist only because names below them do (0.0.10.in-addr.arpa): NODATA, never NXDOMAIN (RFC 8020). */
    private final Set<Name> emptyNonTerminals = new HashSet<>();
    /** The domains this source owns: names under them that are not known are NXDOMAIN. */
    private final List<Name> zones;

    InstanceNames(VpcNames vpc) {
        List<Name> claimed = new ArrayList<>();
        // The zones are derived from HostNames so the resolver and DescribeInstances can never disagree on a name.
        claimed.add(parentOf(HostNames.privateDnsName(vpc.region(), "0.0.0.0")));
        claimed.add(parentOf(HostNames.publicDnsName(vpc.region(), "0.0.0.0")));
        LOCAL_REVERSE_ZONES.forEach(zone -> claimed.add(name(zone)));
        for (HostEntry host : vpc.hosts()) {
            add(vpc, host, claimed);
        }
        this.zones = List.copyOf(claimed);
    }

    private void add(VpcNames vpc, HostEntry host, List<Name> claimed) {
        Optional<InetAddress> privateIp = ipv4(host.privateIp());
        Optional<InetAddress> publicIp = ipv4(host.publicIp());
        boolean ownVpc = host.vpcId().equals(vpc.vpcId());
        // Private names are a VPC's own: another VPC may reuse the same addresses.
        if (ownVpc && privateIp.isPresent()) {
            Name privateName = name(HostNames.privateDnsName(vpc.region(), privateIp.get().getHostAddress()));
            addresses.putIfAbsent(privateName, privateIp.get());
            pointTo(privateIp.get(), privateName, claimed);
        }
        if (publicIp.isPresent()) {
            Name publicName = name(HostNames.publicDnsName(vpc.region(), publicIp.get().getHostAddress()));
            boolean splitHorizon = ownVpc && vpc.dnsHostnames() && privateIp.isPresent();
            addresses.putIfAbsent(publicName, splitHorizon ? privateIp.get() : publicIp.get());
            pointTo(publicIp.get(), publicName, claimed);
        }
    }

    private void pointTo(InetAddress address, Name target, List<Name> claimed) {
        Name reverse = ReverseMap.fromAddress(address);
        if (pointers.putIfAbsent(reverse, target) != null) {
            return;
        }
        Optional<Name> zone = zoneOf(reverse, claimed);
        if (zone.isEmpty()) {
            // A public address outside the local zones: claim just its own name.
            claimed.add(reverse);
            return;
        }
        for (Name above = parentOf(reverse); above.labels() > zone.get().labels(); above = parentOf(above)) {
            emptyNonTerminals.add(above);
        }
    }

    @Override
    public SourceAnswer lookup(DnsQuestion question) {
        Name name = question.name();
        Optional<Name> zone = zoneOf(name, zones);
        if (zone.isEmpty()) {
            return SourceAnswer.NOT_MINE;
        }
        List<Record> authority = List.of(soa(zone.get()));
        InetAddress address = addresses.get(name);
        if (address != null) {
            return answer(question, Type.A, () -> new ARecord(name, DClass.IN, TTL, address), authority);
        }
        Name target = pointers.get(name);
        if (target != null) {
            return answer(question, Type.PTR, () -> new PTRRecord(name, DClass.IN, TTL, target), authority);
        }
        if (name.equals(zone.get())) {
            return answer(question, Type.SOA, () -> soa(zone.get()), authority);
        }
        if (emptyNonTerminals.contains(name)) {
            return new SourceAnswer.Answer(List.of(), authority);
        }
        return new SourceAnswer.NxDomain(authority);
    }

    /** The one record a name has, when that is what was asked for; NODATA with the zone's SOA otherwise. */
    private static SourceAnswer answer(DnsQuestion question, int type, Supplier<Record> record,
                                       List<Record> authority) {
        if (question.type() == type || question.type() == Type.ANY) {
            return new SourceAnswer.Answer(List.of(record.get()), List.of());
        }
        return new SourceAnswer.Answer(List.of(), authority);
    }

    /** The most specific owned zone holding the name. */
    private static Optional<Name> zoneOf(Name name, List<Name> zones) {
        return zones.stream().filter(name::subdomain).max(Comparator.comparingInt(Name::labels));
    }

    /**
     * A made-up SOA for negative answers: resolvers cache NXDOMAIN and NODATA for its minimum (RFC 2308), which is
     * the same minute as the positive answers.
     */
    private static SOARecord soa(Name zone) {
        try {
            Name hostmaster = Name.concatenate(Name.fromConstantString("hostmaster"), zone);
            return new SOARecord(zone, DClass.IN, TTL, zone, hostmaster, 1, 7200, 900, 1_209_600, TTL);
        } catch (NameTooLongException e) {
            throw new IllegalStateException("zone name too long: " + zone, e);
        }
    }

    private static Optional<InetAddress> ipv4(String text) {
        if (text == null) {
            return Optional.empty();
        }
        byte[] bytes = Address.toByteArray(text.strip(), Address.IPv4);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Name parentOf(String hostname) {
        return parentOf(name(hostname));
    }

    private static Name parentOf(Name name) {
        return new Name(name, 1);
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + text, e);
        }
    }
}
