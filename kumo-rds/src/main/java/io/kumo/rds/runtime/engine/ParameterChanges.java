package io.kumo.rds.runtime.engine;

import java.util.List;

/**
 * What became of parameter changes: applied at once (dynamic), waiting for a restart (static:
 * the next start with the new startup parameters applies them), or unknown to this server.
 */
public record ParameterChanges(List<String> applied, List<String> pendingRestart, List<String> unknown) {
    public ParameterChanges {
        applied = List.copyOf(applied);
        pendingRestart = List.copyOf(pendingRestart);
        unknown = List.copyOf(unknown);
    }
}
