"""`just loadtest [profile] [target-url]`: run a profile, check its budgets, report.

With no target, starts the production-like stack on 127.0.0.1 (tool/stack.py), loads the corpus
to the profile's size, and stops what it started. Exit codes: 0 every budget held; 1 a budget
broke (named in the table); 2 bad input, found before any load is sent; 3 the run itself failed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

from loadtests.tool import (
    anchor_run,
    budgets,
    capacity,
    chart,
    gate,
    history,
    history_chart,
    locust_run,
    probe,
    report,
    stack,
)
from loadtests.tool.anchor_server import AnchorServer
from loadtests.tool.gate import Measured
from loadtests.tool.report import markdown

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "loadtests" / "results"


def fail(code: int, message: str) -> None:
    print(f"loadtest: {message}", file=sys.stderr, flush=True)
    sys.exit(code)


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="just loadtest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("profile", nargs="?", default="regression")
    p.add_argument(
        "target",
        nargs="?",
        default="",
        help="a running QuickScale (http://host:port); empty: start the stack here",
    )
    p.add_argument("--budgets", type=Path, default=ROOT / "loadtests" / "budgets.toml")
    p.add_argument("--out", type=Path, help="results folder (default loadtests/results/<run>)")
    p.add_argument("--history", type=Path, default=RESULTS / "history.jsonl")
    p.add_argument(
        "--sessions",
        type=Path,
        help="signed-in session keys (JSON) for a target, from `manage.py seed_loadtest "
        "--sessions-out N:FILE` run there; without it every simulated user signs in through "
        "the form, which allauth rate-limits per IP",
    )
    p.add_argument(
        "--anchor",
        default="",
        help="a running anchor (python -m loadtests.anchor serve) beside the target, to measure "
        "instead of starting one here",
    )
    p.add_argument(
        "--password",
        default=stack.PASSWORD,
        help="the seeded accounts' password (a target seeded with seed_loadtest)",
    )
    return p.parse_args(argv)


def check_target(target: str) -> str:
    parts = urllib.parse.urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        fail(2, f"target must be a URL like http://127.0.0.1:8000, not {target!r}")
    target = target.rstrip("/")
    why = probe.unreachable(target)
    if why:
        fail(2, f"{why}; no load was sent")
    return target


def git_commit() -> str:
    r = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return r.stdout.strip() or "?"


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    try:
        profile = budgets.load(args.budgets, args.profile)
    except budgets.BudgetError as exc:
        fail(2, str(exc))
    if profile.wrk_connections and not shutil.which("wrk"):
        fail(2, f"the {profile.name} profile needs wrk (apt-get install wrk); no load was sent")
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = args.out or RESULTS / f"{profile.name}-{stamp}"
    target = check_target(args.target) if args.target else ""
    anchor_url = check_target(args.anchor) if args.anchor else ""
    server: stack.Stack | None = None
    anchor: AnchorServer | None = None
    try:
        if not target:
            server = stack.Stack(log_dir=out / "logs")
            server.preflight()
        if profile.has_anchor and not anchor_url:
            # On the stack's own services when this run starts the stack.
            anchor = AnchorServer(
                out / "logs",
                server.database_url if server else "",
                server.valkey_url if server else "",
            )
            anchor.preflight()
            anchor_url = anchor.url
    except stack.StackError as exc:
        fail(2, f"{exc}; no load was sent")
    measured_anchor: anchor_run.AnchorResult | None = None
    try:
        if server:
            print(
                f"==> Stack: corpus {profile.accounts} users x {profile.tasks_per_user} "
                "tasks; Granian WSGI {} workers x {} threads on {}".format(
                    *stack.server_shape(), server.url
                ),
                flush=True,
            )
            out.mkdir(parents=True, exist_ok=True)
            sessions = out / "sessions.json"
            server.prepare(profile, sessions, locust_run.total_users(profile))
            server.start()
            host = server.url
        else:
            host, sessions = target, args.sessions
            if not sessions:
                print(
                    "note: no --sessions: every simulated user signs in through the form, "
                    "and allauth allows 30 logins a minute per IP; see loadtests/README.md",
                    flush=True,
                )
        if anchor:
            anchor.start()
        if profile.wrk_connections:
            return capacity.run(profile, host, anchor_url, out, args.password, args.history)
        if anchor_url:
            measured_anchor = anchor_run.measure(
                profile, args.budgets, anchor, anchor_url, out / "anchor"
            )
            print(measured_anchor.line(), flush=True)
        if anchor:
            anchor.stop()  # idle or not, the kit's window is the kit's alone
        rc, sampler = locust_run.run(
            profile,
            args.budgets,
            host,
            out,
            profile.accounts,
            args.password,
            sessions,
            server.cpu_seconds if server else None,
        )
    except stack.StackError as exc:
        fail(3, str(exc))
    finally:
        if anchor:
            anchor.stop()
        if server:
            server.stop()
    return finish(profile, out, args.history, target or "local stack", rc, sampler, measured_anchor)


def finish(
    profile: budgets.Profile,
    out: Path,
    history_path: Path,
    target: str,
    rc: int,
    sampler: locust_run.LoadSampler,
    anchor: anchor_run.AnchorResult | None,
) -> int:
    loadavg = sampler.summary()
    results_file = out / "results.json"
    if not results_file.exists():
        fail(3, f"Locust exited {rc} without results (see its output above)")
    results = json.loads(results_file.read_text())
    requests = {n: Measured(**m) for n, m in results["requests"].items()}
    total = Measured(**results["total"])
    checks = gate.evaluate(
        profile, requests, total, results["skipped"], anchor.measured if anchor else None
    )
    cpu_ms = locust_run.cpu_per_request(sampler, results)
    checks += gate.server_cpu_checks(profile, cpu_ms, anchor.cpu_ms_per_request if anchor else None)
    title = f"Budgets — profile {profile.name}, paced {profile.rps:g} req/s"
    if anchor:
        print("\n" + anchor.line())
    print("\n" + report.table(checks, title), flush=True)
    png = chart.draw(
        out / "stats_stats_history.csv", out / "latency.png", profile, results.get("warmup_end")
    )
    record = {
        "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "profile": profile.name,
        "target": target,
        "commit": git_commit(),
        "loadavg": loadavg,
        "passed": gate.passed(checks),
        "total": results["total"],
        "requests": results["requests"],
        "anchor": anchor.as_dict() if anchor else None,
        "ratios": {f"{c.name} {c.metric}": c.measured for c in checks if c.is_ratio},
        # Each ratio as a share of its budget (1 = at the limit): what history.png draws.
        "budget_use": {
            f"{c.name} {c.metric}": round(c.measured / c.limit, 3)
            for c in checks
            if c.is_ratio and c.limit and c.measured is not None
        },
        "noise": history.window_noise(out / "stats_stats_history.csv", results.get("warmup_end")),
        "failed": [f"{c.name} {c.metric}" for c in checks if c.status == "FAIL"],
        "server_cpu_ms_per_request": cpu_ms,
        "out": str(out),
    }
    (out / "checks.json").write_text(json.dumps([c.as_dict() for c in checks], indent=2))
    previous = history.append(history_path, record)
    trend = history_chart.draw(history_path, out / "history.png", profile.name)
    anchor_md = f"{anchor.line()}\n\n" if anchor else ""
    (out / "budgets.md").write_text(
        f"Profile {profile.name}, load average {loadavg['mean']} (max {loadavg['max']}, "
        f"{loadavg['cores']} cores, CPU pressure {loadavg.get('cpu_pressure', -1)} %)\n\n"
        f"{anchor_md}{markdown(checks)}\n"
    )
    print(
        f"\nLoad average during the run: mean {loadavg['mean']}, max {loadavg['max']} "
        f"(before {loadavg['before']}; {loadavg['cores']} cores; CPU pressure "
        f"{loadavg.get('cpu_pressure', -1)} %)"
    )
    if cpu_ms:
        versus = (
            f" = {cpu_ms / anchor.cpu_ms_per_request:.1f}x the anchor's "
            f"{anchor.cpu_ms_per_request:.3f} ms"
            if anchor and anchor.cpu_ms_per_request
            else ""
        )
        print(f"Server CPU per request (Granian, Celery, PostgreSQL backends): {cpu_ms} ms{versus}")
    if previous:
        lines, _ = history.compare(record, previous)
        print("\n".join(lines))
    else:
        print(f"No previous {profile.name} run against {target} in {history_path}.")
    print(
        f"Report: {out / 'report.html'}\nCharts: {png}, {trend}\nCSVs:   {out}/stats_*.csv\n"
        f"History: {history_path}"
    )
    if not record["passed"]:
        broken = ", ".join(record["failed"])
        print(f"loadtest: FAIL — budgets broken: {broken}", file=sys.stderr)
        return 1
    print("loadtest: PASS — every budget held")
    return 0


def entry() -> int:
    """Exit 1 is kept for a broken budget: anything unexpected exits 3."""
    try:
        return main()
    except KeyboardInterrupt:
        return 130
    except Exception:
        import traceback

        traceback.print_exc()
        print("loadtest: the run itself failed (exit 3)", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(entry())
