"""The web tests' ledgers: the samples ingested once per session into SQLite, and a fresh copy per test
that writes; apps over them with a token file in the test's folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from watchfloor.config import Settings
from watchfloor.pipeline import ingest_items
from watchfloor.read import read_paths
from watchfloor.store.ledger import Ledger

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"


def ingest_samples(url: str, settings: Settings) -> Ledger:
    """A ledger at ``url`` holding every bundled sample article."""
    ledger = Ledger(url)
    items = read_paths([str(SAMPLES)], max_bytes=settings.max_bytes, max_chars=settings.max_chars)
    outcomes = [getattr(result, "outcome", "skipped") for result in ingest_items(items, settings, ledger)]
    assert outcomes.count("added") >= 8, outcomes
    return ledger


@pytest.fixture(scope="session")
def samples_into():
    """ingest_samples(url, settings) -> Ledger, for tests that fill a ledger of their own."""
    return ingest_samples


@pytest.fixture(scope="session")
def samples_path(tmp_path_factory, nlp, settings: Settings) -> Path:
    path = tmp_path_factory.mktemp("web") / "samples.sqlite"
    ingest_samples(str(path), settings).engine.dispose()
    return path


@pytest.fixture
def fresh_path(samples_path: Path, tmp_path: Path) -> Path:
    """A copy of the samples ledger this test may write to (SQLite's backup API: WAL contents included)."""
    copy = tmp_path / "ledger.sqlite"
    with sqlite3.connect(samples_path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


@pytest.fixture
def token_env(monkeypatch, tmp_path: Path) -> Path:
    """No WATCHFLOOR_TOKEN; the token file lives in this test's folder."""
    monkeypatch.delenv("WATCHFLOOR_TOKEN", raising=False)
    return tmp_path / "token"


@pytest.fixture
def client(samples_path: Path, token_env: Path) -> TestClient:
    """A read-only client on the samples ledger, served on loopback."""
    from watchfloor.web.app import create_app

    return TestClient(create_app(str(samples_path), token_file=token_env))


@pytest.fixture
def writer(fresh_path: Path, token_env: Path) -> TestClient:
    """A client on a copy of the samples ledger; ``writer.token`` is the app's token."""
    from watchfloor.web.app import create_app

    app = create_app(str(fresh_path), token_file=token_env)
    test_client = TestClient(app)
    test_client.token = token_env.read_text().strip()  # type: ignore[attr-defined]
    return test_client
