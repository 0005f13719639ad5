#!/bin/sh
# Builds a clean Debian 12 (bookworm) root filesystem into a directory, for Kumo to use as the
# layer of an image (see "Instances and networks" in DESIGN.md): instances of such an image run
# Debian's own userland instead of the host's system.
#
# Usage: images/build-debian.sh TARGET_DIR [MIRROR]
#   TARGET_DIR  where the root filesystem goes; missing or empty
#   MIRROR      a Debian mirror (default http://deb.debian.org/debian)
# Environment (all optional):
#   VARIANT  debootstrap variant (default minbase: essential and required packages and apt)
#   INCLUDE  extra packages, comma-separated (default: what an EC2-like instance needs to be
#            reached and administered: openssh-server, sudo, iproute2, procps, ca-certificates);
#            INCLUDE= builds the bare variant
#   ARCH     Debian architecture (default: the host's, e.g. amd64, arm64)
#   OPAQUE   1 (default) marks every top-level directory of the result opaque for overlayfs, so
#            that none of the host's files show through when Kumo stacks the layer over the
#            host's root; 0 leaves plain directories
#
# Needs:
#   - root: debootstrap chroots, creates device nodes and owns files as other users, and the
#     opaque marks are trusted.* extended attributes;
#   - debootstrap (apt-get install debootstrap) and, for OPAQUE=1, setfattr (apt-get install
#     attr) or python3;
#   - network access to the mirror (and to security.debian.org only when the instance runs apt).
# It changes nothing outside TARGET_DIR. The result is not an image yet: it must be registered
# (see images/README.md).
set -eu

usage() {
  echo "usage: $0 TARGET_DIR [MIRROR]" >&2
  exit 2
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
TARGET=$1
MIRROR=${2:-http://deb.debian.org/debian}
SUITE=bookworm
VARIANT=${VARIANT:-minbase}
INCLUDE=${INCLUDE-openssh-server,sudo,iproute2,procps,ca-certificates}
OPAQUE=${OPAQUE:-1}

if [ "$(id -u)" -ne 0 ]; then
  echo "$0: must run as root (debootstrap needs it)" >&2
  exit 1
fi
command -v debootstrap >/dev/null 2>&1 || {
  echo "$0: debootstrap is missing: apt-get install debootstrap" >&2
  exit 1
}
if [ -z "${ARCH:-}" ]; then
  ARCH=$(dpkg --print-architecture 2>/dev/null || true)
  if [ -z "$ARCH" ]; then
    case "$(uname -m)" in
      x86_64) ARCH=amd64 ;;
      aarch64) ARCH=arm64 ;;
      *) echo "$0: cannot tell the Debian architecture of $(uname -m); set ARCH" >&2; exit 1 ;;
    esac
  fi
fi
if [ -e "$TARGET" ] && [ -n "$(ls -A "$TARGET" 2>/dev/null)" ]; then
  echo "$0: $TARGET is not empty" >&2
  exit 1
fi
mkdir -p "$TARGET"

set -- --variant="$VARIANT" --arch="$ARCH"
[ -z "$INCLUDE" ] || set -- "$@" --include="$INCLUDE"
echo "building Debian $SUITE ($VARIANT, $ARCH) into $TARGET from $MIRROR"
debootstrap "$@" "$SUITE" "$TARGET" "$MIRROR"

# What is the same on every machine that runs the image stays; what makes one machine differ goes.
# An instance writes its own hostname, hosts and resolv.conf at boot; a shared machine id or SSH
# host key would make every instance of the image the same machine to the outside.
: > "$TARGET/etc/machine-id"
rm -f "$TARGET/var/lib/dbus/machine-id" "$TARGET"/etc/ssh/ssh_host_*
rm -f "$TARGET/etc/hostname" "$TARGET/etc/resolv.conf"
cat > "$TARGET/etc/apt/sources.list" <<SOURCES
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb http://security.debian.org/debian-security $SUITE-security main
SOURCES
# Package lists and downloaded packages are a cache: the image is smaller without them.
rm -rf "$TARGET"/var/lib/apt/lists/* "$TARGET"/var/cache/apt/*.bin
find "$TARGET/var/cache/apt/archives" -name '*.deb' -delete
rm -rf "$TARGET"/var/log/* "$TARGET"/tmp/* "$TARGET"/var/tmp/*
cat > "$TARGET/etc/kumo-image" <<INFO
source=debootstrap
suite=$SUITE
variant=$VARIANT
arch=$ARCH
include=$INCLUDE
mirror=$MIRROR
built=$(date -u +%Y-%m-%dT%H:%M:%SZ)
INFO

if [ "$OPAQUE" = 1 ]; then
  for dir in "$TARGET"/*; do
    [ -d "$dir" ] && [ ! -L "$dir" ] || continue
    if command -v setfattr >/dev/null 2>&1; then
      setfattr -n trusted.overlay.opaque -v y "$dir"
    elif command -v python3 >/dev/null 2>&1; then
      python3 -c 'import os, sys; os.setxattr(sys.argv[1], "trusted.overlay.opaque", b"y")' "$dir"
    else
      echo "$0: neither setfattr (apt-get install attr) nor python3 is here to mark $dir opaque; use OPAQUE=0" >&2
      exit 1
    fi
  done
fi

echo "done: $(du -sh "$TARGET" | cut -f1) in $TARGET"
