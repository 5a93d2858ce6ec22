#!/usr/bin/env bash
# Build a release tarball from a git checkout: build-release.sh REPO REF OUTDIR
# Prints "<release-id> <tarball>". The id is the commit's short hash, so building the
# same commit twice reuses the tarball (and the hosts reuse the release folder).
set -euo pipefail
ref="$2"; out="$3"
# the repository's top (git archive in a subfolder would ship only that subfolder)
repo="$(git -C "$1" rev-parse --show-toplevel)" || { echo "build-release: $1 is not in a git checkout" >&2; exit 1; }
sha="$(git -C "$repo" rev-parse --verify --short=12 "$ref^{commit}")" || {
  echo "build-release: '$ref' is not a commit in $repo" >&2; exit 1; }
mkdir -p "$out"
tarball="$out/release-$sha.tar.gz"
if [[ ! -s "$tarball" ]]; then
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  git -C "$repo" archive --format=tar "$sha" | tar -C "$work" -x
  for f in manage.py pyproject.toml uv.lock; do
    [[ -f "$work/$f" ]] || { echo "build-release: $sha has no $f: not a deployable QuickScale tree" >&2; exit 1; }
  done
  # Front-end assets are built here, not on the hosts (no Node there).
  if [[ -f "$work/frontend/package.json" && -z "${QS_SKIP_FRONTEND:-}" ]]; then
    if command -v npm >/dev/null; then
      (cd "$work/frontend" && { [[ -f package-lock.json ]] && npm ci --no-audit --no-fund || npm install --no-audit --no-fund; } >&2 && npm run build >&2)
      rm -rf "$work/frontend/node_modules"
    else
      echo "build-release: npm not found; shipping without built front-end assets" >&2
    fi
  fi
  echo "$sha" >"$work/RELEASE"
  tar -C "$work" -czf "$tarball.partial" . && mv "$tarball.partial" "$tarball"
fi
echo "$sha $tarball"
