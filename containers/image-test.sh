#!/usr/bin/env bash
# Proof that the image works: build it with podman, then run its roles against the real
# PostgreSQL, Valkey and RabbitMQ on this machine (host network, 127.0.0.1):
#   bad input (no ROLE, unknown ROLE, missing variable) -> exit 64 naming the problem
#   migrate -> exit 0; web -> /healthz and /readyz 200 with every check ok; web-asgi -> /healthz;
#   worker -> does a ping task sent through RabbitMQ; beat -> starts; stop -> graceful, quick;
#   runtime -> non-root, no build tools, no secrets in the image config.
# Prints "image-test: N passed, M failed"; exits non-zero on any failure.
# Env: PG_URL (server, default postgres://postgres@127.0.0.1:5432), VALKEY_URL_BASE,
#      BROKER_URL, SKIP_BUILD=1 to reuse the built image.
set -uo pipefail
# shellcheck source=containers/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$repo_root" || exit 1

pg_server="${PG_URL:-postgres://postgres@127.0.0.1:5432}"
valkey_url="${VALKEY_URL_BASE:-redis://127.0.0.1:6379}/13"
broker_url="${BROKER_URL:-amqp://guest:guest@127.0.0.1:5672//}"
run_id="qsit$$"
db="qs_image_test_$$"
queue="qs-image-test-$$"
work="$(mktemp -d)"
passed=0 failed=0

ok() { echo "  ok: $*"; passed=$((passed + 1)); }
bad() { echo "  FAIL: $*"; failed=$((failed + 1)); }
check() { local what="$1"; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http_get() { # http_get URL -> prints "STATUS BODY"
    python3 - "$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1], timeout=10) as r:
        print(r.status, r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code, e.read().decode())
except OSError as e:
    print(0, e)
PY
}
wait_http() { # wait_http URL SECONDS: until it answers 200
    local i
    for ((i = 0; i < $2 * 2; i++)); do
        [[ "$(http_get "$1")" == 200* ]] && return 0
        sleep 0.5
    done
    return 1
}
py_yaml() { # python with PyYAML: the host's if it has it, else the project's (dev group)
    if python3 -c 'import yaml' 2>/dev/null; then python3 "$@"; else uv run --frozen python "$@"; fi
}
cleanup() {
    for c in web ro asgi worker beat; do podman rm -f -t 5 "$run_id-$c" >/dev/null 2>&1; done
    psql "$pg_server/postgres" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

# ---- build ----------------------------------------------------------------------------------
echo "== build"
if [ "${SKIP_BUILD:-}" != 1 ]; then
    start=$SECONDS
    if "$containers_dir/build.sh" >"$work/build.log" 2>&1; then
        ok "image built in $((SECONDS - start))s ($(tail -n1 "$work/build.log"))"
    else
        tail -n 30 "$work/build.log"; bad "image build"; echo "image-test: $passed passed, $failed failed"; exit 1
    fi
fi
size="$(podman image inspect --format '{{.Size}}' "$APP_IMAGE")"
echo "  image $APP_IMAGE: $((size / 1000000)) MB"

# ---- environment ------------------------------------------------------------------------------
psql "$pg_server/postgres" -qc "CREATE DATABASE $db" >/dev/null || { echo "cannot create database at $pg_server"; exit 1; }
secret="$(python3 -c 'import secrets; print(secrets.token_urlsafe(64))')"
cat >"$work/env" <<ENV
SECRET_KEY=$secret
ALLOWED_HOSTS=127.0.0.1,localhost
DATABASE_URL=$pg_server/$db
VALKEY_URL=$valkey_url
CELERY_BROKER_URL=$broker_url
EMAIL_URL=smtp://127.0.0.1:2525
DEFAULT_FROM_EMAIL=image-test@example.com
SECURE_SSL_REDIRECT=false
ENV
chmod 600 "$work/env"
run() { podman run --rm --network host --env-file "$work/env" "$@"; }
# Own host names: the worker's node name (celery@<hostname>) must not collide with other workers
# on this RabbitMQ, which the compose health check below would otherwise also reach.
daemon() {
    local name="$1"; shift
    podman run -d --name "$run_id-$name" --hostname "$run_id-$name" --network host --env-file "$work/env" "$@" >/dev/null
}

# ---- bad input --------------------------------------------------------------------------------
echo "== bad input"
out="$(run "$APP_IMAGE" 2>&1)"; rc=$?
check "no ROLE: exit 64, lists roles ($out)" test "$rc" = 64 -a -n "$(grep 'ROLE is not set; valid roles: web web-asgi worker beat migrate shell' <<<"$out")"
out="$(run -e ROLE=webb "$APP_IMAGE" 2>&1)"; rc=$?
check "ROLE=webb: exit 64 ($out)" test "$rc" = 64 -a -n "$(grep "unknown ROLE 'webb'; valid roles:" <<<"$out")"
grep -v '^DATABASE_URL=' "$work/env" >"$work/env-nodb"
out="$(podman run --rm --network host --env-file "$work/env-nodb" -e ROLE=web "$APP_IMAGE" 2>&1)"; rc=$?
check "no DATABASE_URL: exit 64 ($out)" test "$rc" = 64 -a -n "$(grep 'required environment variable DATABASE_URL is not set' <<<"$out")"
out="$(run -e ROLE=migrate -e SECRET_KEY=short "$APP_IMAGE" 2>&1)"; rc=$?
check "insecure SECRET_KEY: settings refuse it ($(grep -o 'SECRET_KEY is insecure[^;]*' <<<"$out" | head -n1))" \
    test "$rc" != 0 -a -n "$(grep 'SECRET_KEY is insecure' <<<"$out")"

# ---- migrate ----------------------------------------------------------------------------------
echo "== migrate"
start=$SECONDS
run -e ROLE=migrate "$APP_IMAGE" >"$work/migrate.log" 2>&1; rc=$?
check "migrate role: exit $rc in $((SECONDS - start))s, $(grep -c '  Applying ' "$work/migrate.log") migrations applied" test "$rc" = 0
[ "$rc" = 0 ] || tail -n 20 "$work/migrate.log"
run -e ROLE=migrate "$APP_IMAGE" >"$work/migrate2.log" 2>&1; rc=$?
check "migrate again: exit $rc, nothing to apply" test "$rc" = 0 -a -n "$(grep 'No migrations to apply' "$work/migrate2.log")"

# ---- web (WSGI) -------------------------------------------------------------------------------
echo "== web"
port="$(free_port)"
daemon web -e ROLE=web -e PORT="$port" "$APP_IMAGE"
if wait_http "http://127.0.0.1:$port/healthz" 60; then
    ok "web role: /healthz -> $(http_get "http://127.0.0.1:$port/healthz")"
    ready="$(http_get "http://127.0.0.1:$port/readyz")"
    echo "  /readyz -> $ready"
    check "web role: /readyz 200 with database, cache and broker ok" python3 - "$ready" <<'PY'
import json, sys
status, _, body = sys.argv[1].partition(" ")
data = json.loads(body)
checks = data.get("checks", data)
names = {"database", "cache", "broker"}
assert status == "200", status
assert names <= set(checks), f"missing checks: {names - set(checks)}"
bad = {n: checks[n] for n in names if checks[n] not in ("ok", True) and not (isinstance(checks[n], dict) and checks[n].get("ok", checks[n].get("status") == "ok"))}
assert not bad, bad
PY
    static="$(python3 -c 'import sys,urllib.request as u; print(u.urlopen(sys.argv[1]).status)' "http://127.0.0.1:$port/static/admin/css/base.css" 2>&1 | tail -n1)"
    # collectstatic ran at build time with the manifest storage; WhiteNoise serves the files
    check "web role: static file served by WhiteNoise ($static)" test "$static" = 200
else
    bad "web role did not answer /healthz within 60s"; podman logs "$run_id-web" 2>&1 | tail -n 30
fi

# A read-only root file system (only /tmp writable) must be enough for the web role.
rport="$(free_port)"
daemon ro -e ROLE=web -e PORT="$rport" --read-only --tmpfs /tmp "$APP_IMAGE"
check "web role on a read-only root file system: /readyz 200" wait_http "http://127.0.0.1:$rport/readyz" 60

# ---- worker -----------------------------------------------------------------------------------
echo "== worker"
# A queue of our own, so no other worker on this RabbitMQ takes the task.
daemon worker -e ROLE=worker -e CELERY_QUEUES="$queue" -e WORKER_CONCURRENCY=1 "$APP_IMAGE"
out="$(run -e ROLE=shell "$APP_IMAGE" -c "
from app.core.celery_tasks import ping
r = ping.apply_async(queue='$queue')
print('task', r.id, r.get(timeout=90))" 2>&1)"
task_id="$(awk '/^task /{print $2}' <<<"$out")"
check "worker role: ping sent through RabbitMQ returned pong ($(grep '^task ' <<<"$out"))" \
    test -n "$(grep -E '^task \S+ pong$' <<<"$out")"
[ -n "$task_id" ] || echo "$out" | tail -n 20
sleep 1
check "worker role: its log shows it ran task $task_id" \
    grep -q "Task app.core.celery_tasks.ping\[$task_id\] succeeded" <(podman logs "$run_id-worker" 2>&1)

# ---- web-asgi and beat start ------------------------------------------------------------------
echo "== web-asgi, beat"
aport="$(free_port)"
daemon asgi -e ROLE=web-asgi -e PORT="$aport" "$APP_IMAGE"
check "web-asgi role: /healthz 200 over ASGI" wait_http "http://127.0.0.1:$aport/healthz" 60
daemon beat -e ROLE=beat "$APP_IMAGE"
for _ in $(seq 1 40); do podman logs "$run_id-beat" 2>&1 | grep -q "beat: Starting" && break; sleep 0.5; done
check "beat role: started" grep -q "beat: Starting" <(podman logs "$run_id-beat" 2>&1)

# ---- compose.yaml's health checks, run inside the running containers ---------------------------
echo "== compose health checks"
for svc in web worker beat; do
    name="$svc"; [ "$svc" = web ] && port_env="$port" || port_env=""
    # compose writes $$ for a literal $; web listens on $port here, on 8000 under compose
    cmd="$(py_yaml - "$svc" "$port_env" <<'PY'
import json, sys, yaml
svc, port = sys.argv[1], sys.argv[2]
test = yaml.safe_load(open("containers/compose.yaml"))["services"][svc]["healthcheck"]["test"]
kind, args = test[0], [a.replace("$$", "$") for a in test[1:]]
if port:
    args = [a.replace("127.0.0.1:8000", f"127.0.0.1:{port}") for a in args]
print(json.dumps(["sh", "-c", args[0]] if kind == "CMD-SHELL" else args))
PY
)"
    mapfile -t argv < <(python3 -c 'import json,sys; print("\n".join(json.loads(sys.argv[1])))' "$cmd")
    out="$(podman exec "$run_id-$name" "${argv[@]}" 2>&1)"; rc=$?
    check "compose health check of $svc passes in the running container (${argv[*]: -1})" test "$rc" = 0
    [ "$rc" = 0 ] || echo "$out" | tail -n 5
done

# ---- graceful stop (SIGTERM reaches the server as PID 1) --------------------------------------
echo "== stop"
for c in web worker asgi beat; do
    start=$SECONDS
    podman stop -t 30 "$run_id-$c" >/dev/null 2>&1
    took=$((SECONDS - start))
    code="$(podman inspect --format '{{.State.ExitCode}}' "$run_id-$c")"
    # Killed after the 30s timeout would be 137; a server that handles SIGTERM exits in seconds.
    check "$c: stopped by SIGTERM in ${took}s, exit code $code" test "$took" -lt 20 -a "$code" != 137
done
check "worker: warm shutdown logged" grep -qi "warm shutdown" <(podman logs "$run_id-worker" 2>&1)

# ---- what is (not) inside ---------------------------------------------------------------------
echo "== image contents"
user="$(podman run --rm --entrypoint id "$APP_IMAGE" -un)"
check "runs as non-root user '$user'" test "$user" = app
tools="$(podman run --rm --entrypoint sh "$APP_IMAGE" -c 'for t in gcc cc make uv npm node pip3; do command -v $t >/dev/null && printf "%s " $t; done; true')"
check "no build tools (gcc cc make uv npm node pip3) in the runtime${tools:+: found $tools}" test -z "$tools"
envs="$(podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$APP_IMAGE")"
check "no secrets in the image config" test -z "$(grep -E '^(SECRET_KEY|DATABASE_URL|CELERY_BROKER_URL|VALKEY_URL)=' <<<"$envs")"
check "build-time CA secret not left in the image" test -z "$(podman run --rm --entrypoint sh "$APP_IMAGE" -c 'ls /run/secrets/ca 2>/dev/null')"

echo "image-test: $passed passed, $failed failed"
[ "$failed" = 0 ]
