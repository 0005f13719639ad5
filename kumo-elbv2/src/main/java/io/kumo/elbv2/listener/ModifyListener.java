package io.kumo.elbv2.listener;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerResponse;

import java.util.List;

/** Changes a listener's port, protocol or default actions; its default rule takes the new actions too. */
final class ModifyListener implements Handler<ModifyListenerRequest, ModifyListenerResponse> {

    @Override
    public ModifyListenerResponse handle(RequestContext ctx, ModifyListenerRequest in) {
        ListenerRecord modified = ctx.write(tx -> {
            ListenerRecord listener = Lookups.listener(tx, in.listenerArn());
            LoadBalancerRecord lb = Lookups.loadBalancer(tx, listener.loadBalancerArn());
            String protocol = in.protocolAsString() == null ? listener.protocol() : Listeners.checkProtocol(in.protocolAsString());
            int port = in.port() == null ? listener.port() : Listeners.checkPort(in.port());
            if (in.hasCertificates() && !in.certificates().isEmpty()) {
                throw Elbv2Errors.validation("Certificates cannot be specified for HTTP listeners");
            }
            if (in.sslPolicy() != null) {
                throw Elbv2Errors.validation("An SSL policy cannot be specified for HTTP listeners");
            }
            Listeners.checkPortFree(tx, lb.arn(), port, listener.arn());
            // Kept actions are checked again too: a new port or protocol can turn a kept redirect into a loop.
            List<Action> actions = in.hasDefaultActions() && !in.defaultActions().isEmpty()
                    ? Actions.fromSdk(tx, in.defaultActions(), new ActionTarget(lb, protocol, port, "defaultActions"))
                    : Actions.fromSdk(tx, Actions.toSdk(listener.defaultActions()), new ActionTarget(lb, protocol, port, "defaultActions"));
            ListenerRecord changed = new ListenerRecord(listener.arn(), listener.loadBalancerArn(), port, protocol, actions,
                    listener.sslPolicy(), listener.certificateArns());
            tx.put(ListenerRecord.TABLE, changed.arn(), changed);
            RuleRecord defaultRule = Rules.defaultOf(tx, listener.arn());
            tx.put(RuleRecord.TABLE, defaultRule.arn(), new RuleRecord(defaultRule.arn(), defaultRule.listenerArn(), defaultRule.priority(),
                    defaultRule.conditions(), actions, true));
            return changed;
        });
        return ModifyListenerResponse.builder().listeners(Listeners.toSdk(modified)).build();
    }
}
