"""RSS and Atom feed files: one document per entry, with its link and date (feedparser, no network)."""

from __future__ import annotations

import html as html_lib
import re
import time
from collections.abc import Iterator
from typing import Any

from watchfloor.errors import InputError
from watchfloor.model import Document, Skip
from watchfloor.read.text import make_document

_TAG = re.compile(r"<[^>]+>")
# A document type declaration before the root element: "<!DOCTYPE" (its internal subset declares the entities).
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_ROOT = re.compile(rb"<[A-Za-z]")
DTD_REASON = "feed declares a DTD (<!DOCTYPE ...>); refused, since its entities can expand without limit"


def has_dtd(data: bytes) -> bool:
    """Whether XML bytes declare a DTD before their root element (an entity-expansion bomb needs one)."""
    root = _ROOT.search(data)
    return _DTD.search(data, 0, root.start() if root else len(data)) is not None


def read_feed(data: bytes, source: str, *, max_chars: int, published: str | None = None) -> Iterator[Document | Skip]:
    """Yield a Document for each feed entry with text, a Skip for each without."""
    import feedparser

    if has_dtd(data):
        raise InputError(source, DTD_REASON)
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        detail = f" ({reason})" if reason else ""
        raise InputError(source, f"malformed or empty feed: no entries{detail}")
    outlet = (feed.feed.get("title") or None) if hasattr(feed, "feed") else None
    broken = f"malformed feed ({feed.bozo_exception}); " if feed.get("bozo") else ""
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{number}"
        try:
            yield entry_document(entry, where, outlet, max_chars, published)
        except InputError as error:
            yield Skip(where, broken + error.reason)


def entry_document(entry: Any, source: str, outlet: str | None, max_chars: int, published: str | None) -> Document:
    """One feedparser entry's own text (its content, else its summary) as a Document."""
    body = ""
    if entry.get("content"):
        body = " ".join(part.get("value", "") for part in entry["content"])
    body = body or entry.get("summary", "")
    text = html_lib.unescape(_TAG.sub(" ", body))
    text = re.sub(r"[ \t]+", " ", text)
    return make_document(
        text,
        source,
        max_chars=max_chars,
        title=entry.get("title"),
        published=published or entry_date(entry),
        url=entry.get("link"),
        outlet=outlet,
    )


def entry_date(entry: Any) -> str | None:
    """An entry's publication (else update) date as YYYY-MM-DD."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None
