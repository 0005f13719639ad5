package io.kumo.elbv2.listener;

import io.kumo.core.RequestContext;
import io.kumo.core.tls.ServerCertificates;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerResponse;

import java.util.List;
import java.util.function.Supplier;

/** Changes a listener's port, protocol, certificate, policy or default actions; its default rule takes the new actions too. */
final class ModifyListener implements Handler<ModifyListenerRequest, ModifyListenerResponse> {
    private final Supplier<ServerCertificates> certificates;

    ModifyListener(Supplier<ServerCertificates> certificates) {
        this.certificates = certificates;
    }

    @Override
    public ModifyListenerResponse handle(RequestContext ctx, ModifyListenerRequest in) {
        ListenerRecord modified = ctx.write(tx -> {
            ListenerRecord listener = Lookups.listener(tx, in.listenerArn());
            LoadBalancerRecord lb = Lookups.loadBalancer(tx, listener.loadBalancerArn());
            String protocol = in.protocolAsString() == null ? listener.protocol() : Listeners.checkProtocol(in.protocolAsString());
            int port = in.port() == null ? listener.port() : Listeners.checkPort(in.port());
            ListenerTls.Settings tls = ListenerTls.check(tx, certificates.get(), protocol, in.certificates(), in.sslPolicy(),
                    new ListenerTls.Settings(listener.sslPolicy(), listener.certificateArns().isEmpty() ? null : listener.certificateArns().getFirst()));
            Listeners.checkPortFree(tx, lb.arn(), port, listener.arn());
            // Kept actions are checked again too: a new port or protocol can turn a kept redirect into a loop.
            List<Action> actions = in.hasDefaultActions() && !in.defaultActions().isEmpty()
                    ? Actions.fromSdk(tx, in.defaultActions(), new ActionTarget(lb, protocol, port, "defaultActions"))
                    : Actions.fromSdk(tx, Actions.toSdk(listener.defaultActions()), new ActionTarget(lb, protocol, port, "defaultActions"));
            ListenerRecord changed = new ListenerRecord(listener.arn(), listener.loadBalancerArn(), port, protocol, actions,
                    tls.sslPolicy(), tls.certificateArn() == null ? List.of() : List.of(tls.certificateArn()));
            tx.put(ListenerRecord.TABLE, changed.arn(), changed);
            java.util.Set<String> touched = new java.util.HashSet<>(listener.certificateArns());
            touched.addAll(changed.certificateArns());
            ListenerTls.recordUse(tx, certificates.get(), lb.arn(), touched);
            RuleRecord defaultRule = Rules.defaultOf(tx, listener.arn());
            tx.put(RuleRecord.TABLE, defaultRule.arn(), new RuleRecord(defaultRule.arn(), defaultRule.listenerArn(), defaultRule.priority(),
                    defaultRule.conditions(), actions, true));
            return changed;
        });
        return ModifyListenerResponse.builder().listeners(Listeners.toSdk(modified)).build();
    }
}
