"""Polling real HTTP sources on 127.0.0.1: new entries ingested once, broken sources recorded with their
reason and retried later, the others unaffected."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from watchfloor.monitor.fetch import FetchError
from watchfloor.monitor.poll import Monitor, parse_every
from watchfloor.store.watch import WatchStore, now

from .httpsite import ARTICLES, BOMB, Page, article_html, endless, rss, slow


def _entry(site, number: int, name: str) -> dict[str, str]:
    return {"id": f"urn:test:{number}", "title": f"Story {number}", "link": site.url(f"/articles/{number}.html"),
            "summary": ARTICLES[name]}  # fmt: skip


@pytest.fixture
def monitor(ledger, settings, fetcher, nlp) -> Monitor:
    lines: list[str] = []
    runner = Monitor(ledger, settings, fetcher, log=lines.append)
    runner.lines = lines  # type: ignore[attr-defined]
    return runner


def test_feed_entries_are_ingested_once_and_a_304_changes_nothing(site, monitor: Monitor) -> None:
    for number, name in ((1, "first"), (2, "kharkiv"), (3, "revised")):
        site.routes[f"/articles/{number}.html"] = Page(article_html(ARTICLES[name], f"Story {number}"))
    entries = [_entry(site, 1, "first"), _entry(site, 2, "kharkiv")]
    site.routes["/feed.xml"] = Page(rss(entries), etag='"v1"')
    source = monitor.store.add_source(site.url("/feed.xml"), "feed", 60, None)

    first = monitor.poll(source)
    assert (first.status, first.outcomes) == ("ok", {"added": 2})
    assert monitor.poll(monitor.store.source(source["url"])).status == "not modified"

    site.routes["/feed.xml"] = Page(rss([_entry(site, 3, "revised"), *entries]), etag='"v2"')
    third = monitor.poll(monitor.store.source(source["url"]))
    assert (third.status, third.outcomes) == ("ok", {"added": 1})
    assert site.hits["/articles/1.html"] == 1  # a seen entry's page is not fetched again
    stored = monitor.ledger.search("Kharkiv drones")
    assert stored and stored[0]["outlet"] == "Test News"
    assert len(monitor.lines) == 3 and monitor.lines[1].endswith("not modified")  # one log line per poll


def test_the_article_page_text_is_ingested_not_the_summary(site, monitor: Monitor) -> None:
    site.routes["/articles/1.html"] = Page(article_html(ARTICLES["first"]))
    site.routes["/feed.xml"] = Page(rss([{**_entry(site, 1, "first"), "summary": "Troops story."}]))
    monitor.poll(monitor.store.add_source(site.url("/feed.xml"), "feed", 60, None))
    (document,) = monitor.ledger.documents(
        {row["id"] for row in monitor.ledger.search("Intelligence Service")}
    ).values()
    assert "training in the Far East" in document["text"]


def test_an_unreachable_article_page_falls_back_to_the_entry_summary(site, monitor: Monitor) -> None:
    site.routes["/articles/2.html"] = slow(2.0)
    site.routes["/feed.xml"] = Page(rss([_entry(site, 2, "kharkiv")]))
    report = monitor.poll(monitor.store.add_source(site.url("/feed.xml"), "feed", 60, None))
    assert report.outcomes == {"added": 1}
    assert any("timed out" in line and "summary" in line for line in monitor.lines)


BROKEN = {
    "/slow.xml": "timed out after 0.5 s (after 2 attempts)",
    "/error.xml": "HTTP 500",
    "/plain.xml": "not a feed",
    "/big.html": "too large",
    "/loop.xml": "redirect loop",
    "/bomb.xml": "declares a DTD",
    "/private/feed.xml": "disallowed by robots.txt",
}


def test_broken_sources_are_recorded_with_their_reason_and_the_others_unaffected(site, monitor: Monitor) -> None:
    site.routes["/slow.xml"] = slow(2.0)
    site.routes["/error.xml"] = Page(b"oops", 500)
    site.routes["/plain.xml"] = Page(b"just some words, not XML at all")
    site.routes["/big.html"] = endless
    site.routes["/loop.xml"] = Page(b"", 302, {"Location": "/loop.xml"})
    site.routes["/bomb.xml"] = Page(BOMB)
    site.routes["/private/feed.xml"] = Page(rss([_entry(site, 1, "first")]))
    site.routes["/articles/1.html"] = Page(article_html(ARTICLES["first"]))
    site.routes["/good.xml"] = Page(rss([_entry(site, 1, "first")]))
    for path in BROKEN:
        monitor.store.add_source(site.url(path), "page" if path.endswith(".html") else "feed", 60, None)
    monitor.store.add_source(site.url("/good.xml"), "feed", 60, None)

    reports = {report.source.removeprefix(site.base): report for report in monitor.poll_due()}

    assert reports["/good.xml"].outcomes == {"added": 1}
    for path, reason in BROKEN.items():
        assert reports[path].status == "failed" and reason in (reports[path].error or ""), path
        stored = monitor.store.source(site.url(path))
        assert stored["failures"] == 1 and reason in stored["error"]
        assert stored["next_poll"] > now() + timedelta(seconds=59)  # retried later, not at once
    assert site.hits["/error.xml"] == 2  # a 500 is retried
    assert site.hits.get("/private/feed.xml") is None  # robots.txt is asked first
    assert "lol" not in str(monitor.ledger.search("lol"))


def test_a_source_that_recovers_is_cleared_and_backoff_grows_while_it_fails(site, monitor: Monitor) -> None:
    site.routes["/flaky.xml"] = Page(b"down", 503)
    source = monitor.store.add_source(site.url("/flaky.xml"), "feed", 60, None)
    monitor.poll(source)
    monitor.poll(monitor.store.source(source["url"]))
    failed = monitor.store.source(source["url"])
    assert failed["failures"] == 2 and failed["next_poll"] - failed["last_poll"] == timedelta(seconds=120)
    site.routes["/articles/1.html"] = Page(article_html(ARTICLES["first"]))
    site.routes["/flaky.xml"] = Page(rss([_entry(site, 1, "first")]))
    monitor.poll(failed)
    recovered = monitor.store.source(source["url"])
    assert (recovered["status"], recovered["failures"], recovered["error"]) == ("ok", 0, None)


def test_a_drop_folder_ingests_each_new_file_once(tmp_path: Path, monitor: Monitor) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "one.txt").write_text(ARTICLES["first"], encoding="utf-8")
    source = monitor.store.add_source(str(drop), "folder", 60, None)
    assert monitor.poll(source).outcomes == {"added": 1}
    assert monitor.poll(source).outcomes == {}
    (drop / "two.txt").write_text(ARTICLES["kharkiv"], encoding="utf-8")
    (drop / "empty.txt").write_text("", encoding="utf-8")
    assert monitor.poll(source).outcomes == {"added": 1, "skipped": 1}
    assert monitor.poll(source).outcomes == {}


def test_a_page_source_is_ingested_again_only_when_it_changes(site, monitor: Monitor) -> None:
    site.routes["/live.html"] = Page(article_html(ARTICLES["first"]))
    source = monitor.store.add_source(site.url("/live.html"), "page", 60, None)
    assert monitor.poll(source).outcomes == {"added": 1}
    assert monitor.poll(source).outcomes == {}
    site.routes["/live.html"] = Page(article_html(ARTICLES["revised"]))
    assert monitor.poll(source).outcomes == {"added": 1}


def test_a_sitemap_source_ingests_its_pages(site, monitor: Monitor) -> None:
    site.routes["/articles/1.html"] = Page(article_html(ARTICLES["first"]))
    site.routes["/articles/2.html"] = Page(b"gone", 404)
    locs = "".join(f"<url><loc>{site.url(f'/articles/{n}.html')}</loc></url>" for n in (1, 2))
    site.routes["/sitemap.xml"] = Page(f'<?xml version="1.0"?><urlset>{locs}</urlset>'.encode())
    report = monitor.poll(monitor.store.add_source(site.url("/sitemap.xml"), "sitemap", 60, None))
    assert report.outcomes == {"added": 1, "skipped": 1}


def test_the_fetcher_names_watchfloor_and_refuses_other_schemes(site, fetcher) -> None:
    site.routes["/ua"] = lambda handler: handler._answer(Page(handler.headers["User-Agent"].encode()))
    assert fetcher.fetch(site.url("/ua")).body.startswith(b"watchfloor/")
    with pytest.raises(FetchError, match="not an http"):
        fetcher.fetch("file:///etc/passwd")


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400)])
def test_intervals(text: str, seconds: int) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "5x", "m", "-3m"])
def test_bad_intervals_say_what_is_valid(text: str) -> None:
    with pytest.raises(ValueError, match=r"e\.g\. 30s"):
        parse_every(text)


def test_removing_a_source_forgets_its_entries(ledger) -> None:
    store = WatchStore(ledger)
    source = store.add_source("https://example.org/feed.xml", "feed", 60, "Example")
    store.record_entry(source["id"], "urn:1", None, "added")
    assert store.remove_source(str(source["id"])) and store.sources() == []
    assert not store.remove_source("https://example.org/feed.xml")


def test_the_monitoring_migration_downgrades_and_upgrades_keeping_the_ledger(ledger) -> None:
    store = WatchStore(ledger)
    store.add_source("https://example.org/feed.xml", "feed", 60, None)
    ledger.downgrade("0005")
    assert ledger.schema_revision() == "0005"
    ledger.upgrade()
    assert ledger.schema_revision() == "0008" and store.sources() == [] and store.alerts() == []
