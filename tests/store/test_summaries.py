"""The summary tables (``store.summaries``) equal a recomputation from the claims after ingest, a new version
and a migration backfill, and the reads built on them give what reading every claim gives (issue 17)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from watchfloor.config import Settings
from watchfloor.correlate.dyads import dyad_series, example_order, load_dyad, side
from watchfloor.correlate.tracks import contradictions, latest_tracks, load_tracks, track_groups
from watchfloor.pipeline import extract_text, ingest_items
from watchfloor.read import read_paths
from watchfloor.store import queries, summaries
from watchfloor.store.ledger import Ledger

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TEXT = (
    "SEOUL (Wire) - About 11,000 North Korean troops have been sent to Russia, South Korea's spy agency said "
    "on Monday. Ukraine's intelligence said 12,000 troops had been sent to Russia."
)


def _ingest_samples(ledger: Ledger) -> None:
    settings = Settings()
    items = read_paths([str(SAMPLES)], max_bytes=settings.max_bytes, max_chars=settings.max_chars)
    list(ingest_items(items, settings, ledger))


def _maintained_equals_rebuilt(ledger: Ledger) -> None:
    with ledger.engine.connect() as connection:
        maintained = summaries.snapshot(connection)
    with ledger.engine.begin() as connection:
        summaries.rebuild(connection)
        rebuilt = summaries.snapshot(connection)
    assert maintained == rebuilt


def _pairs(tracks) -> list[tuple[object, ...]]:
    """What `contradictions` prints of each pair: track, kind, both sides' source, figure and claim span."""
    return [(item["track"], item["kind"], *(_side(item["a"]), _side(item["b"]))) for item in contradictions(tracks)]


def _side(side) -> tuple[object, ...]:
    return (side["source"], side["figure"], side["claim"]["document_id"], side["claim"]["span_start"])


def test_summaries_after_ingest_equal_a_recomputation_and_give_the_same_reads(ledger: Ledger, nlp) -> None:
    _ingest_samples(ledger)
    with ledger.engine.connect() as connection:
        assert summaries.count(connection) > 5  # the samples have tracks with several sources
    _maintained_equals_rebuilt(ledger)
    assert _pairs(latest_tracks(ledger)) == _pairs(load_tracks(ledger))
    assert _pairs(latest_tracks(ledger))
    assert list(latest_tracks(ledger)) == list(load_tracks(ledger))  # same tracks, same order
    groups = track_groups(ledger)
    with ledger.engine.connect() as connection:
        grouped = queries.track_summaries(connection, groups=groups, limit=1000)
    assert ledger.track_summaries(groups=groups, limit=1000) == grouped


def test_a_new_version_recomputes_the_tracks_it_touches(ledger: Ledger, nlp) -> None:
    extraction = extract_text(TEXT, published="2025-01-13")
    from watchfloor.correlate.tracks import claim_track_keys

    keys = claim_track_keys(extraction)
    ledger.ingest(extraction, "watchfloor test-1", track_keys=keys)
    before = latest_tracks(ledger)
    assert sum(len(track.entries) for track in before.values()) == len(extraction.claims) >= 2
    # the newer extractor finds only the first figure: the second source's figure stops counting
    [first, *_rest] = extraction.claims
    fewer = dataclasses.replace(extraction, claims=[first])
    assert ledger.ingest(fewer, "watchfloor test-2", track_keys=claim_track_keys(fewer)).outcome == "new version"
    _maintained_equals_rebuilt(ledger)
    after = latest_tracks(ledger)
    assert sum(len(t.entries) for t in after.values()) == 1
    assert list(after) == list(load_tracks(ledger))


def test_migration_0008_backfills_the_summaries_of_an_existing_ledger(ledger: Ledger, nlp) -> None:
    _ingest_samples(ledger)
    with ledger.engine.connect() as connection:
        maintained = summaries.snapshot(connection)
    ledger.downgrade("0009")
    ledger.upgrade()
    with ledger.engine.connect() as connection:
        assert summaries.snapshot(connection) == maintained
    assert maintained[0] and maintained[1]


def test_dyads_filtered_in_sql_equal_dyads_over_every_event(ledger: Ledger, nlp) -> None:
    _ingest_samples(ledger)
    every = ledger.events()
    pairs = {(side(e, "source"), side(e, "target")) for e in every if side(e, "source") and side(e, "target")}
    assert len(pairs) > 2
    for first, second in sorted(pairs):  # type: ignore[type-var]
        chosen = ledger.events(sides=(first, second))
        assert dyad_series(chosen, first, second, "week") == dyad_series(every, first, second, "week")
        for by in ("day", "week", "month"):
            _same_dyad(load_dyad(ledger, first, second, by, examples=2), dyad_series(every, first, second, by), 2)


def _same_dyad(counted, reference, examples: int) -> None:
    """A dyad counted in SQL (``Ledger.dyad``) equals one over every event: same periods, counts and scores,
    and each period's events are the first ``examples`` of the reference's."""

    def cited(events) -> list[tuple[object, object]]:
        return [(event["document_id"], event["trigger_start"]) for event in events]

    assert [(p["period"], p["counts"], p["score"]) for p in counted] == [
        (p["period"], p["counts"], p["score"]) for p in reference
    ]
    firsts = [sorted(p["events"], key=example_order)[:examples] for p in reference]
    assert [cited(p["events"]) for p in counted] == [cited(events) for events in firsts]


def test_a_dyad_counts_its_events_as_the_analysts_corrected_them(ledger: Ledger, nlp) -> None:
    _ingest_samples(ledger)
    every = ledger.events()
    counted = [e for e in every if side(e, "source") == "PRK" and side(e, "target") == "RUS"]
    assert len(counted) >= 3
    first, second = counted[0], counted[1]
    ledger.correct(f"{first['document_id']}:{first['event_id']}", reject=True, author="analyst")
    ledger.correct(f"{second['document_id']}:{second['event_id']}", field="type", value="FIGHT", author="analyst")
    corrected = ledger.events()
    assert len(corrected) == len(every) - 1
    for by in ("week", "month"):
        _same_dyad(load_dyad(ledger, "PRK", "RUS", by, examples=3), dyad_series(corrected, "PRK", "RUS", by), 3)
    assert load_dyad(ledger, "PRK", "RUS", "month") != dyad_series(every, "PRK", "RUS", "month")


def _track_figures(ledger: Ledger) -> dict[str, tuple[int, int]]:
    """Figures and sources per track, from the summary tables (no filter) and from SQL (a filter)."""
    return {s["track"]: (s["figures"], s["sources"]) for s in ledger.track_summaries(groups=track_groups(ledger))}


CORRECTED = (
    "SEOUL (Wire) - About 11,000 North Korean troops have been sent to Russia, South Korea's spy agency said "
    "on Monday. Ukraine's intelligence said 12,000 North Korean soldiers had been sent to Russia."
)


def test_the_summaries_count_figures_as_the_analysts_corrected_them(ledger: Ledger, nlp) -> None:
    from watchfloor.correlate.tracks import claim_track_keys, summarize_tracks

    extraction = extract_text(CORRECTED, published="2025-01-13")
    ledger.ingest(extraction, "watchfloor test-1", track_keys=claim_track_keys(extraction))
    main = "troops|PRK|deploy|RUS"
    assert _track_figures(ledger) == {main: (2, 2)}
    nis, ukraine = sorted(ledger.claims(), key=lambda claim: claim["span_start"])
    ledger.correct(f"{nis['document_id']}:{nis['claim_id']}", reject=True, author="analyst")
    for _ in range(2):  # and again after a re-extraction by a newer extractor
        assert _track_figures(ledger) == {main: (1, 1)}
        assert [(s["track"], s["figures"]) for s in ledger.track_summaries(actor="PRK")] == [(main, 1)]
        assert [(s["track"], s["figures"]) for s in summarize_tracks(ledger)] == [(main, 1)]
        assert [[e["value"] for e in t.entries] for t in latest_tracks(ledger).values()] == [[12000]]
        assert list(latest_tracks(ledger)) == list(load_tracks(ledger))
        _maintained_equals_rebuilt(ledger)
        ledger.ingest(extraction, "watchfloor test-2", track_keys=claim_track_keys(extraction))
    # a unit set by hand moves the figure to its corrected track, in the summaries as in every reader
    ledger.correct(f"{ukraine['document_id']}:{ukraine['claim_id']}", field="unit", value="drones", author="analyst")
    assert _track_figures(ledger) == {"drones|PRK|deploy|RUS": (1, 1)}
    assert list(latest_tracks(ledger)) == list(load_tracks(ledger)) == ["drones|PRK|deploy|RUS"]
    _maintained_equals_rebuilt(ledger)


def _current_events(ledger: Ledger) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
    """Events flagged current, and events of the latest extractions of documents that are no copy."""
    from sqlalchemy import select

    from watchfloor.store.schema import copies, events, extractions

    with ledger.engine.connect() as connection:
        flagged = connection.execute(select(events.c.extraction_id, events.c.event_id).where(events.c.current))
        joined = (
            select(events.c.extraction_id, events.c.event_id)
            .join(extractions, extractions.c.id == events.c.extraction_id)
            .where(extractions.c.latest, extractions.c.document_id.not_in(select(copies.c.document_id)))
        )
        return {tuple(row) for row in flagged}, {tuple(row) for row in connection.execute(joined)}


def test_the_current_flag_of_events_follows_versions_copies_and_deletions(ledger: Ledger, nlp) -> None:
    _ingest_samples(ledger)
    flagged, joined = _current_events(ledger)
    assert flagged == joined and ledger.copies()  # the samples hold wire copies, whose events are not current
    extraction = extract_text(TEXT, published="2025-01-13")
    from watchfloor.correlate.tracks import claim_track_keys

    ledger.ingest(extraction, "watchfloor test-1", track_keys=claim_track_keys(extraction))
    ledger.ingest(extraction, "watchfloor test-2", track_keys=claim_track_keys(extraction))  # a new version
    [event, *_] = [e for e in ledger.events() if e["document_id"] != extraction.document.id]
    ledger.delete(event["document_id"], author="analyst")
    flagged, joined = _current_events(ledger)
    assert flagged == joined
    ledger.downgrade("0015")  # the migration's backfill gives the same flags
    ledger.upgrade()
    assert _current_events(ledger) == (flagged, joined)
