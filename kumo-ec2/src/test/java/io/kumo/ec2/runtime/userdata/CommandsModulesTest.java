package io.kumo.ec2.runtime.userdata;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** bootcmd and runcmd: cloud-init's shellify, then one script run by sh. */
class CommandsModulesTest {

    @Test
    void stringsAreShellListsAreExactArgvAndCommentsAreSkipped() {
        Shellify.Result result = Shellify.of("runcmd", Arrays.asList("echo $HOME | tr a-z A-Z", null,
                List.of("printf", "%s\n", "it's", "$HOME", 42, true)));
        assertThat(result.refused()).isFalse();
        assertThat(result.commands()).isEqualTo(2);
        assertThat(result.script()).isEqualTo("""
                #!/bin/sh
                echo $HOME | tr a-z A-Z
                'printf' '%s
                ' 'it'\\''s' '$HOME' '42' 'True'
                """);
    }

    @Test
    void anythingButAListOfStringsAndListsIsRefusedWhole() {
        assertThat(Shellify.of("runcmd", "echo hi").refusal())
                .isEqualTo("runcmd must be a list of commands, but it is a string; cloud-init runs none of it");
        assertThat(Shellify.of("runcmd", List.of("echo hi", 42)).refusal())
                .isEqualTo("runcmd item 2 is a number (42), not a string or a list; cloud-init runs none of runcmd then");
    }

    @Test
    void bootcmdRunsFirstWithShAndRuncmdLate() {
        String script = Plans.script("""
                #cloud-config
                runcmd:
                  - echo late
                  - [ls, -l, /]
                  - echo third
                bootcmd:
                  - echo early
                write_files:
                  - path: /x
                """);
        assertThat(script).contains("kumo_say 'bootcmd (1 command)'", "kumo_run bootcmd \"bootcmd's script\" /bin/sh \"$kumo_file\"",
                "kumo_say 'runcmd (3 commands)'", "'ls' '-l' '/'");
        assertThat(script.indexOf("echo early")).isLessThan(script.indexOf("kumo_say 'write_files"));
        assertThat(script.indexOf("kumo_say 'write_files")).isLessThan(script.indexOf("echo late"));
    }

    @Test
    void aRefusedRuncmdIsAFailureLine() {
        String script = Plans.script("#cloud-config\nruncmd: echo hi\n");
        assertThat(script).contains("kumo_say 'runcmd'",
                "kumo_fail 'runcmd' 'runcmd must be a list of commands, but it is a string; cloud-init runs none of it'");
    }
}
