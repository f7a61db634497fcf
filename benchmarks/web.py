"""Concurrent readers against a real `watchfloor serve` on loopback: requests, errors, p50/p95 per endpoint.

    python benchmarks/web.py [--readers 50] [--seconds 30] [--db PATH]

Without --db, ingests the bundled samples into a temporary SQLite ledger first. Starts `watchfloor serve` as a
subprocess on a free loopback port, then runs --readers threads, each with its own httpx client, looping over
the read endpoints for --seconds (each loop bounded by the deadline), and prints one line per endpoint (its
p95 also over that of /api/health, the baseline measured in the same run) and a total. Exit code 1 when any
request failed (a non-2xx answer or a connection error).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "/api/health"  # the cheapest answer (two counts): the server's own overhead under the same load
ENDPOINTS = [
    BASELINE,
    "/api/claims?actor=PRK",
    "/api/events?type=AID",
    "/api/tracks",
    "/api/documents",
    "/api/export.geojson",
    "/api/search?q=troops",
    "/openapi.json",
]
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: str, port: int, data_home: str) -> subprocess.Popen[bytes]:
    """`watchfloor serve` on loopback; returns once /api/health answers (or raises after a minute)."""
    import httpx

    env = {**os.environ, "XDG_DATA_HOME": data_home}
    command = [sys.executable, "-m", "watchfloor", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"serve exited: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("serve did not answer within a minute")


def read_loop(base: str, until: float, results: dict[str, list[float]], errors: dict[str, int], lock: threading.Lock):
    """One reader: the endpoints in turn until the deadline; latencies and errors into the shared tables."""
    import httpx

    with httpx.Client(base_url=base, timeout=30) as client:
        turn = 0
        while time.monotonic() < until:
            endpoint = ENDPOINTS[turn % len(ENDPOINTS)]
            turn += 1
            start = time.perf_counter()
            try:
                ok = client.get(endpoint).status_code == 200
            except httpx.HTTPError:
                ok = False
            elapsed = time.perf_counter() - start
            with lock:
                results[endpoint].append(elapsed)
                errors[endpoint] += 0 if ok else 1


def run(base: str, readers: int, seconds: float) -> tuple[dict[str, list[float]], dict[str, int], float]:
    results: dict[str, list[float]] = {endpoint: [] for endpoint in ENDPOINTS}
    errors = dict.fromkeys(ENDPOINTS, 0)
    lock = threading.Lock()
    start = time.monotonic()
    until = start + seconds
    threads = [threading.Thread(target=read_loop, args=(base, until, results, errors, lock)) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors, time.monotonic() - start


def percentile(values: list[float], share: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def report(results: dict[str, list[float]], errors: dict[str, int], elapsed: float, readers: int) -> int:
    """Print the table; returns the number of errors."""
    print(f"{readers} readers for {elapsed:.1f} s on loopback")
    print(f"{'endpoint':28} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p95/health':>10}")
    baseline = percentile(results[BASELINE], 0.95) or 1e-9
    for endpoint, times in results.items():
        p95 = percentile(times, 0.95)
        print(
            f"{endpoint:28} {len(times):8d} {errors[endpoint]:6d}"
            f" {percentile(times, 0.5) * 1000:8.1f} {p95 * 1000:8.1f} {p95 / baseline:10.2f}"
        )
    every = [t for times in results.values() for t in times]
    total_errors = sum(errors.values())
    print(
        f"{'all':28} {len(every):8d} {total_errors:6d} {percentile(every, 0.5) * 1000:8.1f}"
        f" {percentile(every, 0.95) * 1000:8.1f}   ({len(every) / elapsed:.0f} requests/s)"
    )
    return total_errors


def samples_ledger(folder: str) -> str:
    """The bundled samples ingested into a new SQLite ledger in ``folder``."""
    from watchfloor.config import Settings
    from watchfloor.pipeline import ingest_items
    from watchfloor.read import read_paths
    from watchfloor.store.ledger import Ledger

    settings = Settings()
    path = str(Path(folder) / "samples.sqlite")
    ledger = Ledger(path)
    items = read_paths([str(ROOT / "samples")], max_bytes=settings.max_bytes, max_chars=settings.max_chars)
    for _ in ingest_items(items, settings, ledger):
        pass
    ledger.engine.dispose()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--db", help="Ledger to serve (default: the samples, ingested into a temporary file).")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = options.db or samples_ledger(folder)
        port = free_port()
        server = start_server(db, port, folder)
        try:
            results, errors, elapsed = run(f"http://127.0.0.1:{port}", options.readers, options.seconds)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 1 if report(results, errors, elapsed, options.readers) else 0


if __name__ == "__main__":
    sys.exit(main())
