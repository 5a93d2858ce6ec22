#!/usr/bin/env bash
# Build localhost/qs-debian12:base (Debian 12 + systemd as PID 1) with debootstrap,
# once: skips if the image exists. Same contract as containers/base-image.sh.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$HERE/containers.conf}"
IMAGE="${QS_BASE_IMAGE:-localhost/qs-debian12:base}"

# Prefer the shared builder when it exists (it owns the image).
SHARED="$HERE/../../containers/base-image.sh"
if [[ -x "$SHARED" && -z "${QS_OWN_BASE_IMAGE:-}" ]]; then
  exec "$SHARED" "$@"
fi

if podman image exists "$IMAGE"; then
  echo "base image $IMAGE exists; skipping"
  exit 0
fi
for bin in debootstrap podman; do
  command -v "$bin" >/dev/null || { echo "missing $bin (apt-get install debootstrap podman runc)" >&2; exit 1; }
done
MIRROR="${DEBIAN_MIRROR:-$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
LOCK=/tmp/qs-base-image.lock
exec 9>"$LOCK"
flock 9
podman image exists "$IMAGE" && { echo "base image $IMAGE appeared meanwhile"; exit 0; }
ROOT="$(mktemp -d /tmp/qs-debian12.XXXXXX)"
trap 'rm -rf "$ROOT"' EXIT
echo "debootstrap bookworm from $MIRROR into $ROOT ..."
debootstrap --variant=minbase \
  --include=systemd,systemd-sysv,dbus,python3,openssh-server,sudo,iproute2,ca-certificates \
  bookworm "$ROOT" "$MIRROR" >"$ROOT.log" 2>&1 || { tail -30 "$ROOT.log" >&2; exit 1; }
# Host keys are made per container at boot (see testhosts.sh); none baked in.
rm -f "$ROOT"/etc/ssh/ssh_host_* "$ROOT"/etc/machine-id
touch "$ROOT"/etc/machine-id
rm -rf "$ROOT"/var/cache/apt/archives/*.deb "$ROOT"/var/lib/apt/lists/*
tar -C "$ROOT" -c . | podman import \
  --change 'CMD ["/sbin/init"]' --change 'STOPSIGNAL=SIGRTMIN+3' - "$IMAGE"
rm -f "$ROOT.log"
echo "built $IMAGE"
