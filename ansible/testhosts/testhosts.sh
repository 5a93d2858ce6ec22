#!/usr/bin/env bash
# Local test hosts: Debian 12 containers with systemd as PID 1 on their own podman
# network, reachable over SSH from this machine. Usage: testhosts.sh up|down|status|ssh HOST
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ANSIBLE_DIR="$(dirname "$HERE")"
STATE="$ANSIBLE_DIR/.testhosts"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$HERE/containers.conf}"
IMAGE="${QS_BASE_IMAGE:-localhost/qs-debian12:base}"
NET="${QS_TESTNET:-qs-testnet}"
SUBNET="${QS_TESTNET_SUBNET:-10.89.61.0/24}"
PREFIX="${SUBNET%.*}"
# name:last-octet; keep in sync with inventories/local/hosts.yml
HOSTS=(proxy1:10 web1:11 web2:12 worker1:13 db1:14 mq1:15)
[[ -n "${QS_TESTHOSTS:-}" ]] && read -r -a HOSTS <<<"$QS_TESTHOSTS"

log() { printf 'testhosts: %s\n' "$*" >&2; }

ensure_key() {
  mkdir -p "$STATE"; chmod 700 "$STATE"
  [[ -f "$STATE/id_ed25519" ]] || ssh-keygen -q -t ed25519 -N '' -C qs-testhosts -f "$STATE/id_ed25519"
}

wait_booted() {  # $1 container
  local state
  for _ in $(seq 1 60); do
    state="$(podman exec "$1" systemctl is-system-running 2>/dev/null || true)"
    [[ "$state" == running || "$state" == degraded ]] && return 0
    sleep 0.5
  done
  log "$1 did not boot (state: ${state:-unknown})"; return 1
}

prepare_ssh() {  # $1 container: per-host SSH host keys + our key for root
  podman exec -i "$1" sh -ec '
    rm -f /etc/ssh/ssh_host_*; ssh-keygen -A >/dev/null
    install -d -m 700 /root/.ssh; cat > /root/.ssh/authorized_keys; chmod 600 /root/.ssh/authorized_keys
    systemctl enable ssh >/dev/null 2>&1; systemctl restart ssh' <"$STATE/id_ed25519.pub"
}

wait_ssh() {  # $1 ip
  for _ in $(seq 1 40); do
    ssh -q -i "$STATE/id_ed25519" -o BatchMode=yes -o StrictHostKeyChecking=no \
        -o UserKnownHostsFile=/dev/null -o ConnectTimeout=2 "root@$1" true && return 0
    sleep 0.5
  done
  log "no ssh on $1"; return 1
}

ensure_tools() {  # podman with runc, debootstrap (Debian packages)
  local missing=()
  for b in podman runc debootstrap ssh-keygen; do command -v "$b" >/dev/null || missing+=("$b"); done
  ((${#missing[@]} == 0)) && return 0
  log "installing podman, runc, debootstrap (missing: ${missing[*]})"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap podman buildah runc uidmap \
    slirp4netns netavark aardvark-dns containernetworking-plugins openssh-client >/dev/null
}

up() {
  ensure_tools
  "$HERE/base-image.sh"
  ensure_key
  podman network exists "$NET" || podman network create --subnet "$SUBNET" "$NET" >/dev/null
  local entry name ip cname
  for entry in "${HOSTS[@]}"; do
    name="${entry%%:*}"; ip="$PREFIX.${entry##*:}"; cname="qs-$name"
    if podman container exists "$cname"; then
      [[ "$(podman inspect -f '{{.State.Running}}' "$cname")" == true ]] || podman start "$cname" >/dev/null
      log "$name ($ip) already exists"
    else
      podman run -d --name "$cname" --hostname "$name" --network "$NET" --ip "$ip" \
        --systemd=always --cap-add NET_ADMIN --cap-add NET_RAW --cap-add SYS_TIME \
        --memory 2g --label qs-testhost=1 "$IMAGE" /sbin/init >/dev/null
      wait_booted "$cname"
      prepare_ssh "$cname"
      log "$name ($ip) created"
    fi
  done
  for entry in "${HOSTS[@]}"; do wait_ssh "$PREFIX.${entry##*:}"; done
  "$HERE/secrets.sh"
  log "up: ${#HOSTS[@]} hosts on $NET ($SUBNET)"
}

down() {
  local entry
  for entry in "${HOSTS[@]}"; do
    podman rm -f -t 5 "qs-${entry%%:*}" >/dev/null 2>&1 || true
  done
  if podman network exists "$NET"; then podman network rm "$NET" >/dev/null || true; fi
  rm -f "$ANSIBLE_DIR/inventories/local/group_vars/all/secrets.yml"
  log "down"
}

status() {
  podman ps -a --filter label=qs-testhost=1 --format '{{.Names}}\t{{.Status}}\t{{.Networks}}'
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  ssh) shift; h="$1"; shift
       for e in "${HOSTS[@]}"; do [[ "${e%%:*}" == "$h" ]] && exec ssh -i "$STATE/id_ed25519" \
         -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "root@$PREFIX.${e##*:}" "$@"; done
       log "unknown host $h"; exit 2 ;;
  *) echo "usage: $0 up|down|status|ssh HOST [CMD]" >&2; exit 2 ;;
esac
