"""Claims: every figure in a document with what it counts, whose it is, who states it, how sure, and when.

The parts live in their own modules: the number (`quantities`), what it counts (`counted`), its unit (`units`),
its owner, target and relation (`owners`), who states it (`attribution`), how sure (`factuality`), and its
time and context (`clause`). This module puts them together into one `Claim` per figure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.extract.attribution import Attributor, make_attributor
from watchfloor.extract.clause import clause_time, dateline_end, find_context, headline_span
from watchfloor.extract.counted import counted_noun, quantity_change
from watchfloor.extract.factuality import disclaim, distanced, find_factuality
from watchfloor.extract.owners import destination, find_subject, measure_phrase, relation
from watchfloor.extract.quantities import find_quantities
from watchfloor.extract.units import measure_unit, noun_unit, rate_match, rate_per, rate_position, unit_as_written
from watchfloor.model import Actor, Attribution, Claim, NumberMention, Place, Quantity, StatedTime, TimeExpression
from watchfloor.nlp.sentences import doc_text, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# A time expression that counts a duration ("the past two years", "three days ago") holds a figure too.
DURATION_IN_TIME = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s(?:hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


def find_claims(
    doc: Doc,
    actors: list[Actor],
    places: list[Place],
    times: list[TimeExpression],
    published: str | None,
    attributor: Attributor | None = None,
) -> list[Claim]:
    """One claim per figure in the document; pass the document's `attributor` (see `make_attributor`) to
    share it with events."""
    mentions = sorted(((s, e, a) for a in actors for s, e in a.mentions), key=lambda m: m[0])
    attributor = attributor or make_attributor(doc, actors, places)
    # calendar expressions are not figures; durations inside time expressions ("the past two years") are
    excluded = [t.span for t in times if not DURATION_IN_TIME.search(t.text)]
    headline = headline_span(doc_text(doc))
    if headline:
        excluded.append(headline)
    claims: list[Claim] = []
    for number in find_quantities(doc_text(doc), excluded):
        token = _number_token(doc, number)
        if token is None or _is_attribution_count(token) or _is_pronoun_one(token, number):
            continue
        claims.append(_claim(len(claims) + 1, doc, token, number, attributor, mentions, places, times, published))
    return disclaim(doc, claims, [(s, e, a.id, a.country) for s, e, a in mentions])


def _number_token(doc: Doc, quantity: NumberMention) -> Token | None:
    span = doc.char_span(*quantity.number_span, alignment_mode="expand")
    if span is None or not len(span):
        return None
    numbers = [t for t in span if t.like_num or t.pos_ == "NUM" or t.lower_ in ("dozens", "hundreds", "thousands")]
    return numbers[-1] if numbers else span[-1]


def _is_pronoun_one(token: Token, quantity: NumberMention) -> bool:
    """ "each one they lose", "the same one": "one" standing for a noun is not a figure."""
    if token.lower_ != "one" or quantity.bound != "=" or quantity.unit:
        return False
    return token.dep_ != "nummod" and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "NOUN")


def _is_attribution_count(token: Token) -> bool:
    """ "two security sources told the agency", "according to two London brokers": a count of speakers is not
    a figure."""
    noun = token.head if token.dep_ == "nummod" else None
    if noun is None or noun.lemma_.lower() not in gazetteer.word_list("speaker_nouns.txt"):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according":
        return True
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in gazetteer.word_list("reporting_verbs.txt")


def _claim(
    number: int,
    doc: Doc,
    token: Token,
    found: NumberMention,
    attributor: Attributor,
    mentions: list[tuple[int, int, Actor]],
    places: list[Place],
    times: list[TimeExpression],
    published: str | None,
) -> Claim:
    unit, span_end = measure_unit(doc, found)
    noun = counted_noun(token)
    rate = rate_match(doc_text(doc), rate_position(doc, token, found, noun, span_end))
    written = unit_as_written(doc, token, found, noun, span_end, rate)
    unit = unit or found.unit or noun_unit(noun, token)
    sentence = sentence_of(token)
    attribution = attributor.attribution_for(token)
    stated = clause_time(doc, token, times)
    actors_by_id = {a.id: a for _s, _e, a in mentions}
    speaker = attribution.actor if attribution else None
    return Claim(
        id=f"c{number}",
        span=(found.span[0], span_end),
        sentence=(sentence.start_char, sentence.end_char),
        quantity=Quantity(
            found.value,
            found.low,
            found.high,
            found.bound,
            found.approximate,
            unit,
            rate_per(rate),
            written,
            quantity_change(token, found.span[0]),
        ),
        measure=measure_phrase(noun, token),
        target=destination(noun or token, attributor),
        relation=relation(noun or token),
        subject=find_subject(token, noun, unit, mentions, places, speaker, actors_by_id, attributor),
        place=_place(sentence, places),
        time=_as_of(doc, stated, attribution, sentence, times, published),
        attribution=attribution,
        factuality=distanced(find_factuality(token), attribution),
        context=_context(token, stated, published),
    )


def _as_of(
    doc: Doc,
    stated: StatedTime | None,
    attribution: Attribution | None,
    sentence: SpacySpan,
    times: list[TimeExpression],
    published: str | None,
) -> StatedTime | None:
    """When the figure holds, as an analyst reads it: the time its clause states; else the time of the
    statement reporting it ("the ministry said on Monday"); else the publication date."""
    statement = _statement_time(doc, attribution, sentence, times)
    if stated is not None:
        said = statement is not None and (statement.start, statement.text) == (stated.start, stated.text)
        return replace(stated, basis="statement" if said else "stated")
    if statement is not None:
        return StatedTime(statement.start, statement.end, statement.text, "statement")
    if published:
        return StatedTime(published, published, published, "published")
    return None


def _statement_time(
    doc: Doc, attribution: Attribution | None, sentence: SpacySpan, times: list[TimeExpression]
) -> TimeExpression | None:
    """A resolved time hanging from a reporting verb (through its preposition) in the sentence of the
    figure's speaker, or the figure's own sentence: "said on Monday", "told reporters on Friday"."""
    where = sentence
    if attribution is not None:
        cue = doc.char_span(*attribution.span, alignment_mode="expand")
        if cue is not None and len(cue):
            where = sentence_of(cue[0])
    verbs = gazetteer.word_list("reporting_verbs.txt")
    for time in times:
        if not (where.start_char <= time.span[0] < where.end_char) or not time.start:
            continue
        span = doc.char_span(*time.span, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = span.root.head
        if head.dep_ == "prep":
            head = head.head
        if head.lemma_.lower() in verbs:
            return time
    return None


def _place(sentence: SpacySpan, places: list[Place]) -> str | None:
    start, end = dateline_end(sentence), sentence.end_char
    for place in places:
        if any(start <= s < end for s, _e in place.mentions):
            return place.name
    return None


def _context(token: Token, time: StatedTime | None, published: str | None) -> str | None:
    """The claim's context from the words that govern its number (and their dependents)."""
    above = {a.i for a in token.ancestors}
    words = {t.lower_ for t in sentence_of(token) if t.i in above or t.head.i in above}
    return find_context(words, "claim", time, published)
