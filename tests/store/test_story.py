"""The story corpus through the ledger, on SQLite and PostgreSQL: copies, tracks, marks, dyads, the brief."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from watchfloor.config import Settings
from watchfloor.correlate.dyads import dyad_series
from watchfloor.correlate.tracks import contradictions, load_tracks
from watchfloor.pipeline import ingest_items
from watchfloor.read import read_paths
from watchfloor.report import MAX_REPORTS, write_brief
from watchfloor.store.ledger import Ledger

STORY = Path(__file__).resolve().parents[2] / "samples" / "north-korea-story.jsonl"
MAIN = "troops|PRK|deploy|RUS"


@pytest.fixture
def story(ledger: Ledger, nlp) -> Ledger:
    settings = Settings()
    items = read_paths([str(STORY)], max_bytes=settings.max_bytes, max_chars=settings.max_chars)
    outcomes = [result.outcome for result in ingest_items(items, settings, ledger)]
    assert outcomes == ["added"] * 15
    return ledger


def test_wire_copies_are_linked_and_left_out(story: Ledger) -> None:
    assert len(story.copies()) == 2
    published = [row["published"] for row in story.claims(limit=1000) if row["document_id"] in story.copies()]
    assert sorted(published) == ["2024-10-18", "2024-11-13"]
    figures = [entry["value"] for entry in load_tracks(story)[MAIN].entries]
    assert figures.count(1500) == 2  # one by the NIS (the copy left out), one denied by the Kremlin
    assert figures.count(11000) == 2  # Ukraine's intelligence and the NIS, the NIS's copy left out


def test_main_track_history_marks_and_independence(story: Ledger) -> None:
    track = load_tracks(story)[MAIN]
    history = [(e["published"], e["value"], e["marks"]["source"]) for e in track.entries]
    assert history[0] == ("2024-10-18", 1500, "KOR")
    assert history[-1] == ("2024-12-20", 15000, "UKR")
    assert track.sources == {"KOR", "RUS", "PRK", "USA", "UKR"}  # Yonhap citing the NIS is the NIS: KOR
    by_date = {e["published"]: e["marks"] for e in track.entries}
    assert by_date["2024-10-21"].get("denial") and by_date["2024-10-25"].get("denial")
    assert by_date["2024-10-23"]["revises"] == "1500"  # Yonhap citing the NIS: the NIS revising itself
    assert by_date["2024-11-13"]["revises"] == "3000"
    assert set(by_date["2024-11-13"]["corroborated_by"]) == {"USA", "UKR"}
    assert by_date["2024-10-28"]["contradicted_by"] == ["KOR"]  # 10,000 against the NIS's 3,000
    assert by_date["2024-12-10"]["revises"] == "12000"


def test_one_briefing_reported_twice_is_a_same_day_discrepancy(story: Ledger) -> None:
    entries = load_tracks(story)[MAIN].entries  # the Kursk figures joined the deployment (Kursk is in Russia)
    [first] = [e for e in entries if e["value"] == 2000]
    [second] = [e for e in entries if e["low"] == 3000]
    assert (first["value"], second["low"], second["high"]) == (2000, 3000, 10000)
    assert second["marks"]["differs_same_day"] == "2000" and "revises" not in second["marks"]


def test_contradictions_and_denials_are_listed(story: Ledger) -> None:
    found = contradictions(load_tracks(story))
    kinds = {(item["kind"], item["a"]["source"], item["b"]["source"]) for item in found if item["track"] == MAIN}
    assert ("denial", "KOR", "PRK") in kinds and ("denial", "KOR", "RUS") in kinds
    assert ("contradiction", "KOR", "UKR") in kinds  # the NIS's 11,000 against Ukraine's 15,000


def test_dyad_series(story: Ledger) -> None:
    monthly = dyad_series(story.events(), "PRK", "RUS", "month")
    assert [p["period"] for p in monthly] == ["2024-10", "2024-11", "2024-12"]
    assert all(p["counts"]["material cooperation"] > 0 and p["score"] > 0 for p in monthly)
    hostile = dyad_series(story.events(), "UKR", "PRK", "month")
    assert hostile and hostile[-1]["counts"]["material conflict"] >= 1 and hostile[-1]["score"] < 0
    for point in monthly:
        for event in point["events"]:
            assert event["source_country"] == "PRK" and event["polarity"] == "positive"


def test_every_brief_sentence_cites_a_span_holding_its_figure_or_event(story: Ledger) -> None:
    brief = write_brief(story)
    body, _, notes = brief.partition("\n[^1]:")
    footnotes = dict(re.findall(r'\[\^(\d+)\]: "([^"]*)"', "[^1]:" + notes))
    sentences = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(sentences) >= 14
    # the main track's 13 figures: the newest 12 in lines, the first counted, with the command that lists it
    assert f"\n1 earlier figure: `watchfloor track {MAIN} --limit 0`.\n" in body
    for line in sentences:
        cited = re.findall(r"\[\^(\d+)\]", line)
        assert cited, line
        reports = re.search(r"; (\d+) reports?;", line)  # an event line cites its first reports
        assert len(cited) == (min(int(reports.group(1)), MAX_REPORTS) if reports else 1), line
        quote = footnotes[cited[0]]
        figure = re.search(r"\u201c([^\u201d]+)\u201d", line)
        if figure:
            assert figure.group(1) == quote, (line, quote)  # the figure as the source's words, cited
            assert re.search(r"\d|thousand|dozen|hundred|two|three|four|five", quote, re.IGNORECASE), quote
        else:
            assert quote.strip(), line  # an event cites its trigger word


def test_figures_in_kursk_join_the_deployment_track(story: Ledger) -> None:
    from watchfloor.correlate.tracks import load_track, summarize_tracks

    summaries = summarize_tracks(story)
    assert [s["track"] for s in summaries] == [MAIN, "troops|PRK|capture|@Kursk"]
    assert summaries[0]["figures"] == 13
    assert len(load_track(story, MAIN).entries) == 13 == len(load_tracks(story)[MAIN].entries)


def test_a_partial_figure_joins_a_fuller_track_stored_after_it(ledger: Ledger, nlp) -> None:
    from watchfloor.correlate.tracks import load_track, summarize_tracks

    settings = Settings()
    story = Path(__file__).resolve().parents[1] / "fixtures" / "displaced-story.jsonl"
    items = read_paths([str(story)], max_bytes=settings.max_bytes, max_chars=settings.max_chars)
    list(ingest_items(items, settings, ledger))
    full = "displaced|SDN|flee|TCD"
    assert [(s["track"], s["figures"], s["sources"]) for s in summarize_tracks(ledger)] == [(full, 2, 1)]
    assert [e["value"] for e in load_track(ledger, full).entries] == [20000, 25000]
    assert list(load_tracks(ledger)) == [full]


def test_a_change_keys_its_own_track_and_revises_no_total(ledger: Ledger, nlp, tmp_path: Path) -> None:
    """ "3,000 more troops" after "10,000 troops" from the same source is an increase, stored as one, on a track
    of its own: the total's track keeps one figure and nothing in it is marked a revision."""
    import json

    from watchfloor.correlate.tracks import load_track, summarize_tracks

    said = ", the Belarusian defence ministry said."
    stories = [
        {
            "published": "2024-10-01",
            "outlet": "Minsk Wire",
            "text": "Russia has deployed 10,000 troops to Belarus" + said,
        },
        {
            "published": "2024-11-01",
            "outlet": "Minsk Wire",
            "text": "Russia has deployed 3,000 more troops to Belarus" + said,
        },
    ]
    path = tmp_path / "changes.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    settings = Settings()
    list(
        ingest_items(
            read_paths([str(path)], max_bytes=settings.max_bytes, max_chars=settings.max_chars), settings, ledger
        )
    )
    assert sorted((row["value"], row["change"]) for row in ledger.claims()) == [(3000, "increase"), (10000, None)]
    keys = sorted(s["track"] for s in summarize_tracks(ledger))
    assert keys == ["troops|RUS|deploy:increase|BLR", "troops|RUS|deploy|BLR"]
    total = load_track(ledger, "troops|RUS|deploy|BLR")
    assert [e["value"] for e in total.entries] == [10000]
    assert not any("revises" in (e.get("marks") or {}) for e in total.entries)


def test_a_misread_destination_does_not_split_the_track(ledger: Ledger, nlp) -> None:
    """Four reports of one deployment: "to Russia" twice, "in Ukraine" (the enemy named as destination) and
    "to fight Ukraine" (no destination). The ledger's events show North Korea aiding Russia and Russia
    fighting Ukraine, so all four figures are one track, on every reader."""
    from watchfloor.correlate.tracks import load_track, summarize_tracks

    settings = Settings()
    story = Path(__file__).resolve().parents[1] / "fixtures" / "auxiliary-force-story.jsonl"
    items = read_paths([str(story)], max_bytes=settings.max_bytes, max_chars=settings.max_chars)
    assert [result.outcome for result in ingest_items(items, settings, ledger)] == ["added"] * 4
    assert set(ledger.track_keys()) == {MAIN, "troops|PRK|deploy|", "troops|PRK|deploy|UKR"}  # as extracted
    assert [(s["track"], s["figures"]) for s in summarize_tracks(ledger)] == [(MAIN, 4)]
    assert list(load_tracks(ledger)) == [MAIN]
    assert [e["value"] for e in load_track(ledger, MAIN).entries] == [1500, 7000, 10000, 12000]


def test_the_alignment_read_in_sql_equals_the_one_of_every_event(ledger: Ledger, nlp) -> None:
    """``Ledger.event_pairs`` (distinct kinds of act, in SQL) gives the alignment every corrected event gives,
    after an analyst rejects an act and after one changes an act's type."""
    from watchfloor.correlate.dyads import alignment

    settings = Settings()
    story = Path(__file__).resolve().parents[1] / "fixtures" / "auxiliary-force-story.jsonl"
    list(
        ingest_items(
            read_paths([str(story)], max_bytes=settings.max_bytes, max_chars=settings.max_chars), settings, ledger
        )
    )
    assert alignment(ledger.event_pairs()) == alignment(ledger.events())
    assert alignment(ledger.event_pairs()).sides_with("PRK", "RUS")
    for event in ledger.events(type="AID", source="PRK", target="RUS"):
        ledger.correct(f"{event['document_id']}:{event['event_id']}", reject=True, author="analyst")
    assert not alignment(ledger.event_pairs()).sides_with("PRK", "RUS")
    assert alignment(ledger.event_pairs()) == alignment(ledger.events())
    [assault, *_] = ledger.events(type="ASSAULT")
    ledger.correct(f"{assault['document_id']}:{assault['event_id']}", field="type", value="consult", author="analyst")
    assert alignment(ledger.event_pairs()) == alignment(ledger.events())
