#!/usr/bin/env bash
# molecule.sh ROLE [molecule command, default: test]: run a role's molecule scenario on a
# podman host with systemd (runc, local base image), with throwaway secrets.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ANSIBLE_DIR="$(dirname "$HERE")"
role="${1:?usage: molecule.sh ROLE [test|converge|verify|destroy...]}"; shift
[[ -d "$ANSIBLE_DIR/roles/$role/molecule" ]] || { echo "no molecule scenario for role '$role'" >&2; exit 2; }
export CONTAINERS_CONF="${CONTAINERS_CONF:-$HERE/containers.conf}"
"$HERE/base-image.sh"
VENV="$(cd "$ANSIBLE_DIR/.." && pwd)/.venv"
[[ -x "$VENV/bin/molecule" ]] && export PATH="$VENV/bin:$PATH"
export QS_MOLECULE_SECRET="${QS_MOLECULE_SECRET:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')}"
cd "$ANSIBLE_DIR/roles/$role"
exec molecule "${@:-test}"
