# Shared by the container scripts: podman settings for this machine and the build-time CA.
# shellcheck shell=bash disable=SC2034  # the variables are for the scripts that source this
containers_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$containers_dir/.." && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$containers_dir/containers.conf}"

BASE_IMAGE="${BASE_IMAGE:-localhost/qs-debian12:base}"
NODE_IMAGE="${NODE_IMAGE:-localhost/qs-node22:build}"
APP_IMAGE="${APP_IMAGE:-localhost/quickscale:dev}"

# Where egress goes through a TLS-intercepting proxy (this machine), its CA sits in the host's
# bundle. Build steps that download get it as the build secret "ca"; no layer keeps it.
ca_build_args=()
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    ca_build_args=(--secret "id=ca,src=/etc/ssl/certs/ca-certificates.crt")
fi
