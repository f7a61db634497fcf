"""Turn raw bytes into clean article text and a Document, refusing what is not an article."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime

from watchfloor.errors import InputError
from watchfloor.model import Document
from watchfloor.read.language import english_verdict

# Share of control characters (other than whitespace) above which bytes are binary, not text. Real text
# has none; 1% tolerates a stray form feed or escape in a scraped page.
BINARY_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8, else as the encoding charset-normalizer finds; refuse binary data."""
    if b"\x00" in data[:65536]:
        raise InputError(source, "binary data (NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_guessed(data, source)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > BINARY_CONTROL_SHARE:
        raise InputError(source, "binary data (control characters), not a text article")
    return text


def _decode_guessed(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        raise InputError(source, "not text in any known encoding (tried UTF-8 and charset detection)")
    return data.decode(best.encoding, errors="replace")


def clean(text: str) -> str:
    """Normalise line ends and Unicode composition; spans index the cleaned text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def normalize_date(value: object, source: str) -> str | None:
    """An ISO calendar date (YYYY-MM-DD) from a date, datetime or ISO-like string; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            pass
    raise InputError(source, f"publication date {text!r} is not an ISO date (YYYY-MM-DD)")


def make_document(
    text: str,
    source: str,
    *,
    max_chars: int,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Document:
    """Check the text is a readable English article and wrap it with its id (sha256 of the text)."""
    text = clean(text)
    if not text:
        raise InputError(source, "empty: no article text")
    if len(text) > max_chars:
        raise InputError(
            source, f"too long: {len(text):,} characters (limit {max_chars:,}; raise WATCHFLOOR_MAX_CHARS)"
        )
    verdict = english_verdict(text)
    if verdict:
        raise InputError(source, verdict)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        id=f"sha256:{digest}",
        text=text,
        title=(title or None) and clean(title),
        published=published,
        url=url or None,
        outlet=outlet or None,
        source=source,
    )
