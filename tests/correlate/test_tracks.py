"""Claim tracks: keys, tolerance intervals, agreement, ultimate sources and marks (table-driven, no spaCy)."""

from __future__ import annotations

import math

import pytest

from watchfloor.correlate.dyads import Alignment, alignment
from watchfloor.correlate.tracks import (
    Track,
    agree,
    build_tracks,
    canonical_keys,
    contradictions,
    figure_text,
    interval,
    mark,
    speaker_text,
    track_key,
    ultimate_source,
    unit_class,
)


def row(value=None, *, bound="=", approximate=False, low=None, high=None, **fields) -> dict:
    """A claim row as the ledger hands it to correlate."""
    base = {"value": value, "bound": bound, "approximate": approximate, "low": low, "high": high}
    base.setdefault("extraction_id", 1)
    base.setdefault("span_start", 0)
    return {**base, **fields}


UNIT_CLASSES = [
    ("troops and soldiers share a class", "soldiers", unit_class("troops")),
    ("a plural falls back to its singular", "troop", unit_class("troops")),
    ("an unknown unit is its own class", "widgets", "widgets"),
    ("no unit is the empty class", None, ""),
]


@pytest.mark.parametrize(("rule", "unit", "expected"), UNIT_CLASSES, ids=[c[0] for c in UNIT_CLASSES])
def test_unit_class(rule: str, unit: str | None, expected: str) -> None:
    assert unit_class(unit) == expected


def test_track_key_prefers_the_destination_actor_to_the_place() -> None:
    assert track_key("troops", "PRK", "RUS", "Kursk", "deploy") == f"{unit_class('troops')}|PRK|deploy|RUS"


def test_track_key_falls_back_to_the_place() -> None:
    assert track_key("troops", "PRK", None, "Kursk", "deploy") == f"{unit_class('troops')}|PRK|deploy|@Kursk"


INTERVALS = [
    # rule id, row, expected (low, high)
    ("exact figure allows 2%", row(1000), (980.0, 1020.0)),
    ("approximate figure allows 10%", row(1000, bound="~", approximate=True), (900.0, 1100.0)),
    ("'up to N' is [0, N]", row(1000, bound="<="), (0.0, 1000.0)),
    ("'nearly N' is [0.9N, N]", row(1000, bound="<=", approximate=True), (900.0, 1000.0)),
    ("'at least N' is [N, inf)", row(1000, bound=">="), (1000.0, math.inf)),
    ("'more than N' is [N, inf)", row(1000, bound=">"), (1000.0, math.inf)),
    ("a range is its low and high", row(low=8000, high=10000), (8000.0, 10000.0)),
    ("a range open above", row(low=12), (12.0, math.inf)),
]


@pytest.mark.parametrize(("rule", "claim", "expected"), INTERVALS, ids=[c[0] for c in INTERVALS])
def test_interval(rule: str, claim: dict, expected: tuple[float, float]) -> None:
    assert interval(claim) == pytest.approx(expected)


AGREEMENT = [
    ("approximately 10,900 agrees with 11,000", row(10900, bound="~", approximate=True), row(11000), True),
    ("3,000 does not agree with 11,000", row(3000), row(11000), False),
    ("exact figures 5% apart disagree", row(1000), row(1050), False),
    ("exact figures 3% apart agree (2% each)", row(1000), row(1030), True),
    ("'at least 500' agrees with 800", row(500, bound=">="), row(800), True),
    ("'up to 500' does not agree with 800", row(500, bound="<="), row(800), False),
]


@pytest.mark.parametrize(("rule", "first", "second", "expected"), AGREEMENT, ids=[c[0] for c in AGREEMENT])
def test_agree(rule: str, first: dict, second: dict, expected: bool) -> None:
    assert agree(first, second) is expected


SOURCES = [
    ("the last link of the chain", row(1, chain=["KOR-YONHAP", "KOR-NIS"]), "KOR-NIS"),
    ("the chain's last link at state level", row(1, chain=["UKR-HUR"], chain_countries=["UKR"]), "UKR"),
    ("the source at state level without a chain", row(1, source="UKR-MIL", source_country="UKR"), "UKR"),
    ("the outlet's own voice counts per outlet", row(1, outlet="Example Daily"), "outlet:Example Daily"),
    ("no outlet: the document", row(1, document_id="sha256:ab"), "outlet:sha256:ab"),
]


@pytest.mark.parametrize(("rule", "claim", "expected"), SOURCES, ids=[c[0] for c in SOURCES])
def test_ultimate_source(rule: str, claim: dict, expected: str) -> None:
    assert ultimate_source(claim) == expected


def marked(*entries: dict) -> list[dict]:
    track = Track("troops|PRK|deploy|RUS", list(entries))
    mark(track)
    return [e["marks"] for e in track.entries]


def test_agreeing_independent_source_corroborates() -> None:
    marks = marked(row(11000, source="KOR", published="2024-11-01"), row(10900, source="USA", published="2024-11-02"))
    assert marks[1]["corroborated_by"] == ["KOR"]


def test_disagreeing_independent_source_contradicts() -> None:
    marks = marked(row(11000, source="KOR", published="2024-11-01"), row(3000, source="USA", published="2024-11-02"))
    assert marks[1]["contradicted_by"] == ["KOR"]


def test_same_source_on_a_later_day_revises() -> None:
    marks = marked(row(3000, source="KOR", published="2024-10-01"), row(11000, source="KOR", published="2024-11-01"))
    assert marks[1]["revises"] == "3000"


def test_a_change_keys_a_track_of_its_own() -> None:
    """ "3,000 more troops sent to Russia" is not a figure of the total sent: its relation carries the change."""
    total = track_key("troops", "PRK", "RUS", None, "deploy")
    assert track_key("troops", "PRK", "RUS", None, "deploy", "increase") == total.replace("deploy", "deploy:increase")
    assert track_key("drones", "RUS", None, None, "launch", "decrease").split("|")[2] == "launch:decrease"


def test_a_change_neither_revises_nor_is_revised_by_a_total() -> None:
    """Should a change meet a total on one track, the same source's later change is no revision of it, and the
    total that follows the change revises no change."""
    marks = marked(
        row(10000, source="KOR", published="2024-10-01"),
        row(3000, source="KOR", published="2024-11-01", change="increase"),
        row(13000, source="KOR", published="2024-12-01"),
    )
    assert "revises" not in marks[1]
    assert marks[2]["revises"] == "10000"


def test_same_source_on_the_same_day_differs_rather_than_revises() -> None:
    marks = marked(row(2000, source="KOR", published="2024-11-01"), row(5000, source="KOR", published="2024-11-01"))
    assert "revises" not in marks[1] and marks[1]["differs_same_day"] == "2000"


def test_a_denial_is_marked_and_neither_corroborates_nor_contradicts() -> None:
    marks = marked(
        row(11000, source="KOR", published="2024-11-01"),
        row(11000, source="RUS", published="2024-11-02", polarity="negative"),
    )
    assert (marks[1].get("denial"), marks[1]["corroborated_by"], marks[1]["contradicted_by"]) == (True, [], [])


def test_a_denied_figure_is_not_the_source_s_latest() -> None:
    marks = marked(
        row(11000, source="KOR", published="2024-11-01"),
        row(11000, source="RUS", published="2024-11-02", polarity="negative"),
        row(3000, source="USA", published="2024-11-03"),
    )
    assert marks[2]["contradicted_by"] == ["KOR"]


def test_build_tracks_orders_entries_by_date() -> None:
    rows = [
        row(2, track_key="k", source="A", published="2024-11-02", extraction_id=1),
        row(1, track_key="k", source="B", published="2024-11-01", extraction_id=2),
    ]
    assert [e["value"] for e in build_tracks(rows)["k"].entries] == [1, 2]


def test_contradictions_pairs_latest_figures_that_disagree() -> None:
    tracks = build_tracks(
        [
            row(11000, track_key="k", source="KOR", published="2024-11-01"),
            row(3000, track_key="k", source="USA", published="2024-11-02"),
        ]
    )
    assert [(c["kind"], c["a"]["source"], c["b"]["source"]) for c in contradictions(tracks)] == [
        ("contradiction", "KOR", "USA")
    ]


def test_contradictions_report_a_denial_as_such() -> None:
    tracks = build_tracks(
        [
            row(11000, track_key="k", source="KOR", published="2024-11-01"),
            row(11000, track_key="k", source="RUS", published="2024-11-02", polarity="negative"),
        ]
    )
    assert [c["kind"] for c in contradictions(tracks)] == ["denial"]


FIGURES = [
    ("exact figure", row(3000), {}, "3000"),
    ("bound shown on request", row(3000, bound="<="), {"bound": True}, "<=3000"),
    ("range", row(low=8000, high=10000), {}, "8000-10000"),
    ("open range", row(low=12), {}, ">=12"),
]


@pytest.mark.parametrize(("rule", "claim", "options", "expected"), FIGURES, ids=[c[0] for c in FIGURES])
def test_figure_text(rule: str, claim: dict, options: dict, expected: str) -> None:
    assert figure_text(claim, **options) == expected


# Partial keys: a figure whose clause omits a part of the key (or names a place inside the destination) joins
# the one fuller track it fits; with two candidates, or none, it stays where it is.
PARTIAL_KEYS = [
    (
        "no destination joins the one track with one",
        ["troops|PRK|deploy|", "troops|PRK|deploy|RUS"],
        {"troops|PRK|deploy|": "troops|PRK|deploy|RUS"},
    ),
    (
        "a place inside the destination joins it",
        ["troops|PRK|deploy|@Kursk", "troops|PRK|deploy|RUS"],
        {"troops|PRK|deploy|@Kursk": "troops|PRK|deploy|RUS"},
    ),
    (
        "no owner and no destination",
        ["displaced||flee|", "displaced|SDN|flee|TCD"],
        {"displaced||flee|": "displaced|SDN|flee|TCD"},
    ),
    (
        "two fuller tracks: ambiguous, kept",
        ["troops|PRK|deploy|", "troops|PRK|deploy|RUS", "troops|PRK|deploy|SYR"],
        {},
    ),
    ("another relation is another track", ["troops|PRK|capture|", "troops|PRK|deploy|RUS"], {}),
    ("another unit class is another track", ["people|PRK|deploy|", "troops|PRK|deploy|RUS"], {}),
    ("a place outside the destination is kept", ["troops|PRK|deploy|@Kyiv", "troops|PRK|deploy|RUS"], {}),
    ("without a relation a figure stays apart", ["troops|PRK||", "troops|PRK|deploy|RUS"], {}),
]


@pytest.mark.parametrize(("rule", "keys", "expected"), PARTIAL_KEYS, ids=[c[0] for c in PARTIAL_KEYS])
def test_partial_keys_join_the_track_they_fit(rule: str, keys: list[str], expected: dict[str, str]) -> None:
    mapping = canonical_keys(keys, {"Kursk": "RUS", "Kyiv": "UKR"})
    assert {key: target for key, target in mapping.items() if key != target} == expected
    assert set(mapping) == set(keys)


# Misread destinations: with the ledger's alignment (who helps whom, who fights whom), a key whose destination
# is the enemy of a party its owner helps joins that party's track; without a war between two destinations
# (a second deployment elsewhere) both stay.
PRK_HELPS_RUS = Alignment(frozenset({frozenset({"RUS", "UKR"})}), frozenset({("PRK", "RUS")}))
IRN_HELPS_HOUTHIS = Alignment(frozenset({frozenset({"HOUTHIS", "SAU"})}), frozenset({("IRN", "HOUTHIS")}))
MISREAD = [
    (
        "the enemy named as destination joins the helped party's track, and so does the partial key",
        ["troops|PRK|deploy|", "troops|PRK|deploy|RUS", "troops|PRK|deploy|UKR"],
        PRK_HELPS_RUS,
        {"troops|PRK|deploy|": "troops|PRK|deploy|RUS", "troops|PRK|deploy|UKR": "troops|PRK|deploy|RUS"},
    ),
    (
        "a place in the enemy's country joins the helped party's track",
        ["troops|PRK|deploy|@Kyiv", "troops|PRK|deploy|RUS"],
        PRK_HELPS_RUS,
        {"troops|PRK|deploy|@Kyiv": "troops|PRK|deploy|RUS"},
    ),
    (
        "another owner, another unit class: advisers sent to an armed group",
        ["advisers|IRN|deploy|HOUTHIS", "advisers|IRN|deploy|SAU"],
        IRN_HELPS_HOUTHIS,
        {"advisers|IRN|deploy|SAU": "advisers|IRN|deploy|HOUTHIS"},
    ),
    (
        "no war between the two destinations: a second deployment stays",
        ["troops|PRK|deploy|RUS", "troops|PRK|deploy|SYR"],
        PRK_HELPS_RUS,
        {},
    ),
    (
        "the owner does not help the other destination: attacks on two states stay apart",
        ["drones|RUS|launch|POL", "drones|RUS|launch|UKR"],
        PRK_HELPS_RUS,
        {},
    ),
    (
        "without the ledger's alignment two destinations stay ambiguous",
        ["troops|PRK|deploy|", "troops|PRK|deploy|RUS", "troops|PRK|deploy|UKR"],
        Alignment(),
        {},
    ),
    (
        "another owner's figures are not moved",
        ["troops|BLR|deploy|UKR", "troops|PRK|deploy|RUS"],
        PRK_HELPS_RUS,
        {},
    ),
]


@pytest.mark.parametrize(("rule", "keys", "sides", "expected"), MISREAD, ids=[c[0] for c in MISREAD])
def test_a_misread_destination_joins_the_helped_party_s_track(
    rule: str, keys: list[str], sides: Alignment, expected: dict[str, str]
) -> None:
    mapping = canonical_keys(keys, {"Kursk": "RUS", "Kyiv": "UKR"}, sides)
    assert {key: target for key, target in mapping.items() if key != target} == expected


ALIGNMENT_EVENTS = [
    ("aid is help, source to target", [{"type": "AID", "source": "PRK", "target": "RUS"}], set(), {("PRK", "RUS")}),
    (
        "fighting is war either way, organs at their state",
        [{"type": "FIGHT", "source": "UKR-MIL", "source_country": "UKR", "target": "RUS"}],
        {frozenset({"RUS", "UKR"})},
        set(),
    ),
    (
        "denied, background and verbal acts do not count",
        [
            {"type": "AID", "source": "PRK", "target": "RUS", "polarity": "negative"},
            {"type": "ASSAULT", "source": "RUS", "target": "UKR", "context": "historical"},
            {"type": "DISAPPROVE", "source": "KOR", "target": "PRK"},
        ],
        set(),
        set(),
    ),
]


@pytest.mark.parametrize(
    ("rule", "events", "conflicts", "helps"), ALIGNMENT_EVENTS, ids=[c[0] for c in ALIGNMENT_EVENTS]
)
def test_alignment_from_events(rule: str, events: list[dict], conflicts: set, helps: set) -> None:
    sides = alignment(events)
    assert (set(sides.conflicts), set(sides.helps)) == (conflicts, helps)


SPEAKERS = [
    ("a wire citing an agency names both", {"speaker": "Yonhap", "chain": ["KOR-YONHAP", "KOR-NIS"]},
     "Yonhap (citing National Intelligence Service)"),
    ("a two-link chain of a state and an organ", {"speaker": "A diplomat", "chain": ["person:x", "UKR", "USA-DOD"]},
     "A diplomat (citing Ukraine, United States Department of Defense)"),
    ("a speaker citing nobody is itself", {"speaker": "The Pentagon", "chain": ["USA-DOD"]}, "The Pentagon"),
    ("the outlet's own voice has no speaker", {"speaker": None, "chain": []}, None),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "entry", "expected"), SPEAKERS, ids=[c[0] for c in SPEAKERS])
def test_a_track_row_names_whom_its_speaker_cites(rule: str, entry: dict, expected: str | None) -> None:
    assert speaker_text(entry) == expected
