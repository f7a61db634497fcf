"""Ingest in batches (``Linker.ingest_batch`` over ``Ledger.ingest_batch``, and ``ingest_items(batch=N)``):
one transaction for many documents gives the ledger that one transaction a document gives, ids and links
included, and a document that cannot be stored costs only itself, never the documents batched with it."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from watchfloor.config import Settings
from watchfloor.correlate.links import Linker
from watchfloor.model import Extraction, Skip
from watchfloor.pipeline import extract_text, ingest_items
from watchfloor.store import schema
from watchfloor.store.ledger import IngestResult, Ledger

BASE = (
    "KYIV, May 3 - Ukraine's air force said it shot down 31 of the 40 drones launched overnight against the "
    "south of the country. Regional officials in Odesa said 4 people were wounded when debris fell on a "
    "warehouse, and about 200 residents of two streets were moved to a school for the night. The governor "
    "said power had been restored to 9,000 homes by morning. Russia's defence ministry said its forces had "
    "struck military targets and did not comment on the drones."
)
TEXTS = [
    BASE,
    # the same story as a second outlet runs it: one last sentence changed, so a copy of the first
    BASE.replace("did not comment on the drones.", "gave no figure for the drones it launched."),
    "TBILISI, May 4 - Georgia said 12 of its border posts near the Inguri river reported gunfire overnight. "
    "The interior ministry said 3 guards were wounded and that 150 more police had been sent to Zugdidi.",
    "NIAMEY, May 5 - Niger's army said it killed 27 militants in an operation near Tillaberi, where about "
    "1,800 families had fled their villages since March, according to a United Nations agency.",
]


def stored_rows(ledger: Ledger) -> dict[str, list[tuple[object, ...]]]:
    """The rows of the fact, link and summary tables, ids included, without the wall-clock columns."""
    tables = [schema.documents, schema.extractions, schema.claims, schema.events, schema.actors, schema.places]
    tables += [schema.copies, schema.track_latest, schema.track_speakers]
    rows = {}
    with ledger.engine.connect() as connection:
        for table in tables:
            columns = [c for c in table.columns if c.name not in ("ingested_at", "created_at", "first_ingested_at")]
            rows[table.name] = sorted((tuple(row) for row in connection.execute(select(*columns))), key=repr)
    return rows


def extractions() -> list[Extraction]:
    return [extract_text(text, published=f"2025-05-0{3 + n % 3}") for n, text in enumerate(TEXTS)]


def test_a_batch_stores_the_ledger_that_one_document_at_a_time_stores(ledger_url: str, nlp) -> None:
    items = extractions()
    one_by_one = Linker(Ledger(ledger_url))
    outcomes = [one_by_one.ingest(extraction, "watchfloor test").outcome for extraction in items]
    expected = stored_rows(Ledger(ledger_url))
    assert outcomes == ["added"] * 4 and expected["copies"], "the second text is a copy of the first"
    Ledger(ledger_url).downgrade("base")
    batched = Linker(Ledger(ledger_url)).ingest_batch(items, "watchfloor test")
    assert [result.outcome for result in batched if isinstance(result, IngestResult)] == ["added"] * 4
    assert stored_rows(Ledger(ledger_url)) == expected


def test_the_same_text_twice_in_one_batch_is_stored_once(ledger_url: str, nlp) -> None:
    first, second = extractions()[2], extract_text(TEXTS[2], published="2025-05-05")
    results = Linker(Ledger(ledger_url)).ingest_batch([first, second], "watchfloor test")
    assert [r.outcome for r in results if isinstance(r, IngestResult)] == ["added", "unchanged"]
    assert Ledger(ledger_url).counts()["documents"] == 1


def broken(extraction: Extraction) -> Extraction:
    """The extraction with a claim that has no id: the database's NOT NULL refuses it."""
    claims = [dataclasses.replace(extraction.claims[0], id=None), *extraction.claims[1:]]
    return dataclasses.replace(extraction, claims=claims)


def test_a_document_that_cannot_be_stored_costs_only_itself(ledger_url: str, nlp) -> None:
    good = extractions()
    batch = [good[0], broken(good[2]), good[3]]
    ledger = Ledger(ledger_url)
    results = Linker(ledger).ingest_batch(batch, "watchfloor test")
    assert [type(result).__name__ for result in results] == ["IngestResult", "IntegrityError", "IngestResult"]
    assert ledger.counts()["documents"] == 2 and ledger.check() == []
    assert {row["document_id"] for row in ledger.claims()} == {good[0].document.id, good[3].document.id}
    # the copy index was read again after the failed batch: a copy of the stored first text is still found
    later = Linker(ledger).ingest_batch([good[1]], "watchfloor test")
    assert isinstance(later[0], IngestResult) and ledger.copies() == {good[1].document.id}


def test_ingest_items_in_batches_keeps_the_input_order_and_skips_only_the_broken(ledger_url: str, nlp) -> None:
    good = extractions()
    items: list[Extraction | Skip] = [good[0], Skip("unreadable.bin", "binary"), broken(good[2]), good[3], good[1]]
    ledger = Ledger(ledger_url)
    seen: list[str] = []
    results = list(
        ingest_items(
            items,  # type: ignore[arg-type]  # already extracted: ``extract`` passes them through
            Settings(),
            ledger,
            extract=lambda new: iter(new),
            extractor="watchfloor test",
            after=lambda extraction, _result: seen.append(extraction.document.id),
            batch=3,
        )
    )
    kinds = [r.outcome if isinstance(r, IngestResult) else r.reason.split(" (")[0] for r in results]
    assert kinds == ["added", "binary", "could not be stored", "added", "added"]
    assert seen == [good[0].document.id, good[3].document.id, good[1].document.id]  # after each commit
    assert ledger.counts()["documents"] == 3 and ledger.check() == []
