package io.kumo.ec2.runtime.userdata;

import java.util.ArrayList;
import java.util.List;

/**
 * package_update, package_upgrade and packages (cloud-init's package_update_upgrade_install, with the old apt_*
 * spellings): the instance's own package manager, found when the script runs (apt-get, dnf, yum or apk), without
 * questions. apt and apk refresh their indexes before installing, as cloud-init's Debian and Alpine distros do. A
 * missing manager or an unreachable mirror is a clear console line, and the script goes on.
 */
final class PackagesModule {
    private PackagesModule() {
    }

    private enum Manager {
        APT("apt-get", "%s=%s"), DNF_OR_YUM("dnf|yum", "%s-%s"), APK("apk", "%s=%s");

        final String casePattern;
        final String versionFormat;

        Manager(String casePattern, String versionFormat) {
            this.casePattern = casePattern;
            this.versionFormat = versionFormat;
        }
    }

    static void render(CloudConfig config, ShellScript script) {
        boolean update = config.flag("package_update", "apt_update");
        boolean upgrade = config.flag("package_upgrade", "apt_upgrade");
        List<Object> items = config.list("packages");
        if (!update && !upgrade && items.isEmpty()) {
            return;
        }
        List<String> steps = new ArrayList<>();
        if (update) {
            steps.add("update");
        }
        if (upgrade) {
            steps.add("upgrade");
        }
        if (!items.isEmpty()) {
            steps.add(Words.count(items.size(), "package"));
        }
        script.say("packages (" + String.join(", ", steps) + ")");
        List<Object> packages = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof String || item instanceof List<?> list && !list.isEmpty() && list.size() <= 2) {
                packages.add(item);
            } else {
                script.say("packages: item " + (i + 1) + " (" + Text.echo(PyValues.str(item))
                        + ") is neither a name nor a [name, version] pair; Kumo skipped it");
            }
        }
        script.line("kumo_pkg() {")
                .line("  \"$@\" && return 0")
                .line("  kumo_fail packages \"'$*' failed (exit $?); can this instance reach a package mirror?\"")
                .line("}")
                .line("kumo_pm=")
                .line("for kumo_candidate in apt-get dnf yum apk; do")
                .line("  if command -v \"$kumo_candidate\" >/dev/null 2>&1; then kumo_pm=$kumo_candidate; break; fi")
                .line("done")
                .line("case $kumo_pm in");
        for (Manager manager : Manager.values()) {
            script.line("  " + manager.casePattern + ")");
            commands(manager, update, upgrade, specs(manager, packages)).forEach(command -> script.line("    kumo_pkg " + command));
            script.line("    ;;");
        }
        script.line("  *)")
                .line("    kumo_fail packages 'no package manager found (looked for apt-get, dnf, yum and apk); nothing was installed'")
                .line("    ;;")
                .line("esac");
    }

    private static List<String> commands(Manager manager, boolean update, boolean upgrade, List<String> packages) {
        List<String> commands = new ArrayList<>();
        String install = Sh.quoteAll(packages);
        switch (manager) {
            case APT -> {
                String apt = "env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Options::=--force-confold";
                if (update || upgrade || !packages.isEmpty()) {
                    commands.add("env DEBIAN_FRONTEND=noninteractive apt-get -q update");
                }
                if (upgrade) {
                    commands.add(apt + " dist-upgrade");
                }
                if (!packages.isEmpty()) {
                    commands.add(apt + " install " + install);
                }
            }
            case DNF_OR_YUM -> {
                if (update || upgrade) {
                    commands.add("\"$kumo_pm\" -y makecache");
                }
                if (upgrade) {
                    commands.add("\"$kumo_pm\" -y upgrade");
                }
                if (!packages.isEmpty()) {
                    commands.add("\"$kumo_pm\" -y install " + install);
                }
            }
            case APK -> {
                if (update || upgrade || !packages.isEmpty()) {
                    commands.add("apk update");
                }
                if (upgrade) {
                    commands.add("apk upgrade");
                }
                if (!packages.isEmpty()) {
                    commands.add("apk add " + install);
                }
            }
        }
        return commands;
    }

    /** cloud-init's expand_package_list: a name, or [name, version] in the manager's pinning syntax. */
    private static List<String> specs(Manager manager, List<Object> packages) {
        List<String> specs = new ArrayList<>();
        for (Object item : packages) {
            if (item instanceof List<?> pair) {
                String name = PyValues.str(pair.getFirst());
                Object version = pair.size() == 2 ? pair.get(1) : null;
                specs.add(version == null || PyValues.str(version).isEmpty() ? name
                        : String.format(manager.versionFormat, name, PyValues.str(version)));
            } else {
                specs.add((String) item);
            }
        }
        return specs;
    }
}
