package io.kumo.ec2.runtime.plan;

import io.kumo.core.net.Ipv4Cidr;

/**
 * A subnet as its VPC's router serves it.
 *
 * @param routesToInternet its route table sends 0.0.0.0/0 to an internet gateway attached to the VPC
 */
public record SubnetPlan(String subnetId, Ipv4Cidr cidr, String availabilityZone, boolean routesToInternet) {

    /** The VPC router's address in the subnet, base + 1, as on AWS. */
    public String gateway() {
        return cidr.addressAt(1).toString();
    }
}
