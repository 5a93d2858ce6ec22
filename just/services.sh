#!/usr/bin/env bash
# Start/stop the full stack's services from binaries on PATH; state lives in .var/services/.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE="$PWD/.var/services"
PG_PORT="${QS_PG_PORT:-5432}"; VALKEY_PORT="${QS_VALKEY_PORT:-6379}"; AMQP_PORT="${QS_AMQP_PORT:-5672}"

die() { echo "services: $*" >&2; exit 1; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_bin() {
  if command -v pg_ctl >/dev/null; then dirname "$(command -v pg_ctl)"; return; fi
  local d; d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$d" ] || die "PostgreSQL binaries (pg_ctl, initdb) not found on PATH; install PostgreSQL or use nix develop"
  echo "$d"
}
# Debian's /usr/sbin/rabbitmq-server switches to the rabbitmq user, who cannot write our state
# folder; its real scripts in /usr/lib/rabbitmq/bin run as whoever calls them.
rabbit_bin() {
  if [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then echo /usr/lib/rabbitmq/bin; return; fi
  command -v rabbitmq-server >/dev/null || die "rabbitmq-server is not on PATH"
  dirname "$(command -v rabbitmq-server)"
}

# PostgreSQL refuses to run as root (CI machines, containers): run it as the postgres user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user to own the database"
    chown -R postgres "$STATE/pg" "$STATE/pg.log" 2>/dev/null || true
    runuser -u postgres -- "$@"
  else "$@"; fi
}
valkey_bin() {
  command -v valkey-server || command -v redis-server || die "neither valkey-server nor redis-server is on PATH"
}

up() {
  mkdir -p "$STATE"
  local bin; bin=$(pg_bin)
  if [ ! -f "$STATE/pg/PG_VERSION" ]; then
    mkdir -p "$STATE/pg"; touch "$STATE/pg.log"
    [ "$(id -u)" = 0 ] && chmod o+x "$STATE" "$STATE/.." 2>/dev/null
    as_pg "$bin/initdb" -D "$STATE/pg" -U postgres --auth=trust >/dev/null
  fi
  if as_pg "$bin/pg_ctl" -D "$STATE/pg" status >/dev/null 2>&1; then echo "postgres: already running"
  else
    port_busy "$PG_PORT" && die "port $PG_PORT is in use (another PostgreSQL?); set QS_PG_PORT"
    # pg_search is preloaded when the extension is installed (the nix shell has it).
    local preload=""; [ -f "$("$bin/pg_config" --pkglibdir 2>/dev/null)/pg_search.so" ] && preload="-c shared_preload_libraries=pg_search"
    as_pg "$bin/pg_ctl" -D "$STATE/pg" -l "$STATE/pg.log" -w \
      -o "-p $PG_PORT -k $STATE/pg -c listen_addresses=127.0.0.1 $preload" start >/dev/null
    echo "postgres: started on $PG_PORT"
  fi
  local psql="$bin/psql"; [ -x "$psql" ] || psql=psql
  "$psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='quickscale'" | grep -q 1 \
    || "$psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE quickscale"

  if [ -f "$STATE/valkey.pid" ] && kill -0 "$(cat "$STATE/valkey.pid")" 2>/dev/null; then echo "valkey: already running"
  else
    port_busy "$VALKEY_PORT" && die "port $VALKEY_PORT is in use (another Redis/Valkey?); set QS_VALKEY_PORT"
    "$(valkey_bin)" --bind 127.0.0.1 --port "$VALKEY_PORT" --dir "$STATE" --daemonize yes \
      --pidfile "$STATE/valkey.pid" --logfile "$STATE/valkey.log" --save "" --appendonly no
    echo "valkey: started on $VALKEY_PORT"
  fi

  local rmq; rmq=$(rabbit_bin)
  export RABBITMQ_MNESIA_BASE="$STATE/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$STATE/rabbitmq/log" \
    RABBITMQ_NODENAME="qs-rabbit@localhost" RABBITMQ_NODE_PORT="$AMQP_PORT" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_DIST_PORT=$((AMQP_PORT + 20000)) \
    RABBITMQ_PID_FILE="$STATE/rabbitmq/pid" HOME="$STATE/rabbitmq" \
    RABBITMQ_CONFIG_FILE="$STATE/rabbitmq/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$STATE/rabbitmq/enabled_plugins"
  mkdir -p "$STATE/rabbitmq"
  # Our own config and plugin list, so a system-wide /etc/rabbitmq cannot move our ports.
  printf 'listeners.tcp.default = 127.0.0.1:%s\n' "$AMQP_PORT" > "$RABBITMQ_CONFIG_FILE"
  echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  if "$rmq/rabbitmqctl" -n "$RABBITMQ_NODENAME" status >/dev/null 2>&1; then echo "rabbitmq: already running"
  else
    port_busy "$AMQP_PORT" && die "port $AMQP_PORT is in use (another RabbitMQ?); set QS_AMQP_PORT"
    "$rmq/rabbitmq-server" -detached
    "$rmq/rabbitmqctl" -n "$RABBITMQ_NODENAME" wait --timeout 60 "$RABBITMQ_PID_FILE" >/dev/null
    echo "rabbitmq: started on $AMQP_PORT"
  fi
  cat <<URLS
export DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/quickscale
export VALKEY_URL=redis://127.0.0.1:$VALKEY_PORT/0
export CELERY_BROKER_URL=amqp://guest:guest@127.0.0.1:$AMQP_PORT//
URLS
}

down() {
  local bin; bin=$(pg_bin)
  [ -d "$STATE/pg" ] && as_pg "$bin/pg_ctl" -D "$STATE/pg" -m fast stop >/dev/null 2>&1 && echo "postgres: stopped" || true
  if [ -f "$STATE/valkey.pid" ]; then kill "$(cat "$STATE/valkey.pid")" 2>/dev/null && echo "valkey: stopped" || true; rm -f "$STATE/valkey.pid"; fi
  HOME="$STATE/rabbitmq" "$(rabbit_bin)/rabbitmqctl" -n qs-rabbit@localhost stop >/dev/null 2>&1 && echo "rabbitmq: stopped" || true
}

status() {
  local bin; bin=$(pg_bin)
  as_pg "$bin/pg_ctl" -D "$STATE/pg" status >/dev/null 2>&1 && echo "postgres: running" || echo "postgres: stopped"
  [ -f "$STATE/valkey.pid" ] && kill -0 "$(cat "$STATE/valkey.pid")" 2>/dev/null && echo "valkey: running" || echo "valkey: stopped"
  HOME="$STATE/rabbitmq" "$(rabbit_bin)/rabbitmqctl" -n qs-rabbit@localhost status >/dev/null 2>&1 && echo "rabbitmq: running" || echo "rabbitmq: stopped"
}

case "${1:-}" in
  up) up ;; down) down ;; status) status ;;
  *) die "usage: services.sh up|down|status" ;;
esac
