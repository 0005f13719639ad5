package io.kumo.ec2.compute.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * TerminateInstances: instances go shutting-down, then terminated on the timer, when their
 * interfaces and volumes are deleted or detached. A terminated instance stays visible for an hour.
 */
public final class TerminateInstances implements Handler<TerminateInstancesRequest, TerminateInstancesResponse> {

    @Override
    public TerminateInstancesResponse handle(RequestContext ctx, TerminateInstancesRequest in) {
        return ctx.write(tx -> {
            List<InstanceRecord> instances = StateChanges.require(tx, in.instanceIds());
            for (InstanceRecord r : instances) {
                if (r.settings().disableApiTermination() && r.state() != InstanceState.TERMINATED) {
                    throw ComputeErrors.operationNotPermitted("The instance '" + r.instanceId()
                            + "' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");
                }
            }
            List<InstanceStateChange> changes = new ArrayList<>();
            for (InstanceRecord r : instances) {
                InstanceState previous = r.state();
                InstanceRecord after = previous == InstanceState.TERMINATED || previous == InstanceState.SHUTTING_DOWN
                        ? r : InstanceTransitions.terminate(tx, r, ctx.receivedAt());
                changes.add(StateChanges.change(r.instanceId(), previous, after.state()));
            }
            return TerminateInstancesResponse.builder().terminatingInstances(changes).build();
        });
    }
}
