package io.kumo.ec2.runtime.userdata;

import io.kumo.ec2.runtime.userdata.BootPlan.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns user data's parts (one part when it is not MIME) into a plan, as cloud-init's user-data processor and part
 * handlers treat them: gzip parts are inflated; text/plain, text/x-shellscript and non-MIME data are recognised by
 * their first characters; cloud-config parts are merged (a later part's keys replace an earlier one's); shell
 * scripts are collected for the final stage; everything else is reported.
 */
final class PartsPlanner {
    /** The Content-Types cloud-init inflates before looking at a part. */
    private static final Set<String> GZIP_TYPES = Set.of("application/gzip", "application/gzip-compressed",
            "application/gzipped", "application/x-compress", "application/x-compressed", "application/x-gunzip",
            "application/x-gzip", "application/x-gzip-compressed");
    /** The Content-Types cloud-init replaces by what the payload starts with. */
    private static final Set<String> TYPES_TO_SNIFF = Set.of("text/plain", UserDataPlan.NOT_MULTIPART, "text/x-shellscript");

    private final String defaultUser;
    private final boolean multipart;
    private final List<String> notes = new ArrayList<>();
    private final List<ScriptPart> scripts = new ArrayList<>();
    private CloudConfig config;
    private boolean failed;
    private boolean unsupported;

    private PartsPlanner(String defaultUser, boolean multipart) {
        this.defaultUser = defaultUser;
        this.multipart = multipart;
    }

    static BootPlan plan(List<MimePart> parts, boolean multipart, String defaultUser) {
        PartsPlanner planner = new PartsPlanner(defaultUser, multipart);
        if (multipart) {
            List<String> described = parts.stream()
                    .map(part -> "'" + Text.echo(part.filename()) + "' (" + Text.echo(part.contentType()) + ")").toList();
            planner.notes.add(UserDataPlan.NOTE + "user data is a MIME multi-part archive of "
                    + Words.count(parts.size(), "part") + ": " + String.join(", ", described));
        }
        parts.forEach(planner::add);
        return planner.finish();
    }

    private void add(MimePart part) {
        String subject = multipart ? "part '" + Text.echo(part.filename()) + "'" : "user data";
        byte[] payload = part.payload();
        String type = part.contentType();
        if (GZIP_TYPES.contains(type)) {
            try {
                payload = Gunzip.decompress(payload, subject);
            } catch (IOException e) {
                problem(subject + " was not run: its " + type + " content does not decompress (" + e.getMessage() + ")");
                return;
            }
            type = "text/plain";
        }
        if (payload.length == 0) {
            notes.add(UserDataPlan.NOTE + subject + " is empty; there is nothing to run.");
            return;
        }
        String text = Text.utf8(payload);
        UserDataFormat format = formatOf(type, text);
        switch (format) {
            case null -> unrecognized(subject, type, text);
            case CLOUD_CONFIG -> cloudConfig(subject, text);
            case SHELL_SCRIPT, SHELL_SCRIPT_PER_BOOT, SHELL_SCRIPT_PER_INSTANCE, SHELL_SCRIPT_PER_ONCE ->
                    shellScript(subject, part.filename(), format, payload);
            default -> {
                unsupported = true;
                String marker = format.marker() == null ? format.contentType() : "'" + format.marker() + "'";
                notes.add(UserDataPlan.NOTE + subject + " was not run: it is " + format.description() + " (" + marker
                        + "), which cloud-init knows but Kumo does not run.");
            }
        }
    }

    private static UserDataFormat formatOf(String type, String text) {
        Optional<UserDataFormat> announced = TYPES_TO_SNIFF.contains(type) ? UserDataFormat.fromStart(text) : Optional.empty();
        return announced.or(() -> UserDataFormat.fromContentType(type)).orElse(null);
    }

    private void unrecognized(String subject, String type, String text) {
        failed = true;
        if (!multipart) {
            notes.addAll(NotRunHints.forUnrecognized(text));
        } else if (type.equals("text/plain")) {
            notes.add(UserDataPlan.NOTE + subject + " was not run: it is " + type + " but does not start with '#!' or "
                    + "'#cloud-config'; its first line is '" + Text.echo(Text.firstLine(text)) + "'");
        } else {
            notes.add(UserDataPlan.NOTE + subject + " was not run: cloud-init has no handler for " + type + ".");
        }
    }

    private void cloudConfig(String subject, String text) {
        switch (CloudConfigYaml.parse(text)) {
            case CloudConfigYaml.Parsed(var values) ->
                    config = (config == null ? CloudConfig.empty() : config).mergedWith(values);
            case CloudConfigYaml.Invalid(String problem, List<String> detail) -> {
                problem(subject + " was not run: " + problem);
                detail.forEach(line -> notes.add(UserDataPlan.NOTE + line));
            }
        }
    }

    private void shellScript(String subject, String filename, UserDataFormat format, byte[] payload) {
        byte[] script = Text.dos2unix(payload);
        if (!(script.length >= 2 && script[0] == '#' && script[1] == '!')) {
            failed = true;
            notes.addAll(Text.utf8(script).stripLeading().startsWith("#!")
                    ? NotRunHints.forMisplacedShebang(subject)
                    : List.of(UserDataPlan.NOTE + subject + " was not run: it is " + format.contentType() + " but does not "
                            + "start with '#!', so it cannot be executed (cloud-init fails with 'Exec format error')."));
            return;
        }
        if (script.length != payload.length) {
            notes.add(UserDataPlan.NOTE + subject + " has Windows line endings; they were converted, as cloud-init converts them.");
        }
        String name = ScriptPart.cleanName(filename);
        scripts.add(new ScriptPart(name.isEmpty() ? "part-" + (scripts.size() + 1) : name, format, script));
    }

    private void problem(String message) {
        failed = true;
        notes.add(UserDataPlan.NOTE + message);
    }

    private BootPlan finish() {
        if (config == null && scripts.isEmpty()) {
            Kind kind = failed || !unsupported ? Kind.NOT_RUN : Kind.UNSUPPORTED;
            if (multipart && notes.size() == 1) {
                notes.add(UserDataPlan.NOTE + "user data was not run: its archive has no part that cloud-init would run.");
            }
            return new BootPlan(kind, null, notes);
        }
        if (config == null && scripts.size() == 1 && scripts.getFirst().format() == UserDataFormat.SHELL_SCRIPT) {
            String script = Text.utf8(scripts.getFirst().content());
            notes.add(UserDataPlan.NOTE + "running user data as a shell script (" + Text.echo(Text.firstLine(script)) + ").");
            if (!Arrays.equals(script.getBytes(StandardCharsets.UTF_8), scripts.getFirst().content())) {
                // The init stores the script as UTF-8 text, so bytes that are not UTF-8 cannot reach it unchanged.
                notes.add(UserDataPlan.NOTE + "the script is not valid UTF-8 text; its invalid bytes were replaced.");
            }
            return new BootPlan(Kind.SHELL_SCRIPT, script, notes);
        }
        CloudConfig effective = config == null ? CloudConfig.empty() : config;
        notes.add(UserDataPlan.NOTE + "running cloud-config user data: "
                + String.join(", ", CloudConfigScript.steps(effective, scripts)) + ".");
        notes.addAll(CloudConfigScript.ignoredKeys(effective));
        return new BootPlan(Kind.CLOUD_CONFIG, CloudConfigScript.render(effective, scripts, defaultUser), notes);
    }
}
