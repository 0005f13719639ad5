package io.kumo.ec2.runtime;

import io.kumo.core.KumoSettings;
import io.kumo.fabric.host.Isolation;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How instances run here. {@code KUMO_INSTANCES} (or {@code kumo.instances}) chooses: {@code auto}
 * (the default: sandboxes where the machine allows them), {@code sandbox} (fail loudly if not), or
 * {@code records} (the API only: instances are records whose states follow timers; nothing runs).
 *
 * @param instancesDir where each instance's disk and console live; null for ephemeral Kumo until first use
 */
public record InstanceHosting(boolean sandboxes, String reason, Path dataDir, boolean ephemeral) {

    public static InstanceHosting decide(KumoSettings settings) {
        String mode = System.getProperty("kumo.instances", System.getenv().getOrDefault("KUMO_INSTANCES", "auto"))
                .strip().toLowerCase(Locale.ROOT);
        if (mode.equals("records")) {
            return new InstanceHosting(false, "KUMO_INSTANCES=records: instances are API records only; nothing runs", settings.dataDir(), settings.ephemeral());
        }
        Isolation isolation = Isolation.probe();
        if (!isolation.available() && mode.equals("sandbox")) {
            throw new IllegalStateException("KUMO_INSTANCES=sandbox, but sandboxes are impossible here: " + isolation.reason());
        }
        String reason = isolation.available() ? isolation.reason()
                : "instances do not run: " + isolation.reason() + "; they are API records only (see docs/instances.md)";
        return new InstanceHosting(isolation.available(), reason, settings.dataDir(), settings.ephemeral());
    }
}
