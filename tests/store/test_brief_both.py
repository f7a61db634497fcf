"""The brief of the samples ledger is the same document on SQLite and on PostgreSQL (issue 14)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from watchfloor.config import Settings
from watchfloor.pipeline import ingest_items
from watchfloor.read import read_paths
from watchfloor.report import write_brief
from watchfloor.store.ledger import Ledger

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _samples_ledger(url: str) -> Ledger:
    ledger = Ledger(url)
    settings = Settings()
    items = read_paths([str(SAMPLES)], max_bytes=settings.max_bytes, max_chars=settings.max_chars)
    list(ingest_items(items, settings, ledger))
    return ledger


def test_the_samples_brief_is_identical_on_sqlite_and_postgresql(tmp_path: Path, nlp) -> None:
    url = os.environ.get("WATCHFLOOR_TEST_PG")
    if not url:
        pytest.skip("WATCHFLOOR_TEST_PG is not set: run scripts/start-postgres.sh (CI does) to test PostgreSQL")
    Ledger(url).downgrade("base")
    postgresql = write_brief(_samples_ledger(url))
    sqlite = write_brief(_samples_ledger(f"sqlite:///{tmp_path / 'ledger.sqlite'}"))
    assert sqlite.splitlines() == postgresql.splitlines()
    assert len(sqlite.splitlines()) > 10
