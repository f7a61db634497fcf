"""Where a name stands: is this mention the object of a locative preposition ("near Kursk")?"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from watchfloor import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def governing_preposition(span: Span) -> Token | None:
    """The preposition whose object the span is, from the parse or, failing that, the token before it.

    Coordinated and appositive names take their first conjunct's preposition ("in Khan Younis and Rafah",
    "near the capital, Sanaa"). The token-before fallback covers misparses ("in Nabatieh and Bint Jbeil"),
    but not a name that modifies a following noun ("from Western markets").
    """
    root = span.root
    while root.dep_ in ("conj", "appos") and root.head is not root and root.head.i < root.i:
        root = root.head
    if root.dep_ in ("pobj", "pcomp") and root.head.pos_ == "ADP":
        return root.head
    following = span.doc[span.end] if span.end < len(span.doc) else None
    modifies_noun = following is not None and following.pos_ in ("NOUN", "PROPN") and following.ent_iob_ != "B"
    if span.start > 0 and not modifies_noun:
        before = span.doc[span.start - 1]
        if before.pos_ == "ADP" or before.lower_ in gazetteer.word_list("locative_preps.txt"):
            return before
    return None


def follows_place_noun(span: Span) -> bool:
    """True for a name right after a place noun: "the capital Sanaa", "the town of Sudzha", or in apposition
    to it ("the capital, Juba", "the port city, Aden")."""
    start = span.start
    if start > 1 and span.doc[start - 1].lower_ in ("of", ","):
        if span.doc[start - 1].text == "," and span.root.dep_ in ("nsubj", "nsubjpass"):
            return False  # "... in the Donetsk region, Moscow said": the subject of the next clause
        start -= 1
    if start == 0:
        return False
    word = span.doc[start - 1].lower_
    return word == "capital" or word in gazetteer.word_list("of_place_heads.txt")


@lru_cache(maxsize=1)
def _place_nouns() -> dict[str, str]:
    return {phrase: kind for phrase, kind in gazetteer.read_rows("place_nouns.tsv")}


def place_noun_after(span: Span) -> tuple[str, int] | None:
    """("admin" | "facility", end token) when a place noun follows the name, over up to two modifiers
    ("Natanz enrichment sites", "Barmal district"). After the name's possessive only a facility with a name
    of its own counts ("Rome's Gemelli hospital", "Kyiv's Okhmatdyt hospital"): "Tehran's nuclear sites" are
    the state's, and "Kherson's Beryslav district" is not Kherson."""
    doc = span.doc
    nouns = _place_nouns()
    start = span.end
    possessive = start < len(doc) and doc[start].text in ("'s", "’s")
    start += possessive
    for skip in range(3):
        at = start + skip
        if at >= len(doc) or doc[at].is_punct or doc[at].pos_ not in ("NOUN", "ADJ", "PROPN"):
            return None
        for width in (2, 1):
            words = " ".join(token.lower_ for token in doc[at : at + width])
            if words not in nouns or (skip > 0 and nouns[words] != "facility"):
                continue
            if possessive and (nouns[words] != "facility" or not any(t.pos_ == "PROPN" for t in doc[start:at])):
                return None
            return nouns[words], at + width
    return None


def modifies_division_noun(span: Span) -> bool:
    """True for a name, or one of coordinated names, that modifies a later division's noun: "the Masvingo,
    Manicaland and Midlands provinces", "the Kunar and Nangarhar provinces" (the parse makes the names
    modifiers of the noun; place_noun_after only sees a noun right after a name)."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    head = root.head
    if root.dep_ not in ("nmod", "compound") or head.i <= root.i:
        return False
    return _place_nouns().get(head.lemma_.lower()) == "admin"


def is_attacked(span: Span) -> bool:
    """True for the object of an attack verb: "Russian drones struck Odessa", "Russia pounds Kyiv"."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    return root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in gazetteer.word_list("attack_nouns.txt")


def names_a_pathogen(span: Span) -> bool:
    """True for a place name inside a disease's or a virus's name: "West Nile virus", "Reston ebolavirus",
    "Rift Valley fever" (the name is the pathogen's, not where the story is)."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return following is not None and following.lower_ in gazetteer.word_list("pathogen_nouns.txt")


def modifies_people(span: Span) -> bool:
    """True for a name used as a modifier of people: "Gaza officials", "Donbas separatists"."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return following is not None and following.lemma_.lower() in gazetteer.word_list("group_nouns.txt")


# Labels of the names a capital may be listed with as a place: the NER's place labels.
_PLACE_LABELS = ("GPE", "LOC", "FAC")


def conjoined_with_a_place(span: Span) -> bool:
    """True for a name listed with a place that is neither a state nor a capital ("cities like Beijing and
    Shanghai", "Seoul and Busan", "Utah, Virginia, Washington and Wyoming"): a list of a capital and other
    towns or divisions names places, while capitals listed with capitals or states ("Moscow and Beijing")
    stand for governments."""
    root = span.root
    head = root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    members = [
        head,
        *(token for token in head.subtree if token.dep_ == "conj" and token.head in (head, *head.conjuncts)),
    ]
    for member in members:
        if span.start <= member.i < span.end or member.ent_type_ not in _PLACE_LABELS:
            continue
        kind = member.ent_id_.partition(":")[0]
        if not kind or kind == "region":
            return True
    return False


def is_locative(span: Span, *, allow_from: bool = True) -> bool:
    """True when the span names where something is or happens, not who acts."""
    if follows_place_noun(span) or place_noun_after(span) is not None or is_attacked(span):
        return True
    if modifies_division_noun(span) or conjoined_with_a_place(span):
        return True
    prep = governing_preposition(span)
    if prep is not None and prep.lower_ in ("to", "between"):
        return _names_a_destination(prep)
    if prep is None or prep.lower_ not in gazetteer.word_list("locative_preps.txt"):
        return False
    if prep.lower_ == "from" and not allow_from:
        return _names_a_destination(prep)  # "fled from Kyiv" is a place, "a message from Kyiv" a government
    head = prep.head if prep.head is not prep else None
    head_word = head.lemma_.lower() if head is not None else ""
    if prep.lower_ == "on":
        return head_word in gazetteer.word_list("attack_nouns.txt")
    if prep.lower_ == "of":
        return head_word in gazetteer.word_list("of_place_heads.txt") or (
            head is not None and head.lower_ in gazetteer.word_list("of_place_heads.txt")
        )
    names_people = head is not None and head.pos_ in ("NOUN", "PROPN")
    return not (names_people and head_word in gazetteer.word_list("people_nouns.txt"))


def _names_a_destination(prep: Token) -> bool:
    """True for "to"/"between"/"from" after a word of movement or of a route ("flew to Moscow", "the road
    between Homs and Hama", "fled from Kyiv"): the name is where someone goes or comes from, not a
    government spoken to ("talks between Seoul and Tokyo", "a message to Beijing", "a message from
    Moscow"). "To" after a word of nearness ("near to Kielce", "close to Kursk") places the name as "near"
    does."""
    head = prep.head
    if head is prep:
        return False
    word = head.lemma_.lower()
    if prep.lower_ == "to" and word in gazetteer.word_list("nearness_words.txt"):
        return True
    return word in gazetteer.word_list("motion_words.txt")


def names_a_vessel(span: Span) -> bool:
    """True for a ship named after a place: "the aircraft carrier Shandong", "the tanker Lila Lisbon" (the
    vessel noun may stand before the other words of the ship's name)."""
    start = span.start
    while start > 0 and span.doc[start - 1].pos_ == "PROPN" and span.doc[start - 1].text[:1].isupper():
        start -= 1
    return start > 0 and span.doc[start - 1].lower_ in gazetteer.word_list("vessel_nouns.txt")
