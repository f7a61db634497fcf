"""The brief of the samples ledger is the same document on SQLite and on PostgreSQL (issue 14)."""

from __future__ import annotations

import os
import re
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


@pytest.fixture(scope="module")
def samples_brief(tmp_path_factory: pytest.TempPathFactory, nlp) -> str:
    return write_brief(_samples_ledger(f"sqlite:///{tmp_path_factory.mktemp('samples') / 'ledger.sqlite'}"))


def test_the_brief_opens_with_period_documents_and_sources(samples_brief: str) -> None:
    header = samples_brief.splitlines()[:4]
    assert header[0] == "# Situation brief"
    assert "Period covered: 2024-10-18 to 2025-06-07" in header[2]
    assert re.search(r"\b\d+ documents from \d+ sources\b", header[2])


def test_event_verbs_fit_their_type(samples_brief: str) -> None:
    assert "AID against" not in samples_brief and "AGREE against" not in samples_brief
    assert "North Korea: AID to Russia" in samples_brief


def test_no_internal_ids_in_the_prose(samples_brief: str) -> None:
    body, _, _notes = samples_brief.partition("\n[^1]:")
    assert "outlet:" not in body and "sha256:" not in body


def test_footnotes_name_outlet_date_title_and_url(samples_brief: str) -> None:
    notes = [line for line in samples_brief.splitlines() if line.startswith("[^")]
    assert notes and all("()" not in line and "(;" not in line for line in notes)
    assert any("undated" in line for line in notes)  # the undated text file says so
    assert all(line.count(", ") >= 2 for line in notes)


def test_background_and_future_acts_have_their_own_sections(samples_brief: str) -> None:
    assert "## Background" in samples_brief or "## Ahead" in samples_brief


def test_brief_until_and_output(tmp_path: Path, cli) -> None:
    db = str(tmp_path / "ledger.sqlite")
    assert cli("ingest", str(SAMPLES / "north-korea-story.jsonl"), "--db", db).code == 0
    out = tmp_path / "brief.md"
    assert cli("brief", "--db", db, "--until", "2024-10-31", "--output", str(out)).code == 0
    brief = out.read_text(encoding="utf-8")
    assert "2024-10-30" in brief and "2024-11-" not in brief and "2024-12-" not in brief
