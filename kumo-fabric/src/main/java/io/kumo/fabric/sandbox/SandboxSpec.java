package io.kumo.fabric.sandbox;

import io.kumo.fabric.netns.NetworkNamespace;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a sandbox boots.
 *
 * @param dir      the instance's own directory: its writable layer, console log and boot files
 * @param layers   image layers above the host's root, topmost first (empty for the host image)
 * @param hide     host paths the instance must not see
 * @param env      the instance's identity, written to its instance.env (KUMO_* variables)
 * @param userData the script run once at first boot, or null
 * @param notes    lines shown on the console before the user data runs
 */
public record SandboxSpec(String name, NetworkNamespace netns, Path dir, String hostname, List<Path> layers,
                          List<String> hide, Map<String, String> env, String userData, List<String> notes) {
    public SandboxSpec {
        layers = List.copyOf(layers);
        hide = outermost(hide);
        env = Map.copyOf(env);
        notes = List.copyOf(notes);
    }

    /** Hiding a directory hides what is under it; a whiteout cannot have children anyway. */
    private static List<String> outermost(List<String> paths) {
        return paths.stream().map(p -> Path.of(p).normalize())
                .filter(p -> paths.stream().map(q -> Path.of(q).normalize()).noneMatch(q -> !q.equals(p) && p.startsWith(q)))
                .map(Path::toString).distinct().toList();
    }

    public Path consoleLog() {
        return dir.resolve("console.log");
    }

    public Path upper() {
        return dir.resolve("upper");
    }
}
