#!/bin/sh
# An instance on a machine where sandboxes are impossible: a plain process of the host, NOT isolated.
# It keeps the instance's contract where it can: user data runs once, its output is the console.
# Environment: KUMO_DIR (the instance's directory), KUMO_RUN_AS (a user to run user data as, or empty).
. "$KUMO_DIR/kumo/instance.env"
umask 022
say() { echo "[kumo] $*"; }
trap 'say "$KUMO_INSTANCE_ID is shutting down"; exit 0' TERM INT
say "booting $KUMO_INSTANCE_ID as a plain process on the host: NOT ISOLATED ($KUMO_ISOLATION)"
if [ ! -e "$KUMO_DIR/user-data-ran" ]; then
  [ -f "$KUMO_DIR/kumo/notes" ] && cat "$KUMO_DIR/kumo/notes"
  date -u > "$KUMO_DIR/user-data-ran"
  if [ -f "$KUMO_DIR/kumo/user-data" ]; then
    (
      if [ -n "${KUMO_RUN_AS:-}" ]; then
        # Kumo's own directories may be closed to that user: it gets a copy of the script in /tmp.
        copy=$(mktemp /tmp/kumo-user-data.XXXXXX) && cp "$KUMO_DIR/kumo/user-data" "$copy" && chmod 755 "$copy"
        say "running user data as $KUMO_RUN_AS on the host, in /tmp (not as root: nothing isolates it)"
        cd /tmp && setpriv --reuid="$KUMO_RUN_AS" --regid="$KUMO_RUN_AS_GROUP" --clear-groups "$copy"
        status=$?
        rm -f "$copy"
        say "user data finished with exit status $status"
        exit 0
      else
        cd "$KUMO_DIR/home" || exit 1
        say "running user data as $(id -un) on the host, in $KUMO_DIR/home"
        "$KUMO_DIR/kumo/user-data"
      fi
      say "user data finished with exit status $?"
    ) </dev/null &
  fi
else
  say "user data ran at first boot; it does not run again"
fi
say "$KUMO_INSTANCE_ID is up"
while :; do
  sleep 3600 &
  wait
done
