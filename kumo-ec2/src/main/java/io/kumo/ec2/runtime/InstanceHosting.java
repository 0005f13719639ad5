package io.kumo.ec2.runtime;

import io.kumo.core.KumoSettings;
import io.kumo.fabric.host.Isolation;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How instances run here. {@code KUMO_INSTANCES} (or {@code kumo.instances}) chooses: {@code auto}
 * (the default: sandboxes where the machine allows them, otherwise plain processes of the host),
 * {@code sandbox} (fail loudly if impossible), {@code process} (plain processes even where
 * sandboxes work) or {@code records} (the API only: states follow timers; nothing runs).
 *
 * @param reason what the machine allows, for the banner and the instances' console
 */
public record InstanceHosting(Mode mode, String reason, Path dataDir, boolean ephemeral) {

    public enum Mode { SANDBOX, PROCESS, RECORDS }

    public boolean sandboxes() {
        return mode == Mode.SANDBOX;
    }

    /** Whether something real runs for each instance, so that its boot and halt end its passing states. */
    public boolean runs() {
        return mode != Mode.RECORDS;
    }

    public static InstanceHosting decide(KumoSettings settings) {
        String mode = System.getProperty("kumo.instances", System.getenv().getOrDefault("KUMO_INSTANCES", "auto"))
                .strip().toLowerCase(Locale.ROOT);
        if (mode.equals("records")) {
            return new InstanceHosting(Mode.RECORDS, "KUMO_INSTANCES=records: instances are API records only; nothing runs",
                    settings.dataDir(), settings.ephemeral());
        }
        Isolation isolation = Isolation.probe();
        if (!isolation.available() && mode.equals("sandbox")) {
            throw new IllegalStateException("KUMO_INSTANCES=sandbox, but sandboxes are impossible here: " + isolation.reason());
        }
        if (isolation.available() && !mode.equals("process")) {
            return new InstanceHosting(Mode.SANDBOX, isolation.reason(), settings.dataDir(), settings.ephemeral());
        }
        String why = isolation.available() ? "KUMO_INSTANCES=process" : isolation.reason();
        return new InstanceHosting(Mode.PROCESS, "instances run as plain processes, NOT isolated: " + why + " (see docs/instances.md)",
                settings.dataDir(), settings.ephemeral());
    }
}
