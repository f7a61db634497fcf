"""The README's Python API example runs as written, on a ledger of the bundled samples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _readme_block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- readme-api -->\n```python\n(.*?)```", readme, re.DOTALL)
    assert found, "README.md lost its <!-- readme-api --> example"
    return found.group(1)


def test_the_readme_ledger_example_runs_on_the_samples(tmp_path: Path, monkeypatch, cli) -> None:
    pytest.importorskip("pandas", reason="the README example's to_frame() needs pandas (the test extras have it)")
    assert cli("ingest", str(ROOT / "samples"), "--db", str(tmp_path / "ledger.sqlite")).code == 0
    monkeypatch.chdir(tmp_path)
    names: dict = {}
    exec(compile(_readme_block(), "README.md", "exec"), names)  # our own README example
    assert names["biggest"]["track"] == "troops|PRK|deploy|RUS" and names["biggest"]["figures"] >= 10
    first = [(row["published"], row["value"], row["marks"]["source"]) for row in names["history"]][:2]
    assert first == [("2024-10-18", 1500.0, "KOR"), ("2024-10-21", 1500.0, "RUS")]  # what the README shows
    troops = names["troops"]
    assert len(troops) >= 10 and {"value", "source", "span_start", "document_id"} <= set(troops.columns)
    assert (troops["subject_country"] == "PRK").all()  # --actor matches the state and its organs
    assert names["aid"] and all(row["source_country"] == "PRK" and row["type"] == "AID" for row in names["aid"])
