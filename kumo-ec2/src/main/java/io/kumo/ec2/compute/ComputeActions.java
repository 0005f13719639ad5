package io.kumo.ec2.compute;

import io.kumo.ec2.support.Ec2Registrar;

/** Instances, network interfaces, volumes, Elastic IPs, key pairs, images. */
public final class ComputeActions {
    private ComputeActions() {
    }

    public static void register(Ec2Registrar registrar) {
    }
}
