"""Temporal expressions and the intervals they resolve to (table-driven)."""

from __future__ import annotations

import pytest

from watchfloor.resolve.times import find_times, latest_absolute_date

PUBLISHED = "2024-11-27"  # a Wednesday

CASES = [
    # text, expected expression text, start, end
    ("By November 2024, 10,900 troops were deployed.", "By November 2024", "2024-11-01", "2024-11-30"),
    ("A treaty signed in June 2024 binds them.", "June 2024", "2024-06-01", "2024-06-30"),
    ("On November 25, 2024, she said so.", "November 25, 2024", "2024-11-25", "2024-11-25"),
    ("On 25 November 2024 she said so.", "25 November 2024", "2024-11-25", "2024-11-25"),
    ("The report is dated 2024-11-20.", "2024-11-20", "2024-11-20", "2024-11-20"),
    ("The war has raged since 2022.", "since 2022", "2022-01-01", PUBLISHED),
    ("Attacks have grown since October.", "since October", "2024-10-01", PUBLISHED),
    ("Russia struck Kharkiv last week.", "last week", "2024-11-18", "2024-11-24"),
    ("He said on Friday that talks failed.", "Friday", "2024-11-22", "2024-11-22"),
    ("He will travel to Seoul on Friday.", "Friday", "2024-11-29", "2024-11-29"),
    ("Earlier this month, drones hit Odesa.", "Earlier this month", "2024-11-01", PUBLISHED),
    ("Fighting eased last month.", "last month", "2024-10-01", "2024-10-31"),
    ("Fighting eased last year.", "last year", "2023-01-01", "2023-12-31"),
    ("Two days ago a ship was hit.", "Two days ago", "2024-11-25", "2024-11-25"),
    ("In recent weeks evidence emerged.", "recent weeks", "2024-10-30", PUBLISHED),
    ("Output doubled in mid-2023.", "mid-2023", "2023-05-01", "2023-08-31"),
    ("Troops arrived in late November 2024.", "late November 2024", "2024-11-21", "2024-11-30"),
    ("Yesterday the army said so.", "Yesterday", "2024-11-26", "2024-11-26"),
    ("Prices were 3% higher a year earlier.", "a year earlier", "2023-11-27", "2023-11-27"),
    ("The talks are due next week.", "next week", "2024-12-02", "2024-12-08"),
    ("Kim visited Moscow in May 2024.", "May 2024", "2024-05-01", "2024-05-31"),
    ("The May 9 parade went ahead.", "May 9", "2024-05-09", "2024-05-09"),
    ("A strike in early March killed four.", "early March", "2024-03-01", "2024-03-10"),
]


@pytest.mark.parametrize(("text", "expression", "start", "end"), CASES, ids=[case[1] for case in CASES])
def test_expression_resolves(text: str, expression: str, start: str, end: str) -> None:
    found = find_times(text, PUBLISHED)
    assert [(t.text, t.start, t.end) for t in found] == [(expression, start, end)]
    [time] = found
    assert text[time.span[0] : time.span[1]] == expression


@pytest.mark.parametrize(
    "text",
    [
        "Washington may seek to strengthen sanctions.",
        "The missile flew 2,000 km.",
        "About 2000 troops were sent.",
        "It may be that Pyongyang sends more.",
        "The XI Corps may deploy.",
    ],
)
def test_not_a_time(text: str) -> None:
    assert find_times(text, PUBLISHED) == []


def test_relative_times_stay_unresolved_without_publication_date() -> None:
    found = find_times("Last week Russia struck, and on Friday it said so; the treaty of June 2024 holds.", None)
    assert [(t.text, t.start, t.grain) for t in found] == [
        ("Last week", None, "unresolved"),
        ("Friday", None, "unresolved"),
        ("June 2024", "2024-06-01", "month"),
    ]


def test_latest_absolute_date_is_reported() -> None:
    text = "The treaty was signed in June 2024. On November 25, 2024, the Pentagon spoke. Last week more came."
    assert latest_absolute_date(text) == "2024-11-25"
    assert latest_absolute_date("Nothing dated here, only last week.") is None


def test_day_and_month_without_year_take_the_nearest_year() -> None:
    [time] = find_times("Talks held on December 28 failed.", "2025-01-05")
    assert time.start == "2024-12-28"


def test_a_later_shift_without_an_earlier_time_stays_unresolved() -> None:
    """ "Two weeks later" alone counts from a time the sentence does not state."""
    [time] = find_times("Two weeks later, the talks collapsed.", PUBLISHED)
    assert (time.text, time.start) == ("Two weeks later", None)


def test_a_shift_counts_from_the_time_before_it_in_the_sentence() -> None:
    found = find_times("Exports were 4.2 million tonnes in October, from 4.6 million a year earlier.", PUBLISHED)
    assert [(t.text, t.start, t.end) for t in found] == [
        ("October", "2024-10-01", "2024-10-31"),
        ("a year earlier", "2023-10-01", "2023-10-31"),
    ]
