"""A real `watchfloor serve` over HTTP on loopback, and the concurrent-readers benchmark in short."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import httpx
import pytest

BENCHMARK = Path(__file__).resolve().parent.parent.parent / "benchmarks" / "web.py"
_spec = importlib.util.spec_from_file_location("web_benchmark", BENCHMARK)
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)  # benchmarks/web.py: tests/web is a package named web too
_spec.loader.exec_module(bench)


@pytest.fixture
def server(samples_path, tmp_path, monkeypatch):
    """`watchfloor serve` on the samples ledger: (base URL, token file, startup line)."""
    monkeypatch.delenv("WATCHFLOOR_TOKEN", raising=False)
    port = bench.free_port()
    process = bench.start_server(str(samples_path), port, str(tmp_path))
    try:
        assert process.stderr is not None
        startup = process.stderr.readline().decode()
        yield f"http://127.0.0.1:{port}", tmp_path / "watchfloor" / "token", startup
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_answers_the_issues_checks_over_http(server) -> None:
    base, token_file, startup = server
    assert str(token_file) in startup and "reads open" in startup
    with httpx.Client(base_url=base, timeout=30) as client:
        assert "/api/claims" in client.get("/openapi.json").json()["paths"]
        claims = client.get("/api/claims", params={"actor": "PRK"}).json()["items"]
        assert claims and all(claim["document_id"].startswith("sha256:") for claim in claims)
        tracks = client.get("/api/tracks").json()["items"]
        assert client.get(f"/api/track/{tracks[0]['track']}").json()["entries"]
        assert {event["type"] for event in client.get("/api/events", params={"type": "AID"}).json()["items"]} == {"AID"}
        assert client.get("/api/export.geojson").json()["type"] == "FeatureCollection"
        assert client.get("/").status_code == 200
        assert client.post("/api/ingest", content=b"{}").status_code == 401
        assert os.stat(token_file).st_mode & 0o077 == 0
        bad = client.post(
            "/api/ingest", content=b"{}", headers={"Authorization": f"Bearer {token_file.read_text().strip()}"}
        )
        assert bad.status_code == 200 and bad.json()["counts"] == {"skipped": 1}


def test_ten_readers_for_three_seconds_get_no_errors(server) -> None:
    base, _token_file, _startup = server
    results, errors, elapsed = bench.run(base, readers=10, seconds=3)
    assert elapsed >= 3 and all(results.values()), {k: len(v) for k, v in results.items()}
    assert sum(errors.values()) == 0, errors
    assert bench.report(results, errors, elapsed, 10) == 0
