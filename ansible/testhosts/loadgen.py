#!/usr/bin/env python3
"""A steady, bounded stream of HTTPS GETs through the proxy; counts every failure.

loadgen.py --url https://10.89.61.10/ --host quickscale.test --cacert CRT --stop-file F
Runs until the stop file appears or --max-seconds pass; prints one JSON line.
A request counts as lost if it errors, times out or answers anything but 200.
"""

import argparse
import http.client
import json
import os
import ssl
import threading
import time
import urllib.parse
from collections import Counter


def worker(args, ctx, stats, lock, deadline):
    u = urllib.parse.urlsplit(args.url)
    while time.monotonic() < deadline and not os.path.exists(args.stop_file):
        started = time.monotonic()
        outcome = "ok"
        try:
            conn = http.client.HTTPSConnection(u.hostname, u.port or 443, timeout=10, context=ctx)
            conn.request("GET", u.path or "/", headers={"Host": args.host})
            resp = conn.getresponse()
            resp.read()
            conn.close()
            if resp.status != 200:
                outcome = f"http_{resp.status}"
        except Exception as exc:  # any failure is a lost request
            outcome = type(exc).__name__
        with lock:
            stats[outcome] += 1
            if outcome != "ok" and len(stats["_first_failures"]) < 10:
                stats["_first_failures"].append([round(time.time(), 3), outcome])
        pause = args.interval - (time.monotonic() - started)
        if pause > 0:
            time.sleep(pause)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--host", required=True)
    p.add_argument("--cacert", required=True)
    p.add_argument("--stop-file", required=True)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument(
        "--interval", type=float, default=0.05, help="seconds between requests per thread"
    )
    p.add_argument("--max-seconds", type=float, default=900)
    args = p.parse_args()
    ctx = ssl.create_default_context(cafile=args.cacert)
    stats: Counter = Counter()
    stats["_first_failures"] = []  # type: ignore[assignment]
    lock = threading.Lock()
    deadline = time.monotonic() + args.max_seconds
    t0 = time.monotonic()
    threads = [
        threading.Thread(target=worker, args=(args, ctx, stats, lock, deadline))
        for _ in range(args.concurrency)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    failures = {k: v for k, v in stats.items() if k not in ("ok", "_first_failures")}
    print(
        json.dumps(
            {
                "seconds": round(time.monotonic() - t0, 1),
                "requests": stats["ok"] + sum(failures.values()),
                "ok": stats["ok"],
                "lost": sum(failures.values()),
                "failures": failures,
                "first_failures": stats["_first_failures"],
            }
        )
    )


if __name__ == "__main__":
    main()
