package io.kumo.ec2.runtime.userdata;

import java.nio.charset.StandardCharsets;

/** bootcmd: the first module, its commands run by /bin/sh as one script (cloud-init's cc_bootcmd). */
final class BootcmdModule {
    private BootcmdModule() {
    }

    static void render(CloudConfig config, ShellScript script) {
        if (!config.has("bootcmd")) {
            return;
        }
        Shellify.Result commands = Shellify.of("bootcmd", config.get("bootcmd"));
        if (commands.refused()) {
            script.say("bootcmd");
            script.fail("bootcmd", commands.refusal());
            return;
        }
        script.say("bootcmd (" + Words.count(commands.commands(), "command") + ")");
        script.line("kumo_file=$kumo_work/bootcmd.sh");
        FileContent.write(script, commands.script().getBytes(StandardCharsets.UTF_8), "kumo_file", false, " &&");
        script.line("kumo_run bootcmd \"bootcmd's script\" /bin/sh \"$kumo_file\" ||");
        script.fail("bootcmd", "could not write bootcmd's script");
    }
}
