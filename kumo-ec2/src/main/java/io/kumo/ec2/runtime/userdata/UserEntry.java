package io.kumo.ec2.runtime.userdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One user from cloud-config's {@code users}, normalised as cloud-init's ug_util does: "default" (the image's
 * default user), a name, a comma-separated string of names, or a mapping with a name and settings.
 *
 * @param settings the mapping's keys, empty for a bare name
 */
record UserEntry(String name, Map<String, Object> settings) {
    static final String DEFAULT = "default";
    static final Set<String> SUPPORTED_SETTINGS = Set.of("name", "gecos", "homedir", "shell", "primary_group", "groups",
            "sudo", "lock_passwd", "passwd", "hashed_passwd", "plain_text_passwd", "ssh_authorized_keys", "system",
            "no_create_home", "uid");

    boolean isDefault() {
        return name.equals(DEFAULT);
    }

    /** The entries of a users value, and one message for each item that names no user. */
    static List<UserEntry> of(Object users, List<String> problems) {
        List<UserEntry> entries = new ArrayList<>();
        switch (users) {
            case null -> {
            }
            case String names -> addNames(names, entries);
            case Map<?, ?> byName -> byName.forEach((name, settings) -> {
                Map<String, Object> map = settings instanceof Map<?, ?> m ? stringKeys(m) : new LinkedHashMap<>();
                entries.add(new UserEntry(PyValues.str(name), map));
            });
            case List<?> items -> {
                for (int i = 0; i < items.size(); i++) {
                    switch (items.get(i)) {
                        case String names -> addNames(names, entries);
                        case Map<?, ?> map when map.get("name") != null ->
                                entries.add(new UserEntry(PyValues.str(map.get("name")), stringKeys(map)));
                        case Object other -> problems.add("item " + (i + 1) + " is " + PyValues.typeName(other)
                                + " without a name; skipped");
                    }
                }
            }
            default -> problems.add("users must be a list, but it is " + PyValues.typeName(users) + "; ignored");
        }
        return entries;
    }

    List<String> unsupportedSettings() {
        return settings.keySet().stream().filter(key -> !SUPPORTED_SETTINGS.contains(key)).toList();
    }

    String text(String key) {
        Object value = settings.get(key);
        return value == null ? null : PyValues.str(value);
    }

    boolean flag(String key, boolean otherwise) {
        return settings.containsKey(key) ? PyValues.truthy(settings.get(key)) : otherwise;
    }

    /** Supplementary groups, from a list or a comma-separated string. */
    List<String> groups() {
        Object groups = settings.get("groups");
        if (groups instanceof String text) {
            return splitNames(text);
        }
        return CloudConfig.asList(groups).stream().filter(g -> g != null).map(PyValues::str).map(String::strip)
                .filter(g -> !g.isEmpty()).toList();
    }

    /** sudo rules: a rule or a list of them; false or absent means none. */
    List<String> sudoRules() {
        Object sudo = settings.get("sudo");
        if (sudo == null || sudo instanceof Boolean) {
            return List.of();
        }
        return CloudConfig.asList(sudo).stream().filter(r -> r != null).map(PyValues::str).toList();
    }

    private static void addNames(String names, List<UserEntry> entries) {
        splitNames(names).forEach(name -> entries.add(new UserEntry(name, Map.of())));
    }

    private static List<String> splitNames(String names) {
        List<String> split = new ArrayList<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                split.add(name.strip());
            }
        }
        return split;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> settings = new LinkedHashMap<>();
        map.forEach((key, value) -> settings.put(PyValues.str(key), value));
        return settings;
    }
}
