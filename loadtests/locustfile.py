"""QuickScale's load test: the suites a profile names, paced, checked against budgets.toml.

Normally started by `just loadtest` (loadtests/tool/cli.py), which sets:
  LOADTEST_BUDGETS, LOADTEST_PROFILE   the budgets file and profile
  LOADTEST_OUT                         where results.json goes
  LOADTEST_HOST                        the target (to probe whether search exists there)
  LOADTEST_ACCOUNTS, LOADTEST_PASSWORD the seeded accounts (manage.py seed_loadtest)
  LOADTEST_ANCHOR=1                    measure the anchor instead: as many users, the same pace
What was measured is written on quitting (results.json); the runner judges it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from locust import events

from loadtests.suites import anchor, api, cache, login, probe, search, static
from loadtests.suites.names import SEARCH
from loadtests.suites.pacing import poisson_throughput
from loadtests.tool import budgets, listeners
from loadtests.tool.probe import search_missing

# Modules, not classes, in this namespace: Locust runs every User class it finds here.
CLASSES = {
    "search": search.SearchUser,
    "cache": cache.CacheUser,
    "api": api.ApiUser,
    "static": static.StaticUser,
    "login": login.LoginUser,
    "probe": probe.ProbeUser,
    "anchor": anchor.AnchorUser,
}

PROFILE = budgets.load(
    Path(os.environ.get("LOADTEST_BUDGETS", Path(__file__).with_name("budgets.toml"))),
    os.environ.get("LOADTEST_PROFILE", "regression"),
)
SKIPPED: dict[str, str] = {}
ANCHOR = os.environ.get("LOADTEST_ANCHOR") == "1"
# suite -> (its rate, its users): the anchor run sends the profile's whole pace, from as many
# simulated users as the profile has, to the one anchor view.
PLAN = {s: (rate, PROFILE.users(s)) for s, rate in PROFILE.suites.items()}
if ANCHOR:
    PLAN = {"anchor": (PROFILE.rps, sum(users for _, users in PLAN.values()))}
elif "search" in PROFILE.suites and os.environ.get("LOADTEST_HOST"):
    reason = search_missing(os.environ["LOADTEST_HOST"])
    if reason:
        SKIPPED = dict.fromkeys(SEARCH, reason)

for suite, (rate, users) in PLAN.items():
    if suite == "search" and SKIPPED:
        continue
    # A subclass per run, so pacing is set here and not in the suite's module.
    globals()[f"{suite.capitalize()}Paced"] = type(
        f"{suite.capitalize()}Paced",
        (CLASSES[suite],),
        {
            "fixed_count": users,
            "wait_time": poisson_throughput(rate / users),
            "__module__": __name__,
        },
    )

listeners.install(
    events,
    "anchor" if ANCHOR else PROFILE.name,
    PROFILE.rps,
    SKIPPED,
    Path(os.environ.get("LOADTEST_OUT", ".")),
)
