package io.kumo.ec2.runtime.imds;

import io.kumo.ec2.runtime.imds.MetadataNode.Directory;
import io.kumo.ec2.runtime.imds.MetadataNode.Leaf;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths of the metadata service for one instance: a pure function from the instance and a path to an answer.
 * Access rules (tokens, disabled endpoint) are {@link ImdsService}'s, not this class's.
 */
public final class MetadataTree {

    /** The metadata builds EC2 lists at "/"; every one serves today's tree. */
    public static final List<String> VERSIONS = List.of(
            "1.0", "2007-01-19", "2007-03-01", "2007-08-29", "2007-10-10", "2007-12-15", "2008-02-01", "2008-09-01",
            "2009-04-04", "2011-01-01", "2011-05-01", "2012-01-12", "2014-02-25", "2014-11-05", "2015-10-20",
            "2016-04-19", "2016-06-30", "2016-09-02", "2018-03-28", "2018-08-17", "2018-09-24", "2019-10-01",
            "2020-10-27", "2021-01-03", "2021-03-23", "latest");

    /** EC2 instances boot from an EBS root device named this on Nitro; Kumo's sandboxes have no other. */
    static final String ROOT_DEVICE = "/dev/xvda";

    private MetadataTree() {
    }

    /** Answers a whole request path: "/" lists the versions, "/VERSION/rest" is {@link #resolve}d. */
    public static ImdsResponse answer(InstanceMetadata instance, String requestPath) {
        List<String> segments = segments(requestPath);
        if (segments.isEmpty()) {
            return ImdsResponse.text(String.join("\n", VERSIONS));
        }
        if (!VERSIONS.contains(segments.getFirst())) {
            return ImdsResponse.notFound();
        }
        return resolve(instance, String.join("/", segments.subList(1, segments.size())));
    }

    /**
     * Answers a path below a version, such as "meta-data/instance-id" or "meta-data/" (a listing). A directory
     * answers its listing with or without the trailing '/', as EC2's does.
     */
    public static ImdsResponse resolve(InstanceMetadata instance, String path) {
        MetadataNode node = versionRoot(instance);
        for (String segment : segments(path)) {
            if (!(node instanceof Directory directory)) {
                return ImdsResponse.notFound();
            }
            node = directory.child(segment).orElse(null);
            if (node == null) {
                return ImdsResponse.notFound();
            }
        }
        return switch (node) {
            case Leaf leaf -> ImdsResponse.ok(leaf.contentType(), leaf.body());
            case Directory directory -> ImdsResponse.text(directory.listing());
        };
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static Directory versionRoot(InstanceMetadata m) {
        // EC2 lists these three without the trailing '/' that directories carry elsewhere.
        var root = MetadataNode.directory()
                .addLabelled("dynamic", "dynamic", dynamic(m))
                .addLabelled("meta-data", "meta-data", metaData(m));
        if (m.hasUserData()) {
            root.add("user-data", new Leaf(ImdsResponse.OCTETS, m.userData()));
        }
        return root.build();
    }

    private static Directory dynamic(InstanceMetadata m) {
        // Only the document: Kumo cannot sign it, so pkcs7, signature and rsa2048 are not offered.
        Directory identity = MetadataNode.directory().add("document", IdentityDocument.render(m)).build();
        return MetadataNode.directory().add("instance-identity", identity).build();
    }

    private static Directory metaData(InstanceMetadata m) {
        Directory blockDevices = MetadataNode.directory().add("ami", ROOT_DEVICE).add("root", ROOT_DEVICE).build();
        return MetadataNode.directory()
                .add("ami-id", m.imageId())
                .add("ami-launch-index", Integer.toString(m.amiLaunchIndex()))
                .add("ami-manifest-path", "(unknown)")
                .add("block-device-mapping", blockDevices)
                .add("hostname", m.localHostname())
                .addIf(m.iamInstanceProfile() != null, "iam", () -> iam(m))
                .add("instance-action", "none")
                .add("instance-id", m.instanceId())
                .add("instance-life-cycle", "on-demand")
                .add("instance-type", m.instanceType())
                .add("local-hostname", m.localHostname())
                .add("local-ipv4", m.localIpv4())
                .add("mac", m.mac())
                .add("network", network(m))
                .add("placement", placement(m))
                .addIfPresent("public-hostname", m.publicHostname())
                .addIfPresent("public-ipv4", m.publicIpv4())
                .addIf(m.keyName() != null, "public-keys", () -> publicKeys(m))
                .add("reservation-id", m.reservationId())
                .add("security-groups", Leaf.lines(m.securityGroupNames()))
                .add("services", services(m.region()))
                .addIf(m.options().tagsExposed(), "tags", () -> tags(m))
                .build();
    }

    /**
     * Only info: iam/security-credentials/ answers 404 until Kumo can mint role credentials for an instance, and an
     * SDK reads that 404 as "no role" rather than failing on a role it cannot fetch.
     */
    private static Directory iam(InstanceMetadata m) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("Code", "Success");
        info.put("LastUpdated", IdentityDocument.timestamp(m.pendingTime()));
        info.put("InstanceProfileArn", m.iamInstanceProfile().arn());
        info.put("InstanceProfileId", m.iamInstanceProfile().id());
        return MetadataNode.directory().add("info", AwsJson.object(info)).build();
    }

    private static Directory network(InstanceMetadata m) {
        Directory macs = MetadataNode.directory().add(m.mac(), primaryInterface(m)).build();
        Directory interfaces = MetadataNode.directory().add("macs", macs).build();
        return MetadataNode.directory().add("interfaces", interfaces).build();
    }

    /** Kumo's instances have one interface, device 0, with one private address. */
    private static Directory primaryInterface(InstanceMetadata m) {
        boolean hasPublicIp = m.publicIpv4() != null;
        return MetadataNode.directory()
                .add("device-number", "0")
                .add("interface-id", m.interfaceId())
                .addIf(hasPublicIp, "ipv4-associations",
                        () -> MetadataNode.directory().add(m.publicIpv4(), m.localIpv4()).build())
                .add("local-hostname", m.localHostname())
                .add("local-ipv4s", m.localIpv4())
                .add("mac", m.mac())
                .add("owner-id", m.accountId())
                .addIfPresent("public-hostname", m.publicHostname())
                .addIfPresent("public-ipv4s", m.publicIpv4())
                .add("security-group-ids", Leaf.lines(m.securityGroupIds()))
                .add("security-groups", Leaf.lines(m.securityGroupNames()))
                .add("subnet-id", m.subnetId())
                .add("subnet-ipv4-cidr-block", m.subnetCidr())
                .add("vpc-id", m.vpcId())
                .add("vpc-ipv4-cidr-block", m.primaryVpcCidr())
                .add("vpc-ipv4-cidr-blocks", Leaf.lines(m.vpcCidrs()))
                .build();
    }

    private static Directory placement(InstanceMetadata m) {
        return MetadataNode.directory()
                .add("availability-zone", m.availabilityZone())
                .add("availability-zone-id", m.availabilityZoneId())
                .add("region", m.region())
                .build();
    }

    /** One key, index 0, listed as "0=key-name"; its formats are below "0/". */
    private static Directory publicKeys(InstanceMetadata m) {
        var formats = MetadataNode.directory().addIfPresent("openssh-key", m.openSshPublicKey()).build();
        return MetadataNode.directory().addLabelled("0", "0=" + m.keyName(), formats).build();
    }

    private static Directory services(String region) {
        Partition partition = Partition.of(region);
        return MetadataNode.directory().add("domain", partition.domain()).add("partition", partition.name()).build();
    }

    /** Keys with a '/' cannot be addressed as a path segment, so they are left out like EC2 leaves them out. */
    private static Directory tags(InstanceMetadata m) {
        var instanceTags = MetadataNode.directory();
        m.tags().forEach((key, value) -> {
            if (!key.isEmpty() && !key.contains("/")) {
                instanceTags.add(key, value);
            }
        });
        return MetadataNode.directory().add("instance", instanceTags.build()).build();
    }

    /** The AWS partition a region belongs to, with the domain its services live under. */
    private record Partition(String name, String domain) {

        static Partition of(String region) {
            if (region.startsWith("cn-")) {
                return new Partition("aws-cn", "amazonaws.com.cn");
            }
            if (region.startsWith("us-gov-")) {
                return new Partition("aws-us-gov", "amazonaws.com");
            }
            return new Partition("aws", "amazonaws.com");
        }
    }
}
