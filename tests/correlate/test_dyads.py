"""Dyads: which events count for a pair of sides in a period, and how they score (no spaCy)."""

from __future__ import annotations

import pytest

from watchfloor.correlate.dyads import CERTAINTY_WEIGHTS, dyad_series, period, quads


def event(**fields) -> dict:
    base = {"type": "ASSAULT", "source": "RUS", "target": "UKR", "published": "2024-11-27", "certainty": "certain"}
    return {**base, **fields}


PERIODS = [
    ("a day is itself", "2024-11-27", "day", "2024-11-27"),
    ("a week is the ISO week", "2024-11-27", "week", "2024-W48"),
    ("a month is year and month", "2024-11-27", "month", "2024-11"),
]


@pytest.mark.parametrize(("rule", "day", "by", "expected"), PERIODS, ids=[c[0] for c in PERIODS])
def test_period(rule: str, day: str, by: str, expected: str) -> None:
    assert period(day, by) == expected


EXCLUDED = [
    ("a denied act does not count", event(polarity="negative")),
    ("a historical act does not count", event(context="historical")),
    ("a future act does not count", event(context="future")),
    ("a hypothetical act does not count", event(context="hypothetical")),
    ("the other direction does not count", event(source="UKR", target="RUS")),
]


@pytest.mark.parametrize(("rule", "item"), EXCLUDED, ids=[c[0] for c in EXCLUDED])
def test_excluded_events(rule: str, item: dict) -> None:
    assert dyad_series([item], "RUS", "UKR") == []


def test_an_organ_counts_for_its_state() -> None:
    points = dyad_series([event(source="RUS-MIL", source_country="RUS")], "RUS", "UKR", by="day")
    assert points[0]["counts"]["material conflict"] == 1


def test_the_event_time_wins_over_the_publication_date() -> None:
    points = dyad_series([event(time_start="2024-11-20")], "RUS", "UKR", by="day")
    assert points[0]["period"] == "2024-11-20"


def test_score_is_type_weight_times_certainty_weight() -> None:
    points = dyad_series([event(certainty="probable")], "RUS", "UKR", by="day")
    assert points[0]["score"] == round(quads()["ASSAULT"][1] * CERTAINTY_WEIGHTS["probable"], 2)
