package io.kumo.ec2.runtime.dns;

import java.util.Objects;

/**
 * One instance as the resolver needs it: its addresses and the VPC it lives in.
 *
 * @param privateIp the primary private IPv4 address
 * @param publicIp  the public IPv4 address, or null when the instance has none
 * @param vpcId     the instance's VPC, which decides whether a resolver sees its private side
 */
public record HostEntry(String privateIp, String publicIp, String vpcId) {
    public HostEntry {
        Objects.requireNonNull(privateIp, "privateIp");
        Objects.requireNonNull(vpcId, "vpcId");
    }
}
