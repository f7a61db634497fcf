"""Ledgers for the store tests: a temporary SQLite file, and the PostgreSQL that .ci/run starts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from watchfloor.store.ledger import Ledger


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    url = os.environ.get("WATCHFLOOR_TEST_PG")
    if not url:
        pytest.skip("WATCHFLOOR_TEST_PG is not set: run scripts/start-postgres.sh (CI does) to test PostgreSQL")
    Ledger(url).downgrade("base")  # every test starts from an empty database
    return url


@pytest.fixture
def ledger(ledger_url: str) -> Ledger:
    return Ledger(ledger_url)
