package io.kumo.ec2.runtime.userdata;

import java.util.List;
import java.util.Objects;

/**
 * What an instance's init does with its user data at first boot.
 *
 * @param kind         how the user data was understood
 * @param script       what the init writes to a file, makes executable (700) and runs as root: the user data itself
 *                     for {@link Kind#SHELL_SCRIPT} (so its own {@code #!} interpreter runs it), a generated
 *                     {@code /bin/sh} script for {@link Kind#CLOUD_CONFIG}; null when nothing runs
 * @param consoleNotes lines the init prints to the console before anything runs
 */
public record BootPlan(Kind kind, String script, List<String> consoleNotes) {

    public enum Kind {
        /** No user data was given. */
        NONE,
        /** User data starting with {@code #!}: run as it is. */
        SHELL_SCRIPT,
        /** Cloud-config (possibly with scripts, from a MIME multi-part archive): run as a generated script. */
        CLOUD_CONFIG,
        /** Nothing cloud-init would run, or a mistake that would make it fail: the notes say why. */
        NOT_RUN,
        /** A format cloud-init knows but Kumo does not run ({@code #include}, {@code #cloud-boothook}, ...). */
        UNSUPPORTED
    }

    public BootPlan {
        Objects.requireNonNull(kind, "kind");
        consoleNotes = List.copyOf(consoleNotes);
        if ((script != null) != (kind == Kind.SHELL_SCRIPT || kind == Kind.CLOUD_CONFIG)) {
            throw new IllegalArgumentException("a " + kind + " plan " + (script == null ? "needs" : "has no") + " script");
        }
    }

    /** True when the init has a script to run. */
    public boolean runs() {
        return script != null;
    }
}
