#!/usr/bin/env bash
# Build the local Node.js 22 build image (see node.Containerfile). Idempotent.
set -euo pipefail
# shellcheck source=containers/lib.sh
source "$(dirname "$0")/lib.sh"
if podman image exists "$NODE_IMAGE"; then
    echo "node-image: $NODE_IMAGE already exists, nothing to do"; exit 0
fi
"$containers_dir/base-image.sh" "$BASE_IMAGE"
podman build --quiet --build-arg BASE_IMAGE="$BASE_IMAGE" "${ca_build_args[@]}" \
    -f "$containers_dir/node.Containerfile" -t "$NODE_IMAGE" "$containers_dir" >/dev/null
echo "node-image: built $NODE_IMAGE ($(podman run --rm --entrypoint node "$NODE_IMAGE" --version))"
