"""Bad inputs are skipped with a clear reason, the exit code says so, and the other inputs still come out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOOD = "North Korea fired a ballistic missile into the sea on Monday, South Korea's military said."
GERMAN = (
    "Die ukrainische Armee hat nach eigenen Angaben in der Nacht mehrere russische Drohnen abgeschossen. "
    "Nach Angaben der Behörden wurden in der Region Charkiw zwei Menschen verletzt, darunter ein Kind."
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


CASES = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"   \n\n  ", "empty"),
    "binary.txt": (bytes(range(256)) * 40, "binary"),
    "nav-only.html": (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    "broken.rss": (b"<?xml version='1.0'?><rss><channel><item><title>x", "feed"),
    "german.txt": (GERMAN.encode("utf-8"), "not English"),
    "cyrillic.txt": (
        ("Российские войска нанесли удар по Харькову, сообщили власти области. " * 3).encode(),
        "not English",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_skipped_and_good_one_still_extracted(tmp_path: Path, cli, name: str) -> None:
    data, reason = CASES[name]
    bad = _write(tmp_path, name, data)
    good = _write(tmp_path, "good.txt", GOOD.encode())
    result = cli("extract", str(bad), str(good), "--format", "jsonl")
    assert result.code == 1
    assert f"skipped {bad}" in result.err and reason in result.err
    assert "Traceback" not in result.err
    [line] = result.out.splitlines()
    assert json.loads(line)["document"]["text"] == GOOD


def test_fifty_megabyte_file_is_skipped_without_reading_it_all(tmp_path: Path, cli) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.write(b"The army said. " * (50_000_000 // 15 + 1))
    good = _write(tmp_path, "good.txt", GOOD.encode())
    result = cli("extract", str(big), str(good), "--format", "jsonl")
    assert result.code == 1
    assert "too large" in result.err and "WATCHFLOOR_MAX_BYTES" in result.err
    assert len(result.out.splitlines()) == 1


def test_latin1_text_is_decoded_not_refused(tmp_path: Path, cli) -> None:
    text = "Officials in Kyiv said the café near the Dnipro was hit; the mayor’s office said two people were hurt."
    path = _write(tmp_path, "latin1.txt", text.replace("’", "'").encode("latin-1"))
    result = cli("extract", str(path), "--format", "jsonl")
    assert result.code == 0, result.err
    assert "café" in json.loads(result.out)["document"]["text"]


def test_only_bad_inputs_exit_one_with_summary(tmp_path: Path, cli) -> None:
    result = cli("extract", str(_write(tmp_path, "e.txt", b"")))
    assert result.code == 1
    assert result.out == ""
    assert "0 document(s) extracted, 1 input(s) skipped" in result.err


def test_missing_file_is_reported(cli) -> None:
    result = cli("extract", "/nonexistent/a.txt")
    assert result.code == 1 and "no such file or folder" in result.err
