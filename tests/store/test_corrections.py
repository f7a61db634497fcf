"""Analysts' corrections on SQLite and PostgreSQL: a set field or a rejection shown everywhere and kept across
re-extraction, a deleted document gone from every reader and not brought back by ingest, clear errors."""

from __future__ import annotations

import pytest

from watchfloor.correlate.tracks import claim_track_keys, load_track
from watchfloor.errors import WatchfloorError
from watchfloor.pipeline import extract_text
from watchfloor.store.ledger import Ledger

TEXT = (
    "SEOUL (Wire) - About 11,000 North Korean troops have been sent to Russia, South Korea's spy agency said "
    "on Monday. Ukraine's army said Russian forces shelled the town of Kupiansk overnight."
)
OTHER = "KYIV (Wire) - Russia launched 90 drones at Ukraine overnight, the Ukrainian air force said on Tuesday."


def _troops(ledger: Ledger) -> dict:
    [claim] = ledger.claims(actor="PRK", unit="troops")
    return dict(claim)


def test_a_set_field_is_shown_with_who_and_why_and_survives_a_newer_extractor(ledger: Ledger, nlp) -> None:
    extraction = extract_text(TEXT, published="2025-01-13")
    keys = claim_track_keys(extraction)
    ledger.ingest(extraction, "watchfloor test-1", track_keys=keys)
    claim = _troops(ledger)
    assert claim["source"] == "KOR-NIS"
    fact = f"{claim['document_id'][7:19]}:{claim['claim_id']}"  # an id prefix without "sha256:"
    ledger.correct(fact, field="source", value="south korea", author="analyst", reason="briefing to lawmakers")
    ledger.correct(fact, field="value", value="12,000", author="analyst")

    for _ in range(2):  # before and after a re-extraction by a newer extractor, which renumbers nothing here
        corrected = _troops(ledger)
        assert (corrected["source"], corrected["source_country"], corrected["value"]) == ("KOR", "KOR", 12000.0)
        changes = [(c["change"], c["by"], c["why"]) for c in corrected["corrections"]]
        assert changes == [("source=KOR", "analyst", "briefing to lawmakers"), ("value=12000", "analyst", None)]
        assert ledger.ingest(extraction, "watchfloor test-2", track_keys=keys).outcome in ("new version", "unchanged")
    assert ledger.counts()["extractions"] == 2
    track = load_track(ledger, corrected["track_key"])  # the track reads the corrected figure
    assert [entry["value"] for entry in track.entries] == [12000.0]


def test_a_rejected_event_or_claim_is_left_out_of_every_listing(ledger: Ledger, nlp) -> None:
    extraction = extract_text(TEXT, published="2025-01-13")
    ledger.ingest(extraction, "watchfloor test-1", track_keys=claim_track_keys(extraction))
    [event] = [e for e in ledger.events() if e["trigger"].startswith("shell")]
    ledger.correct(f"{event['document_id']}:{event['event_id']}", reject=True, author="analyst", reason="background")
    assert all(not e["trigger"].startswith("shell") for e in ledger.events())
    claim = _troops(ledger)
    ledger.correct(f"{claim['document_id']}:{claim['claim_id']}", reject=True, author="analyst")
    assert ledger.claims(actor="PRK") == []
    assert ledger.track_claims(str(claim["track_key"])) == []


def test_a_deleted_document_leaves_every_reader_and_ingest_does_not_bring_it_back(ledger: Ledger, nlp) -> None:
    kept, gone = extract_text(OTHER, published="2025-01-14"), extract_text(TEXT, published="2025-01-13")
    ledger.ingest(kept, "watchfloor test-1")
    ledger.ingest(gone, "watchfloor test-1")
    assert ledger.search("troops")
    document_id = ledger.delete(gone.document.id[:20], author="analyst", reason="duplicate feed item")
    assert document_id == gone.document.id
    assert ledger.claims(actor="PRK") == [] and ledger.search("troops") == []
    assert {e["document_id"] for e in ledger.events()} == {kept.document.id}
    assert ledger.ingest(gone, "watchfloor test-2").outcome == "deleted"
    assert ledger.claims(actor="PRK") == []
    assert ledger.versions(gone.document.id) == {"watchfloor test-1": 1}  # its history is kept
    assert ledger.check() == []


@pytest.mark.parametrize(
    ("fact", "changes", "message"),
    [
        ("{doc}:c99", {"reject": True}, "has no claim c99"),
        ("{doc}:x1", {"reject": True}, "cannot read the fact id"),
        ("{doc}:c1", {"field": "speaker", "value": "x"}, "cannot be set"),
        ("{doc}:c1", {"field": "value", "value": "many"}, "must be a number"),
        ("{doc}:c1", {"field": "source", "value": "Atlantis"}, "unknown actor"),
        ("{doc}:c1", {"field": "certainty", "value": "sure"}, "must be one of"),
        ("{doc}:c1", {}, "either a field to set or a rejection"),
        ("ffffffff:c1", {"reject": True}, "no stored document"),
    ],
)
def test_a_correction_that_cannot_be_made_is_a_clear_error(ledger: Ledger, nlp, fact, changes, message) -> None:
    extraction = extract_text(TEXT, published="2025-01-13")
    ledger.ingest(extraction, "watchfloor test-1")
    with pytest.raises(WatchfloorError, match=message):
        ledger.correct(fact.format(doc=extraction.document.id), author="analyst", **changes)
    assert "corrections" not in _troops(ledger)


def test_cli_correct_and_delete(ledger_url: str, tmp_path, cli) -> None:
    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert cli("ingest", str(article), "--db", ledger_url).code == 0
    [claim] = [c for c in Ledger(ledger_url).claims() if c["unit"] == "troops"]
    fact = f"{claim['document_id']}:{claim['claim_id']}"
    done = cli("correct", fact, "--field", "source=KOR", "--by", "desk", "--why", "checked", "--db", ledger_url)
    assert done.code == 0 and "source=KOR" in done.out
    listed = cli("claims", "--db", ledger_url, "--format", "json")
    [row] = [r for r in __import__("json").loads(listed.out) if r["claim_id"] == claim["claim_id"]]
    assert row["source"] == "KOR" and row["corrections"][0]["by"] == "desk"
    bad = cli("correct", fact, "--field", "source", "--db", ledger_url)
    assert bad.code == 2 and "NAME=VALUE" in bad.err
    assert cli("delete", claim["document_id"][:15], "--db", ledger_url).code == 0
    assert cli("claims", "--db", ledger_url, "--format", "json").out.strip() == "[]"
    missing = cli("delete", "0000000", "--db", ledger_url)
    assert missing.code == 1 and "no stored document" in missing.err
