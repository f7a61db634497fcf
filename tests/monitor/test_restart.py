"""A monitor killed with SIGKILL mid-poll and restarted: no lost entry, no duplicate document or alert."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from .httpsite import Page, article_html, rss

ENTRIES = 12
RULES = '[[rule]]\nname = "prk"\nkind = "new_figure"\nactor = "PRK"\n'


def _article(number: int) -> str:
    return (
        f"SEOUL, Nov. {number} (Yonhap) -- North Korea has sent about {number},500 troops to Russia, South Korea's"
        " National Intelligence Service said on Monday. The soldiers are training in the Far East, the agency said."
    )


def _count(engine: Engine, table: str) -> int:
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    except DBAPIError:  # not created yet, or locked for a moment by the writer
        return 0


def _monitor(db: str, tmp_path: Path) -> subprocess.Popen[bytes]:
    rules = tmp_path / "watch.toml"
    rules.write_text(RULES, encoding="utf-8")
    args = ["--db", db, "--rules", str(rules), "--jsonl", str(tmp_path / "alerts.jsonl")]
    command = [sys.executable, "-m", "watchfloor", "monitor", "--once", "--quiet", "--delay", "0", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_sigkill_mid_poll_then_restart_loses_nothing_and_repeats_nothing(site, db_url: str, tmp_path: Path) -> None:
    entries = []
    for number in range(1, ENTRIES + 1):
        site.routes[f"/articles/{number}.html"] = Page(article_html(_article(number)))
        link = site.url(f"/articles/{number}.html")
        entries.append({"id": f"urn:{number}", "title": f"Story {number}", "link": link,
                        "date": f"Mon, {number:02d} Nov 2024 08:00:00 GMT"})  # fmt: skip
    site.routes["/feed.xml"] = Page(rss(entries))
    db = db_url
    added = subprocess.run(
        [sys.executable, "-m", "watchfloor", "sources", "add", site.url("/feed.xml"), "--db", db],
        capture_output=True,
        check=False,
    )
    assert added.returncode == 0, added.stderr

    engine = create_engine(db.replace("postgresql://", "postgresql+psycopg://", 1))
    first = _monitor(db, tmp_path)
    deadline = time.monotonic() + 120
    while _count(engine, "source_entries") == 0 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(first.pid, signal.SIGKILL)  # mid-poll: some entries stored, the rest not
    first.wait()
    done_before = _count(engine, "source_entries")
    assert 0 < done_before <= ENTRIES

    second = _monitor(db, tmp_path)
    _out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err.decode()

    assert _count(engine, "source_entries") == ENTRIES  # no lost entry
    assert _count(engine, "documents") == ENTRIES  # none stored twice
    # one alert per figure, none twice; the stories are alike, and a wire copy's figure raises none
    assert _count(engine, "alerts") == ENTRIES - _count(engine, "copies") > ENTRIES / 2
    lines = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines))  # none delivered twice
    # the restart fetched only what the killed run had not recorded
    assert all(site.hits[f"/articles/{n}.html"] <= 2 for n in range(1, ENTRIES + 1))
    engine.dispose()


def test_a_document_stored_before_the_kill_still_raises_its_alert_on_restart(site, tmp_path: Path) -> None:
    """The window the SIGKILL test hits by chance: a document committed, the process killed before its
    alerts and its feed entry were written. The restart finds the document stored and must still alert."""
    site.routes["/articles/1.html"] = Page(article_html(_article(7)))
    entry = {"id": "urn:1", "title": "Story", "link": site.url("/articles/1.html"),
             "date": "Mon, 04 Nov 2024 08:00:00 GMT"}  # fmt: skip
    site.routes["/feed.xml"] = Page(rss([entry]))
    db = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    run = [sys.executable, "-m", "watchfloor"]
    assert subprocess.run([*run, "sources", "add", site.url("/feed.xml"), "--db", db], check=False).returncode == 0
    quiet = [*run, "monitor", "--once", "--quiet", "--delay", "0", "--db", db]
    assert subprocess.run(quiet, capture_output=True, check=False).returncode == 0  # stored, no rules yet
    engine = create_engine(db)
    with engine.begin() as connection:  # as if killed before the entry was recorded
        connection.execute(text("DELETE FROM source_entries"))
        connection.execute(text("UPDATE sources SET next_poll = '2000-01-01 00:00:00'"))
    assert _count(engine, "documents") == 1 and _count(engine, "alerts") == 0
    restarted = _monitor(db, tmp_path)
    _out, err = restarted.communicate(timeout=120)
    assert restarted.returncode == 0, err.decode()
    assert _count(engine, "documents") == 1 and _count(engine, "alerts") == 1  # the figure's alert, once
    again = _monitor(db, tmp_path)
    again.communicate(timeout=120)
    assert _count(engine, "alerts") == 1
    engine.dispose()
