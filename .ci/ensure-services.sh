#!/usr/bin/env bash
# The CI machine starts PostgreSQL, Redis and RabbitMQ before a run; start any that stopped,
# with the same commands the machine uses, and fail naming the one that does not come up.
set -uo pipefail
up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_up() { for _ in $(seq 60); do up "$1" && return 0; sleep 1; done; echo "$2 is not answering on port $1" >&2; exit 1; }

up 5432 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
up 6379 || redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
  --dir /var/lib/redis --logfile /var/log/redis/ci.log
up 5672 || rabbitmq-server -detached
wait_up 5432 PostgreSQL; wait_up 6379 Redis; wait_up 5672 RabbitMQ
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='quickscale'" | grep -q 1 \
  || createdb -h 127.0.0.1 -U postgres quickscale
echo "PostgreSQL, Redis and RabbitMQ are up"
