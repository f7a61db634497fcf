"""Fast sentence lookup: spaCy's ``token.sent`` walks the document each call; this indexes it once."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_KEY = "watchfloor_sentences"


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, computed once and kept on the Doc."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = list(doc.sents)
        doc.user_data[_KEY] = cached
    return cached


def sentence_of(token: Token) -> Span:
    """The sentence holding a token (same as ``token.sent``, in logarithmic time)."""
    spans = sentences(token.doc)
    starts = [span.start for span in spans] if len(spans) < 2 else _starts(token.doc, spans)
    return spans[max(0, bisect_right(starts, token.i) - 1)]


def _starts(doc: Doc, spans: list[Span]) -> list[int]:
    key = _KEY + "_starts"
    cached = doc.user_data.get(key)
    if cached is None:
        cached = [span.start for span in spans]
        doc.user_data[key] = cached
    return cached


def doc_text(doc: Doc) -> str:
    """The document's text (spaCy rebuilds ``doc.text`` from its tokens on every access)."""
    cached = doc.user_data.get(_KEY + "_text")
    if cached is None:
        cached = doc.text
        doc.user_data[_KEY + "_text"] = cached
    return cached


def same_paragraph(first: Span, second: Span) -> bool:
    """True when no line break stands between two sentences (sentences end at line breaks, so one inside the
    stretch from the first's start to the second's end, whitespace at either end aside, parts them)."""
    return "\n" not in doc_text(first.doc)[first.start_char : second.end_char].strip()
