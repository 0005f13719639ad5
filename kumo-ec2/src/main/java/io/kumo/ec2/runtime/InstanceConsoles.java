package io.kumo.ec2.runtime;

import java.util.Optional;

/** The console output of instances that ran, as GetConsoleOutput returns it. */
public interface InstanceConsoles {
    /** The latest console text (at most {@code maxBytes}, the end of it), or empty when the instance never ran here. */
    Optional<String> tail(String instanceId, int maxBytes);

    InstanceConsoles NONE = (id, max) -> Optional.empty();
}
