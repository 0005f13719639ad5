package io.kumo.ec2.runtime.userdata;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The final stage's scripts, in cloud-init's order: the per-once, per-boot and per-instance script parts, then
 * scripts_user, which runs runcmd's script and the plain shell-script parts together, sorted by file name (so
 * "part-002" runs before "runcmd", and "zz.sh" after it). Each script is a file made executable and run by its
 * own {@code #!} interpreter.
 */
final class ScriptsModule {
    private static final String RUNCMD = "runcmd";

    private ScriptsModule() {
    }

    /** What stands in a stage's directory: a script part, or runcmd's commands. */
    private sealed interface StageEntry {
    }

    private record Part(ScriptPart part) implements StageEntry {
    }

    private record Commands(Shellify.Result commands) implements StageEntry {
    }

    static void render(CloudConfig config, List<ScriptPart> parts, ShellScript script) {
        stage("per-once", UserDataFormat.SHELL_SCRIPT_PER_ONCE, parts, null, script);
        stage("per-boot", UserDataFormat.SHELL_SCRIPT_PER_BOOT, parts, null, script);
        stage("per-instance", UserDataFormat.SHELL_SCRIPT_PER_INSTANCE, parts, null, script);
        Shellify.Result runcmd = config.has(RUNCMD) ? Shellify.of(RUNCMD, config.get(RUNCMD)) : null;
        stage("user", UserDataFormat.SHELL_SCRIPT, parts, runcmd, script);
    }

    private static void stage(String directory, UserDataFormat format, List<ScriptPart> parts, Shellify.Result runcmd,
                              ShellScript script) {
        // A TreeMap sorts as cloud-init's runparts does, and a later part of the same name replaces an earlier
        // one, as its file would.
        Map<String, StageEntry> scripts = new TreeMap<>();
        parts.stream().filter(part -> part.format() == format).forEach(part -> scripts.put(part.name(), new Part(part)));
        if (runcmd != null) {
            scripts.put(RUNCMD, new Commands(runcmd));
        }
        if (scripts.isEmpty()) {
            return;
        }
        String dir = "$kumo_work/" + directory;
        script.line("mkdir -p \"" + dir + "\"");
        scripts.forEach((name, runnable) -> {
            switch (runnable) {
                case Commands(Shellify.Result commands) when commands.refused() -> {
                    script.say("runcmd");
                    script.fail(RUNCMD, commands.refusal());
                }
                case Commands(Shellify.Result commands) -> {
                    script.say("runcmd (" + Words.count(commands.commands(), "command") + ")");
                    run(script, dir, name, commands.script().getBytes(StandardCharsets.UTF_8), RUNCMD, "runcmd's script");
                }
                case Part(ScriptPart part) -> {
                    script.say("script '" + name + "' (" + part.format().contentType()
                            + (format == UserDataFormat.SHELL_SCRIPT_PER_BOOT ? "; Kumo runs it at first boot only" : "") + ")");
                    run(script, dir, name, part.content(), "scripts", "script '" + name + "'");
                }
            }
        });
    }

    private static void run(ShellScript script, String dir, String name, byte[] content, String module, String label) {
        script.line("kumo_file=\"" + dir + "\"/" + Sh.quote(name));
        FileContent.write(script, content, "kumo_file", false, " &&");
        script.line("chmod 700 \"$kumo_file\" &&");
        script.line("kumo_run " + Sh.quote(module) + " " + Sh.quote(label) + " \"$kumo_file\" ||");
        script.fail(module, "could not write " + label);
    }
}
