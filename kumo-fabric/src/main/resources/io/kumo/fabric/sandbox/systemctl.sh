#!/bin/sh
# Kumo's stand-in for systemctl inside an instance, which has no systemd: maps units to the image's
# /etc/init.d scripts, and remembers enabled ones so that the instance's init starts them on boot.
SERVICES=/var/lib/kumo-services
mkdir -p "$SERVICES"; touch "$SERVICES/enabled" "$SERVICES/started"
now=no; quiet=no; verb=""; units=""
for a in "$@"; do
  case "$a" in
    --now) now=yes ;;
    -q|--quiet) quiet=yes ;;
    -*) ;;
    *) if [ -z "$verb" ]; then verb="$a"; else units="$units $a"; fi ;;
  esac
done
script_of() {
  u="${1%.service}"
  case "$u" in httpd) [ -x /etc/init.d/httpd ] || u=apache2 ;; mysqld|mysql) [ -x /etc/init.d/mysql ] || u=mariadb ;; sshd) u=ssh ;; esac
  echo "$u"
}
remember() { grep -qxF "$2" "$SERVICES/$1" || echo "$2" >> "$SERVICES/$1"; }
forget() { grep -vxF "$2" "$SERVICES/$1" > "$SERVICES/$1.new"; mv "$SERVICES/$1.new" "$SERVICES/$1"; }
rc=0
case "$verb" in
  daemon-reload|daemon-reexec) exit 0 ;;
  ""|list-units|list-unit-files) echo "[kumo] systemd does not run in Kumo instances; enabled: $(tr '\n' ' ' < "$SERVICES/enabled")"; exit 0 ;;
esac
for unit in $units; do
  s=$(script_of "$unit")
  if [ ! -x "/etc/init.d/$s" ]; then
    echo "Failed to $verb $unit: Unit $unit not found (Kumo found no /etc/init.d/$s in this image)." >&2
    rc=5; continue
  fi
  case "$verb" in
    start|restart|reload|reload-or-restart|try-restart) "/etc/init.d/$s" "${verb%%-*}" || rc=$?; remember started "$s" ;;
    stop) "/etc/init.d/$s" stop || rc=$?; forget started "$s" ;;
    enable) remember enabled "$s"; [ "$quiet" = yes ] || echo "[kumo] $s will start at every boot of this instance"
            if [ "$now" = yes ]; then "/etc/init.d/$s" start || rc=$?; remember started "$s"; fi ;;
    disable) forget enabled "$s"; if [ "$now" = yes ]; then "/etc/init.d/$s" stop || rc=$?; fi ;;
    is-enabled) if grep -qxF "$s" "$SERVICES/enabled"; then echo enabled; else echo disabled; rc=1; fi ;;
    is-active|status) if "/etc/init.d/$s" status >/dev/null 2>&1; then echo active; else echo inactive; rc=3; fi
                      [ "$verb" = status ] && "/etc/init.d/$s" status ;;
    *) echo "[kumo] systemctl $verb is not supported in Kumo instances" >&2; rc=1 ;;
  esac
done
exit $rc
