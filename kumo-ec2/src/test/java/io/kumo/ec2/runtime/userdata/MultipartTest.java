package io.kumo.ec2.runtime.userdata;

import io.kumo.ec2.runtime.userdata.BootPlan.Kind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartTest {

    static String archive(String... parts) {
        StringBuilder mime = new StringBuilder("""
                Content-Type: multipart/mixed; boundary="===============BOUNDARY=="
                MIME-Version: 1.0

                """);
        for (String part : parts) {
            mime.append("--===============BOUNDARY==\n").append(part);
            if (!part.endsWith("\n")) {
                mime.append('\n');
            }
        }
        return mime.append("--===============BOUNDARY==--\n").toString();
    }

    static String part(String contentType, String filename, String body) {
        return "Content-Type: " + contentType + "; charset=\"us-ascii\"\nMIME-Version: 1.0\n"
                + (filename == null ? "" : "Content-Disposition: attachment; filename=\"" + filename + "\"\n")
                + "\n" + body;
    }

    @Test
    void cloudConfigAndScriptsRunTogether() {
        BootPlan plan = Plans.of(archive(
                part("text/cloud-config", "config.yaml", "#cloud-config\nruncmd:\n  - echo from-runcmd\n"),
                part("text/x-shellscript", "zz-last.sh", "#!/bin/sh\necho from-zz\n"),
                part("text/x-shellscript", "01-setup.sh", "#!/bin/bash\necho from-setup\n")));
        assertThat(plan.kind()).isEqualTo(Kind.CLOUD_CONFIG);
        assertThat(plan.consoleNotes()).containsExactly(
                "[kumo] user data is a MIME multi-part archive of 3 parts: 'config.yaml' (text/cloud-config), "
                        + "'zz-last.sh' (text/x-shellscript), '01-setup.sh' (text/x-shellscript)",
                "[kumo] running cloud-config user data: runcmd, 2 scripts, final_message.");
        // scripts_user runs runcmd and the script parts sorted by name.
        String script = plan.script();
        assertThat(script.indexOf("'script '\\''01-setup.sh'\\''")).isPositive()
                .isLessThan(script.indexOf("kumo_say 'runcmd (1 command)'"));
        assertThat(script.indexOf("kumo_say 'runcmd (1 command)'")).isLessThan(script.indexOf("'script '\\''zz-last.sh'\\''"));
    }

    @Test
    void aSingleScriptPartRunsAsAShellScript() {
        BootPlan plan = Plans.of(archive(part("text/x-shellscript", null, "#!/bin/bash\necho only\n")));
        assertThat(plan.kind()).isEqualTo(Kind.SHELL_SCRIPT);
        // The line break before a boundary belongs to the boundary.
        assertThat(plan.script()).isEqualTo("#!/bin/bash\necho only");
    }

    @Test
    void textPlainPartsAreRecognisedByTheirFirstLine() {
        BootPlan plan = Plans.of(archive(part("text/plain", null, "#cloud-config\nruncmd: [echo plain]\n")));
        assertThat(plan.kind()).isEqualTo(Kind.CLOUD_CONFIG);
        assertThat(plan.script()).contains("echo plain");
    }

    @Test
    void laterCloudConfigPartsReplaceEarlierKeys() {
        BootPlan plan = Plans.of(archive(
                part("text/cloud-config", null, "#cloud-config\nruncmd: [echo first]\nbootcmd: [echo boot]\n"),
                part("text/cloud-config", null, "#cloud-config\nruncmd: [echo second]\n")));
        assertThat(plan.script()).contains("echo second", "echo boot").doesNotContain("echo first");
    }

    @Test
    void unsupportedPartsAreNotedAndTheRestRuns() {
        BootPlan plan = Plans.of(archive(
                part("text/cloud-boothook", "hook", "#cloud-boothook\n#!/bin/sh\necho early\n"),
                part("text/x-include-url", null, "https://example.com/more\n"),
                part("text/x-shellscript", "run.sh", "#!/bin/sh\necho ok\n")));
        assertThat(plan.kind()).isEqualTo(Kind.SHELL_SCRIPT);
        assertThat(plan.consoleNotes()).contains(
                "[kumo] part 'hook' was not run: it is a cloud boothook ('#cloud-boothook'), which cloud-init knows but Kumo does not run.",
                "[kumo] part 'part-002' was not run: it is an include file (URLs to fetch) ('#include'), which cloud-init knows but Kumo does not run.");
    }

    @Test
    void anArchiveOfOnlyUnsupportedPartsIsUnsupported() {
        BootPlan plan = Plans.of(archive(part("text/cloud-boothook", null, "#cloud-boothook\necho early\n")));
        assertThat(plan.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(plan.script()).isNull();
    }

    @Test
    void aShellScriptPartWithoutShebangIsNotRun() {
        BootPlan plan = Plans.of(archive(part("text/x-shellscript", "setup.sh", "yum install -y httpd\n")));
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes()).last().asString().isEqualTo("[kumo] part 'setup.sh' was not run: it is "
                + "text/x-shellscript but does not start with '#!', so it cannot be executed (cloud-init fails with 'Exec format error').");
    }

    @Test
    void invalidYamlInAPartIsReportedAndOtherPartsStillRun() {
        BootPlan plan = Plans.of(archive(
                part("text/cloud-config", "bad.yaml", "#cloud-config\nruncmd: [unclosed\n"),
                part("text/x-shellscript", "ok.sh", "#!/bin/sh\necho ok\n")));
        assertThat(plan.kind()).isEqualTo(Kind.SHELL_SCRIPT);
        assertThat(plan.consoleNotes()).anyMatch(note -> note.startsWith("[kumo] part 'bad.yaml' was not run: its cloud-config is not valid YAML"));
    }

    @Test
    void base64AndGzipPartsAreDecoded() {
        String config = Base64.getMimeEncoder().encodeToString("#cloud-config\nruncmd: [echo b64]\n".getBytes(StandardCharsets.UTF_8));
        String zipped = Base64.getMimeEncoder().encodeToString(Plans.gzip("#!/bin/sh\necho gz\n".getBytes(StandardCharsets.UTF_8)));
        BootPlan plan = Plans.of(archive(
                "Content-Type: text/cloud-config\nContent-Transfer-Encoding: base64\n\n" + config + "\n",
                "Content-Type: application/x-gzip\nContent-Transfer-Encoding: base64\n"
                        + "Content-Disposition: attachment; filename=\"gz.sh\"\n\n" + zipped + "\n"));
        assertThat(plan.kind()).isEqualTo(Kind.CLOUD_CONFIG);
        assertThat(plan.script()).contains("echo b64", "echo gz", "kumo_say 'script '\\''gz.sh'\\'' (text/x-shellscript)'");
    }

    @Test
    void perBootScriptsRunFirstAndSaySoOnTheConsole() {
        BootPlan plan = Plans.of(archive(
                part("text/x-shellscript", "a.sh", "#!/bin/sh\necho user\n"),
                part("text/x-shellscript-per-boot", "b.sh", "#!/bin/sh\necho boot\n")));
        assertThat(plan.kind()).isEqualTo(Kind.CLOUD_CONFIG);
        assertThat(plan.script().indexOf("echo boot")).isLessThan(plan.script().indexOf("echo user"));
        assertThat(plan.script()).contains("text/x-shellscript-per-boot; Kumo runs it at first boot only");
    }

    @Test
    void aMimeMessageWithoutBoundaryIsNotRun() {
        BootPlan plan = Plans.of("MIME-Version: 1.0\nContent-Type: multipart/mixed\n\n--x\n\n#!/bin/sh\n--x--\n");
        assertThat(plan.kind()).isEqualTo(Kind.NOT_RUN);
        assertThat(plan.consoleNotes()).containsExactly(
                "[kumo] user data was not run: it is a MIME message, but its Content-Type is multipart/mixed but names no boundary.");
    }

    @Test
    void gzippedArchivesAreInflatedBeforeSplitting() {
        BootPlan plan = Plans.of(Plans.gzip(archive(part("text/x-shellscript", null, "#!/bin/sh\necho gz\n"))
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(plan.kind()).isEqualTo(Kind.SHELL_SCRIPT);
    }
}
