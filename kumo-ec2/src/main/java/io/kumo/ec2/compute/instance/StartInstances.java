package io.kumo.ec2.compute.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesResponse;

import java.util.ArrayList;
import java.util.List;

/** StartInstances: stopped instances go pending (with a new public IP); running or pending ones are left as they are. */
public final class StartInstances implements Handler<StartInstancesRequest, StartInstancesResponse> {

    @Override
    public StartInstancesResponse handle(RequestContext ctx, StartInstancesRequest in) {
        return ctx.write(tx -> {
            List<InstanceRecord> instances = StateChanges.require(tx, in.instanceIds());
            for (InstanceRecord r : instances) {
                switch (r.state()) {
                    case STOPPED, RUNNING, PENDING -> {
                    }
                    default -> throw ComputeErrors.incorrectInstanceState(
                            "The instance '" + r.instanceId() + "' is not in a state from which it can be started.");
                }
            }
            List<InstanceStateChange> changes = new ArrayList<>();
            for (InstanceRecord r : instances) {
                InstanceState previous = r.state();
                InstanceRecord after = previous == InstanceState.STOPPED ? InstanceTransitions.start(tx, r, ctx.receivedAt()) : r;
                changes.add(StateChanges.change(r.instanceId(), previous, after.state()));
            }
            return StartInstancesResponse.builder().startingInstances(changes).build();
        });
    }
}
