"""A page of a track's newest figures (``load_track`` with a limit) is marked exactly as the whole track marks
those figures, however far back the sources' earlier figures lie (issue 17: a track of 10,000 figures is read
a page at a time)."""

from __future__ import annotations

import random

import pytest

from watchfloor.correlate import tracks
from watchfloor.correlate.tracks import claim_track_keys, find_track, load_track
from watchfloor.pipeline import extract_text
from watchfloor.store.ledger import Ledger

KEY = "troops|PRK|deploy|RUS"
SPEAKERS = [
    ("South Korea's spy agency said", "positive"),
    ("Ukraine's military intelligence said", "positive"),
    ("the Pentagon said", "positive"),
    ("Russia's defence ministry denied reports that", "negative"),
]


def _story(number: int, rng: random.Random) -> tuple[str, str | None]:
    """One short wire story with one figure of the track, from one of four speakers (one of them denying)."""
    speaker, polarity = rng.choice(SPEAKERS)
    troops = rng.choice([3000, 10000, 11000, 12000, 15000])
    day = f"2025-0{1 + number % 3}-{1 + number % 9:02d}"
    if polarity == "negative":
        text = f"MOSCOW (Wire {number}) - {speaker.capitalize()} {troops:,} North Korean troops were sent to Russia."
    else:
        text = f"SEOUL (Wire {number}) - About {troops:,} North Korean troops have been sent to Russia, {speaker}."
    return text, day


@pytest.fixture
def long_track(ledger: Ledger, nlp) -> Ledger:
    rng = random.Random(11)
    for number in range(28):
        text, day = _story(number, rng)
        extraction = extract_text(text, published=day)
        ledger.ingest(extraction, "watchfloor test", track_keys=claim_track_keys(extraction))
    return ledger


def _shown(entries) -> list[tuple[object, ...]]:
    return [(e["document_id"], e["span_start"], e["value"], e["marks"]) for e in entries]


def test_every_page_is_marked_as_the_whole_track_marks_it(long_track: Ledger, monkeypatch) -> None:
    whole = load_track(long_track, KEY)
    assert len(whole.entries) >= 20 and whole.total is None
    marks = [entry["marks"] for entry in whole.entries]
    # the track has what the marks are about: denials, revisions, agreement and disagreement between sources
    assert any(m.get("denial") for m in marks) and any(m.get("revises") for m in marks)
    assert any(m["corroborated_by"] for m in marks) and any(m["contradicted_by"] for m in marks)
    monkeypatch.setattr(tracks, "PAGE_CHUNK", 3)  # the walk back crosses several reads
    for limit in (1, 2, 5, 9, len(whole.entries) - 1, len(whole.entries), 1000):
        page = load_track(long_track, KEY, limit)
        assert _shown(page.entries) == _shown(whole.entries[-limit:])
        assert page.total == len(whole.entries)


def test_a_page_by_prefix_and_of_an_unknown_track(long_track: Ledger) -> None:
    assert len(find_track(long_track, "troops|PRK|deploy", limit=4).entries) == 4
    empty = load_track(long_track, "troops|XXX|deploy|RUS", limit=4)
    assert empty.entries == [] and empty.total == 0
