#!/usr/bin/env bash
# CI: fast static checks of containers/ (well under a minute). The image build and its role
# proof against real services (containers/image-test.sh, `just image-test`) take 3-10 minutes
# on this machine from cold (debootstrap, then the build), too long and too variable for every
# CI run; the entrypoint's behaviour is tested in tests/containers/ by the main suite.
set -euo pipefail
fail() { echo "containers.sh: FAIL: $*" >&2; exit 1; }
start=$SECONDS

if ! command -v shellcheck >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
fi
command -v uv >/dev/null || python3 -m pip install -q uv

# 1. Shell scripts: POSIX sh for the entrypoint (the image may only have dash), bash elsewhere.
sh -n containers/entrypoint || fail "containers/entrypoint is not valid POSIX sh"
shellcheck -x containers/entrypoint containers/*.sh nix/process.sh .ci/steps/*.sh \
    || fail "shellcheck"
echo "ok: shellcheck of containers/, nix/process.sh and .ci/steps/"

# 2. compose.yaml against the Compose Specification schema, and a negative control.
cj=(uv tool run --quiet --from check-jsonschema==0.39.0 check-jsonschema --builtin-schema vendor.compose-spec)
"${cj[@]}" containers/compose.yaml >/dev/null || { "${cj[@]}" containers/compose.yaml; fail "compose.yaml"; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
sed 's/condition: service_healthy/condition: healthy/' containers/compose.yaml >"$tmp/compose.yaml"
if "${cj[@]}" "$tmp/compose.yaml" >/dev/null 2>&1; then fail "schema check accepted an invalid condition"; fi
echo "ok: containers/compose.yaml is valid Compose (and an invalid one is caught)"

# 3. compose.yaml as a compose tool reads it (interpolation, anchors): SECRET_KEY has no default
#    and is named when missing; `$$` escapes reach the health checks as `$`.
pc=(uv tool run --quiet --from podman-compose==1.6.0 podman-compose --dry-run -f containers/compose.yaml config)
if out="$(env -u SECRET_KEY "${pc[@]}" 2>&1)"; then fail "compose accepted a missing SECRET_KEY"; fi
grep -q "SECRET_KEY is missing a value: set SECRET_KEY to 50+ random characters" <<<"$out" \
    || fail "missing SECRET_KEY not named: $(tail -n 3 <<<"$out")"
rendered="$(SECRET_KEY=ci-only "${pc[@]}" 2>&1)" || fail "podman-compose config: $rendered"
for role in migrate web worker beat; do
    grep -q "ROLE: $role" <<<"$rendered" || fail "no service with ROLE: $role"
done
# shellcheck disable=SC2016  # a literal $(hostname) is what compose must produce
grep -q 'celery@$(hostname)' <<<"$rendered" || fail "worker health check not rendered as expected"
echo "ok: podman-compose renders compose.yaml (roles migrate/web/worker/beat) and names a missing SECRET_KEY"

# 4. Every file the Containerfile copies from the build context exists.
python3 - <<'PY' || fail "Containerfile COPY sources"
import re, pathlib, sys
missing = []
has_frontend = pathlib.Path("frontend/package.json").exists()
for line in pathlib.Path("containers/Containerfile").read_text().splitlines():
    m = re.match(r"COPY\s+(?!--from)(?:--\S+\s+)*(.+)\s+\S+$", line.strip())
    if not m:
        continue
    for src in m.group(1).split():
        # the frontend stage is used only once frontend/ exists (containers/build.sh)
        if (has_frontend or not src.startswith("frontend/")) and not pathlib.Path(src).exists():
            missing.append(src)
if missing:
    sys.exit(f"missing COPY sources: {missing}")
PY
echo "ok: Containerfile COPY sources exist"

echo "containers.sh: all checks passed in $((SECONDS - start))s"
