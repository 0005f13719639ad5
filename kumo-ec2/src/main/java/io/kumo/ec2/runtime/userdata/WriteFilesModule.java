package io.kumo.ec2.runtime.userdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * write_files: files with exact content, mode and owner, parents created. Items with {@code defer: true} are written
 * by a second pass after packages are installed (cloud-init's write_files_deferred), so their owners can be users
 * that packages create.
 */
final class WriteFilesModule {
    private WriteFilesModule() {
    }

    static void render(CloudConfig config, boolean deferred, ShellScript script) {
        if (!config.has("write_files")) {
            return;
        }
        List<Object> items = CloudConfig.asList(config.get("write_files"));
        List<Object> chosen = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            boolean itemDeferred = items.get(i) instanceof Map<?, ?> map && PyValues.truthy(map.get("defer"));
            if (itemDeferred == deferred) {
                chosen.add(items.get(i));
                numbers.add(i + 1);
            }
        }
        if (chosen.isEmpty()) {
            return;
        }
        String header = deferred ? "write_files, deferred" : "write_files";
        script.say(header + " (" + Words.count(chosen.size(), "file") + ")");
        for (int i = 0; i < chosen.size(); i++) {
            try {
                write(WriteFileEntry.parse(numbers.get(i), chosen.get(i)), script);
            } catch (WriteFileEntry.Unwritable e) {
                script.fail("write_files", e.getMessage() + "; not written");
            }
        }
    }

    private static void write(WriteFileEntry file, ShellScript script) {
        file.warnings().forEach(warning -> script.say("write_files: " + warning));
        script.line("kumo_file=$kumo_root" + Sh.quote(file.path()));
        script.line("kumo_parent \"$kumo_file\" &&");
        FileContent.write(script, file.content(), "kumo_file", file.append(), " &&");
        script.line("chmod " + String.format("%04o", file.mode()) + " \"$kumo_file\" &&");
        script.line("kumo_own write_files " + Sh.quote(file.owner()) + " \"$kumo_file\" ||");
        script.fail("write_files", "could not write " + file.path());
    }
}
