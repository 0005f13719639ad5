package io.kumo.ec2.runtime.userdata;

import java.util.ArrayList;
import java.util.List;

/** Public keys from cloud-config, one per line, handed to the script's kumo_authorize through a here-doc. */
final class SshKeys {
    private SshKeys() {
    }

    /** The keys of a value that is a list of keys or a single key; a key never spans lines in authorized_keys. */
    static List<String> of(Object value) {
        List<String> keys = new ArrayList<>();
        for (Object item : CloudConfig.asList(value)) {
            if (item != null) {
                PyValues.str(item).lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(keys::add);
            }
        }
        return keys;
    }

    static void authorize(ShellScript script, String module, String user, List<String> keys) {
        script.hereDoc("kumo_authorize " + Sh.quote(module) + " " + Sh.quote(user), String.join("\n", keys) + "\n", "");
    }
}
