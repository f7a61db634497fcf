"""Dyads: what one actor did to another over time, by PLOVER quad class, with a weighted score.

Each event counts in its period (day, ISO week or month of its time, else of its document's date) for the
ordered pair (source side, target side), where a side is a state for its organs and people. The score adds
each event's type weight (``data/plover_quads.tsv``: cooperation positive, conflict negative, acts heavier
than words) times a factuality weight: certain 1.0, probable 0.8, possible and unknown 0.5. Denied acts
(negative polarity) and background, future or hypothetical acts do not count: they did not happen then.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypedDict, cast

from watchfloor import gazetteer
from watchfloor.store.queries import UNCOUNTED_CONTEXTS
from watchfloor.store.rows import EventRow, event_day

if TYPE_CHECKING:
    from watchfloor.store.ledger import Ledger

CERTAINTY_WEIGHTS = {"certain": 1.0, "probable": 0.8, "possible": 0.5, "unknown": 0.5}
QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


@lru_cache(maxsize=1)
def quads() -> dict[str, tuple[str, float]]:
    return {kind: (quad, float(weight)) for kind, quad, weight in gazetteer.read_rows("plover_quads.tsv")}


def period(day: str, by: str) -> str:
    """The day, ISO week ("2024-W44") or month ("2024-11") a date falls in."""
    if by == "day":
        return day
    if by == "month":
        return day[:7]
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def side(row: EventRow, role: str) -> str | None:
    """The party on one side ("source" or "target") of an event: its state for organs and people."""
    if role == "source":
        return row.get("source_country") or row.get("source")
    return row.get("target_country") or row.get("target")


class DyadPoint(TypedDict):
    """One period of a dyad: events per quad class, the weighted score, and the events themselves."""

    period: str
    counts: dict[str, int]
    score: float
    events: list[EventRow]


def counts_in_dyad(event: EventRow, first: str, second: str) -> bool:
    """Whether the dyad first -> second counts the event (what ``store.queries.dyad_days`` selects in SQL):
    an act of those sides that happened, dated, of a type with a quad class."""
    if side(event, "source") != first or side(event, "target") != second:
        return False
    if event.get("polarity") == "negative" or event.get("context") in UNCOUNTED_CONTEXTS:
        return False
    return bool(event_day(event)) and event["type"] in quads()


def load_dyad(ledger: Ledger, first: str, second: str, by: str = "week", examples: int = 3) -> list[DyadPoint]:
    """The dyad first -> second per period from the ledger, counted in SQL (``Ledger.dyad_counts``), each
    point with its first ``examples`` events (``example_order``)."""
    days, sample, fixed = ledger.dyad_counts(first, second, sorted(quads()), examples)
    return dyad_points(days, sample, fixed, first, second, by, examples)


def example_order(event: Mapping[str, Any]) -> tuple[str, int, int, str]:
    """The order a dyad's point gives its first events in: by day, then as they were stored."""
    return (event_day(event) or "", event["extraction_id"], event["trigger_start"], event["event_id"])


def dyad_series(events: list[EventRow], first: str, second: str, by: str = "week") -> list[DyadPoint]:
    """Points of the dyad first -> second over events in hand, oldest first, each with counts per quad, the
    score and all its events (``dyad_points`` is the same from counts made in SQL)."""
    return dyad_points([], [], events, first, second, by, examples=None)


def dyad_points(
    days: Iterable[Mapping[str, Any]],
    sample: list[EventRow],
    fixed: list[EventRow],
    first: str,
    second: str,
    by: str,
    examples: int | None,
) -> list[DyadPoint]:
    """Points of the dyad from ``days`` (counted events per day, type and certainty, ``Ledger.dyad``), the
    first events of each day (``sample``) and events read whole (``fixed``: the corrected documents', counted
    here when they count); each point's ``events`` are its first ``examples`` by day and the order they were
    stored in (``example_order``), or all of them in the order given with None."""
    chosen = [event for event in fixed if counts_in_dyad(event, first, second)]
    rows = [*days, *({"day": event_day(e), "type": e["type"], "certainty": e.get("certainty"), "events": 1}
                     for e in chosen)]  # fmt: skip
    points: dict[str, DyadPoint] = {}
    for row in rows:
        quad, weight = quads()[row["type"]]
        key = period(row["day"], by)
        point = points.setdefault(key, DyadPoint(period=key, counts=dict.fromkeys(QUADS, 0), score=0.0, events=[]))
        point["counts"][quad] += row["events"]
        point["score"] += row["events"] * weight * CERTAINTY_WEIGHTS.get(row["certainty"] or "", 0.5)
    for event in chosen if examples is None else sorted([*sample, *chosen], key=example_order):
        point = points[period(event_day(event) or "", by)]
        if examples is None or len(point["events"]) < examples:
            point["events"].append(event)
    return [{**value, "score": round(value["score"], 2)} for _key, value in sorted(points.items())]


@dataclass(frozen=True)
class Alignment:
    """Who the ledger shows fighting whom (any material-conflict act, either way) and who helps whom (a
    material-cooperation act, source to target), at state level: what a claim track needs to tell the party
    a force is sent to help from the enemy it is sent against."""

    conflicts: frozenset[frozenset[str]] = frozenset()
    helps: frozenset[tuple[str, str]] = frozenset()

    def at_war(self, first: str, second: str) -> bool:
        return first != second and frozenset((first, second)) in self.conflicts

    def sides_with(self, helper: str, helped: str) -> bool:
        """Whether ``helper`` helps ``helped`` and is not at war with it."""
        return (helper, helped) in self.helps and not self.at_war(helper, helped)


def alignment(events: Iterable[Mapping[str, Any]]) -> Alignment:
    """The ledger's alignment from its events; denied acts and background, future or hypothetical ones do
    not count (as in ``dyad_series``)."""
    conflicts: set[frozenset[str]] = set()
    helps: set[tuple[str, str]] = set()
    for event in events:
        if event.get("polarity") == "negative" or event.get("context") in UNCOUNTED_CONTEXTS:
            continue
        first, second = side(cast(EventRow, event), "source"), side(cast(EventRow, event), "target")
        quad = quads().get(event.get("type") or "", ("", 0.0))[0]
        if not first or not second or first == second:
            continue
        if quad == "material conflict":
            conflicts.add(frozenset((first, second)))
        elif quad == "material cooperation":
            helps.add((first, second))
    return Alignment(frozenset(conflicts), frozenset(helps))
