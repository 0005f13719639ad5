package io.kumo.ec2.runtime.userdata;

import java.util.ArrayList;
import java.util.List;

/**
 * cloud-init's {@code shellify}: a command list as one {@code /bin/sh} script. A string item is a line of shell
 * (so {@code cd} or a variable carries to the next item, as it does under cloud-init); a list item is an argv,
 * every word single-quoted, which the shell runs exactly as execve would; an empty item (a YAML comment) is skipped.
 */
final class Shellify {
    private Shellify() {
    }

    /** The script and how many commands it has, or why cloud-init would refuse to run any of them. */
    record Result(String script, int commands, String refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    static Result of(String key, Object commands) {
        if (!(commands instanceof List<?> items)) {
            return new Result(null, 0, key + " must be a list of commands, but it is " + PyValues.typeName(commands)
                    + "; cloud-init runs none of it");
        }
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        int count = 0;
        for (int i = 0; i < items.size(); i++) {
            switch (items.get(i)) {
                case null -> {
                    continue;
                }
                case String line -> script.append(line);
                case List<?> argv -> {
                    List<String> words = new ArrayList<>();
                    argv.forEach(word -> words.add(PyValues.str(word)));
                    script.append(Sh.quoteAll(words));
                }
                case Object other -> {
                    return new Result(null, 0, key + " item " + (i + 1) + " is " + PyValues.typeName(other) + " ("
                            + Text.echo(PyValues.str(other)) + "), not a string or a list; cloud-init runs none of " + key
                            + " then");
                }
            }
            script.append('\n');
            count++;
        }
        return new Result(script.toString(), count, null);
    }
}
