package io.kumo.ec2.runtime.userdata;

import java.util.ArrayList;
import java.util.List;

/**
 * users (cloud-init's users_groups): creates the users that do not exist, with useradd or, on busybox systems,
 * adduser; then their sudo rules, passwords, password lock and SSH keys, as cloud-init applies them. "default"
 * names the image's default user, which the init has already made.
 */
final class UsersModule {
    private static final String SUDOERS = "/etc/sudoers.d/90-cloud-init-users";

    private UsersModule() {
    }

    static void render(CloudConfig config, ShellScript script) {
        if (!config.has("users")) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<UserEntry> users = UserEntry.of(config.get("users"), problems);
        script.say("users (" + (users.isEmpty() ? "none" : String.join(", ", users.stream().map(UserEntry::name).toList())) + ")");
        problems.forEach(problem -> script.say("users: " + problem));
        if (users.stream().anyMatch(user -> !user.isDefault())) {
            writeHelpers(script);
        }
        for (UserEntry user : users) {
            if (!user.isDefault()) {
                render(user, script);
            }
        }
    }

    private static void writeHelpers(ShellScript script) {
        script.line("kumo_group() {")
                .line("  awk -F: -v g=\"$1\" '$1 == g { found = 1 } END { exit !found }' /etc/group 2>/dev/null ||")
                .line("    groupadd \"$1\" 2>/dev/null || addgroup \"$1\" 2>/dev/null ||")
                .line("    kumo_fail users \"could not create group $1\"")
                .line("}");
    }

    private static void render(UserEntry user, ShellScript script) {
        String name = Sh.quote(user.name());
        user.unsupportedSettings().forEach(key ->
                script.say("users: '" + key + "' of user " + user.name() + " is not supported by Kumo and was ignored"));
        List<String> groups = user.groups();
        String primary = user.text("primary_group");
        if (primary != null) {
            script.line("kumo_group " + Sh.quote(primary));
        }
        groups.forEach(group -> script.line("kumo_group " + Sh.quote(group)));
        script.line("if id " + name + " >/dev/null 2>&1; then")
                .line("  kumo_say " + Sh.quote("users: " + user.name() + " exists already"))
                .line("elif command -v useradd >/dev/null 2>&1; then")
                .line("  useradd " + useraddOptions(user, groups) + name + " ||")
                .line("    kumo_fail users " + Sh.quote("could not create user " + user.name()))
                .line("else")
                .line("  { adduser -D " + adduserOptions(user) + name + (groups.isEmpty() ? "" : " && for kumo_g in "
                        + Sh.quoteAll(groups) + "; do adduser " + name + " \"$kumo_g\"; done") + "; } ||")
                .line("    kumo_fail users " + Sh.quote("could not create user " + user.name()))
                .line("fi");
        List<String> rules = user.sudoRules();
        if (!rules.isEmpty()) {
            List<String> lines = new ArrayList<>(List.of("", "# User rules for " + user.name()));
            rules.forEach(rule -> lines.add(user.name() + " " + rule));
            script.line("mkdir -p /etc/sudoers.d && printf '%s\\n' " + Sh.quoteAll(lines) + " >>" + SUDOERS
                    + " && chmod 440 " + SUDOERS + " ||")
                    .line("  kumo_fail users " + Sh.quote("could not write the sudo rules of " + user.name()));
        }
        password(user, script);
        if (user.flag("lock_passwd", true)) {
            script.line("passwd -l " + name + " >/dev/null 2>&1 || usermod -L " + name + " >/dev/null 2>&1 ||")
                    .line("  kumo_say " + Sh.quote("users: could not lock the password of " + user.name()));
        }
        List<String> keys = SshKeys.of(user.settings().get("ssh_authorized_keys"));
        if (!keys.isEmpty()) {
            SshKeys.authorize(script, "users", user.name(), keys);
        }
    }

    /** passwd and hashed_passwd are hashes; plain_text_passwd is not, as in cloud-init. */
    private static void password(UserEntry user, ShellScript script) {
        String hashed = user.text("hashed_passwd") != null ? user.text("hashed_passwd") : user.text("passwd");
        String plain = user.text("plain_text_passwd");
        if (hashed == null && plain == null) {
            return;
        }
        String line = user.name() + ":" + (hashed != null ? hashed : plain);
        script.line("printf '%s\\n' " + Sh.quote(line) + " | chpasswd" + (hashed != null ? " -e" : "") + " ||")
                .line("  kumo_fail users " + Sh.quote("could not set the password of " + user.name()));
    }

    private static String useraddOptions(UserEntry user, List<String> groups) {
        StringBuilder options = new StringBuilder(user.flag("no_create_home", false) ? "-M " : "-m ");
        option(options, "-c", user.text("gecos"));
        option(options, "-d", user.text("homedir"));
        option(options, "-s", user.text("shell"));
        option(options, "-g", user.text("primary_group"));
        option(options, "-u", user.text("uid"));
        if (!groups.isEmpty()) {
            option(options, "-G", String.join(",", groups));
        }
        if (user.flag("system", false)) {
            options.append("-r ");
        }
        return options.toString();
    }

    /** busybox adduser: -G is the primary group there, supplementary groups are added one by one afterwards. */
    private static String adduserOptions(UserEntry user) {
        StringBuilder options = new StringBuilder(user.flag("no_create_home", false) ? "-H " : "");
        option(options, "-g", user.text("gecos"));
        option(options, "-h", user.text("homedir"));
        option(options, "-s", user.text("shell"));
        option(options, "-G", user.text("primary_group"));
        option(options, "-u", user.text("uid"));
        if (user.flag("system", false)) {
            options.append("-S ");
        }
        return options.toString();
    }

    private static void option(StringBuilder options, String flag, String value) {
        if (value != null) {
            options.append(flag).append(' ').append(Sh.quote(value)).append(' ');
        }
    }
}
