package io.kumo.ec2.network.prefixlist;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.Cidrs;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;

/** Managed prefix lists as the API shows them, and the checks their entries get. */
public final class PrefixLists {
    public static final int MAX_ENTRIES_LIMIT = 1000;

    private PrefixLists() {
    }

    public static ManagedPrefixList toSdk(Tx tx, PrefixListRecord p, String region) {
        return ManagedPrefixList.builder()
                .prefixListId(p.prefixListId())
                .prefixListName(p.prefixListName())
                .addressFamily(p.addressFamily())
                .state(p.state())
                .prefixListArn(p.arn(region))
                .maxEntries(p.maxEntries())
                .version(p.version())
                .ownerId(p.ownerId())
                .tags(Tags.sdkTags(tx, p.prefixListId()))
                .build();
    }

    public static Filters<PrefixListRecord> filters(Tx tx) {
        return Filters.<PrefixListRecord>forType(p -> Tags.of(tx, p.prefixListId()))
                .one("owner-id", PrefixListRecord::ownerId)
                .one("prefix-list-id", PrefixListRecord::prefixListId)
                .one("prefix-list-name", PrefixListRecord::prefixListName);
    }

    /** A list the caller may change: it exists and is not AWS's. */
    public static PrefixListRecord requireOwn(Tx tx, String id) {
        PrefixListRecord p = Lookups.require(tx, NetworkKinds.PREFIX_LIST, id);
        if (p.awsManaged()) {
            throw Ec2Errors.invalidParameterValue("The prefix list " + id + " is managed by AWS and cannot be modified or deleted.");
        }
        return p;
    }

    /** The entry's CIDR in canonical form, of the list's address family. */
    public static String cidr(String addressFamily, String cidr) {
        if (cidr == null) {
            throw AwsException.badRequest("MissingParameter", "The request must contain the parameter cidr");
        }
        return addressFamily.equals("IPv6") ? Cidrs.ipv6(cidr, "cidr").toString() : Cidrs.ipv4(cidr, "cidr").toString();
    }

    public static void checkMaxEntries(Integer maxEntries) {
        if (maxEntries == null) {
            throw Ec2Errors.missingParameter("maxEntries");
        }
        if (maxEntries < 1 || maxEntries > MAX_ENTRIES_LIMIT) {
            throw Ec2Errors.invalidParameterValue("Value (" + maxEntries + ") for parameter maxEntries is invalid. "
                    + "It must be between 1 and " + MAX_ENTRIES_LIMIT + ".");
        }
    }

    public static void checkDescription(String description) {
        if (description != null && description.length() > 255) {
            throw Ec2Errors.invalidParameterValue("Prefix list entry descriptions are limited to 255 characters.");
        }
    }
}
