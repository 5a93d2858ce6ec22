#!/usr/bin/env bash
# CI: the instruction-count gate (loadtests/instructions/README.md). Counts the CPU instructions
# one request of each hot path costs, in-process under valgrind's callgrind, and checks them
# against loadtests/instructions/budgets.toml: a count that repeats to within ~1 % on any
# machine, busy or quiet. The gate pins its own embedded backends (SQLite in a temporary file,
# local-memory cache, eager Celery), whatever service URLs this step's environment carries.
# Exit 1: a path grew past its budget (named in the table); 2: bad input or valgrind missing;
# 3: the count itself failed. About a minute of CPU on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)

# The Quick start's pinned uv (installed by it on first use).
UV=$(python3 -c 'import quickstart; print(quickstart.uv())' | tail -1)
export UV_PROJECT_ENVIRONMENT="$PWD/.venv"

status=0
"$UV" run --frozen python -m loadtests.instructions --out .ci-artifacts/instructions || status=$?
echo "instructions: exit $status after $(( $(date +%s) - started )) s (load average:" \
  "$(cut -d' ' -f1-3 /proc/loadavg)); callgrind dumps in .ci-artifacts/instructions/"
exit "$status"
