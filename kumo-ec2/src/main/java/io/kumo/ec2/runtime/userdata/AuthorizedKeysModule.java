package io.kumo.ec2.runtime.userdata;

import java.util.List;

/**
 * ssh_authorized_keys (cloud-init's ssh module): the keys go to the image's default user and, only when
 * {@code disable_root: false}, to root as well.
 */
final class AuthorizedKeysModule {
    private AuthorizedKeysModule() {
    }

    static void render(CloudConfig config, String defaultUser, ShellScript script) {
        if (!config.has("ssh_authorized_keys")) {
            return;
        }
        List<String> keys = SshKeys.of(config.get("ssh_authorized_keys"));
        boolean root = !config.flagOrTrue("disable_root") && !"root".equals(defaultUser);
        String owners = (defaultUser.isEmpty() ? "no default user" : defaultUser) + (root ? " and root" : "");
        script.say("ssh_authorized_keys (" + Words.count(keys.size(), "key") + " for " + owners + ")");
        if (keys.isEmpty()) {
            return;
        }
        if (defaultUser.isEmpty()) {
            script.fail("ssh_authorized_keys", "this image has no default user to give the keys to");
        } else {
            SshKeys.authorize(script, "ssh_authorized_keys", defaultUser, keys);
        }
        if (root) {
            SshKeys.authorize(script, "ssh_authorized_keys", "root", keys);
        }
    }
}
