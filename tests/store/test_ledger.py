"""The ledger on SQLite and PostgreSQL: migrations, idempotent append-only ingest, queries, atomicity, crashes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from watchfloor.pipeline import extract_text
from watchfloor.store import queries
from watchfloor.store.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "eval" / "articles"
TEXT = (
    "SEOUL (Wire) - About 11,000 North Korean troops have been sent to Russia, South Korea's spy agency said "
    "on Monday. Pyongyang denied sending any troops."
)


# the newest migration's revision: the files are numbered as their revisions, one line of history
HEAD_REVISION = max(p.name[:4] for p in (Path(queries.__file__).parent / "migrations" / "versions").glob("[0-9]*.py"))


def test_migrations_build_an_empty_database(ledger: Ledger) -> None:
    assert ledger.schema_revision() == HEAD_REVISION
    assert ledger.counts() == {"documents": 0, "extractions": 0, "actors": 0, "places": 0, "claims": 0, "events": 0}
    ledger.downgrade("base")
    ledger.upgrade()
    assert ledger.schema_revision() == HEAD_REVISION


def test_migration_upgrades_a_ledger_of_the_previous_schema_keeping_its_data(ledger: Ledger) -> None:
    from sqlalchemy import text

    ledger.downgrade("0001")
    with ledger.engine.begin() as connection:  # a document stored by the 0001 schema, written as 0001 did
        connection.execute(
            text("INSERT INTO documents (id, text, ingested_at) VALUES ('sha256:old', 'Old text.', CURRENT_TIMESTAMP)")
        )
        connection.execute(
            text(
                "INSERT INTO extractions (document_id, version, extractor, created_at, actor_count, claim_count,"
                " event_count) VALUES ('sha256:old', 1, 'watchfloor 0.0', CURRENT_TIMESTAMP, 0, 1, 0)"
            )
        )
        extraction = connection.execute(text("SELECT id FROM extractions")).scalar_one()
        connection.execute(
            text(
                "INSERT INTO claims (extraction_id, claim_id, value, bound, approximate, unit, certainty, polarity,"
                f" span_start, span_end, sentence_start, sentence_end) VALUES ({extraction}, 'c1', 5, '=', false,"
                " 'troops', 'certain', 'positive', 0, 3, 0, 9)"
            )
        )
    assert ledger.schema_revision() == "0001"
    ledger.upgrade()
    assert ledger.schema_revision() == HEAD_REVISION
    [row] = ledger.claims()
    assert (row["document_id"], row["value"], row["track_key"], row["unit_text"]) == ("sha256:old", 5, None, None)
    assert row["time_basis"] is None  # no time stored, so no basis to backfill
    assert ledger.check() == []


def test_ingest_is_idempotent_and_append_only(ledger: Ledger, nlp) -> None:
    extraction = extract_text(TEXT, published="2025-01-13")
    first = ledger.ingest(extraction, "watchfloor test-1")
    again = ledger.ingest(extraction, "watchfloor test-1")
    newer = ledger.ingest(extraction, "watchfloor test-2")
    assert (first.outcome, again.outcome, newer.outcome) == ("added", "unchanged", "new version")
    assert (first.version, newer.version) == (1, 2)
    counts = ledger.counts()
    assert counts["documents"] == 1 and counts["extractions"] == 2
    assert counts["claims"] == 2 * len(extraction.claims) and counts["events"] == 2 * len(extraction.events)
    assert ledger.check() == []
    [claim] = ledger.claims(actor="PRK", unit="troops")  # the latest version only
    assert (claim["value"], claim["source"], claim["source_country"]) == (11000, "KOR-NIS", "KOR")
    assert TEXT[claim["span_start"] : claim["span_end"]] == "About 11,000"
    assert claim["unit_text"] == "North Korean troops"  # the unit as written, next to the normalized one
    # "said on Monday": the figure holds as of the statement, and the ledger says so
    assert (claim["time_start"], claim["time_basis"]) == ("2025-01-13", "statement")


def test_claims_keep_the_basis_of_their_time(ledger: Ledger, nlp, cli, ledger_url: str) -> None:
    text = "About 400 drones were launched in March 2024. Some 900 shells fell on Kharkiv, Ukraine says."
    ledger.ingest(extract_text(text, published="2024-06-02"), "watchfloor test")
    stored = {row["value"]: (row["time_start"], row["time_basis"]) for row in ledger.claims()}
    assert stored == {400: ("2024-03-01", "stated"), 900: ("2024-06-02", "published")}
    listed = cli("claims", "--db", ledger_url, "--format", "csv")
    header, *lines = listed.out.splitlines()
    assert "time_basis" in header.split(",") and {
        line.split(",")[header.split(",").index("time_basis")] for line in lines
    } == {
        "stated",
        "published",
    }
    ledger.downgrade("0010")  # a ledger of the schema before the basis: 0011 marks the publication dates only
    ledger.upgrade()
    backfilled = {row["value"]: row["time_basis"] for row in ledger.claims()}
    assert backfilled == {400: None, 900: "published"}


def test_claim_filters_and_search(ledger: Ledger, nlp) -> None:
    for name, published in (("019", "2025-01-13"), ("001", "2024-03-14"), ("003", "2024-11-20")):
        text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
        ledger.ingest(extract_text(text, published=published), "watchfloor test")
    assert {row["unit"] for row in ledger.claims(actor="PRK")} >= {"killed", "wounded", "troops"}
    assert all(row["source_country"] == "UKR" for row in ledger.claims(source="UKR"))
    assert ledger.claims(source="UKR")
    dated = ledger.claims(since="2024-11-01", until="2024-12-31")
    assert dated and all(row["published"] == "2024-11-20" for row in dated)
    assert ledger.claims(certainty="unknown", unit="killed")
    hits = ledger.search("Khan Younis strikes")
    assert [hit["published"] for hit in hits] == ["2024-11-20"]
    assert ledger.search('"; DROP TABLE documents; --') == []


def test_a_failing_document_leaves_nothing_half_written(ledger: Ledger, nlp, monkeypatch) -> None:
    kept = ledger.ingest(extract_text(TEXT, published="2025-01-13"), "watchfloor test")
    broken = extract_text((ARTICLES / "001.txt").read_text(encoding="utf-8"), published="2024-03-14")

    def fail(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(queries, "insert_facts", fail)
    with pytest.raises(RuntimeError):
        ledger.ingest(broken, "watchfloor test")
    assert ledger.counts()["documents"] == 1 and ledger.check() == []
    assert ledger.claims()[0]["document_id"] == kept.document_id


def test_cli_ingest_skips_bad_files_and_keeps_the_rest(ledger_url: str, tmp_path: Path, cli) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_bytes(bytes(range(256)))
    (folder / "c.txt").write_text((ARTICLES / "002.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("ingest", str(folder), "--db", ledger_url)
    assert result.code == 1 and "skipped" in result.err
    assert json.loads(result.out)["added"] == 2
    again = cli("ingest", str(folder / "a.txt"), "--db", ledger_url)
    assert json.loads(again.out)["unchanged"] == 1
    listed = cli("claims", "--db", ledger_url, "--actor", "PRK", "--format", "csv")
    assert listed.code == 0 and "11000" in listed.out


def test_killed_ingest_leaves_a_consistent_ledger_and_a_rerun_completes_it(ledger_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "WATCHFLOOR_DB": ledger_url}
    command = [sys.executable, "-m", "watchfloor", "ingest", str(ARTICLES)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    ledger = Ledger(ledger_url)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and ledger.counts()["documents"] < 3:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = ledger.counts()["documents"]
    assert 3 <= partial < len(list(ARTICLES.glob("*.txt")))
    assert ledger.check() == []
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    outcome = json.loads(completed.stdout)
    assert outcome.get("unchanged", 0) == partial
    assert ledger.counts()["documents"] == len(list(ARTICLES.glob("*.txt")))
    assert ledger.check() == []
