package io.kumo.ec2.compute.instance;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * StopInstances: running instances go stopping, then stopped on the timer, giving back their
 * auto-assigned public IPs; stopping or stopped ones are left as they are.
 */
public final class StopInstances implements Handler<StopInstancesRequest, StopInstancesResponse> {

    @Override
    public StopInstancesResponse handle(RequestContext ctx, StopInstancesRequest in) {
        boolean hibernate = Boolean.TRUE.equals(in.hibernate());
        return ctx.write(tx -> {
            List<InstanceRecord> instances = StateChanges.require(tx, in.instanceIds());
            for (InstanceRecord r : instances) {
                if (r.settings().disableApiStop()) {
                    throw ComputeErrors.operationNotPermitted("The instance '" + r.instanceId()
                            + "' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.");
                }
                if (hibernate && !r.launch().hibernationConfigured()) {
                    throw AwsException.badRequest("UnsupportedOperation", "The instance '" + r.instanceId()
                            + "' is not enabled for hibernation.");
                }
                switch (r.state()) {
                    case RUNNING, STOPPING, STOPPED -> {
                    }
                    case PENDING -> throw ComputeErrors.incorrectInstanceState(r.lifecycle().everRunning()
                            ? "The instance '" + r.instanceId() + "' is not in a state from which it can be stopped."
                            : "Instance '" + r.instanceId() + "' cannot be stopped as it has never reached the 'running' state.");
                    default -> throw ComputeErrors.incorrectInstanceState(
                            "The instance '" + r.instanceId() + "' is not in a state from which it can be stopped.");
                }
            }
            List<InstanceStateChange> changes = new ArrayList<>();
            for (InstanceRecord r : instances) {
                InstanceState previous = r.state();
                InstanceRecord after = previous == InstanceState.RUNNING ? InstanceTransitions.stop(tx, r, ctx.receivedAt()) : r;
                changes.add(StateChanges.change(r.instanceId(), previous, after.state()));
            }
            return StopInstancesResponse.builder().stoppingInstances(changes).build();
        });
    }
}
