#!/usr/bin/env bash
# Build the local Debian 12 base image (localhost/qs-debian12:base) with debootstrap.
# There is no container registry here, so this image stands in for a registry base: the
# app image builds FROM it, and the Ansible test hosts boot it with systemd as PID 1.
# Idempotent: does nothing when the image already exists (shared by several helpers).
# Usage: containers/base-image.sh [IMAGE]   (env: DEBIAN_MIRROR, QS_VAR_DIR)
set -euo pipefail

image="${1:-localhost/qs-debian12:base}"
here="$(cd "$(dirname "$0")" && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"

if podman image exists "$image"; then
    echo "base-image: $image already exists, nothing to do"
    exit 0
fi

for tool in debootstrap podman; do
    command -v "$tool" >/dev/null || { echo "base-image: '$tool' not found (apt-get install debootstrap podman runc)" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "base-image: debootstrap needs root" >&2; exit 1; }

# The mirror apt already uses on this host (deb822 or one-line format), unless given.
mirror="${DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
    mirror="$(grep -hsoE '^URIs:[[:space:]]*\S+' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1 || true)"
    [ -n "$mirror" ] || mirror="$(grep -hsoE '^deb[[:space:]]+\S+' /etc/apt/sources.list | awk '{print $2}' | head -n1 || true)"
    mirror="${mirror:-http://deb.debian.org/debian}"
fi

# A lock so two helpers starting at once do not debootstrap twice into one folder.
var_dir="${QS_VAR_DIR:-/var/tmp/quickscale}"
mkdir -p "$var_dir"
exec 9>"$var_dir/base-image.lock"
flock 9
if podman image exists "$image"; then
    echo "base-image: $image was built meanwhile, nothing to do"
    exit 0
fi

rootfs="$(mktemp -d "$var_dir/rootfs.XXXXXX")"
trap 'rm -rf "$rootfs"' EXIT
echo "base-image: debootstrap bookworm from $mirror (about 2 minutes)"
debootstrap --variant=minbase \
    --include=systemd,systemd-sysv,dbus,python3,openssh-server,sudo,iproute2,ca-certificates \
    bookworm "$rootfs" "$mirror" >"$var_dir/debootstrap.log" 2>&1 \
    || { tail -n 20 "$var_dir/debootstrap.log" >&2; echo "base-image: debootstrap failed (log: $var_dir/debootstrap.log)" >&2; exit 1; }
# Keep apt lists out of the image; RUN steps that need apt run apt-get update themselves.
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
tar -C "$rootfs" -c . | podman import \
    --quiet --change 'CMD ["/sbin/init"]' --change 'STOPSIGNAL=SIGRTMIN+3' - "$image" >/dev/null
echo "base-image: built $image"
