package io.kumo.ec2.runtime.userdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs generated scripts with /bin/sh, every path under a temporary KUMO_ROOT, and looks at what they did. */
class CloudConfigRunTest {

    @TempDir
    Path temp;

    @Test
    void writeFilesAndRuncmdDoWhatTheySay() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        String gzipped = Base64.getEncoder().encodeToString(Plans.gzip("unzipped\n".getBytes(StandardCharsets.UTF_8)));
        String script = Plans.script("""
                #cloud-config
                write_files:
                  - path: /etc/app/app.conf
                    content: |
                      port = 8080
                      name = 'kumo' "quoted" $HOME `date`
                      KUMO_EOF_1
                    permissions: '0640'
                  - path: /etc/app/no-newline.txt
                    content: "no line break at the end"
                    permissions: '0640'
                  - path: /etc/app/secret.bin
                    encoding: b64
                    content: AAECA/8=
                    permissions: '0600'
                  - path: /opt/tool/unzipped.txt
                    encoding: gz+b64
                    content: %s
                  - path: /etc/app/app.conf
                    content: "appended line\\n"
                    append: true
                  - path: /etc/app/deferred.txt
                    content: "written after packages\\n"
                    defer: true
                runcmd:
                  - echo "hello from runcmd" > "$KUMO_ROOT/runcmd.out"
                  - cd "$KUMO_ROOT/etc/app"
                  - [ sh, -c, 'pwd > "$KUMO_ROOT/pwd.out"; printf "%%s|" "$@" > "$KUMO_ROOT/argv.out"', argv0, "two words", "it's", "$HOME" ]
                  - cat "$KUMO_ROOT/etc/app/deferred.txt" > "$KUMO_ROOT/deferred.seen"
                final_message: "all done after $uptime seconds"
                """.formatted(gzipped));

        ShellRunner.Run run = ShellRunner.run(script, root);

        assertThat(run.exitStatus()).as(run.output()).isZero();
        assertThat(root.resolve("etc/app/app.conf")).hasContent("""
                port = 8080
                name = 'kumo' "quoted" $HOME `date`
                KUMO_EOF_1
                appended line
                """);
        // The appending item gives no permissions, so it applies the default 0644, as cloud-init does.
        assertThat(Files.getPosixFilePermissions(root.resolve("etc/app/app.conf")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.readAllBytes(root.resolve("etc/app/no-newline.txt")))
                .isEqualTo("no line break at the end".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.getPosixFilePermissions(root.resolve("etc/app/no-newline.txt")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(Files.readAllBytes(root.resolve("etc/app/secret.bin"))).containsExactly(0, 1, 2, 3, 0xff);
        assertThat(Files.getPosixFilePermissions(root.resolve("etc/app/secret.bin")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(root.resolve("opt/tool/unzipped.txt")).hasContent("unzipped\n");
        assertThat(Files.getPosixFilePermissions(root.resolve("opt/tool/unzipped.txt")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.getPosixFilePermissions(root.resolve("opt/tool")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(root.resolve("runcmd.out")).hasContent("hello from runcmd\n");
        // A string item is shell that later items see (cd carries over); a list item is an exact argv.
        assertThat(root.resolve("pwd.out")).hasContent(root.resolve("etc/app") + "\n");
        assertThat(root.resolve("argv.out")).hasContent("two words|it's|$HOME|");
        assertThat(root.resolve("deferred.seen")).hasContent("written after packages\n");
        assertThat(run.lines()).containsSubsequence(
                "Kumo cloud-config: write_files (5 files)",
                "Kumo cloud-config: write_files, deferred (1 file)",
                "Kumo cloud-config: runcmd (4 commands)",
                "Kumo cloud-config: final_message");
        assertThat(run.lines().getLast()).matches("all done after [0-9.]+ seconds");
    }

    @Test
    void keysGoToAuthorizedKeysWithSshsModesAndAreNotRepeated() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path existing = Files.createDirectories(root.resolve("root/.ssh")).resolve("authorized_keys");
        Files.writeString(existing, "ssh-ed25519 AAAAold old@key"); // no final line break
        String script = Plans.script("""
                #cloud-config
                disable_root: false
                ssh_authorized_keys:
                  - ssh-ed25519 AAAAnew new@key
                  - ssh-ed25519 AAAAold old@key
                """);

        ShellRunner.Run run = ShellRunner.run(script, root);

        assertThat(run.exitStatus()).as(run.output()).isZero();
        Path userKeys = root.resolve("home/" + Plans.USER + "/.ssh/authorized_keys");
        assertThat(userKeys).hasContent("ssh-ed25519 AAAAnew new@key\nssh-ed25519 AAAAold old@key\n");
        assertThat(Files.getPosixFilePermissions(userKeys)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(userKeys.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(existing).hasContent("ssh-ed25519 AAAAold old@key\nssh-ed25519 AAAAnew new@key\n");
        assertThat(run.lines()).contains(
                "Kumo cloud-config: ssh_authorized_keys (2 keys for " + Plans.USER + " and root)",
                "Kumo cloud-config: ssh_authorized_keys: 2 new key(s) in " + userKeys,
                "Kumo cloud-config: ssh_authorized_keys: 1 new key(s) in " + existing);
    }

    @Test
    void scriptPartsRunByTheirOwnInterpreterInNameOrderWithRuncmd() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        String archive = MultipartTest.archive(
                MultipartTest.part("text/cloud-config", null, "#cloud-config\nruncmd:\n  - echo runcmd >> \"$KUMO_ROOT/order\"\n"),
                MultipartTest.part("text/x-shellscript", "zz.sh", "#!/bin/sh\necho zz >> \"$KUMO_ROOT/order\"\n"),
                MultipartTest.part("text/x-shellscript", "01.sh", "#!/usr/bin/env bash\necho \"01 ${BASH_VERSION:+bash}\" >> \"$KUMO_ROOT/order\"\n"),
                MultipartTest.part("text/x-shellscript-per-instance", "pi.sh", "#!/bin/sh\necho per-instance >> \"$KUMO_ROOT/order\"\n"));
        BootPlan plan = Plans.of(archive);

        ShellRunner.Run run = ShellRunner.run(plan.script(), root);

        assertThat(run.exitStatus()).as(run.output()).isZero();
        assertThat(root.resolve("order")).hasContent("per-instance\n01 bash\nruncmd\nzz\n");
    }

    @Test
    void failuresAreShownTheScriptGoesOnAndItsExitStatusSaysSo() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        Files.writeString(root.resolve("blocker"), "a file where a directory should be");
        String script = Plans.script("""
                #cloud-config
                write_files:
                  - path: /blocker/inside.txt
                    content: "x"
                  - path: /ok.txt
                    content: "ok"
                    owner: no-such-user-kumo:no-such-group-kumo
                  - path: /bad.gz
                    encoding: gzip
                    content: not gzip at all
                runcmd:
                  - echo before
                  - exit 3
                final_message: the end
                """);

        ShellRunner.Run run = ShellRunner.run(script, root);

        assertThat(run.exitStatus()).isEqualTo(1);
        assertThat(root.resolve("ok.txt")).hasContent("ok");
        assertThat(run.lines()).contains(
                "Kumo cloud-config: write_files: could not write /blocker/inside.txt",
                "Kumo cloud-config: write_files: could not give " + root.resolve("ok.txt")
                        + " to no-such-user-kumo:no-such-group-kumo (no such user or group?)",
                "Kumo cloud-config: write_files: /bad.gz: its content is not valid gzip (Not in GZIP format); not written",
                "before",
                "Kumo cloud-config: runcmd: runcmd's script exited with status 3",
                "Kumo cloud-config: these modules failed: write_files runcmd");
        assertThat(run.lines().getLast()).isEqualTo("the end");
    }
}
