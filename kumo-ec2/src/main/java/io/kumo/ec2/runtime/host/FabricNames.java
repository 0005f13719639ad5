package io.kumo.ec2.runtime.host;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of what Kumo makes on the host. Every namespace starts with {@code kumo-NODE-}, where NODE
 * comes from the data directory, so two Kumo processes on one machine never touch each other's
 * and a restart finds its own leftovers. Interface names stay within Linux's 15 characters.
 */
public record FabricNames(String prefix) {

    public static FabricNames forDataDir(String dataDir) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dataDir.getBytes(StandardCharsets.UTF_8));
            return new FabricNames("kumo-" + HexFormat.of().formatHex(digest, 0, 3));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String router(String vpcId) {
        return prefix + "-" + vpcId;
    }

    public String internetGateway(String vpcId) {
        return prefix + "-" + vpcId + "-igw";
    }

    public String instance(String instanceId) {
        return prefix + "-" + instanceId;
    }

    /** A service's node (a load balancer's, say), by its managed network interface. */
    public String node(String networkInterfaceId) {
        return prefix + "-" + networkInterfaceId;
    }

    public boolean owns(String namespace) {
        return namespace.startsWith(prefix + "-");
    }

    /** The subnet's bridge in the VPC's router namespace. */
    public static String bridge(String subnetId) {
        return "b" + tail(subnetId);
    }

    /** The router's end of an interface's veth. */
    public static String routerPort(String networkInterfaceId) {
        return "e" + tail(networkInterfaceId);
    }

    private static String tail(String awsId) {
        String hex = awsId.substring(awsId.indexOf('-') + 1);
        return hex.length() > 14 ? hex.substring(hex.length() - 14) : hex;
    }
}
