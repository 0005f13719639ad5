package io.kumo.ec2.compute.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import software.amazon.awssdk.services.ec2.model.RebootInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RebootInstancesResponse;

/** RebootInstances: accepted for running (and pending) instances; the state does not change, as on AWS. */
public final class RebootInstances implements Handler<RebootInstancesRequest, RebootInstancesResponse> {

    @Override
    public RebootInstancesResponse handle(RequestContext ctx, RebootInstancesRequest in) {
        return ctx.read(tx -> {
            for (InstanceRecord r : StateChanges.require(tx, in.instanceIds())) {
                if (r.state() != InstanceState.RUNNING && r.state() != InstanceState.PENDING) {
                    throw ComputeErrors.incorrectInstanceState(
                            "The instance '" + r.instanceId() + "' is not in a state from which it can be rebooted.");
                }
            }
            return RebootInstancesResponse.builder().build();
        });
    }
}
