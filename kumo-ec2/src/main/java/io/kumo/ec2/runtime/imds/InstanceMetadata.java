package io.kumo.ec2.runtime.imds;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the metadata service knows of one instance: a snapshot the control plane hands over, read-only here.
 *
 * @param publicIpv4        null when the instance has no public address (public-ipv4 then answers 404)
 * @param publicHostname    null when the VPC gives no public DNS name
 * @param keyName           null when launched without a key pair (public-keys/ then answers 404)
 * @param openSshPublicKey  the key pair's public key in OpenSSH form, null when unknown
 * @param userData          the decoded user data, null when none was given (user-data then answers 404)
 * @param pendingTime       when the instance last entered pending: the identity document's pendingTime
 * @param iamInstanceProfile null when the instance has no instance profile (iam/ then answers 404)
 */
public record InstanceMetadata(
        String instanceId,
        String imageId,
        String instanceType,
        int amiLaunchIndex,
        String reservationId,
        String accountId,
        String region,
        String availabilityZone,
        String availabilityZoneId,
        String architecture,
        String localIpv4,
        String localHostname,
        String publicIpv4,
        String publicHostname,
        String mac,
        String interfaceId,
        String subnetId,
        String subnetCidr,
        String vpcId,
        List<String> vpcCidrs,
        List<String> securityGroupNames,
        List<String> securityGroupIds,
        String keyName,
        String openSshPublicKey,
        byte[] userData,
        Instant pendingTime,
        MetadataOptions options,
        Map<String, String> tags,
        IamInstanceProfile iamInstanceProfile) {

    public InstanceMetadata {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        Objects.requireNonNull(availabilityZoneId, "availabilityZoneId");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(localIpv4, "localIpv4");
        Objects.requireNonNull(localHostname, "localHostname");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(interfaceId, "interfaceId");
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(subnetCidr, "subnetCidr");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(pendingTime, "pendingTime");
        vpcCidrs = vpcCidrs == null ? List.of() : List.copyOf(vpcCidrs);
        if (vpcCidrs.isEmpty()) {
            throw new IllegalArgumentException("a VPC has at least one IPv4 CIDR block");
        }
        securityGroupNames = securityGroupNames == null ? List.of() : List.copyOf(securityGroupNames);
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        userData = userData == null ? null : userData.clone();
        options = options == null ? MetadataOptions.DEFAULTS : options;
        // Sorted so that tags/instance/ lists the same way on every call.
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** A copy, so no reader can change what the next caller sees. */
    @Override
    public byte[] userData() {
        return userData == null ? null : userData.clone();
    }

    public boolean hasUserData() {
        return userData != null;
    }

    /** The VPC's primary CIDR block, which vpc-ipv4-cidr-block shows. */
    public String primaryVpcCidr() {
        return vpcCidrs.getFirst();
    }
}
