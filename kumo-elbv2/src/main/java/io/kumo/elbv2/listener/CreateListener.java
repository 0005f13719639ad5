package io.kumo.elbv2.listener;

import io.kumo.core.RequestContext;
import io.kumo.core.tls.ServerCertificates;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import io.kumo.elbv2.tag.Tags;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;

import java.util.List;
import java.util.function.Supplier;

/** Creates an HTTP or HTTPS listener and, with it, its default rule. */
final class CreateListener implements Handler<CreateListenerRequest, CreateListenerResponse> {
    private final Supplier<ServerCertificates> certificates;

    CreateListener(Supplier<ServerCertificates> certificates) {
        this.certificates = certificates;
    }

    @Override
    public CreateListenerResponse handle(RequestContext ctx, CreateListenerRequest in) {
        ListenerRecord listener = ctx.write(tx -> {
            LoadBalancerRecord lb = Lookups.loadBalancer(tx, in.loadBalancerArn());
            String protocol = Listeners.checkProtocol(in.protocolAsString());
            int port = Listeners.checkPort(in.port());
            ListenerTls.Settings tls = ListenerTls.check(tx, certificates.get(), protocol, in.certificates(), in.sslPolicy(), null);
            Listeners.checkPortFree(tx, lb.arn(), port, null);
            if (Listeners.of(tx, lb.arn()).size() >= Listeners.MOST_PER_LOAD_BALANCER) {
                throw Elbv2Errors.of("TooManyListeners", "The maximum number of listeners on load balancer '" + lb.arn()
                        + "' has been reached (" + Listeners.MOST_PER_LOAD_BALANCER + ")");
            }
            List<Action> actions = Actions.fromSdk(tx, in.defaultActions(), new ActionTarget(lb, protocol, port, "defaultActions"));
            ListenerRecord created = new ListenerRecord(Arns.listener(lb.arn()), lb.arn(), port, protocol, actions, tls.sslPolicy(),
                    tls.certificateArn() == null ? List.of() : List.of(tls.certificateArn()));
            tx.put(ListenerRecord.TABLE, created.arn(), created);
            ListenerTls.recordUse(tx, certificates.get(), lb.arn(), java.util.Set.copyOf(created.certificateArns()));
            RuleRecord defaultRule = Rules.newDefault(created.arn(), actions);
            tx.put(RuleRecord.TABLE, defaultRule.arn(), defaultRule);
            Tags.add(tx, created.arn(), in.hasTags() ? in.tags() : List.of());
            return created;
        });
        return CreateListenerResponse.builder().listeners(Listeners.toSdk(listener)).build();
    }

}
