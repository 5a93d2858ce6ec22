#!/usr/bin/env bash
# The commands that process-compose.yaml runs, one subcommand each, so the YAML stays a plain
# list of processes and every command can be run (and tested) without process-compose.
# State and ports are those of just/services.sh (.var/services/, QS_PG_PORT, QS_VALKEY_PORT,
# QS_AMQP_PORT, node qs-rabbit@localhost), so `just services-status`/`services-down` see them.
# Usage: nix/process.sh pg-init|postgres|pg-setup|valkey|rabbitmq|rabbitmq-stop|ready NAME|wait|urls
set -euo pipefail
cd "$(dirname "$0")/.."

STATE="${QS_STATE_DIR:-$PWD/.var/services}"
PG_PORT="${QS_PG_PORT:-5432}"
VALKEY_PORT="${QS_VALKEY_PORT:-6379}"
AMQP_PORT="${QS_AMQP_PORT:-5672}"
RABBIT_NODE="${QS_RABBIT_NODENAME:-qs-rabbit@localhost}"
DB=quickscale

die() { echo "process.sh: $*" >&2; exit 1; }

pg_bin() { # PostgreSQL's bin dir (with pg_config beside postgres): PATH first, else Debian's
    local p d
    if p="$(command -v postgres)"; then
        # nix's postgresql.withPackages keeps postgres beside its own pg_config: do not resolve
        # links there; /usr/local/bin/postgres -> /usr/lib/postgresql/15/bin/postgres: do.
        for d in "$(dirname "$p")" "$(dirname "$(readlink -f "$p")")"; do
            [ -x "$d/pg_config" ] && { echo "$d"; return; }
        done
    fi
    d="$(printf "%s\n" /usr/lib/postgresql/*/bin | grep -v "\*" | sort -V | tail -n1)"
    [ -n "$d" ] || die "PostgreSQL (postgres, initdb, pg_config) is not on PATH; use nix develop"
    echo "$d"
}
# pg_search is required in the nix shell (QS_PG_SEARCH=1); elsewhere used when installed.
want_search() {
    [ "${QS_PG_SEARCH:-}" = 1 ] && return 0
    local lib; lib="$("$(pg_bin)/pg_config" --pkglibdir 2>/dev/null)" || return 1
    [ -f "$lib/pg_search.so" ] || [ -f "$lib/pg_search.dylib" ]
}
valkey_server() { command -v valkey-server || command -v redis-server || die "valkey-server is not on PATH"; }
valkey_cli() { command -v valkey-cli || command -v redis-cli || die "valkey-cli is not on PATH"; }
rabbit_env() {
    export RABBITMQ_MNESIA_BASE="$STATE/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$STATE/rabbitmq/log" \
        RABBITMQ_NODENAME="$RABBIT_NODE" RABBITMQ_NODE_PORT="$AMQP_PORT" \
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_DIST_PORT=$((AMQP_PORT + 20000)) \
        RABBITMQ_PID_FILE="$STATE/rabbitmq/pid" HOME="$STATE/rabbitmq" # HOME: its Erlang cookie
    # Our own (empty) config files: a system-wide /etc/rabbitmq/rabbitmq.conf may pin listeners
    # to 5672 and its env file a node name, which would override the variables above.
    export RABBITMQ_CONFIG_FILE="$STATE/rabbitmq/rabbitmq.conf" \
        RABBITMQ_CONF_ENV_FILE="$STATE/rabbitmq/rabbitmq-env.conf" \
        RABBITMQ_ENABLED_PLUGINS_FILE="$STATE/rabbitmq/enabled_plugins"
    mkdir -p "$STATE/rabbitmq"
    touch "$RABBITMQ_CONFIG_FILE" "$RABBITMQ_CONF_ENV_FILE"
}

case "${1:-}" in
    pg-init) # one-shot: a cluster with trust auth for the local user postgres
        mkdir -p "$STATE"
        if [ -f "$STATE/pg/PG_VERSION" ]; then echo "postgres: cluster exists"; exit 0; fi
        "$(pg_bin)/initdb" -D "$STATE/pg" -U postgres --auth=trust >"$STATE/initdb.log" 2>&1 \
            || { cat "$STATE/initdb.log" >&2; die "initdb failed"; }
        echo "postgres: cluster created in $STATE/pg" ;;
    postgres) # foreground server, socket in the state dir, TCP on 127.0.0.1 only
        preload=()
        if want_search; then preload=(-c shared_preload_libraries=pg_search); fi
        exec "$(pg_bin)/postgres" -D "$STATE/pg" -p "$PG_PORT" -k "$STATE" \
            -c listen_addresses=127.0.0.1 "${preload[@]}" ;;
    pg-setup) # one-shot once postgres is ready: the app's database and the search extension
        bin="$(pg_bin)"
        psql=("$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
        "${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
            || "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$DB"
        if want_search; then
            # CASCADE: newer pg_search releases also need pgvector
            "${psql[@]}" -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_search CASCADE"
            echo "postgres: database $DB ready, pg_search $("${psql[@]}" -d "$DB" -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_search'")"
        else
            echo "postgres: database $DB ready (pg_search not installed: search uses plain PostgreSQL)"
        fi ;;
    valkey) # foreground; the pid file lets just/services.sh see and stop it
        mkdir -p "$STATE"
        exec "$(valkey_server)" --bind 127.0.0.1 --port "$VALKEY_PORT" --dir "$STATE" \
            --daemonize no --pidfile "$STATE/valkey.pid" --save "" --appendonly no ;;
    rabbitmq)
        rabbit_env
        exec rabbitmq-server ;;
    rabbitmq-stop)
        rabbit_env
        exec rabbitmqctl -n "$RABBIT_NODE" stop ;;
    ready) # readiness probes: exit 0 when the service answers
        case "${2:-}" in
            postgres) "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" ;;
            valkey) [ "$("$(valkey_cli)" -h 127.0.0.1 -p "$VALKEY_PORT" ping 2>/dev/null)" = PONG ] ;;
            rabbitmq) rabbit_env; rabbitmq-diagnostics -n "$RABBIT_NODE" -q check_port_connectivity >/dev/null 2>&1 ;;
            *) die "ready: unknown service '${2:-}' (postgres, valkey, rabbitmq)" ;;
        esac ;;
    wait) # until every service answers and pg-setup has run (QS_WAIT_SECONDS, default 120)
        deadline=$((SECONDS + ${QS_WAIT_SECONDS:-120}))
        ext=""; if want_search; then ext="pg_search"; fi
        while :; do
            waiting=()
            for s in postgres valkey rabbitmq; do "$0" ready "$s" || waiting+=("$s"); done
            if [ ${#waiting[@]} = 0 ]; then
                # pg-setup's work: the database exists (with the extension when wanted)
                found="$("$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -qAt \
                    -c "SELECT count(*) FROM pg_extension WHERE extname = '${ext:-plpgsql}'" 2>/dev/null || true)"
                [ "$found" = 1 ] && exit 0
                waiting=("postgres-setup (database $DB${ext:+ with $ext})")
            fi
            [ "$SECONDS" -lt "$deadline" ] || die "not ready after ${QS_WAIT_SECONDS:-120}s: ${waiting[*]}"
            sleep 1
        done ;;
    urls)
        echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/$DB"
        echo "export VALKEY_URL=redis://127.0.0.1:$VALKEY_PORT/0"
        echo "export CELERY_BROKER_URL=amqp://guest:guest@127.0.0.1:$AMQP_PORT//" ;;
    *) die "usage: nix/process.sh pg-init|postgres|pg-setup|valkey|rabbitmq|rabbitmq-stop|ready NAME|wait|urls" ;;
esac
