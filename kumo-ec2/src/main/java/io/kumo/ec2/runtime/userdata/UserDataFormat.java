package io.kumo.ec2.runtime.userdata;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of content cloud-init recognises, by the text a payload starts with or by a MIME part's Content-Type.
 * Recognition follows cloud-init: case-insensitive, after leading whitespace, longest marker first (so
 * {@code #cloud-config-archive} is not taken for {@code #cloud-config}).
 */
enum UserDataFormat {
    SHELL_SCRIPT("#!", "text/x-shellscript", "a shell script"),
    SHELL_SCRIPT_PER_BOOT(null, "text/x-shellscript-per-boot", "a per-boot shell script"),
    SHELL_SCRIPT_PER_INSTANCE(null, "text/x-shellscript-per-instance", "a per-instance shell script"),
    SHELL_SCRIPT_PER_ONCE(null, "text/x-shellscript-per-once", "a run-once shell script"),
    CLOUD_CONFIG("#cloud-config", "text/cloud-config", "cloud-config"),
    CLOUD_CONFIG_ARCHIVE("#cloud-config-archive", "text/cloud-config-archive", "a cloud-config archive"),
    CLOUD_CONFIG_JSONP("#cloud-config-jsonp", "text/cloud-config-jsonp", "a cloud-config JSON patch"),
    INCLUDE("#include", "text/x-include-url", "an include file (URLs to fetch)"),
    INCLUDE_ONCE("#include-once", "text/x-include-once-url", "an include-once file (URLs to fetch)"),
    BOOTHOOK("#cloud-boothook", "text/cloud-boothook", "a cloud boothook"),
    UPSTART_JOB("#upstart-job", "text/upstart-job", "an upstart job"),
    PART_HANDLER("#part-handler", "text/part-handler", "a part handler (Python code)"),
    JINJA_TEMPLATE("## template: jinja", "text/jinja2", "a jinja template");

    // cloud-init reads the template header with a regular expression that tolerates spacing.
    private static final Pattern JINJA_HEADER = Pattern.compile("##\\s*template:\\s*jinja.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final List<UserDataFormat> LONGEST_MARKER_FIRST = Arrays.stream(values())
            .filter(f -> f.marker != null)
            .sorted(Comparator.comparingInt((UserDataFormat f) -> f.marker.length()).reversed())
            .toList();

    private final String marker;
    private final String contentType;
    private final String description;

    UserDataFormat(String marker, String contentType, String description) {
        this.marker = marker;
        this.contentType = contentType;
        this.description = description;
    }

    /** The text a payload starts with to be of this format, or null when only a MIME Content-Type names it. */
    String marker() {
        return marker;
    }

    String contentType() {
        return contentType;
    }

    String description() {
        return description;
    }

    /** The format a payload announces by its first characters, as cloud-init's {@code type_from_starts_with}. */
    static Optional<UserDataFormat> fromStart(String payload) {
        String start = payload.stripLeading();
        if (JINJA_HEADER.matcher(start.length() > 200 ? start.substring(0, 200) : start).matches()) {
            return Optional.of(JINJA_TEMPLATE);
        }
        String lower = start.substring(0, Math.min(start.length(), 64)).toLowerCase(Locale.ROOT);
        return LONGEST_MARKER_FIRST.stream().filter(f -> lower.startsWith(f.marker)).findFirst();
    }

    static Optional<UserDataFormat> fromContentType(String contentType) {
        return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)).findFirst();
    }
}
