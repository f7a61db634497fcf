"""Links made at ingest by correlate and only stored by the store: track keys, MinHash, copies; and the
direction of imports between the two."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from watchfloor.correlate.links import Linker
from watchfloor.correlate.tracks import claim_track_keys, load_track, load_tracks
from watchfloor.pipeline import extract_text
from watchfloor.store.ledger import Ledger

STORE = Path(__file__).resolve().parents[2] / "src" / "watchfloor" / "store"
TEXT = (
    "SEOUL (Wire) - About 11,000 North Korean troops have been sent to Russia, South Korea's spy agency said "
    "on Monday. Pyongyang denied sending any troops."
)
COPY = TEXT.replace("on Monday", "on Monday morning")
KEY = "troops|PRK|deploy|RUS"


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite'}")


def test_the_store_imports_nothing_from_correlate() -> None:
    for path in STORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("watchfloor.correlate"), path
            if isinstance(node, ast.Import):
                assert not any(alias.name.startswith("watchfloor.correlate") for alias in node.names), path


def test_track_keys_are_computed_from_the_claims(nlp) -> None:
    extraction = extract_text(TEXT, published="2025-01-13")
    keys = claim_track_keys(extraction)
    assert set(keys) == {claim.id for claim in extraction.claims}
    assert KEY in keys.values()


def test_linker_stores_track_keys_and_links_a_copy_to_its_original(ledger: Ledger, nlp) -> None:
    linker = Linker(ledger)
    first = linker.ingest(extract_text(TEXT, published="2025-01-13"), "watchfloor test")
    second = linker.ingest(extract_text(COPY, published="2025-01-14"), "watchfloor test")
    again = linker.ingest(extract_text(COPY, published="2025-01-14"), "watchfloor test")
    assert (first.outcome, second.outcome, again.outcome) == ("added", "added", "unchanged")
    assert ledger.copies() == {second.document_id}
    assert [row[0] for row in ledger.signatures()] == [first.document_id, second.document_id]
    track = load_track(ledger, KEY)
    assert [entry["document_id"] for entry in track.entries] == [first.document_id]  # the copy is left out
    assert list(load_tracks(ledger)) == [KEY]


def test_a_new_linker_finds_copies_of_documents_stored_before_it(ledger: Ledger, nlp) -> None:
    Linker(ledger).ingest(extract_text(TEXT, published="2025-01-13"), "watchfloor test")
    copy = Linker(ledger).ingest(extract_text(COPY, published="2025-01-14"), "watchfloor test")
    assert ledger.copies() == {copy.document_id}


def test_the_ledger_stores_only_the_links_it_is_given(ledger: Ledger, nlp) -> None:
    ledger.ingest(extract_text(TEXT, published="2025-01-13"), "watchfloor test")
    assert ledger.signatures() == [] and {row["track_key"] for row in ledger.claims()} == {None}


def test_a_running_linker_finds_copies_of_documents_another_process_stored_since(ledger: Ledger, nlp) -> None:
    # two ingests at once on one ledger: the second linker read the stored signatures before the first
    # stored the original, then meets a copy of it
    late = Linker(Ledger(ledger.url))
    late.ingest(extract_text("An unrelated story: 40 drones were launched at Odesa overnight."), "watchfloor test")
    Linker(ledger).ingest(extract_text(TEXT, published="2025-01-13"), "watchfloor test")
    copy = late.ingest(extract_text(COPY, published="2025-01-14"), "watchfloor test")
    assert ledger.copies() == {copy.document_id}
