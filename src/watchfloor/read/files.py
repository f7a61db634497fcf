"""Walk paths (files, folders, ``-`` for stdin), tell each input's format and hand it to its reader."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from watchfloor.errors import InputError
from watchfloor.model import Document, Skip
from watchfloor.read.feeds import read_feed
from watchfloor.read.html import read_html
from watchfloor.read.jsonl import read_jsonl
from watchfloor.read.text import decode, make_document

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

KNOWN_TYPES = " ".join(SUFFIXES)


def read_paths(
    paths: Iterable[str], *, max_bytes: int, max_chars: int, published: str | None = None
) -> Iterator[Document | Skip]:
    """Yield every document found under the paths, in order; unreadable inputs become Skips. A file named
    outright is read whatever its name (its format sniffed if need be); a folder gives its files of the known
    article types (``SUFFIXES``) and an ignored Skip for each other file."""
    for path in paths:
        if path == "-":
            yield from _read_one(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", None, max_bytes, max_chars, published)
            continue
        target = Path(path)
        if target.is_dir():
            files = sorted(p for p in target.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield Skip(path, "folder holds no files")
            for file in files:
                if file.suffix.lower() in SUFFIXES:
                    yield from _read_file(file, max_bytes, max_chars, published)
                else:  # a folder's other files (pyproject.toml, notes.csv) are not articles
                    yield Skip(str(file), f"not an article file (a folder gives only {KNOWN_TYPES})", ignored=True)
        elif target.is_file():
            yield from _read_file(target, max_bytes, max_chars, published)
        else:
            yield Skip(path, "no such file or folder")


def _read_file(path: Path, max_bytes: int, max_chars: int, published: str | None) -> Iterator[Document | Skip]:
    size = path.stat().st_size
    if size > max_bytes:
        yield Skip(
            str(path), f"too large: {size / 1e6:.1f} MB (limit {max_bytes / 1e6:.0f} MB; raise WATCHFLOOR_MAX_BYTES)"
        )
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Skip(str(path), f"cannot read: {error.strerror}")
        return
    yield from _read_one(data, str(path), path.suffix.lower(), max_bytes, max_chars, published)


def _read_one(
    data: bytes, source: str, suffix: str | None, max_bytes: int, max_chars: int, published: str | None
) -> Iterator[Document | Skip]:
    try:
        if len(data) > max_bytes:
            raise InputError(source, f"too large: more than {max_bytes / 1e6:.0f} MB")
        if not data.strip():
            raise InputError(source, "empty: no article text")
        kind = SUFFIXES.get(suffix or "") or sniff(data)
        if kind == "feed":
            yield from read_feed(data, source, max_chars=max_chars, published=published)
            return
        text = decode(data, source)
        if kind == "jsonl":
            yield from read_jsonl(text.splitlines(), source, max_chars=max_chars, published=published)
        elif kind == "html":
            yield read_html(text, source, max_chars=max_chars, published=published)
        else:
            yield make_document(text, source, max_chars=max_chars, published=published)
    except InputError as error:
        yield Skip(source, error.reason)


def sniff(data: bytes) -> str:
    """Guess a format from the first bytes: feed, html, jsonl or text."""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed") or b"<rss" in head:
        return "feed" if (b"<rss" in head or b"<feed" in head or b"<rdf" in head) else "html"
    if head.startswith(b"<"):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"
