#!/usr/bin/env bash
# Build the app image with podman from the local Debian images (no registry here).
# Usage: containers/build.sh   (env: APP_IMAGE, BASE_IMAGE, NODE_IMAGE)
set -euo pipefail
# shellcheck source=containers/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$repo_root"

"$containers_dir/base-image.sh" "$BASE_IMAGE"
if [ -f frontend/package.json ]; then
    frontend_stage=frontend-build
    "$containers_dir/node-image.sh"
else
    frontend_stage=frontend-none
    echo "build: no frontend/package.json yet, building without frontend assets"
fi

start=$SECONDS
podman build --layers \
    --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg NODE_IMAGE="$NODE_IMAGE" \
    --build-arg FRONTEND_STAGE="$frontend_stage" "${ca_build_args[@]}" \
    --ignorefile containers/Containerfile.dockerignore \
    -f containers/Containerfile -t "$APP_IMAGE" .
size="$(podman image inspect --format '{{.Size}}' "$APP_IMAGE")"
echo "build: $APP_IMAGE built in $((SECONDS - start))s, $((size / 1000000)) MB"
