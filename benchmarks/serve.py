#!/usr/bin/env python3
"""How long `factlint serve` takes to re-check an article as an editor types.

Usage: python benchmarks/serve.py [--corpus DIR] [--words 1500] [--runs 30]

Starts `factlint serve` as a user would, then for each clean-corpus article of about --words
words (+/- 20%; read in place from $FACTLINT_CORPORA or ../shared/corpora, never copied) posts
the text to /api/check --runs times, a word longer each time as typing makes it. Prints the
server's own time for a check (the page shows it) and the round trip over HTTP: median and 90th
percentile. A measurement, not a test: the machine's load moves it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpora(given: str | None) -> list[Path]:
    if given:
        return [Path(given)]
    base = Path(os.environ.get("FACTLINT_CORPORA") or ROOT.parent / "shared" / "corpora")
    return sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus")
    ap.add_argument("--words", type=int, default=1500)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    articles = []
    for folder in corpora(args.corpus):
        for f in sorted(folder.glob("*.txt")):
            text = f.read_text(encoding="utf-8")
            n = len(text.split())
            if abs(n - args.words) <= args.words * 0.2:
                articles.append((f, text, n))
    if not articles:
        print("no article of about that length found; give --corpus", file=sys.stderr)
        return 2
    server = subprocess.Popen([sys.executable, "-m", "factlint", "serve", "--port", "0", str(ROOT)],
                              stdout=subprocess.PIPE, text=True)
    try:
        url = re.search(r"http://\S+/", server.stdout.readline()).group(0)
        print(f"factlint serve at {url}; {args.runs} checks per article, each a word longer\n")
        print(f"{'article':<60} {'words':>6} {'server ms (median / p90)':>26} {'round trip ms':>16}")
        all_server, all_trip = [], []
        host, port = url.split("//")[1].rstrip("/").split(":")
        # http.client sends headers and a bytes body in one write, as browsers do; a client
        # that writes them apart waits on delayed ACKs (about 40 ms) that are not the server's
        client = http.client.HTTPConnection(host, int(port), timeout=60)
        try:
            for f, text, n in articles:
                server_ms, trip_ms = [], []
                for k in range(args.runs + 2):
                    body = json.dumps({"text": text + " word" * k, "filename": f.name}).encode("utf-8")
                    t = time.perf_counter()
                    client.request("POST", "/api/check", body, {"Content-Type": "application/json"})
                    answer = json.loads(client.getresponse().read())
                    if k >= 2:  # the first two warm the connection and the caches
                        trip_ms.append((time.perf_counter() - t) * 1000)
                        server_ms.append(answer["elapsed_ms"])
                all_server += server_ms
                all_trip += trip_ms
                name = f"{f.parent.name}/{f.name}"[:60]
                print(f"{name:<60} {n:>6} {statistics.median(server_ms):>12.1f} / {pct(server_ms, 0.9):<11.1f}"
                      f" {statistics.median(trip_ms):>8.1f} / {pct(trip_ms, 0.9):.1f}")
        finally:
            client.close()
        print(f"\nall: server {statistics.median(all_server):.1f} ms median, {pct(all_server, 0.9):.1f} ms p90;"
              f" round trip {statistics.median(all_trip):.1f} ms median; load average {os.getloadavg()[0]:.1f}"
              f" on {os.cpu_count()} cores")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
