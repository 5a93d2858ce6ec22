# QuickScale's command surface. `just` comes with the project (PyPI package rust-just): after
# the first Quick start command it is .venv/bin/just (`source .venv/bin/activate` puts it on PATH).

set dotenv-load := false
set positional-arguments := true

export UV_PROJECT_ENVIRONMENT := justfile_directory() / ".venv"
# The Quick start's pinned uv (.tools/uv/uv) first: recipes need no uv on PATH, and every machine
# reads uv.lock with the same uv.
export PATH := justfile_directory() / ".tools" / "uv" + ":" + env("PATH")

import? 'just/services.just'
import? 'just/nix.just'
import? 'just/containers.just'
import? 'just/deploy.just'
import? 'just/search.just'
import? 'just/loadtest.just'
import? 'just/frontend.just'
import? 'just/bench.just'

# List the recipes.
default:
    @{{just_executable()}} --list

# The embedded default: set up what is missing and serve http://127.0.0.1:8000/.
up:
    python3 quickstart.py up

# The whole test suite (on the full stack when DATABASE_URL etc. are set).
test *args:
    python3 quickstart.py test "$@"

# Development: Vite (hot reload) beside Django under Granian ASGI (live updates), both reloading.
dev port=env("PORT", "8000"):
    @{{just_executable()}} dev-frontend {{port}}

# Production settings on plain HTTP at 127.0.0.1 (needs the full stack's URLs): Granian WSGI 2x2.
serve port=env("PORT", "8000") workers="2" threads="2":
    uv run --frozen python -m app.serving.local --port {{port}} --workers {{workers}} --threads {{threads}}

# Celery worker on all three queues (needs CELERY_BROKER_URL).
worker queues="default,interactive,reports":
    uv run --frozen celery -A app worker -Q {{queues}} --loglevel INFO

# Celery beat (the daily overdue digest); run exactly one.
beat:
    uv run --frozen celery -A app beat --loglevel INFO --schedule .var/celerybeat-schedule

# Apply migrations.
migrate:
    uv run --frozen python manage.py migrate --noinput

# Lint and type-check.
lint:
    uv run --frozen ruff check .
    uv run --frozen ruff format --check .
    uv run --frozen mypy app

# Format the code.
fmt:
    uv run --frozen ruff format .
    uv run --frozen ruff check --fix .

# Django's deployment checklist against production settings (needs the production env).
check-deploy:
    DJANGO_SETTINGS_MODULE=app.settings.production uv run --frozen python manage.py check --deploy --fail-level WARNING
