package io.kumo.ec2.network.prefixlist;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.List;

/**
 * A managed prefix list: an AWS-managed one (ownerId "AWS", such as com.amazonaws.REGION.s3) or
 * one the customer created.
 */
public record PrefixListRecord(
        String prefixListId,
        String prefixListName,
        String addressFamily,
        String state,
        Integer maxEntries,
        long version,
        String ownerId,
        List<Entry> entries,
        Instant createdAt) {

    public static final Table<PrefixListRecord> TABLE = Table.regional("ec2.prefix-lists", PrefixListRecord.class);

    public static final String AWS_OWNER = "AWS";

    public PrefixListRecord {
        entries = List.copyOf(entries);
    }

    public record Entry(String cidr, String description) {
    }

    public boolean awsManaged() {
        return AWS_OWNER.equals(ownerId);
    }

    public String arn(String region) {
        return "arn:aws:ec2:" + region + ":" + (awsManaged() ? "aws" : ownerId) + ":prefix-list/" + prefixListId;
    }
}
