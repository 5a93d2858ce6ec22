"""The capacity profile: step the load on the cached JSON read up until a budget breaks; report
the highest RPS that held. wrk generates the load (Locust's generator tops out near the server's
capacity on 2 cores; perf.md), pinned to its own core, over a logged-in session."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path

from loadtests.tool import history
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


def run(profile: Profile, host: str, out: Path, password: str, history_path: Path) -> int:
    if not shutil.which("wrk"):
        print("loadtest: the capacity profile needs wrk (apt-get install wrk); no load was sent")
        return 2
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
    print(
        f"==> Capacity: {profile.step_request} ({url}) signed in with {signed_in_by}; wrk -t1 "
        f"pinned, {profile.run_time:.0f} s per step; a step holds while p99 <= {p99_limit:g} ms "
        f"and every response is 2xx",
        flush=True,
    )
    wrk(url, first, 4, max(2, profile.warmup))  # warm the cache and the connections
    steps, best = [], None
    with LoadSampler() as sampler:
        for c in profile.wrk_connections:
            m = wrk(url, credential(), c, profile.run_time)
            held = m.get("p99", 1e9) <= p99_limit and m["non2xx"] == 0 and m["socket_errors"] == 0
            steps.append({"connections": c, **m, "held": held})
            print(
                f"    -c{c:<3} {m['rps']:8.0f} req/s  p50 {m.get('p50', 0):6.1f}  p90 "
                f"{m.get('p90', 0):6.1f}  p99 {m.get('p99', 0):6.1f} ms  "
                f"{'held' if held else 'BROKE'}",
                flush=True,
            )
            if held and (best is None or m["rps"] > best["rps"]):
                best = steps[-1]
            if not held and len(steps) >= 2:
                break  # (one step past a broken first one: the peak is still worth knowing)
    out.mkdir(parents=True, exist_ok=True)
    load = sampler.summary()
    record = {
        "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "profile": profile.name,
        "target": host,
        "signed_in_by": signed_in_by,
        "loadavg": load,
        "steps": steps,
        "capacity_rps": best["rps"] if best else 0,
        "requests": {},
        "noise": {},
        "total": {"rps": best["rps"] if best else 0},
    }
    (out / "capacity.json").write_text(json.dumps(record, indent=2))
    previous = history.append(history_path, record)
    if previous:
        print(
            f"Previous capacity run ({previous['time']}, load average "
            f"{previous['loadavg']['mean']}): {previous.get('capacity_rps', 0):.0f} req/s"
        )
    peak = max(steps, key=lambda st: st["rps"])
    print(
        f"\nCapacity ({profile.step_request}): {record['capacity_rps']:.0f} req/s held "
        f"(p99 <= {p99_limit:g} ms); peak {peak['rps']:.0f} req/s at -c{peak['connections']} "
        f"(p99 {peak.get('p99', 0):.0f} ms); load average mean {load['mean']} max {load['max']}, "
        f"CPU pressure {load.get('cpu_pressure', -1)} %"
    )
    minimum = profile.min_capacity
    if minimum and record["capacity_rps"] < minimum:
        print(f"loadtest: FAIL — capacity {record['capacity_rps']:.0f} < {minimum:.0f} req/s")
        return 1
    print(f"loadtest: PASS — capacity >= {minimum:.0f} req/s" if minimum else "")
    return 0
