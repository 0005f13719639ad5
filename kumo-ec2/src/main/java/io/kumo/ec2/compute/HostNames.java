package io.kumo.ec2.compute;

/** The DNS names EC2 gives addresses: ip-10-0-0-5.REGION.compute.internal and ec2-198-18-0-5.REGION.compute.amazonaws.com. */
public final class HostNames {
    private static final String LEGACY_REGION = "us-east-1";

    private HostNames() {
    }

    /** us-east-1 keeps its historic ec2.internal domain. */
    public static String privateDnsName(String region, String privateIp) {
        if (privateIp == null) {
            return "";
        }
        String host = "ip-" + privateIp.replace('.', '-');
        return region.equals(LEGACY_REGION) ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
    }

    /** us-east-1 keeps its historic compute-1.amazonaws.com domain. */
    public static String publicDnsName(String region, String publicIp) {
        if (publicIp == null) {
            return "";
        }
        String host = "ec2-" + publicIp.replace('.', '-');
        return region.equals(LEGACY_REGION) ? host + ".compute-1.amazonaws.com" : host + "." + region + ".compute.amazonaws.com";
    }
}
