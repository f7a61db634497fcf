"""The dashboard's geometry and text pieces, without a browser: marks nest, the text survives whole, citations
resolve to spans."""

from __future__ import annotations

import random
from typing import Any

from watchfloor.web.render import Mark, brief_blocks, fill_weeks, highlight, map_point


def _flat(pieces: list[Any]) -> str:
    return "".join(p if isinstance(p, str) else _flat(p.pieces) for p in pieces)


def _tree(pieces: list[Any]) -> list[Any]:
    return [p if isinstance(p, str) else (p.id, _tree(p.pieces)) for p in pieces]


def test_a_span_inside_another_nests_in_it() -> None:
    text = "Officials in Port Sudan said"
    pieces = highlight(text, [Mark("p1", "place", "", 13, 23), Mark("a1", "actor", "", 0, 23)])
    assert _tree(pieces) == [("a1", ["Officials in ", ("p1", ["Port Sudan"])]), " said"]


def test_a_crossing_span_is_cut_at_the_enclosing_end() -> None:
    text = "abcdefghij"
    pieces = highlight(text, [Mark("x", "claim", "", 0, 6), Mark("y", "event", "", 4, 9)])
    assert _tree(pieces) == [("x", ["abcd", ("y", ["ef"])]), "ghij"]


def test_spans_out_of_range_or_empty_are_left_out() -> None:
    pieces = highlight("short", [Mark("z", "claim", "", 3, 3), Mark("w", "claim", "", 9, 12)])
    assert _tree(pieces) == ["short"]


def test_any_set_of_spans_keeps_the_text_whole_and_in_order() -> None:
    chance = random.Random(15)
    for _round in range(300):
        text = "".join(chance.choice("ab <>&\"'\n") for _ in range(chance.randint(0, 40)))
        marks = []
        for index in range(chance.randint(0, 8)):
            start = chance.randint(-2, len(text) + 2)
            marks.append(Mark(f"m{index}", "claim", "", start, start + chance.randint(-1, 12)))
        assert _flat(highlight(text, marks)) == text


def test_brief_citations_link_to_the_quoted_span() -> None:
    document = "sha256:" + "ab12" * 16
    markdown = "\n".join(
        [
            "# Situation brief",
            "- 2024-11-02: Sudan put the figure at \u201c12\u201d (reported). [^1]",
            f'[^1]: "12 people" (Outlet (Khartoum); 2024-11-02, A title; {document[:19]}, characters 40-49)',
        ]
    )
    result = brief_blocks(markdown, ["sha256:" + "ff" * 32, document])
    assert result["footnotes"][0]["href"] == f"/article/{document}#s40-49"
    item = result["blocks"][1]
    assert item["kind"] == "li" and item["pieces"][-1] == {"cite": "1", "href": f"/article/{document}#s40-49"}


def test_map_points_sit_in_the_equirectangular_frame() -> None:
    assert map_point(0.0, 0.0, "city")[:2] == (180.0, 90.0)
    x, y, radius = map_point(15.5, 32.5, "country")
    assert (x, y) == (212.5, 74.5) and radius > map_point(15.5, 32.5, "city")[2]


def test_quiet_weeks_come_back_empty_across_a_year_end() -> None:
    quads = ("a", "b")
    series = [
        {"period": "2024-W51", "counts": {"a": 1, "b": 0}, "score": 1.0, "events": []},
        {"period": "2025-W02", "counts": {"a": 0, "b": 2}, "score": -2.0, "events": []},
    ]
    filled = fill_weeks(series, quads)
    assert [p["period"] for p in filled] == ["2024-W51", "2024-W52", "2025-W01", "2025-W02"]
    assert filled[1]["counts"] == {"a": 0, "b": 0} and filled[-1] is series[-1]
    assert fill_weeks([], quads) == []
