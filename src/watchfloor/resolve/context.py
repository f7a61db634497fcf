"""Where a name stands: is this mention the object of a locative preposition ("near Kursk")?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def governing_preposition(span: Span) -> Token | None:
    """The preposition whose object the span is, from the parse or, failing that, the token before it."""
    root = span.root
    if root.dep_ in ("pobj", "pcomp") and root.head.pos_ == "ADP":
        return root.head
    if span.start > 0 and span.root.dep_ not in ("compound", "amod", "nmod", "poss"):
        before = span.doc[span.start - 1]
        if before.pos_ == "ADP" or before.lower_ in gazetteer.word_list("locative_preps.txt"):
            return before
    return None


def is_locative(span: Span, *, allow_from: bool = True) -> bool:
    """True when the span names where something is or happens, not who acts."""
    prep = governing_preposition(span)
    if prep is None or prep.lower_ not in gazetteer.word_list("locative_preps.txt"):
        return False
    if prep.lower_ == "from" and not allow_from:
        return False
    head = prep.head if prep.head is not prep else None
    head_word = head.lemma_.lower() if head is not None else ""
    if prep.lower_ == "on":
        return head_word in gazetteer.word_list("attack_nouns.txt")
    if prep.lower_ == "of":
        return head_word in gazetteer.word_list("of_place_heads.txt") or (
            head is not None and head.lower_ in gazetteer.word_list("of_place_heads.txt")
        )
    if head is not None and head.pos_ in ("NOUN", "PROPN") and head_word in gazetteer.word_list("people_nouns.txt"):
        return False
    return True
