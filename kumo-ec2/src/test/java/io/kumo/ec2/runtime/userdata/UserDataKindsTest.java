package io.kumo.ec2.runtime.userdata;

import io.kumo.ec2.runtime.userdata.BootPlan.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserDataKindsTest {

    @Test
    void noUserDataRunsNothing() {
        for (byte[] none : new byte[][] {null, new byte[0]}) {
            BootPlan plan = UserDataPlan.of(none, Plans.USER);
            assertThat(plan.kind()).isEqualTo(Kind.NONE);
            assertThat(plan.script()).isNull();
            assertThat(plan.runs()).isFalse();
            assertThat(plan.consoleNotes()).containsExactly("[kumo] this instance has no user data; nothing runs at first boot.");
        }
    }

    @Test
    void aShellScriptRunsAsItIs() {
        String script = "#!/bin/bash\nset -e\necho hello\n";
        BootPlan plan = Plans.of(script);
        assertThat(plan.kind()).isEqualTo(Kind.SHELL_SCRIPT);
        assertThat(plan.script()).isEqualTo(script);
        assertThat(plan.consoleNotes()).containsExactly("[kumo] running user data as a shell script (#!/bin/bash).");
    }

    @Test
    void windowsLineEndingsAreConvertedAsCloudInitDoes() {
        BootPlan plan = Plans.of("#!/bin/bash\r\necho hello\r\n");
        assertThat(plan.kind()).isEqualTo(Kind.SHELL_SCRIPT);
        assertThat(plan.script()).isEqualTo("#!/bin/bash\necho hello\n");
        assertThat(plan.consoleNotes()).anyMatch(note -> note.contains("Windows line endings"));
    }

    @Test
    void gzippedUserDataIsInflatedFirst() {
        BootPlan plan = Plans.of(Plans.gzip("#!/bin/sh\necho zipped\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(plan.kind()).isEqualTo(Kind.SHELL_SCRIPT);
        assertThat(plan.script()).isEqualTo("#!/bin/sh\necho zipped\n");

        BootPlan config = Plans.of(Plans.gzip("#cloud-config\nruncmd: [echo zipped]\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(config.kind()).isEqualTo(Kind.CLOUD_CONFIG);
        assertThat(config.script()).contains("echo zipped");
    }

    @Test
    void aGzipBombIsNotInflatedPastOneMebibyte() {
        BootPlan plan = Plans.of(Plans.gzip(new byte[2 << 20]));
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes()).containsExactly("[kumo] user data was not run: it decompresses to more than 1 MiB.");
    }

    @Test
    void brokenGzipIsNotRun() {
        byte[] gzip = Plans.gzip("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
        byte[] truncated = java.util.Arrays.copyOf(gzip, 12);
        BootPlan plan = Plans.of(truncated);
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes().getFirst()).startsWith("[kumo] user data was not run: it starts like gzip data but does not decompress");
    }

    @Test
    void aBashScriptWithoutItsShebangIsNotRunAndTheConsoleSaysWhy() {
        BootPlan plan = Plans.of("yum install -y httpd\nsystemctl start httpd\n");
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.script()).isNull();
        assertThat(plan.consoleNotes()).containsExactly(
                "[kumo] user data was not run: it does not start with '#!' (for a shell script) or '#cloud-config'. "
                        + "The first line was: 'yum install -y httpd'",
                "[kumo] if it is a shell script, make '#!/bin/bash' (or another interpreter) its first line.");
    }

    @Test
    void theEchoedFirstLineIsShortAndPrintable() {
        BootPlan plan = Plans.of("echo " + "x".repeat(200) + "\u0007\n");
        assertThat(plan.consoleNotes().getFirst()).endsWith("The first line was: 'echo " + "x".repeat(75) + "...'");
        BootPlan bell = Plans.of("a\u0007b\tc\n");
        assertThat(bell.consoleNotes().getFirst()).endsWith("The first line was: 'a?b?c'");
    }

    @Test
    void cloudConfigWithoutItsHeaderGetsAHint() {
        BootPlan plan = Plans.of("runcmd:\n  - echo hi\n");
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes()).last().isEqualTo("[kumo] if it is cloud-config, make '#cloud-config' its first line.");
    }

    @Test
    void aByteOrderMarkIsNamed() {
        BootPlan plan = Plans.of("\uFEFF#!/bin/bash\necho hi\n");
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes().getFirst()).endsWith("The first line was: '?#!/bin/bash'");
        assertThat(plan.consoleNotes()).last().asString().contains("byte order mark");
    }

    @Test
    void blankSpaceBeforeTheShebangWouldFailOnEc2() {
        BootPlan plan = Plans.of("\n  #!/bin/bash\necho hi\n");
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes()).singleElement().asString()
                .startsWith("[kumo] user data was not run: '#!' is not at its very start")
                .contains("Exec format error");
    }

    @Test
    void base64AppliedTwiceIsRecognised() {
        String twice = Base64.getEncoder().encodeToString("#!/bin/bash\necho hi\n".getBytes(StandardCharsets.UTF_8));
        BootPlan plan = Plans.of(twice);
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes()).last().asString()
                .contains("base64-encoded twice").contains("'#!/bin/bash'");
    }

    @Test
    void mimeWithoutMimeVersionIsNotReadAsMime() {
        BootPlan plan = Plans.of("""
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/x-shellscript

                #!/bin/sh
                echo hi
                --b--
                """);
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes()).last().asString().contains("'MIME-Version: 1.0'");
    }

    @Test
    void blankUserDataIsNotRun() {
        BootPlan plan = Plans.of(" \n\n");
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes()).containsExactly("[kumo] user data was not run: it holds nothing but blank space.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "#include\\nhttps://example.com/setup.sh | an include file (URLs to fetch) ('#include')",
            "#include-once\\nhttps://example.com/a | an include-once file (URLs to fetch) ('#include-once')",
            "#cloud-boothook\\n#!/bin/sh\\necho early | a cloud boothook ('#cloud-boothook')",
            "#upstart-job\\ndescription \"x\" | an upstart job ('#upstart-job')",
            "#part-handler\\ndef list_types(): pass | a part handler (Python code) ('#part-handler')",
            "## template: jinja\\n#!/bin/sh\\necho {{ v1.instance_id }} | a jinja template ('## template: jinja')",
            "#cloud-config-archive\\n- type: text/cloud-config | a cloud-config archive ('#cloud-config-archive')",
            "#cloud-config-jsonp\\n[] | a cloud-config JSON patch ('#cloud-config-jsonp')"})
    void formatsCloudInitKnowsButKumoDoesNotRunAreUnsupported(String userData, String description) {
        BootPlan plan = Plans.of(userData.replace("\\n", "\n"));
        assertThat(plan.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(plan.script()).isNull();
        assertThat(plan.consoleNotes()).containsExactly(
                "[kumo] user data was not run: it is " + description + ", which cloud-init knows but Kumo does not run.");
    }

    @Test
    void cloudConfigIsRecognisedWhateverItsCaseAndLeadingSpace() {
        assertThat(Plans.of("#Cloud-Config\nruncmd: [date]\n").kind()).isEqualTo(Kind.CLOUD_CONFIG);
        assertThat(Plans.of("\n  #cloud-config\nruncmd: [date]\n").kind()).isEqualTo(Kind.CLOUD_CONFIG);
    }

    @Test
    void invalidYamlIsNotRunWithTheParsersPosition() {
        BootPlan plan = Plans.of("#cloud-config\nruncmd:\n  - echo hi\n   - bad: [\n");
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes()).containsExactly(
                "[kumo] user data was not run: its cloud-config is not valid YAML: mapping values are not allowed here at line 4, column 9",
                "[kumo]      - bad: [",
                "[kumo]           ^");
    }

    @Test
    void aTopLevelThatIsNotAMappingIsNotRun() {
        BootPlan plan = Plans.of("#cloud-config\n- echo hi\n- echo there\n");
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes()).containsExactly("[kumo] user data was not run: its cloud-config must be a mapping of "
                + "keys (like 'runcmd:') at the top level, but it is a list");
    }

    @Test
    void anEmptyCloudConfigStillPrintsItsFinalMessage() {
        BootPlan plan = Plans.of("#cloud-config\n");
        assertThat(plan.kind()).isEqualTo(Kind.CLOUD_CONFIG);
        assertThat(plan.consoleNotes()).containsExactly("[kumo] running cloud-config user data: final_message.");
        assertThat(plan.script()).contains("kumo_say 'final_message'");
    }

    @Test
    void yamlTagsCannotBuildJavaObjects() {
        BootPlan plan = Plans.of("#cloud-config\nruncmd: !!javax.script.ScriptEngineManager [[]]\n");
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes().getFirst()).contains("not valid YAML");
    }

    @Test
    void aPlanHasAScriptExactlyWhenItRuns() {
        assertThatThrownBy(() -> new BootPlan(Kind.NOT_RUN, "#!/bin/sh", java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BootPlan(Kind.SHELL_SCRIPT, null, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
