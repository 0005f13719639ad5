package io.kumo.elbv2.listener;

import io.kumo.core.RequestContext;
import io.kumo.core.tls.ServerCertificates;
import java.util.function.Supplier;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Lookups;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerResponse;

/** Deletes a listener with its rules and the tags of both. */
final class DeleteListener implements Handler<DeleteListenerRequest, DeleteListenerResponse> {
    private final Supplier<ServerCertificates> certificates;

    DeleteListener(Supplier<ServerCertificates> certificates) {
        this.certificates = certificates;
    }

    @Override
    public DeleteListenerResponse handle(RequestContext ctx, DeleteListenerRequest in) {
        ctx.write(tx -> {
            Listeners.delete(tx, certificates.get(), Lookups.listener(tx, in.listenerArn()));
            return null;
        });
        return DeleteListenerResponse.builder().build();
    }
}
