package io.kumo.route53.zone;

import io.kumo.core.store.Table;
import io.kumo.route53.record.ApexRecords;
import software.amazon.awssdk.services.route53.model.DelegationSet;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.HostedZoneConfig;
import software.amazon.awssdk.services.route53.model.VPC;

import java.time.Instant;
import java.util.List;

/**
 * A hosted zone as stored. {@code id} is the bare id (Z...), {@code name} canonical (final dot).
 * A private zone has at least one VPC association; a public one none. Its record sets live in
 * {@link io.kumo.route53.record.ZoneRecordSets}; {@code recordSetCount} follows them.
 */
public record HostedZoneRecord(
        String id,
        String name,
        String callerReference,
        String comment,
        boolean privateZone,
        List<String> nameServers,
        long recordSetCount,
        Instant createdAt,
        List<ZoneVpc> vpcs) {

    public static final Table<HostedZoneRecord> TABLE = Table.account("route53.hostedZones", HostedZoneRecord.class);

    public record ZoneVpc(String region, String vpcId) {
        VPC toSdk() {
            return VPC.builder().vpcRegion(region).vpcId(vpcId).build();
        }
    }

    public HostedZoneRecord {
        vpcs = vpcs == null ? List.of() : List.copyOf(vpcs);
        nameServers = nameServers == null ? ApexRecords.NAME_SERVERS : List.copyOf(nameServers);
    }

    public HostedZoneRecord withRecordSetCount(long count) {
        return new HostedZoneRecord(id, name, callerReference, comment, privateZone, nameServers, count, createdAt, vpcs);
    }

    HostedZoneRecord withComment(String value) {
        return new HostedZoneRecord(id, name, callerReference, value, privateZone, nameServers, recordSetCount, createdAt, vpcs);
    }

    HostedZoneRecord withVpcs(List<ZoneVpc> value) {
        return new HostedZoneRecord(id, name, callerReference, comment, privateZone, nameServers, recordSetCount, createdAt, value);
    }

    public HostedZone toSdk() {
        HostedZoneConfig.Builder config = HostedZoneConfig.builder().privateZone(privateZone);
        if (comment != null) {
            config.comment(comment);
        }
        return HostedZone.builder()
                .id("/hostedzone/" + id)
                .name(io.kumo.route53.support.DnsNames.escaped(name))
                .callerReference(callerReference)
                .config(config.build())
                .resourceRecordSetCount(recordSetCount)
                .build();
    }

    /** Public zones only: a private zone has no delegation set. */
    DelegationSet delegationSet() {
        return privateZone ? null : DelegationSet.builder().nameServers(nameServers).build();
    }

    List<VPC> sdkVpcs() {
        return vpcs.stream().map(ZoneVpc::toSdk).toList();
    }
}
