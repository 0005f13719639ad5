package io.kumo.ec2.runtime.userdata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PackagesModuleTest {

    @Test
    void eachManagerGetsItsNonInteractiveCommandsAndVersionSyntax() {
        String script = Plans.script("""
                #cloud-config
                package_update: true
                package_upgrade: true
                packages:
                  - nginx
                  - [jq, "1.6"]
                  - [curl]
                  - {apt: [htop]}
                """);
        assertThat(script).contains(
                "kumo_say 'packages (update, upgrade, 4 packages)'",
                "kumo_say 'packages: item 4 ({apt=[htop]}) is neither a name nor a [name, version] pair; Kumo skipped it'",
                "kumo_pkg env DEBIAN_FRONTEND=noninteractive apt-get -q update",
                "kumo_pkg env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Options::=--force-confold dist-upgrade",
                "kumo_pkg env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Options::=--force-confold install 'nginx' 'jq=1.6' 'curl'",
                "kumo_pkg \"$kumo_pm\" -y makecache",
                "kumo_pkg \"$kumo_pm\" -y upgrade",
                "kumo_pkg \"$kumo_pm\" -y install 'nginx' 'jq-1.6' 'curl'",
                "kumo_pkg apk update",
                "kumo_pkg apk upgrade",
                "kumo_pkg apk add 'nginx' 'jq=1.6' 'curl'",
                "kumo_fail packages 'no package manager found (looked for apt-get, dnf, yum and apk); nothing was installed'");
    }

    @Test
    void theOldAptSpellingsCountAndFalseMeansNothing() {
        assertThat(Plans.script("#cloud-config\napt_update: true\n")).contains("kumo_say 'packages (update)'");
        assertThat(Plans.script("#cloud-config\npackage_update: false\npackages: []\n")).doesNotContain("kumo_say 'packages");
    }

    @Test
    void aptInstallsRefreshTheIndexFirstButDnfDoesNot() {
        String script = Plans.script("#cloud-config\npackages: [git]\n");
        assertThat(script).contains("kumo_pkg env DEBIAN_FRONTEND=noninteractive apt-get -q update", "kumo_pkg apk update")
                .doesNotContain("makecache");
    }
}
