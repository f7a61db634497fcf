"""The monitoring commands, in-process: sources, rules, monitor --once, alerts; bad input never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .httpsite import ARTICLES, Page, article_html, rss


@pytest.fixture
def db(db_url: str) -> str:
    return db_url


def test_sources_add_list_remove(cli, db: str, tmp_path: Path) -> None:
    added = cli("sources", "add", "https://example.org/world.rss", "--every", "15m", "--outlet", "Example", "--db", db)
    assert added.code == 0 and json.loads(added.out)["every"] == 900
    assert cli("sources", "add", str(tmp_path), "--db", db).code == 0  # a local folder: a drop folder
    listed = [json.loads(line) for line in cli("sources", "list", "--db", db).out.splitlines()]
    assert [(row["kind"], row["outlet"]) for row in listed] == [("feed", "Example"), ("folder", None)]
    assert "world.rss" in cli("sources", "list", "--db", db, "-f", "table").out
    assert cli("sources", "remove", "1", "--db", db).code == 0
    missing = cli("sources", "remove", "1", "--db", db)
    assert missing.code == 1 and "no source '1'" in missing.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sources", "add", "https://example.org/a.rss", "--every", "soon"], "is not an interval"),
        (["sources", "add", "example.org/a.rss", "--kind", "feed"], "needs an http(s) URL"),
        (["rules", "add", "r", "--kind", "event", "--percent", "5"], "event takes sources, targets, types"),
        (["alerts", "--since", "yesterday"], "is not a date or time"),
        (["monitor", "--once", "--webhook", "http://127.0.0.1:9/"], "--webhook needs --webhook-secret"),
    ],
)
def test_bad_input_is_a_usage_error_not_a_traceback(cli, db: str, args: list[str], message: str) -> None:
    result = cli(*args, "--db", db)
    assert result.code == 2 and message in result.err and "Traceback" not in result.err


def test_a_broken_rules_file_is_a_clear_error(cli, db: str, tmp_path: Path) -> None:
    bad = tmp_path / "watch.toml"
    bad.write_text('[[rule]]\nname = "x"\nkind = "nope"\n', encoding="utf-8")
    result = cli("monitor", "--once", "--rules", str(bad), "--db", db)
    assert result.code == 1 and "kind 'nope' is not one of" in result.err and "Traceback" not in result.err


def test_monitor_once_raises_alerts_and_alerts_lists_them(cli, db: str, site, tmp_path: Path) -> None:
    site.routes["/articles/1.html"] = Page(article_html(ARTICLES["first"]))
    site.routes["/feed.xml"] = Page(rss([{"id": "urn:1", "title": "t", "link": site.url("/articles/1.html")}]))
    site.routes["/down.xml"] = Page(b"", 500)
    assert (
        cli("rules", "add", "prk", "--kind", "new_figure", "--actor", "PRK", "--severity", "high", "--db", db).code == 0
    )
    assert json.loads(cli("rules", "list", "--db", db).out)["params"] == {"actor": "PRK"}
    cli("sources", "add", site.url("/feed.xml"), "--db", db)
    cli("sources", "add", site.url("/down.xml"), "--db", db)
    jsonl = tmp_path / "alerts.jsonl"
    common = ["--db", db, "--jsonl", str(jsonl), "--delay", "0", "--timeout", "1", "--retries", "0"]

    run = cli("monitor", "--once", *common)
    assert run.code == 1  # a source failed; the other was polled all the same
    (alert,) = [json.loads(line) for line in run.out.splitlines()]
    assert alert["rule"] == "prk" and alert["severity"] == "high" and "10000" in alert["message"]
    assert "poll " + site.url("/feed.xml") + ": ok added=1" in run.err and "HTTP 500" in run.err
    assert json.loads(jsonl.read_text(encoding="utf-8"))["id"] == alert["id"]
    assert cli("monitor", "--once", *common).out == ""  # nothing is due any more
    assert cli("monitor", "--once", "--all", *common).out == ""  # polled again: no alert twice

    unseen = cli("alerts", "--unseen", "--mark-seen", "--db", db)
    assert [json.loads(line)["id"] for line in unseen.out.splitlines()] == [alert["id"]]
    assert cli("alerts", "--unseen", "--db", db).out == ""
    assert len(cli("alerts", "--since", "2000-01-01", "--db", db).out.splitlines()) == 1
    assert cli("alerts", "--since", "2999-01-01", "--db", db).out == ""
