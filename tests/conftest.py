"""Shared fixtures: one spaCy pipeline per session, in-process CLI runs, the ../shared folder when present."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from watchfloor.cli import main
from watchfloor.config import Settings
from watchfloor.model import Extraction

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings: Settings):
    from watchfloor.nlp import load_pipeline

    return load_pipeline(settings.model)


@pytest.fixture(scope="session")
def extract(nlp, settings: Settings):
    """extract(text, published=None) -> Extraction, through the real pipeline."""
    from watchfloor.pipeline import extract_text

    def run(text: str, published: str | None = None) -> Extraction:
        return extract_text(text, settings, published=published)

    return run


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): the project's shared fixtures live beside the repo in CI")
    return SHARED


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys, monkeypatch, nlp):
    """Run the CLI in-process: cli("extract", path, stdin=b"...") -> CliResult(code, out, err)."""

    def run(*args: str, stdin: bytes | None = None) -> CliResult:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
