package io.kumo.ec2.network;

import io.kumo.ec2.support.Ec2Registrar;

/** Regions and zones, VPCs, subnets, gateways, route tables, network ACLs, security groups, tags. */
public final class NetworkActions {
    private NetworkActions() {
    }

    public static void register(Ec2Registrar registrar) {
    }
}
