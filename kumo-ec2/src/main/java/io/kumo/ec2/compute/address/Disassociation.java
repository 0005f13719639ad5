package io.kumo.ec2.compute.address;

import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.eni.NetworkInterfaces;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.instance.InstanceState;

/**
 * Taking an Elastic IP off its interface. As EC2 documents, an instance that had an
 * auto-assigned public IP before the Elastic IP gets a new one from the pool when it is running.
 */
final class Disassociation {
    private Disassociation() {
    }

    static void apply(Tx tx, AddressRecord address, boolean giveBackAutoIp) {
        tx.get(NetworkInterfaceRecord.TABLE, address.networkInterfaceId()).ifPresent(eni -> {
            if (eni.publicIp() == null || !address.allocationId().equals(eni.publicIp().allocationId())) {
                return;
            }
            NetworkInterfaceRecord cleared = eni.withPublicIp(null);
            tx.put(NetworkInterfaceRecord.TABLE, eni.networkInterfaceId(), cleared);
            if (giveBackAutoIp && cleared.autoPublicIp() && cleared.attachment() != null) {
                InstanceState state = tx.get(InstanceRecord.TABLE, cleared.attachment().instanceId())
                        .map(InstanceRecord::state).orElse(InstanceState.TERMINATED);
                if (state == InstanceState.RUNNING || state == InstanceState.PENDING) {
                    NetworkInterfaces.assignAutoPublicIp(tx, cleared);
                }
            }
        });
        tx.put(AddressRecord.TABLE, address.allocationId(), address.disassociate());
    }
}
