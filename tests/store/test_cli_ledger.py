"""The ledger's commands in-process on the story corpus, and hostile inputs that must not harm stored data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from watchfloor.correlate.tracks import load_tracks
from watchfloor.store.ledger import Ledger

STORY = Path(__file__).resolve().parents[2] / "samples" / "north-korea-story.jsonl"


def test_ledger_commands_on_the_story(ledger_url: str, cli) -> None:
    assert cli("ingest", str(STORY), "--db", ledger_url).code == 0
    tracks = [json.loads(line) for line in cli("tracks", "--db", ledger_url, "--actor", "PRK").out.splitlines()]
    assert tracks[0]["track"] == "troops|PRK|deploy|RUS" and tracks[0]["sources"] == 5
    assert cli("track", "troops|PRK|", "--db", ledger_url).code == 2  # deploy and capture match: ambiguous
    history = cli("track", "troops|PRK|deploy|R", "--db", ledger_url, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(history.out)))
    assert history.code == 0 and [r["figure"] for r in rows][:3] == ["1500", "1500", "~3000"]
    assert "denial" in rows[1]["marks"] and "revises 1500" in rows[2]["marks"]
    assert cli("track", "no-such-track", "--db", ledger_url).code == 2
    newest = cli("track", "troops|PRK|deploy|RUS", "--db", ledger_url, "--format", "csv", "--limit", "4")
    shown = list(csv.DictReader(io.StringIO(newest.out)))
    assert shown == rows[-4:]  # the newest figures, marked as in the whole track
    assert f"the newest 4 of {len(rows)} figures (--limit 0 for all)" in newest.err
    assert list(csv.DictReader(io.StringIO(cli("track", "troops|PRK|deploy|RUS", "--db", ledger_url,
                                               "--format", "csv", "--limit", "0").out))) == rows  # fmt: skip
    found = [json.loads(line) for line in cli("contradictions", "--db", ledger_url).out.splitlines()]
    assert {item["kind"] for item in found} == {"denial", "contradiction"}
    dyad = [
        json.loads(line) for line in cli("dyad", "PRK", "RUS", "--by", "month", "--db", ledger_url).out.splitlines()
    ]
    assert [p["period"] for p in dyad] == ["2024-10", "2024-11", "2024-12"]
    for point in dyad:  # the first 3 events of a period cited, the others counted
        events = sum(point[quad] for quad in ("verbal cooperation", "material cooperation", "verbal conflict",
                                               "material conflict"))  # fmt: skip
        cited = [part for part in point["events"].split() if part.startswith("sha256:")]
        assert len(cited) == min(3, events)
        assert point["events"].endswith(f"and {events - 3} more") == (events > 3)
    brief = cli("brief", "--db", ledger_url, "--since", "2024-11-01")
    assert (
        brief.code == 0 and brief.out.startswith("# Situation brief") and "2024-10-" not in brief.out.split("[^1]:")[0]
    )
    hits = [json.loads(line) for line in cli("search", "groundless rumours", "--db", ledger_url).out.splitlines()]
    assert [h["outlet"] for h in hits] == ["Pyongyang Watch"]


def test_hostile_inputs_never_break_stored_data(ledger_url: str, tmp_path: Path, cli) -> None:
    assert cli("ingest", str(STORY), "--db", ledger_url).code == 0
    before = Ledger(ledger_url).counts()
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    (hostile / "laughs.rss").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;'
        '&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        "<rss><channel><item><title>&lol3;</title><description>&lol3;</description></item></channel></rss>",
        encoding="utf-8",
    )
    (hostile / "garbage.jsonl").write_text("\n".join(["{" * 50, "[1,2,3]", '{"text": 5}', "\x00\x01"] * 200))
    (hostile / "deep.html").write_text("<div>" * 5000 + "Troops were sent." + "</div>" * 5000, encoding="utf-8")
    (hostile / "empty.txt").write_bytes(b"")
    (hostile / "injection.txt").write_text(
        "Officials said 300 troops'); DROP TABLE claims; -- were sent to Russia, the Pentagon said.", encoding="utf-8"
    )
    result = cli("ingest", str(hostile), "--db", ledger_url)
    assert result.code == 1 and "Traceback" not in result.err
    ledger = Ledger(ledger_url)
    after = ledger.counts()
    assert all(after[table] >= before[table] for table in before)
    assert after["documents"] - before["documents"] <= 3
    assert ledger.check() == []
    assert load_tracks(ledger)["troops|PRK|deploy|RUS"].entries  # earlier facts untouched


def test_every_printing_command_takes_every_format(ledger_url: str, cli) -> None:
    ingested = cli("ingest", str(STORY), "--db", ledger_url, "--format", "json")
    assert ingested.code == 0 and json.loads(ingested.out) == [{"ledger": ledger_url, "added": 15}]
    commands = {
        "claims": ["claims", "--actor", "PRK"],
        "search": ["search", "troops Kursk"],
        "tracks": ["tracks"],
        "track": ["track", "troops|PRK|deploy|RUS"],
        "contradictions": ["contradictions"],
        "dyad": ["dyad", "PRK", "RUS", "--by", "month"],
        "ingest": ["ingest", str(STORY)],
    }
    for name, args in commands.items():
        outputs = {}
        for output_format in ("json", "jsonl", "csv", "table"):
            result = cli(*args, "--db", ledger_url, "--format", output_format)
            assert result.code == 0, (name, output_format, result.err)
            outputs[output_format] = result.out
        array = json.loads(outputs["json"])
        lines = [json.loads(line) for line in outputs["jsonl"].splitlines()]
        assert isinstance(array, list) and array and array == lines, name
        rows = list(csv.DictReader(io.StringIO(outputs["csv"])))
        assert len(rows) == len(array) and set(rows[0]) >= set(array[0]), name
        assert outputs["table"].strip() and outputs["table"] != outputs["jsonl"], name
    assert json.loads(cli("ingest", str(STORY), "--db", ledger_url, "-f", "json").out) == [
        {"ledger": ledger_url, "unchanged": 15}
    ]
