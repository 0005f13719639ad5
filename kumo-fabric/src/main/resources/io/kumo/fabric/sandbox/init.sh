#!/bin/sh
# PID 1 of an instance. Boots it: writes its identity files, runs the user data once at first boot
# (in the background, as cloud-init's final stage does), starts the services enabled inside it on
# every later boot, reaps orphans, and on SIGTERM stops services and processes before exiting.
export PATH=/var/lib/kumo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C.UTF-8
umask 022
. /var/lib/kumo/instance.env
say() { echo "[kumo] $*"; }
SERVICES=/var/lib/kumo-services

shutdown() {
  say "$KUMO_INSTANCE_ID is shutting down"
  if [ -f "$SERVICES/started" ]; then
    for s in $(cat "$SERVICES/started"); do [ -x "/etc/init.d/$s" ] && "/etc/init.d/$s" stop >/dev/null 2>&1; done
  fi
  kill -TERM -1 2>/dev/null
  i=0
  while [ $i -lt 20 ] && [ -n "$(ls /proc | grep -E '^[0-9]+$' | grep -vx 1)" ]; do sleep 0.1; i=$((i + 1)); done
  kill -KILL -1 2>/dev/null
  exit 0
}
trap shutdown TERM INT

echo "$KUMO_HOSTNAME" > /etc/hostname
{
  echo "127.0.0.1 localhost"
  echo "$KUMO_PRIVATE_IP $KUMO_HOSTNAME.$KUMO_DOMAIN $KUMO_HOSTNAME"
} > /etc/hosts
{
  echo "nameserver $KUMO_RESOLVER"
  echo "search $KUMO_DOMAIN"
} > /etc/resolv.conf 2>/dev/null
mkdir -p "$SERVICES"
: > "$SERVICES/started"

say "booting $KUMO_INSTANCE_ID ($KUMO_INSTANCE_TYPE, image $KUMO_IMAGE_ID) at $KUMO_PRIVATE_IP, hostname $KUMO_HOSTNAME"
if [ -n "${KUMO_SSH_KEY:-}" ] && [ -n "${KUMO_DEFAULT_USER:-}" ]; then
  if ! id "$KUMO_DEFAULT_USER" >/dev/null 2>&1; then
    shell=/bin/sh; [ -x /bin/bash ] && shell=/bin/bash
    useradd -m -s "$shell" "$KUMO_DEFAULT_USER" 2>/dev/null || adduser -D "$KUMO_DEFAULT_USER" 2>/dev/null
  fi
  # cloud-init gives the default user sudo without a password, and the AMIs' users rely on it
  if [ -d /etc/sudoers.d ] && [ ! -e /etc/sudoers.d/90-cloud-init-users ]; then
    echo "$KUMO_DEFAULT_USER ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/90-cloud-init-users && chmod 440 /etc/sudoers.d/90-cloud-init-users
  fi
  home=$(getent passwd "$KUMO_DEFAULT_USER" | cut -d: -f6)
  if [ -n "$home" ]; then
    mkdir -p "$home/.ssh" && chmod 700 "$home/.ssh"
    grep -qxF "$KUMO_SSH_KEY" "$home/.ssh/authorized_keys" 2>/dev/null || echo "$KUMO_SSH_KEY" >> "$home/.ssh/authorized_keys"
    chmod 600 "$home/.ssh/authorized_keys"; chown -R "$KUMO_DEFAULT_USER" "$home/.ssh"
    say "key pair $KUMO_KEY_NAME installed for user $KUMO_DEFAULT_USER"
  fi
fi

# Images made for the cloud start their SSH server; its host keys are the instance's own. An
# ed25519 key takes milliseconds, an RSA key up to a second of CPU: sshd starts with the first,
# and the others are made in the background, so boots and user data do not wait for them.
if [ -x /usr/sbin/sshd ]; then
  [ -e /etc/ssh/ssh_host_ed25519_key ] || ssh-keygen -q -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key >/dev/null 2>&1
  mkdir -p /run/sshd && /usr/sbin/sshd -h /etc/ssh/ssh_host_ed25519_key && say "sshd started"
  (nice ssh-keygen -A >/dev/null 2>&1 &)
fi
# Services enabled inside the instance (or in the image it was made from) start at every boot,
# before user data, as systemd's multi-user target comes before cloud-init's final stage.
if [ -s "$SERVICES/enabled" ]; then
  for s in $(cat "$SERVICES/enabled"); do
    say "starting enabled service $s"
    systemctl start "$s"
  done
fi
# Marked before it runs, as cloud-init does: user data that never returns (a server started in the
# foreground) must not run a second time at the next boot.
if [ ! -e /var/lib/cloud/instance/sem/user-data ]; then
  [ -f /var/lib/kumo/notes ] && cat /var/lib/kumo/notes
  mkdir -p /var/lib/cloud/instance/sem
  date -u > /var/lib/cloud/instance/sem/user-data
  if [ -f /var/lib/kumo/user-data ]; then
    (
      cp /var/lib/kumo/user-data /var/lib/cloud/instance/user-data.txt
      chmod 700 /var/lib/cloud/instance/user-data.txt
      say "running user data as root"
      /var/lib/cloud/instance/user-data.txt
      say "user data finished with exit status $?"
      date -u > /var/lib/cloud/instance/boot-finished
    ) </dev/null &
  else
    date -u > /var/lib/cloud/instance/boot-finished
  fi
else
  say "user data ran at first boot; it does not run again"
fi
say "$KUMO_INSTANCE_ID is up"
while :; do
  sleep 3600 &
  wait
done
