"""Polling: each due source is fetched (a feed, a page, a sitemap, or a local file or drop folder), its new
entries are ingested through the pipeline with the watch rules, and the outcome is recorded in the ledger.
Every entry is recorded as it is stored, so a killed monitor resumes where it stopped; a failing source is
recorded with its error, retried later, and never stops the others."""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchfloor.errors import InputError, WatchfloorError
from watchfloor.model import Document, Skip
from watchfloor.monitor.fetch import Fetcher, FetchError
from watchfloor.store.rows import SourceRow

if TYPE_CHECKING:
    from watchfloor.config import Settings
    from watchfloor.store.ledger import Ledger
    from watchfloor.store.watch import WatchStore

KINDS = ("feed", "page", "sitemap", "folder")
_EVERY = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_LOC = re.compile(rb"<loc>\s*([^<\s]+)\s*</loc>")


def parse_every(text: str) -> int:
    """Seconds in an interval written "90", "30s", "15m", "2h" or "1d"."""
    match = _EVERY.match(text)
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"{text!r} is not an interval; write e.g. 30s, 15m, 2h or 1d")
    return int(match.group(1)) * _SECONDS[match.group(2)]


def guess_kind(url: str) -> str:
    """A source's kind when not given: a local path is a folder source, a sitemap says so, else a feed."""
    if not url.startswith(("http://", "https://")):
        return "folder"
    return "sitemap" if "sitemap" in url.lower() else "feed"


@dataclass
class Entry:
    """One thing a poll found: its key (never ingested twice) and its Document, or a Skip."""

    key: str
    item: Document | Skip


@dataclass
class PollReport:
    """What one poll of one source did: its status, counts of outcomes and the error, if any."""

    source: str
    status: str
    outcomes: dict[str, int] = field(default_factory=dict)
    error: str | None = None

    def line(self) -> str:
        counts = " ".join(f"{key}={value}" for key, value in sorted(self.outcomes.items()))
        return (
            f"poll {self.source}: {self.status}"
            + (f" {counts}" if counts else "")
            + (f" ({self.error})" if self.error else "")
        )


@dataclass
class Monitor:
    """Polls a ledger's sources and ingests what is new. ``after`` (usually an ``Alerter``) runs on each
    stored extraction."""

    ledger: Ledger
    settings: Settings
    fetcher: Fetcher = field(default_factory=Fetcher)
    after: Callable[..., object] | None = None
    log: Callable[[str], None] = print

    def __post_init__(self) -> None:
        from watchfloor.store.watch import WatchStore

        self.store: WatchStore = WatchStore(self.ledger)

    def poll_due(self, moment: datetime | None = None) -> list[PollReport]:
        """Poll every source due at ``moment`` (now by default), one after the other."""
        from watchfloor.store.watch import now

        self.flush()
        return [self.poll(source) for source in self.store.due_sources(moment or now())]

    def flush(self) -> None:
        """Retry the alerts the ``after`` hook (an ``Alerter``) could not deliver before."""
        flush = getattr(self.after, "flush", None)
        if callable(flush):
            flush()

    def run(self, *, idle: float = 30.0, stop: Callable[[], bool] = lambda: False) -> None:
        """Poll due sources until ``stop()``; sleep ``idle`` seconds when none is due."""
        while not stop():
            if not self.poll_due():
                time.sleep(idle)

    def poll(self, source: SourceRow) -> PollReport:
        """Poll one source and record the outcome; a failure is recorded, never raised."""
        report = PollReport(source["url"], "ok")
        try:
            entries, validators = self._entries(source)
            if entries is None:
                report.status = "not modified"
            else:
                self._ingest(source, entries, report)
            self.store.record_poll(source, report.status, **validators)
        except (FetchError, InputError) as error:
            report.status, report.error = "failed", error.reason
            self.store.record_poll(source, "failed", error.reason)
        except WatchfloorError as error:
            report.status, report.error = "failed", str(error)
            self.store.record_poll(source, "failed", str(error))
        except Exception as error:  # a bug or a parser's surprise on one source must not stop the others
            report.status, report.error = "failed", f"{type(error).__name__}: {error}; please report this"
            self.store.record_poll(source, "failed", report.error)
        self.log(report.line())
        return report

    def _entries(self, source: SourceRow) -> tuple[list[Entry] | None, dict[str, str | None]]:
        """The source's entries not seen before (None when the server says nothing changed)."""
        if source["kind"] == "folder":
            return self._folder_entries(source), {}
        response = self.fetcher.fetch(source["url"], etag=source["etag"], last_modified=source["last_modified"])
        validators = {"etag": response.etag, "last_modified": response.last_modified}
        if response.status == 304:
            return None, {}
        seen = self.store.seen_entries(source["id"])
        if source["kind"] == "page":
            page = self._page_entry(source, response.url, response.body, None)
            return ([] if page.key in seen else [page]), validators
        if source["kind"] == "sitemap":
            return [
                self._linked_entry(source, link, None)
                for link in _sitemap_links(response.body, source)
                if link not in seen
            ], validators
        return list(self._feed_entries(source, response.body, seen)), validators

    def _ingest(self, source: SourceRow, entries: list[Entry], report: PollReport) -> None:
        from watchfloor.pipeline import ingest_items

        # entries are recorded after their document: one re-fetched here may be stored with its alerts unraised
        # (killed in between), so stored documents are rechecked; alerts are raised once per fact regardless
        items = (entry.item for entry in entries)
        results = ingest_items(items, self.settings, self.ledger, after=self.after, recheck_stored=True)
        for entry, result in zip(entries, results, strict=True):
            if isinstance(result, Skip):
                outcome, document_id = f"skipped: {result.reason}", None
                report.outcomes["skipped"] = report.outcomes.get("skipped", 0) + 1
            else:
                outcome, document_id = result.outcome, result.document_id
                report.outcomes[outcome] = report.outcomes.get(outcome, 0) + 1
            self.store.record_entry(source["id"], entry.key, document_id, outcome)

    def _feed_entries(self, source: SourceRow, data: bytes, seen: set[str]) -> Iterator[Entry]:
        import feedparser

        from watchfloor.read.feeds import DTD_REASON, entry_date, has_dtd

        if has_dtd(data):
            raise InputError(source["url"], DTD_REASON)
        feed = feedparser.parse(data)
        if not feed.entries:
            detail = getattr(feed, "bozo_exception", None)
            raise InputError(source["url"], "not a feed: no entries" + (f" ({detail})" if detail else ""))
        outlet = source["outlet"] or feed.feed.get("title") or None
        numbered = list(enumerate(feed.entries, start=1))
        # oldest first (feeds list newest first), so a revision is stored after the figure it revises
        numbered.sort(key=lambda pair: (entry_date(pair[1]) or "", -pair[0]))
        for number, entry in numbered:
            key = str(entry.get("id") or entry.get("link") or f"{entry.get('title')}|{entry.get('published')}")
            if key not in seen:
                yield Entry(key, self._feed_entry(entry, f"{source['url']}#{number}", outlet))

    def _feed_entry(self, entry: Any, where: str, outlet: str | None) -> Document | Skip:
        """The entry's article page as trafilatura extracts it, else the entry's own summary."""
        from watchfloor.read.feeds import entry_date, entry_document

        link, published = entry.get("link"), entry_date(entry)
        if link:
            try:
                page = self._page_document(link, self.fetcher.fetch(link).body, published)
                return dataclasses.replace(
                    page, title=page.title or entry.get("title"), url=link, outlet=outlet or page.outlet
                )
            except (FetchError, InputError) as error:
                self.log(f"  {link}: {error.reason}; using the entry's summary")
        try:
            return entry_document(entry, link or where, outlet, self.settings.max_chars, None)
        except InputError as error:
            return Skip(link or where, error.reason)

    def _linked_entry(self, source: SourceRow, link: str, published: str | None) -> Entry:
        try:
            document = self._page_document(link, self.fetcher.fetch(link).body, published)
            return Entry(link, dataclasses.replace(document, url=link, outlet=source["outlet"] or document.outlet))
        except (FetchError, InputError) as error:
            return Entry(link, Skip(link, error.reason))

    def _page_entry(self, source: SourceRow, url: str, body: bytes, published: str | None) -> Entry:
        document = self._page_document(url, body, published)
        return Entry(document.id, dataclasses.replace(document, url=url, outlet=source["outlet"] or document.outlet))

    def _page_document(self, url: str, body: bytes, published: str | None) -> Document:
        from watchfloor.read.html import read_html
        from watchfloor.read.text import decode

        return read_html(decode(body, url), url, max_chars=self.settings.max_chars, published=published)

    def _folder_entries(self, source: SourceRow) -> list[Entry]:
        """Files in a drop folder (or one file) not seen in this version (path, size, mtime)."""
        from watchfloor.read import read_paths

        root = Path(source["url"].removeprefix("file://")).expanduser()
        if not root.exists():
            raise InputError(source["url"], "no such file or folder")
        files = (
            [root]
            if root.is_file()
            else sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
        )
        seen = self.store.seen_entries(source["id"])
        entries = []
        for path in files:
            stat = path.stat()
            stem = f"{path}|{stat.st_size}|{stat.st_mtime_ns}"
            if any(key.startswith(stem) for key in seen):
                continue
            items = read_paths([str(path)], max_bytes=self.settings.max_bytes, max_chars=self.settings.max_chars)
            entries += [Entry(f"{stem}|{number}", item) for number, item in enumerate(items)]
        return entries


def _sitemap_links(data: bytes, source: SourceRow) -> list[str]:
    from watchfloor.read.feeds import has_dtd

    if has_dtd(data):
        raise InputError(source["url"], "sitemap declares a DTD; refused, since its entities can expand without limit")
    links = [match.decode("utf-8", "replace") for match in _LOC.findall(data)]
    if not links:
        raise InputError(source["url"], "not a sitemap: no <loc> links")
    return links
