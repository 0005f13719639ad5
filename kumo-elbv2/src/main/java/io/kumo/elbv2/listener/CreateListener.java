package io.kumo.elbv2.listener;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import io.kumo.elbv2.tag.Tags;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;

import java.util.List;

/** Creates an HTTP listener and, with it, its default rule. */
final class CreateListener implements Handler<CreateListenerRequest, CreateListenerResponse> {

    @Override
    public CreateListenerResponse handle(RequestContext ctx, CreateListenerRequest in) {
        ListenerRecord listener = ctx.write(tx -> {
            LoadBalancerRecord lb = Lookups.loadBalancer(tx, in.loadBalancerArn());
            String protocol = Listeners.checkProtocol(in.protocolAsString());
            int port = Listeners.checkPort(in.port());
            refuseTlsSettings(in);
            Listeners.checkPortFree(tx, lb.arn(), port, null);
            if (Listeners.of(tx, lb.arn()).size() >= Listeners.MOST_PER_LOAD_BALANCER) {
                throw Elbv2Errors.of("TooManyListeners", "The maximum number of listeners on load balancer '" + lb.arn()
                        + "' has been reached (" + Listeners.MOST_PER_LOAD_BALANCER + ")");
            }
            List<Action> actions = Actions.fromSdk(tx, in.defaultActions(), new ActionTarget(lb, protocol, port, "defaultActions"));
            ListenerRecord created = new ListenerRecord(Arns.listener(lb.arn()), lb.arn(), port, protocol, actions, null, List.of());
            tx.put(ListenerRecord.TABLE, created.arn(), created);
            RuleRecord defaultRule = Rules.newDefault(created.arn(), actions);
            tx.put(RuleRecord.TABLE, defaultRule.arn(), defaultRule);
            Tags.add(tx, created.arn(), in.hasTags() ? in.tags() : List.of());
            return created;
        });
        return CreateListenerResponse.builder().listeners(Listeners.toSdk(listener)).build();
    }

    private static void refuseTlsSettings(CreateListenerRequest in) {
        if (in.hasCertificates() && !in.certificates().isEmpty()) {
            throw Elbv2Errors.validation("Certificates cannot be specified for HTTP listeners");
        }
        if (in.sslPolicy() != null) {
            throw Elbv2Errors.validation("An SSL policy cannot be specified for HTTP listeners");
        }
    }
}
