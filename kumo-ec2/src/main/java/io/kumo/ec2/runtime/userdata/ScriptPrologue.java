package io.kumo.ec2.runtime.userdata;

/** The start of every generated script: its settings and the shell functions that several modules share. */
final class ScriptPrologue {
    private static final String TEXT = """
            #!/bin/sh
            # Made by Kumo from this instance's cloud-config user data: the cloud-init modules Kumo supports, in
            # cloud-init's order. Set KUMO_ROOT to put a directory before the paths of write_files and of
            # authorized_keys files (tests do, to keep to a temporary directory).
            cd / || exit 1
            umask 022
            kumo_root=${KUMO_ROOT:-}
            kumo_failed=
            kumo_say() { printf 'Kumo cloud-config: %s\\n' "$1"; }
            # A failure is shown at once and the script goes on, as cloud-init goes on to its next module; the
            # exit status tells the init that something failed.
            kumo_fail() {
              case " $kumo_failed " in *" $1 "*) ;; *) kumo_failed="${kumo_failed:+$kumo_failed }$1" ;; esac
              kumo_say "$1: $2"
            }
            kumo_run() {
              kumo_module=$1 kumo_label=$2
              shift 2
              "$@"
              kumo_status=$?
              [ "$kumo_status" -eq 0 ] || kumo_fail "$kumo_module" "$kumo_label exited with status $kumo_status"
            }
            kumo_work=$(mktemp -d "${TMPDIR:-/tmp}/kumo-cloud-config.XXXXXX") || {
              kumo_say 'could not make a work directory; nothing was run'
              exit 1
            }
            trap 'rm -rf "$kumo_work"' EXIT
            # Parents get the usual 755 whatever mode the file gets, as cloud-init makes them.
            kumo_parent() { mkdir -p "$(dirname "$1")"; }
            # An owner that does not exist (yet) is reported, not fatal: defer exists for owners that packages make.
            kumo_own() {
              chown "$2" "$3" 2>/dev/null || kumo_say "$1: could not give $3 to $2 (no such user or group?)"
              return 0
            }
            kumo_home() {
              kumo_h=$(getent passwd "$1" 2>/dev/null | cut -d: -f6)
              [ -n "$kumo_h" ] || kumo_h=$(awk -F: -v u="$1" '$1 == u { print $6; exit }' /etc/passwd 2>/dev/null)
              if [ -z "$kumo_h" ]; then
                if [ "$1" = root ]; then kumo_h=/root; else kumo_h=/home/$1; fi
              fi
              printf '%s\\n' "$kumo_h"
            }
            # Adds the keys read from stdin that the user's authorized_keys lacks: cloud-init merges, never repeats.
            kumo_authorize() {
              kumo_dir=$kumo_root$(kumo_home "$2")/.ssh
              kumo_keys=$kumo_dir/authorized_keys
              if ! { mkdir -p "$kumo_dir" && chmod 700 "$kumo_dir" && (umask 077 && : >>"$kumo_keys") && chmod 600 "$kumo_keys"; }; then
                kumo_fail "$1" "could not write $kumo_keys"
                cat >/dev/null
                return 1
              fi
              if [ -s "$kumo_keys" ] && [ -n "$(tail -c 1 "$kumo_keys")" ]; then echo >>"$kumo_keys"; fi
              kumo_added=0
              while IFS= read -r kumo_key || [ -n "$kumo_key" ]; do
                [ -n "$kumo_key" ] || continue
                grep -qxF -e "$kumo_key" "$kumo_keys" && continue
                printf '%s\\n' "$kumo_key" >>"$kumo_keys" && kumo_added=$((kumo_added + 1))
              done
              if id "$2" >/dev/null 2>&1; then
                chown "$2:$(id -g "$2")" "$kumo_dir" "$kumo_keys" || kumo_fail "$1" "could not give $kumo_keys to $2"
              else
                kumo_say "$1: there is no user $2, so $kumo_keys keeps its owner"
              fi
              kumo_say "$1: $kumo_added new key(s) in $kumo_keys"
            }
            """;

    private ScriptPrologue() {
    }

    static void write(ShellScript script) {
        TEXT.lines().forEach(script::line);
    }

    /** Failures summed up before the final message, which cloud-init prints last. */
    static void writeFailureSummary(ShellScript script) {
        script.line("[ -z \"$kumo_failed\" ] || kumo_say \"these modules failed: $kumo_failed\"");
    }

    /** An exit status that tells the init whether every module worked. */
    static void writeExit(ShellScript script) {
        script.line("[ -z \"$kumo_failed\" ] || exit 1").line("exit 0");
    }
}
