package io.kumo.elbv2.runtime;

import io.kumo.core.network.HostAddress;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;
import io.kumo.core.tls.ServerCertificates;
import io.kumo.elbv2.listener.ListenerTls;
import java.util.Optional;
import io.kumo.elbv2.listener.Action;
import io.kumo.elbv2.listener.Condition;
import io.kumo.elbv2.listener.ListenerRecord;
import io.kumo.elbv2.listener.RuleRecord;
import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;
import io.kumo.elbv2.targetgroup.TargetGroupRecord;
import io.kumo.elbv2.targetgroup.TargetHealthRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the proxy needs, read from one consistent view of the store: every active load balancer
 * with its listeners' rules in evaluation order, its nodes, and the target groups its rules
 * forward to, each target resolved to an address.
 */
record ElbPlans(Map<String, Balancer> byDnsName, Map<String, Group> groups) {

    /** @param hostPorts the listener ports the load balancer's security groups open to the host */
    record Balancer(String arn, String vpcId, String dnsName, boolean internetFacing, int idleTimeoutSeconds, Map<Integer, Listener> listeners,
                    List<Node> nodes, List<String> zones, java.util.Set<Integer> hostPorts) {
    }

    record Node(String zone, String interfaceId, String ip) {
    }

    /**
     * @param rules in evaluation order: by priority, the default rule last
     * @param tls   for an HTTPS listener, its certificate and policy; null for HTTP
     */
    record Listener(String arn, int port, List<Rule> rules, Tls tls) {
        boolean https() {
            return tls != null;
        }
    }

    /** @param http2 whether clients may speak HTTP/2 (routing.http2.enabled) */
    record Tls(ServerCertificates.KeyMaterial certificate, String sslPolicy, boolean http2) {
    }

    record Rule(List<Condition> conditions, List<Action> actions) {
    }

    /** @param nodes the nodes of the load balancer that forwards to the group: where its traffic and health checks come from */
    record Group(StoreScope scope, String arn, String protocol, int port, TargetGroupRecord.HealthCheck healthCheck,
                 Map<String, String> attributes, List<Target> targets, List<Node> nodes) {

        /** The node in the target's zone, else any (ALB balances across zones). */
        Node nodeFor(Target target) {
            for (Node n : nodes) {
                if (n.zone().equals(target.zone())) {
                    return n;
                }
            }
            return nodes.isEmpty() ? null : nodes.getFirst();
        }
    }

    /**
     * @param key     "id:port", as target health names it
     * @param ip      where traffic goes; null when the instance has no address (or is gone)
     * @param running for an instance target, whether it runs; ip targets always do
     */
    record Target(String key, String id, String ip, int port, String zone, boolean draining, boolean running,
                  java.time.Instant registeredAt) {
    }

    static ElbPlans read(Tx global, VpcDirectory vpcs, Optional<ServerCertificates> certificates) {
        Map<String, Balancer> balancers = new HashMap<>();
        Map<String, Group> groups = new HashMap<>();
        Map<StoreScope, List<LoadBalancerRecord>> all = global.scanAll(LoadBalancerRecord.TABLE);
        for (var scoped : all.entrySet()) {
            Tx tx = global.in(scoped.getKey());
            List<ListenerRecord> listeners = tx.list(ListenerRecord.TABLE);
            List<RuleRecord> rules = tx.list(RuleRecord.TABLE);
            for (LoadBalancerRecord lb : scoped.getValue()) {
                if (!lb.state().equals(LoadBalancerRecord.ACTIVE)) {
                    continue;
                }
                Map<Integer, Listener> byPort = new HashMap<>();
                for (ListenerRecord l : listeners) {
                    if (l.loadBalancerArn().equals(lb.arn())) {
                        byPort.put(l.port(), new Listener(l.arn(), l.port(), rulesOf(l, rules), tls(tx, l, lb, certificates)));
                    }
                }
                List<Node> nodes = lb.zones().stream().filter(z -> z.networkInterfaceId() != null)
                        .map(z -> new Node(z.zoneName(), z.networkInterfaceId(), z.privateIpAddress())).toList();
                java.util.Set<Integer> hostPorts = new java.util.HashSet<>();
                for (int port : byPort.keySet()) {
                    if (vpcs.admitsTcp(tx, lb.securityGroups(), port, HostAddress.AS_SEEN_FROM_VPCS)) {
                        hostPorts.add(port);
                    }
                }
                int idle = Integer.parseInt(lb.attributes().getOrDefault("idle_timeout.timeout_seconds", "60"));
                balancers.put(lb.dnsName().toLowerCase(java.util.Locale.ROOT), new Balancer(lb.arn(), lb.vpcId(), lb.dnsName(),
                        lb.scheme().equals(LoadBalancerRecord.INTERNET_FACING), idle, Map.copyOf(byPort), nodes,
                        lb.zones().stream().map(LoadBalancerRecord.Zone::zoneName).toList(), java.util.Set.copyOf(hostPorts)));
                for (Listener l : byPort.values()) {
                    for (Rule r : l.rules()) {
                        for (Action a : r.actions()) {
                            for (String tg : a.targetGroupArns()) {
                                tx.get(TargetGroupRecord.TABLE, tg).ifPresent(g -> groups.put(tg, group(tx, vpcs, g, nodes)));
                            }
                        }
                    }
                }
            }
        }
        return new ElbPlans(Map.copyOf(balancers), Map.copyOf(groups));
    }

    /** An HTTPS listener whose certificate cannot be served (deleted from ACM meanwhile) fails its handshakes. */
    private static Tls tls(Tx tx, ListenerRecord l, LoadBalancerRecord lb, Optional<ServerCertificates> certificates) {
        if (!l.protocol().equals("HTTPS") || l.certificateArns().isEmpty() || certificates.isEmpty()) {
            return null;
        }
        return certificates.get().servable(tx, l.certificateArns().getFirst())
                .map(c -> new Tls(c, l.sslPolicy() == null ? ListenerTls.DEFAULT_POLICY : l.sslPolicy(),
                        !"false".equals(lb.attributes().get("routing.http2.enabled"))))
                .orElse(null);
    }

    private static List<Rule> rulesOf(ListenerRecord listener, List<RuleRecord> rules) {
        List<RuleRecord> mine = new ArrayList<>(rules.stream().filter(r -> r.listenerArn().equals(listener.arn())).toList());
        mine.sort(Comparator.comparingInt(r -> r.isDefault() ? Integer.MAX_VALUE : Integer.parseInt(r.priority())));
        List<Rule> out = new ArrayList<>(mine.stream().map(r -> new Rule(r.conditions(), r.actions())).toList());
        if (mine.stream().noneMatch(RuleRecord::isDefault)) {
            out.add(new Rule(List.of(), listener.defaultActions()));
        }
        return List.copyOf(out);
    }

    private static Group group(Tx tx, VpcDirectory vpcs, TargetGroupRecord g, List<Node> nodes) {
        List<Target> targets = new ArrayList<>();
        for (TargetGroupRecord.Target t : g.targets()) {
            String key = TargetHealthRecord.key(t.id(), t.port());
            if (g.targetType().equals("ip")) {
                targets.add(new Target(key, t.id(), t.id(), t.port(), t.availabilityZone(), t.draining(), true, t.registeredAt()));
            } else {
                var instance = vpcs.instance(tx, t.id());
                targets.add(new Target(key, t.id(), instance.map(VpcDirectory.Instance::privateIpAddress).orElse(null), t.port(),
                        instance.map(VpcDirectory.Instance::availabilityZone).orElse(t.availabilityZone()), t.draining(),
                        instance.map(i -> i.state().equals("running")).orElse(false), t.registeredAt()));
            }
        }
        return new Group(tx.scope(), g.arn(), g.protocol(), g.port(), g.healthCheck(), g.attributes(), List.copyOf(targets), nodes);
    }
}
