package io.kumo.ec2.runtime.imds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The instance identity document (dynamic/instance-identity/document), unsigned: Kumo has no AWS signing key. */
final class IdentityDocument {

    /** The document format's version, which EC2 has served unchanged since 2017. */
    static final String FORMAT_VERSION = "2017-09-30";

    private IdentityDocument() {
    }

    static String render(InstanceMetadata m) {
        // EC2's field order; the product-code fields and kernel/ramdisk stay null as on any instance without them.
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("accountId", m.accountId());
        fields.put("architecture", m.architecture());
        fields.put("availabilityZone", m.availabilityZone());
        fields.put("billingProducts", null);
        fields.put("devpayProductCodes", null);
        fields.put("marketplaceProductCodes", null);
        fields.put("imageId", m.imageId());
        fields.put("instanceId", m.instanceId());
        fields.put("instanceType", m.instanceType());
        fields.put("kernelId", null);
        fields.put("pendingTime", timestamp(m.pendingTime()));
        fields.put("privateIp", m.localIpv4());
        fields.put("ramdiskId", null);
        fields.put("region", m.region());
        fields.put("version", FORMAT_VERSION);
        return AwsJson.object(fields);
    }

    /** IMDS's timestamps carry whole seconds: 2016-11-19T16:32:11Z. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
