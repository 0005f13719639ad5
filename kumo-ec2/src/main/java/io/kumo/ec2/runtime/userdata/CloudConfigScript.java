package io.kumo.ec2.runtime.userdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The script that does a cloud-config's work: the supported modules in the order cloud-init's stages run them
 * (init: bootcmd, write_files, users, ssh keys; final: packages, deferred write_files, scripts with runcmd,
 * final_message), each announced by one console line.
 */
final class CloudConfigScript {
    static final Set<String> SUPPORTED_KEYS = Set.of("bootcmd", "write_files", "users", "ssh_authorized_keys",
            "disable_root", "package_update", "apt_update", "package_upgrade", "apt_upgrade", "packages", "runcmd",
            "final_message");

    private CloudConfigScript() {
    }

    static String render(CloudConfig config, List<ScriptPart> parts, String defaultUser) {
        ShellScript script = new ShellScript();
        ScriptPrologue.write(script);
        BootcmdModule.render(config, script);
        WriteFilesModule.render(config, false, script);
        UsersModule.render(config, script);
        AuthorizedKeysModule.render(config, defaultUser, script);
        PackagesModule.render(config, script);
        WriteFilesModule.render(config, true, script);
        ScriptsModule.render(config, parts, script);
        ScriptPrologue.writeFailureSummary(script);
        FinalMessageModule.render(config, script);
        ScriptPrologue.writeExit(script);
        return script.text();
    }

    /** One console line for each top-level key Kumo does not act on. */
    static List<String> ignoredKeys(CloudConfig config) {
        return config.keys().stream().filter(key -> !SUPPORTED_KEYS.contains(key))
                .map(key -> "Kumo cloud-config: key '" + Text.echo(key) + "' is not supported by Kumo and was ignored")
                .toList();
    }

    /** What will run, in order, for the console's first line. */
    static List<String> steps(CloudConfig config, List<ScriptPart> parts) {
        List<String> steps = new ArrayList<>();
        for (String key : List.of("bootcmd", "write_files", "users", "ssh_authorized_keys")) {
            if (config.has(key)) {
                steps.add(key);
            }
        }
        if (config.flag("package_update", "apt_update", "package_upgrade", "apt_upgrade") || !config.list("packages").isEmpty()) {
            steps.add("packages");
        }
        if (config.has("runcmd")) {
            steps.add("runcmd");
        }
        if (!parts.isEmpty()) {
            steps.add(Words.count(parts.size(), "script"));
        }
        steps.add("final_message");
        return steps;
    }
}
