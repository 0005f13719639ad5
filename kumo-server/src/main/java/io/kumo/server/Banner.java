package io.kumo.server;

import io.kumo.core.KumoSettings;

import java.io.PrintStream;

/** The few lines a user needs to start using Kumo. */
final class Banner {
    private Banner() {
    }

    /** Where the host reaches internet-facing load balancers: port 80 itself if it can be bound here, else 10080. */
    private static String loadBalancers(KumoSettings s) {
        if (!io.kumo.ec2.runtime.InstanceHosting.decide(s).sandboxes()) {
            return "API only here: load balancers forward where instances run in sandboxes";
        }
        boolean free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", 80));
            free = true;
        } catch (java.io.IOException e) {
            free = false;
        }
        int fallback = 80 + io.kumo.elbv2.runtime.FrontDoorPorts.FALLBACK_OFFSET;
        return free ? "curl http://NAME-ID.REGION.elb.localhost/ (listeners answer on 127.0.0.1 at their own port)"
                : "port 80 cannot be bound here: listeners on port P answer on 127.0.0.1:P+10000, so curl http://NAME-ID.REGION.elb.localhost:"
                + fallback + "/";
    }

    static void print(PrintStream out, Kumo kumo, long startMillis) {
        KumoSettings s = kumo.settings();
        MachineFacts machine = kumo.machine();
        String endpoint = "http://" + (s.host().equals("0.0.0.0") ? "127.0.0.1" : s.host()) + ":" + kumo.port();
        out.println("Kumo " + Kumo.VERSION + " - local AWS at " + endpoint + "  (ready in " + startMillis + " ms)");
        out.println("  region       " + s.defaultRegion() + " (every AWS region works)");
        out.println("  credentials  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test  (account " + s.accountId() + ")");
        out.println("  auth         " + (s.strictAuth() ? "strict: unknown access keys are refused" : "lenient: unknown access keys act as the account root"));
        out.println("  data         " + (s.ephemeral() ? "in memory only (--ephemeral): nothing survives a stop" : s.dataDir() + " (durable)"));
        out.println("  machine      root: " + (machine.root() ? "yes" : "no") + "; network namespaces: " + machine.namespaceNote());
        out.println("  instances    " + io.kumo.ec2.runtime.InstanceHosting.decide(s).reason());
        out.println("  load bal.    " + loadBalancers(s));
        out.println("  dns          dig @127.0.0.1 -p " + kumo.dnsPort() + " NAME  (hosted zones and load balancers' names; UDP and TCP)");
        out.println("  services     " + String.join(" ", kumo.serviceNames()));
        out.println("  try          aws --endpoint-url " + endpoint + " ec2 describe-vpcs");
        out.println("Ctrl-C stops Kumo.");
        out.flush();
    }
}
