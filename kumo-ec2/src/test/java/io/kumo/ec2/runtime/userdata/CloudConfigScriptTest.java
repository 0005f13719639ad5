package io.kumo.ec2.runtime.userdata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloudConfigScriptTest {

    @Test
    void eachUnsupportedTopLevelKeyGetsOneConsoleLine() {
        BootPlan plan = Plans.of("""
                #cloud-config
                hostname: web-1
                timezone: Europe/Paris
                on: true
                runcmd: [date]
                """);
        assertThat(plan.consoleNotes()).containsExactly(
                "[kumo] running cloud-config user data: runcmd, final_message.",
                "Kumo cloud-config: key 'hostname' is not supported by Kumo and was ignored",
                "Kumo cloud-config: key 'timezone' is not supported by Kumo and was ignored",
                // YAML 1.1 reads 'on' as true, as PyYAML does, so cloud-init sees the key True.
                "Kumo cloud-config: key 'True' is not supported by Kumo and was ignored");
    }

    @Test
    void modulesComeInCloudInitsOrderWhateverTheYamlOrder() {
        String script = Plans.script("""
                #cloud-config
                final_message: bye
                runcmd: [echo run]
                packages: [git]
                ssh_authorized_keys: [ssh-ed25519 AAAA k]
                users: [default]
                write_files: [{path: /f}]
                bootcmd: [echo boot]
                """);
        int last = -1;
        for (String header : new String[] {"'bootcmd (", "'write_files (", "'users (", "'ssh_authorized_keys (", "'packages (",
                "'runcmd (", "'final_message'"}) {
            int at = script.indexOf("kumo_say " + header);
            assertThat(at).as(header).isGreaterThan(last);
            last = at;
        }
    }

    @Test
    void aScriptPastFourMebibytesIsNotRun() {
        // Each file inflates from about 1 KiB to 1 MiB: small user data, too big a script.
        String mebibyte = java.util.Base64.getEncoder().encodeToString(Plans.gzip(("a".repeat((1 << 20) - 1) + "\n").getBytes()));
        StringBuilder yaml = new StringBuilder("#cloud-config\nwrite_files:\n");
        for (int i = 0; i < 5; i++) {
            yaml.append("  - {path: /f").append(i).append(", encoding: gz+b64, content: ").append(mebibyte).append("}\n");
        }
        BootPlan plan = Plans.of(yaml.toString());
        assertThat(plan.kind()).isEqualTo(BootPlan.Kind.NOT_RUN);
        assertThat(plan.consoleNotes()).containsExactly(
                "[kumo] user data was not run: the script made from its cloud-config would be larger than 4 MiB.");
    }
}
