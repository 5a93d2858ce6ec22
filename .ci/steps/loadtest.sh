#!/usr/bin/env bash
# CI: the load test's smoke profile (~30 s measured) against this machine's real services
# (PostgreSQL, Valkey/Redis, RabbitMQ), on the production-like stack `just loadtest` starts.
# Fails when a budget breaks (exit 1, the broken budgets named), on bad input (exit 2) or when
# the run itself fails (exit 3).
# Uses a database (qs_loadtest), cache db (14) and vhost of its own; under 3 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)

# The Quick start's pinned uv (installed by it on first use).
UV=$(python3 -c 'import quickstart; print(quickstart.uv())' | tail -1)
export UV_PROJECT_ENVIRONMENT="$PWD/.venv"
"$UV" sync --frozen --quiet --group loadtest

# The same services CI's suite used, with the load test's own database and cache db.
server() { sed -E 's#^([a-z]+://[^/]+).*#\1#' <<<"$1"; }
pg=$(server "${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/quickscale}")
valkey=$(server "${VALKEY_URL:-redis://127.0.0.1:6379/15}")
export LOADTEST_DATABASE_URL="${LOADTEST_DATABASE_URL:-$pg/qs_loadtest}"
export LOADTEST_VALKEY_URL="${LOADTEST_VALKEY_URL:-$valkey/14}"
export LOADTEST_BROKER_URL="${LOADTEST_BROKER_URL:-$(server "${CELERY_BROKER_URL:-amqp://guest:guest@127.0.0.1:5672//}")}"

status=0
"$UV" run --frozen python -m loadtests.tool.cli smoke --out .ci-artifacts/loadtest-smoke || status=$?
echo "loadtest smoke: exit $status after $(( $(date +%s) - started )) s;" \
  "report in .ci-artifacts/loadtest-smoke/"
# Every non-zero exit fails CI: 1 a budget broke (named in the table above), 2 bad input,
# 3 the run itself failed. Smoke checks the budgets in loadtests/budgets.toml (the shared ones,
# and an override under [profiles.smoke.budgets] where one has under 2x room in smoke runs).
exit "$status"
