"""The brief's event groups counted in SQL (``Ledger.event_groups``) are the groups of the events read one by
one (``group_events``), with analysts' corrections, ties and filters, on SQLite and PostgreSQL (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchfloor.config import Settings
from watchfloor.pipeline import ingest_items
from watchfloor.read import read_paths
from watchfloor.report import OTHER_SECTIONS, _event_group, _state_names
from watchfloor.store.ledger import Ledger, group_events

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def samples(ledger: Ledger, nlp) -> Ledger:
    settings = Settings()
    items = read_paths([str(SAMPLES)], max_bytes=settings.max_bytes, max_chars=settings.max_chars)
    list(ingest_items(items, settings, ledger))
    return ledger


def _by_name(event) -> tuple[str, str, str, str]:
    return _event_group(event, _state_names())


def _same(ledger: Ledger, top: int, reports: int | None = None, **filters) -> None:
    found = ledger.event_groups(_by_name, top, reports=reports, **filters)
    expected = group_events(ledger.events(**filters), _by_name, top, reports)

    def shown(groups) -> list[tuple[object, ...]]:
        return [
            (
                [(e["document_id"], e["event_id"], e["type"], e.get("rejected")) for e in group["events"]],
                *(group[name] for name in ("reports", "first", "last", "certainties")),
            )
            for group in groups
        ]

    assert shown(found[0]) == shown(expected[0])
    assert found[1:] == expected[1:]


@pytest.mark.parametrize("top", [1, 2, 3, 5, 25])
def test_groups_counted_in_sql_equal_the_groups_of_every_event(samples: Ledger, top: int) -> None:
    other = tuple(OTHER_SECTIONS)
    _same(samples, top, contexts=(False, other))
    _same(samples, top, contexts=(True, other))
    _same(samples, top, party="RUS", contexts=(False, other))
    _same(samples, top, published=("2024-11-01", "2025-01-31"), contexts=(False, other))
    _same(samples, top, 2, contexts=(False, other))  # only each group's first two reports read
    _same(samples, top, 1, party="RUS", contexts=(False, other))


def test_corrected_events_move_between_groups_and_rejected_ones_leave(samples: Ledger) -> None:
    events = samples.events(contexts=(False, tuple(OTHER_SECTIONS)))
    assert len(events) > 6
    # one event retyped (it leaves its group for another), one given another source, one rejected
    first, second, third = events[0], events[3], events[5]
    retype = "DISAPPROVE" if first["type"] != "DISAPPROVE" else "CONSULT"
    samples.correct(f"{first['document_id']}:{first['event_id']}", field="type", value=retype, author="a")
    samples.correct(f"{second['document_id']}:{second['event_id']}", field="source", value="CHN", author="a")
    samples.correct(f"{third['document_id']}:{third['event_id']}", reject=True, author="a")
    for top in (1, 3, 25):
        _same(samples, top, contexts=(False, tuple(OTHER_SECTIONS)))
        _same(samples, top, 2, contexts=(False, tuple(OTHER_SECTIONS)))
    groups, total, _count = samples.event_groups(_by_name, 25, contexts=(False, tuple(OTHER_SECTIONS)))
    assert total == len(events) - 1
    assert any(e["source"] == "CHN" and e["event_id"] == second["event_id"] for g in groups for e in g["events"])
