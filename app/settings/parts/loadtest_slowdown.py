"""Dev and test only: the deliberately slowed or heavier endpoint (core/loadtest_slowdown.py)."""

from typing import Any


def loadtest_slowdown_settings(env: Any, middleware: list[str]) -> dict[str, Any]:
    return {
        "LOADTEST_SLOW_MS": env.int("LOADTEST_SLOW_MS", default=0),
        "LOADTEST_BURN_LOOPS": env.int("LOADTEST_BURN_LOOPS", default=0),
        "LOADTEST_SLOW_PATH": env.str("LOADTEST_SLOW_PATH", default="/healthz"),
        "MIDDLEWARE": [*middleware, "app.core.loadtest_slowdown.LoadtestSlowdownMiddleware"],
    }
