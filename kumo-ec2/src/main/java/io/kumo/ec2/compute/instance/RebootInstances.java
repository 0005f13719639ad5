package io.kumo.ec2.compute.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import software.amazon.awssdk.services.ec2.model.RebootInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RebootInstancesResponse;

import java.util.List;

/** RebootInstances: accepted for running (and pending) instances; the state does not change, as on AWS, while the sandbox restarts. */
public final class RebootInstances implements Handler<RebootInstancesRequest, RebootInstancesResponse> {

    @Override
    public RebootInstancesResponse handle(RequestContext ctx, RebootInstancesRequest in) {
        return ctx.write(tx -> {
            List<InstanceRecord> instances = StateChanges.require(tx, in.instanceIds());
            for (InstanceRecord r : instances) {
                if (r.state() != InstanceState.RUNNING && r.state() != InstanceState.PENDING) {
                    throw ComputeErrors.incorrectInstanceState(
                            "The instance '" + r.instanceId() + "' is not in a state from which it can be rebooted.");
                }
            }
            for (InstanceRecord r : instances) {
                tx.put(RebootRequest.TABLE, r.instanceId(), new RebootRequest(r.instanceId(), ctx.receivedAt()));
            }
            return RebootInstancesResponse.builder().build();
        });
    }
}
