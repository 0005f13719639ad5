#!/bin/sh
# Becomes the instance: runs as PID 1 of its new PID, mount, UTS and IPC namespaces, already inside
# its network namespace. Lays the instance's own writable layer over its image, gives it a minimal
# /dev, /proc and /sys, hides the host's secrets, then pivots into that root and hands over to init.
# Environment: KUMO_DIR (the instance's directory), KUMO_HOSTNAME, KUMO_LAYERS (image layers above the
# host's root, colon-separated, may be empty), KUMO_HIDE (colon-separated paths of the host to hide).
set -eu
umask 022
D="$KUMO_DIR"
R="$D/root"
mount --make-rprivate /
mkdir -p "$D/upper" "$D/work" "$R" "$D/lower"
# Only the root filesystem itself: none of the host's /proc, /sys, /dev or other mounts come along.
mount --bind / "$D/lower"
if [ ! -e "$D/prepared" ]; then
  # A whiteout in the upper layer removes the host's path from the instance's view for good.
  IFS=:
  for p in $KUMO_HIDE; do
    [ -n "$p" ] || continue
    rel="${p#/}"
    mkdir -p "$(dirname "$D/upper/$rel")"
    [ -e "$D/upper/$rel" ] || [ -L "$D/upper/$rel" ] || mknod "$D/upper/$rel" c 0 0
  done
  unset IFS
fi
lower="$D/lower"
[ -z "${KUMO_LAYERS:-}" ] || lower="$KUMO_LAYERS:$D/lower"
mount -t overlay overlay -o "lowerdir=$lower,upperdir=$D/upper,workdir=$D/work" "$R"
if [ ! -e "$D/prepared" ]; then
  # Directories recreated over a whiteout are empty and the instance's own.
  for p in /root /home /tmp /var/tmp; do mkdir -p "$R$p"; done
  chmod 700 "$R/root"; chmod 1777 "$R/tmp" "$R/var/tmp"
  touch "$D/prepared"
fi
mkdir -p "$R/proc" "$R/sys" "$R/dev" "$R/run" "$R/var/lib/kumo"
mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$R/sys" 2>/dev/null || true
mount -t tmpfs -o nosuid,mode=755,size=1m tmpfs "$R/dev"
for dev in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
  IFS=: read -r name major minor <<DEV
$dev
DEV
  mknod -m 666 "$R/dev/$name" c "$major" "$minor"
done
mkdir -p "$R/dev/pts" "$R/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$R/dev/pts"
ln -s pts/ptmx "$R/dev/ptmx"
mount -t tmpfs -o nosuid,nodev tmpfs "$R/dev/shm"
ln -s /proc/self/fd "$R/dev/fd"; ln -s /proc/self/fd/0 "$R/dev/stdin"
ln -s /proc/self/fd/1 "$R/dev/stdout"; ln -s /proc/self/fd/2 "$R/dev/stderr"
mount -t tmpfs -o nosuid,nodev,mode=755 tmpfs "$R/run"
mkdir -p "$R/run/lock"
mount --bind "$D/kumo" "$R/var/lib/kumo"
mount -o remount,bind,ro "$R/var/lib/kumo"
hostname "$KUMO_HOSTNAME"
cd "$R"
mkdir -p .kumo-oldroot
pivot_root . .kumo-oldroot
umount -l /.kumo-oldroot
rmdir /.kumo-oldroot
exec /bin/sh /var/lib/kumo/init
