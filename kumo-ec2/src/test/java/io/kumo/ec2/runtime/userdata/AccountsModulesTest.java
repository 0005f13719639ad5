package io.kumo.ec2.runtime.userdata;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** users and ssh_authorized_keys. */
class AccountsModulesTest {

    @Test
    void keysGoToTheDefaultUserOnly() {
        String script = Plans.script("""
                #cloud-config
                ssh_authorized_keys:
                  - ssh-ed25519 AAAAC3one me@laptop
                  - "ssh-rsa AAAAB3two\\nssh-rsa AAAAB3three"
                """);
        assertThat(script).contains("kumo_say 'ssh_authorized_keys (3 keys for kumo-test-user)'",
                "kumo_authorize 'ssh_authorized_keys' 'kumo-test-user' <<'KUMO_EOF_1'\n"
                        + "ssh-ed25519 AAAAC3one me@laptop\nssh-rsa AAAAB3two\nssh-rsa AAAAB3three\nKUMO_EOF_1\n");
        assertThat(script).doesNotContain("kumo_authorize 'ssh_authorized_keys' 'root'");
    }

    @Test
    void rootGetsTheKeysOnlyWhenDisableRootIsFalse() {
        for (String setting : List.of("false", "no", "off")) {
            String script = Plans.script("#cloud-config\ndisable_root: " + setting + "\nssh_authorized_keys: [ssh-ed25519 AAAA k]\n");
            assertThat(script).contains("(1 key for kumo-test-user and root)", "kumo_authorize 'ssh_authorized_keys' 'root'");
        }
        String kept = Plans.script("#cloud-config\ndisable_root: true\nssh_authorized_keys: [ssh-ed25519 AAAA k]\n");
        assertThat(kept).doesNotContain("kumo_authorize 'ssh_authorized_keys' 'root'");
    }

    @Test
    void usersAreNormalisedAsCloudInitDoes() {
        List<String> problems = new ArrayList<>();
        List<UserEntry> users = UserEntry.of(List.of("default", "alice, bob", java.util.Map.of("name", "carol", "shell", "/bin/zsh"), 7), problems);
        assertThat(users).extracting(UserEntry::name).containsExactly("default", "alice", "bob", "carol");
        assertThat(users.getFirst().isDefault()).isTrue();
        assertThat(users.getLast().text("shell")).isEqualTo("/bin/zsh");
        assertThat(problems).containsExactly("item 4 is a number without a name; skipped");
        assertThat(UserEntry.of("dave", problems)).extracting(UserEntry::name).containsExactly("dave");
    }

    @Test
    void aNewUserIsCreatedWithItsGroupsSudoPasswordAndKeys() {
        String script = Plans.script("""
                #cloud-config
                users:
                  - default
                  - name: deploy
                    gecos: Deploy User
                    shell: /bin/bash
                    groups: docker, wheel
                    sudo: ALL=(ALL) NOPASSWD:ALL
                    hashed_passwd: $6$salt$hash
                    lock_passwd: false
                    ssh_authorized_keys: [ssh-ed25519 AAAAdeploy deploy@ci]
                    ssh_import_id: [gh:someone]
                """);
        assertThat(script).contains(
                "kumo_say 'users (default, deploy)'",
                "kumo_say 'users: '\\''ssh_import_id'\\'' of user deploy is not supported by Kumo and was ignored'",
                "kumo_group 'docker'",
                "useradd -m -c 'Deploy User' -s '/bin/bash' -G 'docker,wheel' 'deploy' ||",
                "adduser -D -g 'Deploy User' -s '/bin/bash' 'deploy' && for kumo_g in 'docker' 'wheel'; do adduser 'deploy' \"$kumo_g\"; done",
                "printf '%s\\n' '' '# User rules for deploy' 'deploy ALL=(ALL) NOPASSWD:ALL' >>/etc/sudoers.d/90-cloud-init-users",
                "printf '%s\\n' 'deploy:$6$salt$hash' | chpasswd -e ||",
                "kumo_authorize 'users' 'deploy' <<'");
        assertThat(script).doesNotContain("passwd -l");
    }

    @Test
    void passwordsAreLockedByDefault() {
        String script = Plans.script("#cloud-config\nusers: [{name: ops}]\n");
        assertThat(script).contains("passwd -l 'ops' >/dev/null 2>&1 || usermod -L 'ops'");
    }

    @Test
    void onlyTheDefaultUserNeedsNothing() {
        String script = Plans.script("#cloud-config\nusers: [default]\n");
        assertThat(script).contains("kumo_say 'users (default)'").doesNotContain("useradd");
    }
}
