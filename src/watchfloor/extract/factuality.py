"""Factuality: certainty and polarity of what a token states, from cue words in its syntactic scope.

A cue counts when it stands on the token's path to the root of its sentence, or hangs from that path as an
auxiliary, adverb, negation or modifier: "reportedly" in "although much of it reportedly flows back" does
not reach a figure in the main clause. An outlet's hedge in the next sentence ("The figure could not be
independently verified") reaches the figures of the sentence before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.model import Attribution, Claim, Factuality
from watchfloor.nlp.sentences import same_paragraph, sentence_of, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# Which certainty wins when several cues reach a figure: the least certain.
RANK = {"certain": 0, "probable": 1, "possible": 2, "unknown": 3}
SCOPE_DEPS = {
    "aux",
    "auxpass",
    "advmod",
    "neg",
    "amod",
    "det",
    "nummod",
    "quantmod",
    "npadvmod",
    "acomp",
    "attr",
    "xcomp",
    "nsubj",
    "nsubjpass",
}
# A relative or adjectival clause states its own content: cues above it ("action that would change the status
# quo in Essequibo, which makes up two-thirds") do not reach into it.
CLAUSE_BOUNDARIES = {"relcl"}
FOLLOWING_HEDGE = re.compile(
    r"^(?:(?:(?:the|these|those|this|that|such)\s+(?:\w+\s+)?(?:figures?|numbers?|tolls?|claims?|accounts?|reports?"
    r"|data|information|estimates?|tallies|tally)|it|this|that|none of them|both)\b[^.]{0,60}?"
    r"\b(?:could not|cannot|can't|couldn't|has not been|have not been|was not|were not|has yet to be|have yet to be)"
    r"|neither\b[^.]{0,60}?\b(?:could|can|has|have|was|were))\b[^.]{0,30}\b(?:verified|confirmed)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _cues() -> list[tuple[tuple[str, ...], str]]:
    rows = [(tuple(cue.split()), effect) for cue, effect in gazetteer.read_rows("factuality_cues.tsv")]
    return sorted(rows, key=lambda row: -len(row[0]))


def scope(token: Token, *, evidential: bool = False) -> set[int]:
    """Token indices whose cues reach the token: its ancestors and their function-word dependents. A
    coordinated verb's first conjunct is its sibling, not its governor: "denied shelling ... and accused
    the army" does not deny the accusation. An evidential cue ("are reported to", "allegedly": the
    ``unknown`` rows) doubts the whole proposition, so with ``evidential`` the scope runs on through a
    reduced relative, which a modal or plan does not reach (``_reduced_relative``)."""
    path = [token]
    siblings: set[int] = set()
    for ancestor in token.ancestors:
        reduced = _reduced_relative(path[-1]) and not evidential
        if path[-1].dep_ in CLAUSE_BOUNDARIES or reduced or _finite_subject(path[-1]):
            break
        if path[-1].dep_ == "conj" and path[-1].pos_ in ("VERB", "AUX"):
            siblings.add(ancestor.i)
        path.append(ancestor)
    reach = {t.i for t in path} - siblings
    for node in path:
        if node.i not in siblings:
            reach.update(child.i for child in node.children if child.dep_ in SCOPE_DEPS)
    return reach


def distanced(factuality: Factuality, attribution: Attribution | None) -> Factuality:
    """ "Rebels claimed they had killed 60 soldiers": a figure reported through a distancing verb
    (distancing_verbs.txt, the attribution's cue) is `unknown`, as under "alleged"."""
    if attribution is None or attribution.cue not in gazetteer.word_list("distancing_verbs.txt"):
        return factuality
    return Factuality("unknown", factuality.polarity, (*factuality.cues, attribution.cue))


def _reduced_relative(node: Token) -> bool:
    """A bare past participle modifying a noun or a clause ("seeks to benefit from compensation, estimated at
    $2,000") is a relative clause without its "which is": it states its own content, so a plan or modal above
    it does not reach in. Not one: a participle with its own subject, auxiliary or object ("reports that 500 troops
    had deserted"), or an infinitival modifier ("the plan to buy 400 missiles"), which the plan governs."""
    own = any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "dobj") for c in node.children)
    return node.dep_ in ("acl", "advcl") and node.tag_ == "VBN" and not own


def _finite_subject(node: Token) -> bool:
    """A finite verb parsed as a subject ("Each costs $20,000, while missiles can cost more": "costs" as the
    subject of "cost") is a misparse joining two clauses: the second clause's cues do not reach the first."""
    return node.dep_ == "nsubj" and node.tag_ in ("VBZ", "VBD", "VBP")


def find_factuality(token: Token, hedged_sentence: bool = False, exclude: int | None = None) -> Factuality:
    """Certainty and polarity of what the token states, with the cues found (a cue at ``exclude``, the
    trigger of a denial itself, does not count)."""
    sentence = sentence_of(token)
    reach = scope(token) - {exclude}
    wide: set[int] | None = None  # the evidential scope, walked only when an evidential cue lies outside reach
    certainty, polarity, cues = "certain", "positive", []
    for start, words, effect in _cue_matches(sentence):
        span = range(start, start + len(words))
        if not any(i in reach for i in span):
            if effect != "unknown":
                continue
            wide = scope(token, evidential=True) - {exclude} if wide is None else wide
            if not any(i in wide for i in span):
                continue
        cues.append(" ".join(words))
        if effect == "negative":
            polarity = "negative"
        elif RANK[effect] > RANK[certainty]:
            certainty = effect
    if hedged_sentence:
        certainty = "unknown"
        cues.append("not verified (next sentence)")
    return Factuality(certainty, polarity, tuple(dict.fromkeys(cues)))


@lru_cache(maxsize=1)
def _cues_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for cue, effect in _cues():
        table.setdefault(cue[0], []).append((cue, effect))
    return table


def _cue_matches(sentence: SpacySpan) -> list[tuple[int, tuple[str, ...], str]]:
    """Cues in a sentence, longest first where they overlap; computed once per sentence."""
    cache = sentence.doc.user_data.setdefault("watchfloor_cues", {})
    if sentence.start in cache:
        return cache[sentence.start]  # type: ignore[no-any-return]
    words = [t.lower_ for t in sentence]
    candidates = []
    for offset, word in enumerate(words):
        for cue, effect in _cues_by_first_word().get(word, []):
            if tuple(words[offset : offset + len(cue)]) == cue:
                candidates.append((offset, cue, effect))
    candidates.sort(key=lambda c: -len(c[1]))
    taken: set[int] = set()
    found = []
    for offset, cue, effect in candidates:
        positions = set(range(offset, offset + len(cue)))
        if positions & taken:
            continue
        taken |= positions
        found.append((sentence.start + offset, cue, effect))
    cache[sentence.start] = found
    return found


def hedged_by_next(sentence: SpacySpan) -> bool:
    """True when the sentence after this one says its figures could not be verified, or the one after that
    does of "the toll" or "the figures" (a denial often stands between), within the paragraph."""
    doc = sentence.doc
    current = sentence
    for distance in (1, 2):
        if current.end >= len(doc):
            return False
        following = sentence_of(doc[current.end])
        if not same_paragraph(sentence, following):
            return False
        if (
            len(following) <= 25
            and FOLLOWING_HEDGE.search(following.text)
            and (distance == 1 or DESCRIBED_FIGURES.match(following.text))
        ):
            return True
        if any(t.like_num for t in following):  # a hedge further on is about that sentence's own figures
            return False
        current = following
    return False


DESCRIBED_FIGURES = re.compile(r"(?i)(?:the|these|those)\s+(?:\w+\s+)?(?:figures?|numbers?|tolls?|tally|tallies)\b")


# An outlet's disclaimer, passive or active: "The figures could not be independently verified", "Reuters
# could not independently verify the claims", "AFP was unable to confirm the toll", "It was not possible to
# verify the report", "There was no independent confirmation".
DISCLAIMER = re.compile(
    r"\b(?:could not|couldn't|cannot|can't|(?:was|were|is|are|has been|have been) (?:unable|not able) to"
    r"|(?:has|have) not been able to|had no way (?:of|to)|(?:was|is) not possible to)\s+(?:independently\s+)?"
    r"(?:verify|confirm|verifying|confirming)\b"
    r"|\b(?:could not|cannot|can't|couldn't|(?:has|have|had|was|were|is|are) not|(?:has|have) yet to)\s+"
    r"(?:be\s+|been\s+)?(?:independently\s+)?(?:verified|confirmed)\b"
    r"|\bno (?:independent )?(?:verification|confirmation)\b"
    r"|\b(?:none|neither)\b[^.]{0,60}?\b(?:could|can|has|have|was|were)\s+(?:be\s+|been\s+)?(?:independently\s+)?"
    r"(?:verified|confirmed)\b",
    re.IGNORECASE,
)
# "None of these figures", "all the claims", "those tolls": a disclaimer of every speaker's figures so far.
EVERY_FIGURE = re.compile(r"(?i)\b(?:these|those|all|none of the|any of the)\s+(?:\w+\s+)?(?:figures|numbers|claims"
                          r"|tolls|tallies|reports|accounts|estimates)\b")  # fmt: skip
# "Neither account", "both sides' figures": the last two speakers' figures.
BOTH_SIDES = re.compile(r"(?i)\b(?:neither|both|either)\b")
# "The figure", "the toll", "it", "this": one statement, the figures of one sentence just before.
ONE_FIGURE = re.compile(r"(?i)^\s*(?:the (?:\w+ )?(?:figure|number|toll|claim|tally|estimate)|it|this|that)\b")
DISCLAIMER_MAX_TOKENS = 40  # a disclaimer is a short sentence of the outlet's (longest seen on wire copy: ~30)
DISCLAIMER_LOOKBACK = 6  # sentences a disclaimer looks back for the figures it refers to


def disclaim(doc: Doc, claims: list[Claim], mentions: list[tuple[int, int, str, str | None]]) -> list[Claim]:
    """The claims an outlet's disclaimer refers to, made `unknown`. A disclaimer sentence without figures of
    its own reaches, by what it names: every speaker's figures before it ("none of these figures"), a named
    speaker's ("the Houthis' claims"), the last two speakers' ("neither account"), one statement ("the
    figure", "it"), else the figures of the speaker quoted last, back to where another speaker's begin. A
    disclaimer on a figure's own noun ("a figure that could not be verified") reaches its sentence's figures."""
    reached: dict[str, str] = {}
    for sentence in sentences(doc):
        match = DISCLAIMER.search(sentence.text)
        if match is None:
            continue
        own = [c for c in claims if sentence.start_char <= c.span[0] < sentence.end_char]
        if own:
            for claim in _disclaimed_in_sentence(sentence, match, own):
                reached.setdefault(claim.id, "not verified")
        elif len(sentence) <= DISCLAIMER_MAX_TOKENS:
            for claim, cue in _disclaimed_before(sentence, claims, mentions):
                reached.setdefault(claim.id, cue)
    return [_unknown(claim, reached[claim.id]) if claim.id in reached else claim for claim in claims]


def _unknown(claim: Claim, cue: str) -> Claim:
    factuality = claim.factuality
    return replace(claim, factuality=Factuality("unknown", factuality.polarity, (*factuality.cues, cue)))


def _disclaimed_in_sentence(sentence: SpacySpan, match: re.Match[str], own: list[Claim]) -> list[Claim]:
    """ "Hamas said 40 were killed, a figure that could not be verified": the disclaimer's verb is a relative
    clause of a figure noun; the figures before that noun are the ones it disclaims."""
    span = sentence.doc.char_span(sentence.start_char + match.start(), sentence.start_char + match.end(), "expand")
    if span is None:
        return []
    verb = span.root
    while verb.dep_ in ("aux", "auxpass", "neg", "advmod") and verb.head.i != verb.i:
        verb = verb.head
    noun = verb.head
    if verb.dep_ not in ("relcl", "acl") or noun.lemma_.lower() not in gazetteer.word_list("disclaimed_nouns.txt"):
        return []
    return [claim for claim in own if claim.span[1] <= noun.idx]


def _disclaimed_before(
    sentence: SpacySpan, claims: list[Claim], mentions: list[tuple[int, int, str, str | None]]
) -> list[tuple[Claim, str]]:
    doc = sentence.doc
    floor = sentence_of(doc[max(0, sentence.start - 1)])
    for _step in range(DISCLAIMER_LOOKBACK - 1):
        floor = sentence_of(doc[max(0, floor.start - 1)])
    before = [c for c in claims if floor.start_char <= c.span[0] < sentence.start_char]
    previous = sentence_of(doc[max(0, sentence.start - 1)])
    second = sentence_of(doc[max(0, previous.start - 1)])
    if not before:
        return []
    named = {
        actor for start, end, actor, _country in mentions if sentence.start_char <= start <= end <= sentence.end_char
    }
    countries = {actor: country for _start, _end, actor, country in mentions}
    text = sentence.text
    if EVERY_FIGURE.search(text):
        chosen = [c for c in before if c.attribution is not None]
    elif named:
        chosen = [c for c in before if _speaker(c) in named or countries.get(_speaker(c) or "") in named]
    elif ONE_FIGURE.match(text):  # one statement: the nearest sentence with figures among the two before
        near = [c for c in before if c.sentence[0] >= second.start_char]
        chosen = [c for c in near if c.sentence == near[-1].sentence]
    elif BOTH_SIDES.search(text):  # two accounts side by side: the two sentences before
        chosen = _last_speakers([c for c in before if c.sentence[0] >= second.start_char], 2)
    else:
        chosen = _last_speakers(before, 1)
    where = {True: "not verified (next sentence)", False: "not verified (later sentence)"}
    return [(c, where[c.sentence[0] == previous.start_char]) for c in chosen]


def _speaker(claim: Claim) -> str | None:
    """Who states a claim, for grouping: its actor, else its speaker's words; None for the outlet's voice."""
    if claim.attribution is None:
        return None
    return claim.attribution.actor or claim.attribution.speaker.lower()


def _last_speakers(before: list[Claim], count: int) -> list[Claim]:
    """The claims of the last `count` speakers, walking back until another speaker's begin; the outlet's own
    figures between them are passed over (an outlet does not disclaim its own voice), and when only the
    outlet has spoken, its last sentence with figures is the referent."""
    if not before:
        return []
    if all(_speaker(c) is None for c in before):
        return [c for c in before if c.sentence == before[-1].sentence]
    speakers: list[str] = []
    chosen = []
    for claim in reversed(before):
        who = _speaker(claim)
        if who is None:
            continue
        if who not in speakers:
            if len(speakers) == count:
                break
            speakers.append(who)
        chosen.append(claim)
    return chosen
