package io.kumo.elbv2.listener;

import io.kumo.core.store.Tx;
import io.kumo.core.tls.ServerCertificates;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.tag.Tags;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;

import java.util.Comparator;
import java.util.List;

/** Listeners of a load balancer: finding them, deleting them with everything they own, and reporting them. */
public final class Listeners {
    static final int MOST_PER_LOAD_BALANCER = 50;
    static final String HTTP = "HTTP";

    private static final List<String> PROTOCOLS = List.of("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC");

    private Listeners() {
    }

    /**
     * Deletes every listener of the load balancer, their rules, and the tags of both; DeleteLoadBalancer
     * calls it in its own transaction.
     */
    public static void deleteAllOf(Tx tx, ServerCertificates certificates, String loadBalancerArn) {
        of(tx, loadBalancerArn).forEach(listener -> delete(tx, certificates, listener));
    }

    static void delete(Tx tx, ServerCertificates certificates, ListenerRecord listener) {
        for (RuleRecord rule : Rules.of(tx, listener.arn())) {
            tx.delete(RuleRecord.TABLE, rule.arn());
            Tags.forget(tx, rule.arn());
        }
        tx.delete(ListenerRecord.TABLE, listener.arn());
        Tags.forget(tx, listener.arn());
        ListenerTls.recordUse(tx, certificates, listener.loadBalancerArn(), java.util.Set.copyOf(listener.certificateArns()));
    }

    /** The load balancer's listeners, by port. */
    static List<ListenerRecord> of(Tx tx, String loadBalancerArn) {
        return tx.list(ListenerRecord.TABLE).stream()
                .filter(l -> l.loadBalancerArn().equals(loadBalancerArn))
                .sorted(Comparator.comparingInt(ListenerRecord::port))
                .toList();
    }

    static String checkProtocol(String protocol) {
        if (protocol == null) {
            throw Elbv2Errors.validation("A listener protocol must be specified");
        }
        ModelConstraints.oneOf(protocol, "protocol", PROTOCOLS);
        if (!protocol.equals(HTTP) && !protocol.equals("HTTPS")) {
            throw Elbv2Errors.validation("Listener protocol '" + protocol + "' must be one of 'HTTPS, HTTP'");
        }
        return protocol;
    }

    static int checkPort(Integer port) {
        if (port == null) {
            throw Elbv2Errors.validation("A listener port must be specified");
        }
        return ModelConstraints.range(port, "port", 1, 65535);
    }

    static void checkPortFree(Tx tx, String loadBalancerArn, int port, String exceptListenerArn) {
        if (of(tx, loadBalancerArn).stream().anyMatch(l -> l.port() == port && !l.arn().equals(exceptListenerArn))) {
            throw Elbv2Errors.of("DuplicateListener", "A listener already exists on this port for this load balancer '"
                    + loadBalancerArn + "'");
        }
    }

    static Listener toSdk(ListenerRecord listener) {
        return Listener.builder()
                .listenerArn(listener.arn())
                .loadBalancerArn(listener.loadBalancerArn())
                .port(listener.port())
                .protocol(listener.protocol())
                .defaultActions(Actions.toSdk(listener.defaultActions()))
                .sslPolicy(listener.sslPolicy())
                .certificates(listener.certificateArns().stream()
                        .map(arn -> software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate.builder().certificateArn(arn).build())
                        .toList())
                .build();
    }
}
