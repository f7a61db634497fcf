"""Issue 14's defects, each as it was seen: the commands an analyst tries first, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from watchfloor.store.ledger import Ledger

STORY = Path(__file__).resolve().parents[2] / "samples" / "north-korea-story.jsonl"


@pytest.fixture
def story(ledger_url: str, cli) -> str:
    assert cli("ingest", str(STORY), "--db", ledger_url).code == 0
    return ledger_url


def rows(result) -> list[dict]:
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


def test_search_table_keeps_the_matched_word(story: str, cli) -> None:
    result = cli("search", "troops", "--db", story, "--format", "table")
    assert result.code == 0 and re.search(r"\[troops\]", result.out, re.IGNORECASE), result.out


def test_search_or_and_not_mean_the_same_on_both_databases(story: str, cli) -> None:
    either = rows(cli("search", "groundless OR zzzqqq", "--db", story))
    assert [hit["outlet"] for hit in either] == ["Pyongyang Watch"]
    troops = {hit["id"] for hit in rows(cli("search", "troops", "--db", story, "--limit", "100"))}
    without = {hit["id"] for hit in rows(cli("search", "troops NOT groundless", "--db", story, "--limit", "100"))}
    assert without and without == troops - {either[0]["id"]}
    assert {hit["id"] for hit in rows(cli("search", "troops -groundless", "--db", story, "--limit", "100"))} == without
    for hit in rows(cli("search", "troops", "--db", story)):
        assert "<b>" not in hit["snippet"] and "\n" not in hit["snippet"] and "[" in hit["snippet"]


def test_actor_ids_take_any_case_and_known_names(story: str, cli) -> None:
    expected = rows(cli("claims", "--actor", "PRK", "--db", story))
    assert expected
    assert rows(cli("claims", "--actor", "prk", "--db", story)) == expected
    assert rows(cli("claims", "--actor", "North Korea", "--db", story)) == expected
    assert rows(cli("dyad", "prk", "rus", "--db", story)) == rows(cli("dyad", "PRK", "RUS", "--db", story))
    assert rows(cli("tracks", "--actor", "north korea", "--db", story)) == rows(
        cli("tracks", "--actor", "PRK", "--db", story)
    )


@pytest.mark.parametrize(
    "args",
    [
        ["claims", "--actor", "Narnia"],
        ["dyad", "PRK", "Narnia"],
        ["tracks", "--actor", "zz"],
        ["brief", "--actor", "zz"],
    ],
)
def test_an_unknown_actor_is_a_clear_error(story: str, cli, args: list[str]) -> None:
    result = cli(*args, "--db", story)
    assert result.code == 1 and "unknown actor" in result.err and "Traceback" not in result.err


def test_unit_matches_by_unit_class(story: str, cli) -> None:
    troops = rows(cli("claims", "--unit", "troops", "--db", story, "--limit", "1000"))
    units = {row["unit"] for row in troops}
    assert "soldiers" in units and "troops" in units
    assert rows(cli("claims", "--unit", "soldiers", "--db", story, "--limit", "1000")) == troops


def test_claims_say_when_the_limit_cut_them_and_carry_their_document(story: str, cli) -> None:
    result = cli("claims", "--limit", "2", "--db", story)
    assert len(rows(result)) == 2 and "limit" in result.err
    everything = cli("claims", "--limit", "1000", "--db", story)
    assert "limit" not in everything.err
    row = rows(everything)[0]
    assert {"outlet", "url", "title", "place", "time_end", "context"} <= set(row)
    assert row["outlet"] and row["title"]


def test_track_jsonl_gives_numbers_and_the_table_stays_readable(story: str, cli) -> None:
    entries = rows(cli("track", "troops|PRK|deploy|RUS", "--db", story, "--format", "jsonl"))
    assert all(isinstance(e["span_start"], int) and isinstance(e["span_end"], int) for e in entries)
    assert any(e["value"] == 3000 and e["bound"] == "=" for e in entries)
    assert all(isinstance(e["value"], (int, float)) or e["value"] is None for e in entries)
    table = cli("track", "troops|PRK|deploy|RUS", "--db", story, "--format", "table").out
    assert "1500" in table and re.search(r"\d+-\d+", table)


def test_a_plain_path_is_a_sqlite_ledger(tmp_path: Path, cli) -> None:
    path = tmp_path / "ledger.sqlite"
    result = cli("ingest", str(STORY), "--db", str(path), "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == [{"ledger": f"sqlite:///{path}", "added": 15}]
    assert Ledger(str(path)).counts()["documents"] == 15


def test_reingesting_unchanged_files_does_not_extract_them(story: str, cli, monkeypatch) -> None:
    import watchfloor.pipeline

    def refuse(*_args, **_kwargs):
        raise AssertionError("an unchanged document was extracted again")

    monkeypatch.setattr(watchfloor.pipeline, "extract_from_doc", refuse)
    result = cli("ingest", str(STORY), "--db", story, "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == [{"ledger": story, "unchanged": 15}]


def test_undated_documents_come_last_by_ingest_time_on_both_databases(ledger_url: str, tmp_path: Path, cli) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-undated.txt").write_text("Officials said 300 troops were sent to Russia.", encoding="utf-8")
    (folder / "b-dated.jsonl").write_text(
        json.dumps({"published": "2024-10-18", "text": "Officials said 500 troops were sent to Russia."}) + "\n",
        encoding="utf-8",
    )
    (folder / "c-undated.txt").write_text("Officials said 700 troops were sent to Russia.", encoding="utf-8")
    assert cli("ingest", str(folder), "--db", ledger_url).code == 0
    ledger = Ledger(ledger_url)
    newest_first = [row["value"] for row in ledger.claims()]
    assert newest_first == [500, 300, 700]
    from watchfloor.correlate.tracks import load_tracks

    [track] = [t for t in load_tracks(ledger).values() if len(t.entries) == 3]
    assert [entry["value"] for entry in track.entries] == [500, 300, 700]
    assert [entry["value"] for entry in ledger.track_claims(track.key)] == [500, 300, 700]


def test_events_lists_and_filters_like_claims(story: str, cli) -> None:
    everything = rows(cli("events", "--db", story, "--limit", "1000"))
    assert everything and {"type", "source", "target", "outlet", "url", "trigger_start", "trigger_end"} <= set(
        everything[0]
    )
    deploys = rows(cli("events", "--actor", "north korea", "--type", "aid", "--db", story))
    assert deploys and all(e["type"] == "AID" for e in deploys)
    assert all("PRK" in (e["source"], e["target"]) or e["source"].startswith("PRK") for e in deploys)
    to_russia = rows(cli("events", "--source", "PRK", "--target", "rus", "--db", story))
    assert to_russia and all(e["target"].startswith("RUS") for e in to_russia)
    late = rows(cli("events", "--since", "2024-12-01", "--db", story))
    assert late and all((e["time_start"] or e["published"]) >= "2024-12-01" for e in late)
    assert rows(cli("events", "--until", "2024-10-19", "--db", story, "--limit", "1000")) != everything
    limited = cli("events", "--limit", "1", "--db", story)
    assert len(rows(limited)) == 1 and "limit" in limited.err
    assert cli("events", "--actor", "Narnia", "--db", story).code == 1


@pytest.mark.parametrize("kind", ["claims", "events", "places"])
def test_export_as_geojson_is_a_feature_collection_of_points(story: str, cli, kind: str) -> None:
    result = cli("export", kind, "--db", story, "--format", "geojson")
    assert result.code == 0, result.err
    collection = json.loads(result.out)
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert {"document_id", "outlet", "url", "place" if kind != "places" else "name"} <= set(feature["properties"])
    first = collection["features"][0]["properties"]
    if kind == "claims":
        assert {"value", "unit", "source", "span_start", "span_end"} <= set(first)
    if kind == "events":
        assert {"type", "source", "target", "trigger_start", "trigger_end"} <= set(first)


@pytest.mark.parametrize("output_format", ["csv", "jsonl"])
def test_export_as_rows_keeps_every_row_with_its_coordinates(story: str, cli, output_format: str) -> None:
    import csv
    import io

    for kind in ("claims", "events", "places"):
        result = cli("export", kind, "--db", story, "--format", output_format)
        assert result.code == 0, result.err
        if output_format == "csv":
            exported = list(csv.DictReader(io.StringIO(result.out)))
        else:
            exported = [json.loads(line) for line in result.out.splitlines()]
        assert exported and {"lat", "lon", "outlet", "url"} <= set(exported[0]), kind
    claims = [json.loads(line) for line in cli("export", "claims", "--db", story, "-f", "jsonl").out.splitlines()]
    assert len(claims) == len(rows(cli("claims", "--db", story, "--limit", "100000")))
    assert any(row["lat"] is not None for row in claims)


def test_export_events_as_a_gdelt_like_table(story: str, cli) -> None:
    import csv
    import io

    result = cli("export", "events", "--db", story, "--format", "gdelt")
    assert result.code == 0, result.err
    table = list(csv.DictReader(io.StringIO(result.out), delimiter="\t"))
    events = rows(cli("export", "events", "--db", story, "--format", "jsonl"))
    assert len(table) == len(events) > 5
    assert {"SQLDATE", "Actor1Code", "Actor2Code", "EventCode", "QuadClass", "ActionGeo_Lat", "SOURCEURL"} <= set(
        table[0]
    )
    aid = [row for row in table if row["EventCode"] == "AID" and row["Actor1CountryCode"] == "PRK"]
    assert aid and all(row["QuadClass"] == "2" and float(row["GoldsteinScale"]) > 0 for row in aid)
    assert all(len(row["SQLDATE"]) == 8 and row["SQLDATE"].isdigit() for row in table if row["SQLDATE"])
    refused = cli("export", "claims", "--db", story, "--format", "gdelt")
    assert refused.code == 2 and "events only" in refused.err


def test_search_stems_words_alike_on_both_databases(story: str, cli) -> None:
    def found(query: str) -> set[str]:
        return {row["id"] for row in rows(cli("search", query, "--db", story, "--format", "jsonl"))}

    assert found("troop") == found("troops") != set()  # singular and plural, as PostgreSQL's 'english' stems
    assert found("deploying") == found("deployed") != set()
    assert found('"special force"') == found('"special forces"') != set()


def test_a_long_ingest_reports_progress_on_stderr(ledger_url: str, cli, monkeypatch) -> None:
    """Not a terminal (a log, a pipe): a line every PROGRESS_EVERY documents, results still on stdout."""
    import watchfloor.cli

    monkeypatch.setattr(watchfloor.cli, "PROGRESS_EVERY", 5)
    result = cli("ingest", str(STORY), "--db", ledger_url)
    assert result.code == 0, result.err
    assert [line for line in result.err.splitlines() if "documents done" in line] == [
        "5 documents done",
        "10 documents done",
        "15 documents done",
    ]
    assert json.loads(result.out) == {"ledger": ledger_url, "added": 15}


def test_ingesting_a_folder_takes_article_files_only(tmp_path: Path, cli) -> None:
    """The defect was seen on ingest: a folder's pyproject.toml gave 3 claims."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("North Korea has sent 1,500 troops to Russia, Seoul said.", encoding="utf-8")
    (folder / "pyproject.toml").write_text('[project]\nversion = "300 troops"\n', encoding="utf-8")
    db = str(tmp_path / "ledger.sqlite")
    result = cli("ingest", str(folder), "--db", db)
    assert result.code == 0 and "pyproject.toml" in result.err
    assert json.loads(result.out)["added"] == 1
    assert [row["value"] for row in rows(cli("claims", "--db", db))] == [1500]


def test_events_as_csv_and_places_as_geojson_on_the_samples_ledger(tmp_path: Path, cli) -> None:
    """Issue 14's "done" lines, on the bundled samples (not only the story)."""
    import csv
    import io

    samples = Path(__file__).resolve().parents[2] / "samples"
    db = str(tmp_path / "ledger.sqlite")
    assert cli("ingest", str(samples), "--db", db).code == 0
    events = cli("events", "--db", db, "--format", "csv", "--limit", "1000")
    table = list(csv.DictReader(io.StringIO(events.out)))
    assert events.code == 0 and len(table) > 20 and {"type", "source", "target", "url"} <= set(table[0])
    for kind in ("claims", "events", "places"):
        exported = cli("export", kind, "--db", db, "--format", "geojson")
        collection = json.loads(exported.out)
        assert exported.code == 0 and collection["type"] == "FeatureCollection" and collection["features"]
        for feature in collection["features"]:
            assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
            lon, lat = feature["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90 and isinstance(feature["properties"], dict)
