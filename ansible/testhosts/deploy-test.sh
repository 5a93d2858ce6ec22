#!/usr/bin/env bash
# The full multi-host proof on the local test hosts (`just deploy-test`):
#  1. fresh hosts (testhosts down + up; --reuse keeps them), 2. site.yml,
#  3. home page through the proxy over HTTPS, /readyz all green, Celery ping round trip,
#  4. site.yml again: changed=0, 5. deploy.yml of a new release under a steady request
#  stream: no request lost, every app host on the new release, 6. rollback.yml (also
#  under load): every app host back on the previous release.
# Writes a summary to ansible/.testhosts/deploy-test-report.txt; exits non-zero on any failure.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ANSIBLE_DIR="$(dirname "$HERE")"
REPO="$(git -C "$ANSIBLE_DIR" rev-parse --show-toplevel)"
STATE="$ANSIBLE_DIR/.testhosts"
LOGS="$STATE/logs"; mkdir -p "$LOGS"
REPORT="$STATE/deploy-test-report.txt"
PROXY=10.89.61.10; DOMAIN=quickscale.test
APP_HOSTS=(web1 web2 worker1)
export QS_NO_UV_SYNC=1 ANSIBLE_FORCE_COLOR=0
reuse=false; [[ "${1:-}" == --reuse ]] && reuse=true

: >"$REPORT"
say() { printf '%s\n' "$*" | tee -a "$REPORT" >&2; }
fail() { say "FAIL: $*"; exit 1; }
now() { date +%s; }
th() { "$HERE/testhosts.sh" "$@"; }
on() { local h="$1"; shift; th ssh "$h" "$@" 2>/dev/null; }

playbook() {  # name playbook [args]: run, log, echo total changed
  local name="$1" pb="$2"; shift 2
  local log="$LOGS/$name.log" t0 rc=0
  t0=$(now)
  "$ANSIBLE_DIR/bin/playbook.sh" local "$pb" "$@" >"$log" 2>&1 || rc=$?
  local secs=$(( $(now) - t0 ))
  local changed; changed=$(awk '/PLAY RECAP/{r=1;next} r && /changed=/{split($0,a,"changed=");split(a[2],b," ");s+=b[1]} END{print s+0}' "$log")
  say "$name: $pb rc=$rc in ${secs}s, changed=$changed (log: ${log#"$REPO"/})"
  [[ $rc == 0 ]] || { grep -A12 'fatal:\|FAILED!' "$log" | head -40 >&2; fail "$pb failed"; }
  LAST_CHANGED=$changed
}

check_stack() {  # label: HTTPS home page, /readyz green, Celery round trip
  local label="$1" code body
  code=$(curl -sS -o /dev/null -w '%{http_code}' --cacert "$CERT" --resolve "$DOMAIN:443:$PROXY" "https://$DOMAIN/") \
    || fail "$label: home page unreachable"
  [[ "$code" == 200 ]] || fail "$label: home page answered $code"
  body=$(curl -sS --cacert "$CERT" --resolve "$DOMAIN:443:$PROXY" "https://$DOMAIN/readyz") || fail "$label: /readyz unreachable"
  python3 - "$body" <<'PY' || fail "$label: /readyz not green: $body"
import json, sys
d = json.loads(sys.argv[1])
checks = d["checks"]
assert d["status"] == "ready" and set(checks) >= {"database", "cache", "broker"}, d
assert all(c["ok"] for c in checks.values()), d
PY
  local pong
  pong=$(on web1 "quickscale-manage shell -c \"from app.core.celery_tasks import ping; print('ROUNDTRIP', ping.delay().get(timeout=60))\"" | grep ROUNDTRIP || true)
  [[ "$pong" == "ROUNDTRIP pong" ]] || fail "$label: Celery ping did not come back (got '$pong')"
  say "$label: https://$DOMAIN/ 200 via proxy (TLS verified), /readyz ready (database, cache, broker ok), Celery ping -> pong"
}

releases_on_hosts() { local h; for h in "${APP_HOSTS[@]}"; do on "$h" cat /srv/quickscale/current/RELEASE; done | sort -u | tr '\n' ' '; }

start_load() {  # name
  rm -f "$STATE/stop-load"
  python3 "$HERE/loadgen.py" --url "https://$PROXY/" --host "$DOMAIN" --cacert "$CERT" \
    --stop-file "$STATE/stop-load" --concurrency 4 --interval 0.05 --max-seconds 1200 >"$LOGS/$1-load.json" &
  LOAD_PID=$!
  sleep 3
}
stop_load() {  # name -> LOST
  touch "$STATE/stop-load"; wait "$LOAD_PID" || true
  local res; res=$(cat "$LOGS/$1-load.json")
  LOST=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["lost"])' "$res")
  say "$1 load: $res"
}

# ship one fixed commit: later commits to the checkout must not change what is deployed
PIN="$(git -C "$REPO" rev-parse HEAD)"
t_all=$(now)
if ! $reuse; then th down >/dev/null 2>&1 || true; fi
t0=$(now); th up 2>>"$LOGS/testhosts.log"; say "testhosts up: $(( $(now) - t0 ))s"

# 2. first provision
playbook site-1 site.yml -e "app_release_ref=$PIN"
CERT="$STATE/proxy.crt"; on proxy1 cat /etc/nginx/tls/quickscale.crt >"$CERT"
FIRST=$(releases_on_hosts); say "release after site.yml: $FIRST"
check_stack "after site.yml"

# 4. idempotence
playbook site-2 site.yml -e "app_release_ref=$PIN"
[[ "$LAST_CHANGED" == 0 ]] || fail "second site.yml changed $LAST_CHANGED things (see $LOGS/site-2.log)"

# 5. a new release (an extra commit in a throwaway clone) under load
SRC="$STATE/release-src"; rm -rf "$SRC"
git clone -q --no-hardlinks "$REPO" "$SRC"
git -C "$SRC" checkout -q "$PIN"
git -C "$SRC" -c user.name=deploy-test -c user.email=deploy-test@localhost commit -q --allow-empty -m "deploy-test release $(date -u +%FT%TZ)"
NEW=$(git -C "$SRC" rev-parse --short=12 HEAD)
start_load deploy
playbook deploy deploy.yml -e "app_release_source=$SRC"
stop_load deploy; DEPLOY_LOST=$LOST
[[ "$(releases_on_hosts)" == "$NEW " ]] || fail "after deploy.yml hosts run $(releases_on_hosts), expected $NEW"
say "after deploy.yml every app host runs $NEW"
check_stack "after deploy.yml"
[[ "$DEPLOY_LOST" == 0 ]] || fail "deploy.yml lost $DEPLOY_LOST requests"

# 6. rollback under load
start_load rollback
playbook rollback rollback.yml
stop_load rollback; ROLLBACK_LOST=$LOST
[[ "$(releases_on_hosts)" == "$FIRST" ]] || fail "after rollback.yml hosts run $(releases_on_hosts), expected $FIRST"
say "after rollback.yml every app host runs $FIRST again"
check_stack "after rollback.yml"
[[ "$ROLLBACK_LOST" == 0 ]] || fail "rollback.yml lost $ROLLBACK_LOST requests"

say "deploy-test: PASSED in $(( $(now) - t_all ))s (requests lost: deploy $DEPLOY_LOST, rollback $ROLLBACK_LOST)"
