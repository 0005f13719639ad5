package io.kumo.ec2.compute;

import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.network.igw.InternetGatewayRecord;
import io.kumo.ec2.support.DependencyChecks;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the compute area holds on to in the network area, so the network's deletes can answer
 * DependencyViolation: network interfaces (and so instances) use subnets, VPCs and security
 * groups; a public address on an interface needs its VPC's internet gateway to stay attached.
 */
public final class ComputeDependencies {
    private ComputeDependencies() {
    }

    public static void register(DependencyChecks checks) {
        checks.register((tx, id) -> id.startsWith("subnet-") ? firstInterface(tx, e -> e.subnetId().equals(id)) : Optional.empty());
        checks.register((tx, id) -> id.startsWith("vpc-") ? firstInterface(tx, e -> e.vpcId().equals(id)) : Optional.empty());
        checks.register((tx, id) -> id.startsWith("sg-") ? firstInterface(tx, e -> e.groupIds().contains(id)) : Optional.empty());
        checks.register((tx, id) -> {
            if (!id.startsWith("igw-")) {
                return Optional.empty();
            }
            return tx.get(InternetGatewayRecord.TABLE, id)
                    .filter(InternetGatewayRecord::attached)
                    .flatMap(igw -> firstInterface(tx, e -> e.vpcId().equals(igw.vpcId()) && e.publicIp() != null)
                            .map(eni -> "public address mapped on " + eni));
        });
    }

    private static Optional<String> firstInterface(Tx tx, Predicate<NetworkInterfaceRecord> uses) {
        return tx.list(NetworkInterfaceRecord.TABLE).stream().filter(uses).map(NetworkInterfaceRecord::networkInterfaceId).findFirst();
    }
}
