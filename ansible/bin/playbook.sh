#!/usr/bin/env bash
# playbook.sh INVENTORY PLAYBOOK [ansible-playbook args...]
# Runs an ansible/ playbook against ansible/inventories/INVENTORY with the project's
# pinned Ansible (uv group `deploy`). Vault password: $ANSIBLE_VAULT_PASSWORD_FILE, the
# generated one for `local`, or asked for when the inventory has vault files.
set -euo pipefail
ANSIBLE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
inv="${1:?usage: playbook.sh INVENTORY PLAYBOOK [args]}"; pb="${2:?playbook}"; shift 2
if [[ ! -d "$ANSIBLE_DIR/inventories/$inv" || "$inv" == */* ]]; then
  echo "unknown inventory '$inv'; known: $(cd "$ANSIBLE_DIR/inventories" && printf '%s ' */ | tr -d /)" >&2; exit 2
fi
[[ -f "$ANSIBLE_DIR/$pb" ]] || { echo "unknown playbook '$pb'" >&2; exit 2; }
extra=()
if [[ -z "${ANSIBLE_VAULT_PASSWORD_FILE:-}" ]]; then
  if [[ "$inv" == local ]]; then
    [[ -f "$ANSIBLE_DIR/.testhosts/vault-pass" ]] || { echo "no test hosts: run 'just testhosts up' first" >&2; exit 2; }
    export ANSIBLE_VAULT_PASSWORD_FILE="$ANSIBLE_DIR/.testhosts/vault-pass"
  elif grep -rlqs '^[$]ANSIBLE_VAULT' "$ANSIBLE_DIR/inventories/$inv"; then
    extra+=(--ask-vault-pass)
  fi
fi
export ANSIBLE_CONFIG="$ANSIBLE_DIR/ansible.cfg"
cd "$ANSIBLE_DIR"
if [[ -x "$ANSIBLE_DIR/../.venv/bin/ansible-playbook" && -n "${QS_NO_UV_SYNC:-}" ]]; then
  exec "$ANSIBLE_DIR/../.venv/bin/ansible-playbook" -i "inventories/$inv" "${extra[@]}" "$pb" "$@"
fi
exec uv run --project "$ANSIBLE_DIR/.." --frozen --group deploy ansible-playbook -i "inventories/$inv" "${extra[@]}" "$pb" "$@"
