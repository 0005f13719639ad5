package io.kumo.ec2.runtime.userdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * final_message: the last line, printed whether or not the key is given, as cloud-init's final_message module
 * does. Its variables ($version or {{ version }}, timestamp, datasource, uptime; also in upper case) are filled in;
 * timestamp and uptime when the script runs. The default keeps cloud-init's wording, so tools that wait for
 * "finished at" in the console output work unchanged.
 */
final class FinalMessageModule {
    static final String VERSION = "kumo";
    static final String DATASOURCE = "DataSourceKumo";
    private static final String DEFAULT = "## template: jinja\n"
            + "Cloud-init v. {{version}} finished at {{timestamp}}. Datasource {{datasource}}.  Up {{uptime}} seconds";
    private static final Pattern JINJA_HEADER = Pattern.compile("##\\s*template:\\s*jinja[^\\n]*\\n?", Pattern.CASE_INSENSITIVE);
    private static final Pattern JINJA_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");
    private static final Pattern BASIC_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}|\\$([A-Za-z0-9_.]+)");
    private static final Map<String, String> AT_RUN_TIME = Map.of("timestamp", "\"$kumo_timestamp\"", "uptime", "\"$kumo_uptime\"");
    private static final Map<String, String> CONSTANT = Map.of("version", VERSION, "datasource", DATASOURCE);

    private FinalMessageModule() {
    }

    static void render(CloudConfig config, ShellScript script) {
        Object configured = config.get("final_message");
        String template = configured == null ? "" : PyValues.str(configured).strip();
        if (template.isEmpty()) {
            template = DEFAULT;
        }
        script.say("final_message");
        script.line("kumo_uptime=$(cut -d' ' -f1 /proc/uptime 2>/dev/null)");
        script.line("kumo_timestamp=$(date -R 2>/dev/null || date)");
        List<String> words = words(template);
        script.line("printf '" + "%s".repeat(words.size()) + "\\n' " + String.join(" ", words));
    }

    /** The message as printf arguments: literal text quoted, run-time variables as shell expansions. */
    static List<String> words(String template) {
        Matcher header = JINJA_HEADER.matcher(template);
        boolean jinja = header.lookingAt();
        String body = jinja ? template.substring(header.end()) : template;
        Matcher variable = (jinja ? JINJA_VARIABLE : BASIC_VARIABLE).matcher(body);
        List<String> words = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int last = 0;
        while (variable.find()) {
            String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
            String key = name.toLowerCase(Locale.ROOT);
            // Only the exact or all-upper-case spelling is defined, as in cloud-init.
            boolean known = (name.equals(key) || name.equals(name.toUpperCase(Locale.ROOT)))
                    && (AT_RUN_TIME.containsKey(key) || CONSTANT.containsKey(key));
            literal.append(body, last, variable.start());
            if (!known) {
                literal.append(variable.group());
            } else if (CONSTANT.containsKey(key)) {
                literal.append(CONSTANT.get(key));
            } else {
                if (!literal.isEmpty()) {
                    words.add(Sh.quote(literal.toString()));
                    literal.setLength(0);
                }
                words.add(AT_RUN_TIME.get(key));
            }
            last = variable.end();
        }
        literal.append(body.substring(last));
        if (!literal.isEmpty() || words.isEmpty()) {
            words.add(Sh.quote(literal.toString()));
        }
        return words;
    }
}
