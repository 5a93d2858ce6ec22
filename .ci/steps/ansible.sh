#!/usr/bin/env bash
# CI step: the Ansible side. Installs podman (runc) + debootstrap if missing, the `deploy`
# dependency group, then runs (1) tests/deploy (playbooks parse; preflight refuses bad
# input before touching a host) and (2) the molecule scenarios that matter most on real
# systemd hosts: proxy (TLS, static cache, draining, /ws/ through a reload; first: it holds the
# live-updates proof), common (SSH/firewall), postgres (db, backups, restore check)
# The full multi-host proof is `just deploy-test` (~20 min).
# QS_CI_MOLECULE="common postgres proxy app" overrides the list.
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$(date +%s)
need=()
for b in podman runc debootstrap; do command -v "$b" >/dev/null || need+=("$b"); done
if ((${#need[@]})); then
  echo "installing podman/runc/debootstrap from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q debootstrap podman buildah runc uidmap slirp4netns netavark \
    aardvark-dns containernetworking-plugins >/dev/null
fi
# The Quick start's pinned uv, as the suites used.
UV=$(python3 -c 'import quickstart; print(quickstart.uv())' | tail -1)
export UV_PROJECT_ENVIRONMENT="$PWD/.venv"
"$UV" sync --frozen --group deploy --inexact -q
export PATH="$PWD/.venv/bin:$PATH"

echo "== tests/deploy"
QS_REQUIRE_ANSIBLE=1 python -m pytest tests/deploy -q -p no:cacheprovider

# Budget: a scenario takes ~3 min on a quiet machine, up to ~12 on a loaded one; do not
# start another once more than QS_CI_ANSIBLE_BUDGET seconds (default 600) have gone.
budget="${QS_CI_ANSIBLE_BUDGET:-600}"
passed=0; failed=0; skipped=0; failed_names=()
for role in ${QS_CI_MOLECULE:-proxy common postgres}; do
  if (( $(date +%s) - t0 > budget )); then
    echo "molecule $role: skipped (time budget of ${budget}s used)"; skipped=$((skipped + 1)); continue
  fi
  echo "== molecule: $role ($(( $(date +%s) - t0 ))s)"
  # A hung scenario must not eat CI's 90 minutes.
  if timeout "${QS_CI_SCENARIO_TIMEOUT:-1500}" ansible/testhosts/molecule.sh "$role" test \
      >"/tmp/qs-molecule-$role.log" 2>&1; then
    passed=$((passed + 1)); echo "molecule $role: passed"
  else
    failed=$((failed + 1)); failed_names+=("$role")
    echo "molecule $role: FAILED; last lines:"; tail -60 "/tmp/qs-molecule-$role.log"
    (cd "ansible/roles/$role" && molecule destroy >/dev/null 2>&1) || true
  fi
done
echo "ansible step took $(( $(date +%s) - t0 ))s"
echo "molecule: $passed passed, $failed failed, $skipped skipped"
((failed == 0)) || { echo "failed scenarios: ${failed_names[*]}"; exit 1; }
