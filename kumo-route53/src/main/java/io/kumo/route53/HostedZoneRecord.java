package io.kumo.route53;

import io.kumo.core.store.Table;
import software.amazon.awssdk.services.route53.model.DelegationSet;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.HostedZoneConfig;

import java.time.Instant;
import java.util.List;

/** A hosted zone as stored. {@code id} is the bare id (Z...), {@code name} ends with a dot. */
record HostedZoneRecord(
        String id,
        String name,
        String callerReference,
        String comment,
        boolean privateZone,
        List<String> nameServers,
        long recordSetCount,
        Instant createdAt) {

    static final Table<HostedZoneRecord> TABLE = Table.account("route53.hostedZones", HostedZoneRecord.class);

    HostedZone toSdk() {
        HostedZoneConfig.Builder config = HostedZoneConfig.builder().privateZone(privateZone);
        if (comment != null) {
            config.comment(comment);
        }
        return HostedZone.builder()
                .id("/hostedzone/" + id)
                .name(name)
                .callerReference(callerReference)
                .config(config.build())
                .resourceRecordSetCount(recordSetCount)
                .build();
    }

    DelegationSet delegationSet() {
        return DelegationSet.builder().nameServers(nameServers).build();
    }
}
