"""JSONL files: one article per line, ``text`` plus optional title, published, url and outlet."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from watchfloor.errors import InputError
from watchfloor.model import Document, Skip
from watchfloor.read.text import make_document, normalize_date

FIELDS = ("text", "title", "published", "url", "outlet")


def read_jsonl(
    lines: Iterable[str], source: str, *, max_chars: int, published: str | None = None
) -> Iterator[Document | Skip]:
    """Yield one Document per line that holds an article; a Skip saying why for each line that does not."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _line_document(line, where, max_chars, published)
        except InputError as error:
            yield Skip(where, error.reason)


def _line_document(line: str, source: str, max_chars: int, published: str | None) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(source, f"not valid JSON ({error.msg} at column {error.colno})") from error
    if not isinstance(record, dict):
        raise InputError(source, "a JSONL line must be an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(source, "no 'text' string field (expected: text, and optional title, published, url, outlet)")
    extras = {key: record.get(key) for key in FIELDS[1:]}
    for key, value in extras.items():
        if value is not None and not isinstance(value, str):
            raise InputError(source, f"field {key!r} must be a string")
    return make_document(
        text,
        source,
        max_chars=max_chars,
        title=extras["title"],
        published=published or normalize_date(extras["published"], source),
        url=extras["url"],
        outlet=extras["outlet"],
    )
