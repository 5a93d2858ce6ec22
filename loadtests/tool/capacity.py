"""The capacity profile: step the load on the cached JSON read up until a budget breaks; report
the highest RPS that held. wrk generates the load (Locust's generator tops out near the server's
capacity on 2 cores; perf.md), pinned to its own core, over a logged-in session."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import urllib.request
from pathlib import Path

from loadtests.tool import capacity_chart, history, history_chart
from loadtests.tool.api_token import access_token
from loadtests.tool.budgets import Profile
from loadtests.tool.locust_run import LoadSampler, generator_cpu
from loadtests.tool.session_cookie import login

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    if not m:
        raise ValueError(text)
    return float(m.group(1)) * _UNITS[m.group(2)]


def parse_wrk(output: str) -> dict[str, float]:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    pct = {f"p{p}": _ms(v) for p, v in re.findall(r"^\s+(\d+)%\s+(\S+)", output, re.M)}
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": rps,
        **pct,
        "non2xx": float(non2xx.group(1)) if non2xx else 0.0,
        "socket_errors": float(sum(map(int, errors.groups()))) if errors else 0.0,
    }


def wrk(url: str, credential: str, connections: int, seconds: float) -> dict[str, float]:
    """wrk on one URL; `credential` is the header that signs the requests in."""
    cmd = [
        *generator_cpu(),
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{int(seconds)}s",
        "--latency",
        "-H",
        credential,
        url,
    ]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60)
    if r.returncode != 0:
        raise RuntimeError(f"wrk failed: {r.stderr or r.stdout}")
    return parse_wrk(r.stdout)


def _step(url: str, credential: str, connections: int, seconds: float, p99_limit: float):
    m = wrk(url, credential, connections, seconds)
    held = m.get("p99", 1e9) <= p99_limit and m["non2xx"] == 0 and m["socket_errors"] == 0
    return {"connections": connections, **m, "held": held}


def _best(steps: list[dict]) -> float:
    return max((st["rps"] for st in steps if st["held"]), default=0.0)


def run(
    profile: Profile, host: str, anchor_url: str, out: Path, password: str, history_path: Path
) -> int:
    limit = profile.budgets.get(profile.step_request)
    p99_limit = limit.p99 if limit and limit.p99 else 100.0
    email = "loadtest-0@example.com"
    session = login(host, email, password)
    jar_url = f"{host}/api/v1/tasks/?page_size=1"
    req = urllib.request.Request(jar_url, headers={"Cookie": session})
    with urllib.request.urlopen(req) as r:
        task_id = json.load(r)["data"][0]["id"]
    url = f"{host}/api/v1/tasks/{task_id}"

    # As an API client calls it: a Bearer access token, checked by its signature alone. A
    # target that serves no token login (no JWT_PRIVATE_KEY) is measured with the session.
    def credential() -> str:
        token = access_token(host, email, password)  # a fresh one per step: they live 5 min
        return f"Authorization: Bearer {token}" if token else f"Cookie: {session}"

    first = credential()
    signed_in_by = "the session cookie" if first.startswith("Cookie") else "a Bearer access token"
    anchor = f"{anchor_url}/anchor" if anchor_url else ""
    print(
        f"==> Capacity: {profile.step_request} ({url}) signed in with {signed_in_by}; wrk -t1 "
        f"pinned, {profile.run_time:.0f} s per step; a step holds while p99 <= {p99_limit:g} ms "
        f"and every response is 2xx"
        + (f"; each step on the anchor ({anchor}) first" if anchor else ""),
        flush=True,
    )
    wrk(url, first, 4, max(2, profile.warmup))  # warm the cache and the connections
    if anchor:
        wrk(anchor, "X-Warmup: 1", 4, max(2, profile.warmup))
    steps: list[dict] = []
    anchor_steps: list[dict] = []
    with LoadSampler() as sampler:
        for c in profile.wrk_connections:
            # Side by side, step by step: whatever the machine does meanwhile, both see it.
            if anchor:
                anchor_steps.append(_step(anchor, "X-Anchor: 1", c, profile.run_time, p99_limit))
            steps.append(_step(url, credential(), c, profile.run_time, p99_limit))
            m, a = steps[-1], anchor_steps[-1] if anchor else None
            beside = (
                f"   anchor {a['rps']:6.0f} req/s p99 {a.get('p99', 0):5.1f} ms "
                f"({m['rps'] / a['rps'] if a['rps'] else 0:.0%})"
                if a
                else ""
            )
            print(
                f"    -c{c:<3} {m['rps']:8.0f} req/s  p50 {m.get('p50', 0):6.1f}  p90 "
                f"{m.get('p90', 0):6.1f}  p99 {m.get('p99', 0):6.1f} ms  "
                f"{'held' if m['held'] else 'BROKE'}{beside}",
                flush=True,
            )
            if not m["held"] and len(steps) >= 2:
                break  # (one step past a broken first one: the peak is still worth knowing)
    out.mkdir(parents=True, exist_ok=True)
    load = sampler.summary()
    best, anchor_best = _best(steps), _best(anchor_steps)
    ratio = round(best / anchor_best, 3) if anchor_best else None
    record = {
        "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "profile": profile.name,
        "target": host,
        "signed_in_by": signed_in_by,
        "loadavg": load,
        "steps": steps,
        "anchor_steps": anchor_steps,
        "capacity_rps": best,
        "anchor_capacity_rps": anchor_best,
        "ratios": {f"{profile.step_request} capacity/anchor": ratio} if ratio else {},
        # 1 = at the budget, as for the latency ratios (here the ratio must stay above it).
        "budget_use": (
            {f"{profile.step_request} capacity/anchor": round(profile.min_capacity_x / ratio, 3)}
            if ratio and profile.min_capacity_x
            else {}
        ),
        "requests": {},
        "noise": {},
        "total": {"rps": best},
    }
    (out / "capacity.json").write_text(json.dumps(record, indent=2))
    png = capacity_chart.draw(steps, anchor_steps, out / "capacity.png", profile, p99_limit)
    previous = history.append(history_path, record)
    trend = history_chart.draw(history_path, out / "history.png", profile.name)
    if previous:
        print(
            f"Previous capacity run ({previous['time']}, load average "
            f"{previous['loadavg']['mean']}): {previous.get('capacity_rps', 0):.0f} req/s"
            + (
                f", {previous['anchor_capacity_rps']:.0f} the anchor"
                if previous.get("anchor_capacity_rps")
                else ""
            )
        )
    peak = max(steps, key=lambda st: st["rps"])
    print(
        f"\nCapacity ({profile.step_request}): {best:.0f} req/s held "
        f"(p99 <= {p99_limit:g} ms); peak {peak['rps']:.0f} req/s at -c{peak['connections']} "
        f"(p99 {peak.get('p99', 0):.0f} ms); load average mean {load['mean']} max {load['max']}, "
        f"CPU pressure {load.get('cpu_pressure', -1)} %"
    )
    if anchor_best:
        print(
            f"Anchor: {anchor_best:.0f} req/s held; the kit holds {ratio:.0%} of it "
            f"(budget >= {profile.min_capacity_x:.0%})"
        )
    print(f"Charts: {png}, {trend}")
    broken = []
    if profile.min_capacity and best < profile.min_capacity:
        broken.append(f"capacity {best:.0f} < {profile.min_capacity:.0f} req/s (the ceiling)")
    if profile.min_capacity_x and (ratio or 0) < profile.min_capacity_x:
        broken.append(
            f"capacity {best:.0f} req/s is {ratio or 0:.0%} of the anchor's "
            f"{anchor_best:.0f} < {profile.min_capacity_x:.0%}"
        )
    if broken:
        print("loadtest: FAIL — " + "; ".join(broken))
        return 1
    print("loadtest: PASS — capacity held its budgets")
    return 0
