package io.kumo.server;

import io.kumo.core.KumoSettings;

import java.io.PrintStream;

/** The few lines a user needs to start using Kumo. */
final class Banner {
    private Banner() {
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
        out.println("  services     " + String.join(" ", kumo.serviceNames()));
        out.println("  try          aws --endpoint-url " + endpoint + " ec2 describe-vpcs");
        out.println("Ctrl-C stops Kumo.");
        out.flush();
    }
}
