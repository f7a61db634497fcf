"""The brief of the samples ledger is the same document on SQLite and on PostgreSQL (issue 14)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from watchfloor.config import Settings
from watchfloor.pipeline import ingest_items
from watchfloor.read import read_paths
from watchfloor.report import MAX_REPORTS, write_brief
from watchfloor.store.ledger import Ledger

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _samples_ledger(url: str) -> Ledger:
    ledger = Ledger(url)
    settings = Settings()
    items = read_paths([str(SAMPLES)], max_bytes=settings.max_bytes, max_chars=settings.max_chars)
    list(ingest_items(items, settings, ledger))
    return ledger


def test_the_samples_brief_is_identical_on_sqlite_and_postgresql(tmp_path: Path, nlp) -> None:
    url = os.environ.get("WATCHFLOOR_TEST_PG")
    if not url:
        pytest.skip("WATCHFLOOR_TEST_PG is not set: run scripts/start-postgres.sh (CI does) to test PostgreSQL")
    Ledger(url).downgrade("base")
    postgresql = write_brief(_samples_ledger(url))
    sqlite = write_brief(_samples_ledger(f"sqlite:///{tmp_path / 'ledger.sqlite'}"))
    assert sqlite.splitlines() == postgresql.splitlines()
    assert len(sqlite.splitlines()) > 10


@pytest.fixture(scope="module")
def samples_ledger(tmp_path_factory: pytest.TempPathFactory, nlp) -> Ledger:
    return _samples_ledger(f"sqlite:///{tmp_path_factory.mktemp('samples') / 'ledger.sqlite'}")


@pytest.fixture(scope="module")
def samples_brief(samples_ledger: Ledger) -> str:
    return write_brief(samples_ledger)


def test_every_news_event_is_in_the_brief_not_only_the_newest(samples_ledger: Ledger, samples_brief: str) -> None:
    """The brief once listed the 12 newest events, so the important early ones vanished: every reported act
    of the ledger (background and future acts aside) is counted in the Events section."""
    section = samples_brief.split("## Events", 1)[1].split("\n## ", 1)[0].split("\n[^1]:")[0]
    reports = sum(int(count) for count in re.findall(r"\[[A-Z]+; (\d+) reports?;", section))
    rest = re.search(r"- and (\d+) more events in \d+ other groups", section)  # past the largest groups, counted
    news = [event for event in samples_ledger.events() if event["context"] is None]
    assert reports + (int(rest.group(1)) if rest else 0) == len(news) > 12
    earliest = min(event["day"] for event in news if event["day"])  # the acts' days (time, else report date)
    assert earliest in section


def test_the_brief_opens_with_period_documents_and_sources(samples_brief: str) -> None:
    header = samples_brief.splitlines()[:4]
    assert header[0] == "# Situation brief"
    assert "Period covered: 2024-10-18 to 2025-06-07" in header[2]
    assert re.search(r"\b\d+ documents from \d+ sources\b", header[2])


def test_event_verbs_fit_their_type(samples_brief: str) -> None:
    assert "AID against" not in samples_brief and "AGREE against" not in samples_brief
    assert "North Korea sent troops, arms or aid to Russia [AID;" in samples_brief
    assert "imposed sanctions on North Korea [SANCTION;" in samples_brief


def test_events_are_grouped_by_dyad_and_type_with_their_count(samples_brief: str) -> None:
    events = samples_brief.split("## Events", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in events.splitlines() if line.startswith("- ")]
    keys = [re.sub(r"^- [^:]+: ", "", line).split(" [")[0] for line in lines]
    assert len(keys) == len(set(keys))  # one line per dyad, type and polarity
    [aid] = [line for line in lines if "sent troops, arms or aid to Russia [AID" in line]
    reports = int(re.search(r"(\d+) reports", aid).group(1))
    # its first reports cited, the rest counted
    assert reports > MAX_REPORTS and len(re.findall(r"\[\^\d+\]", aid)) == MAX_REPORTS
    assert aid.endswith(f" and {reports - MAX_REPORTS} more reports")


def test_each_track_opens_with_its_sources_latest_figures_spread_and_denials(samples_brief: str) -> None:
    track = samples_brief.split("## troops of North Korea (deploy RUS)", 1)[1].split("\n## ", 1)[0]
    summary = track.strip().splitlines()[0]
    assert summary.startswith("Latest from each independent source: ")
    assert "South Korea about 11,000" in summary and "spread " in summary
    assert "denied by Russia, North Korea" in summary


def test_the_html_brief_is_self_contained_and_escapes_article_text(tmp_path: Path, cli) -> None:
    import json

    article = tmp_path / "hostile.jsonl"  # the outlet and title reach the footnotes; the quote holds markup
    text = 'KYIV (Wire) - Russia launched 90 "<b>drones</b>" at Ukraine overnight, the air force said on Tuesday.'
    record = {"text": text, "published": "2025-01-14", "outlet": "<script>alert(1)</script>",
              "title": '" onerror="alert(1)', "url": "https://example.org/a?x=<img src=x>"}  # fmt: skip
    article.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(tmp_path / "ledger.sqlite")
    assert cli("ingest", str(article), "--db", db).code == 0
    out = tmp_path / "brief.html"
    assert cli("brief", "--db", db, "--format", "html", "--output", str(out)).code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<mark>" in page and 'href="#fn-1"' in page
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&quot; onerror=&quot;alert(1)" in page
    assert not re.search(r"<(link|script|img|iframe)\b|<[a-z]+[^<>]*\ssrc=", page)  # nothing loaded from outside


def test_no_internal_ids_in_the_prose(samples_brief: str) -> None:
    body, _, _notes = samples_brief.partition("\n[^1]:")
    assert "outlet:" not in body and "sha256:" not in body


def test_footnotes_name_outlet_date_title_and_url(samples_brief: str) -> None:
    notes = [line for line in samples_brief.splitlines() if line.startswith("[^")]
    assert notes and all("()" not in line and "(;" not in line for line in notes)
    assert any("undated" in line for line in notes)  # the undated text file says so
    assert all(line.count(", ") >= 2 for line in notes)


def test_a_footnote_gives_its_document_s_url(samples_ledger: Ledger, samples_brief: str) -> None:
    rows = [*samples_ledger.claims(limit=100_000), *samples_ledger.events(limit=100_000)]
    urls = {row["document_id"][:19]: row["url"] for row in rows if row["url"]}
    notes = [line for line in samples_brief.splitlines() if line.startswith("[^")]
    cited = [(line, urls[found[0]]) for line in notes if (found := re.findall(r"sha256:[0-9a-f]{12}", line))
             and found[0] in urls]  # fmt: skip
    assert cited and all(url in line for line, url in cited)


def test_background_and_future_acts_have_their_own_sections(samples_brief: str) -> None:
    assert "## Background" in samples_brief or "## Ahead" in samples_brief


def test_brief_until_and_output(tmp_path: Path, cli) -> None:
    db = str(tmp_path / "ledger.sqlite")
    assert cli("ingest", str(SAMPLES / "north-korea-story.jsonl"), "--db", db).code == 0
    out = tmp_path / "brief.md"
    assert cli("brief", "--db", db, "--until", "2024-10-31", "--output", str(out)).code == 0
    brief = out.read_text(encoding="utf-8")
    assert "2024-10-30" in brief and "2024-11-" not in brief and "2024-12-" not in brief
