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
from typing import Any, TypedDict, cast

from watchfloor import gazetteer
from watchfloor.store.rows import EventRow

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


def dyad_series(events: list[EventRow], first: str, second: str, by: str = "week") -> list[DyadPoint]:
    """Points of the dyad first -> second, oldest first, each with counts per quad, the score and its events."""
    points: dict[str, DyadPoint] = {}
    for event in events:
        if side(event, "source") != first or side(event, "target") != second:
            continue
        if event.get("polarity") == "negative" or event.get("context") in ("historical", "future", "hypothetical"):
            continue
        day = event.get("time_start") or event.get("published") or event.get("latest_date")
        if not day or event["type"] not in quads():
            continue
        quad, weight = quads()[event["type"]]
        key = period(day, by)
        point = points.setdefault(key, DyadPoint(period=key, counts=dict.fromkeys(QUADS, 0), score=0.0, events=[]))
        point["counts"][quad] += 1
        point["score"] += weight * CERTAINTY_WEIGHTS.get(event.get("certainty") or "", 0.5)
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
        if event.get("polarity") == "negative" or event.get("context") in ("historical", "future", "hypothetical"):
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
