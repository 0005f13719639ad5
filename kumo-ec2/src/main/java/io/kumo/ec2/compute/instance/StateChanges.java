package io.kumo.ec2.compute.instance;

import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.network.Lookups;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;

import java.util.List;

/** What Start, Stop and Terminate share: the instances named (all must exist) and the change they report. */
final class StateChanges {
    private StateChanges() {
    }

    static List<InstanceRecord> require(Tx tx, List<String> instanceIds) {
        return Lookups.requireAll(tx, ComputeKinds.INSTANCE, InstanceRecord.TABLE, instanceIds);
    }

    static InstanceStateChange change(String instanceId, InstanceState previous, InstanceState current) {
        return InstanceStateChange.builder()
                .instanceId(instanceId)
                .previousState(previous.toSdk())
                .currentState(current.toSdk())
                .build();
    }
}
