"""Factuality: certainty and polarity of what a token states, from cue words in its syntactic scope.

A cue counts when it stands on the token's path to the root of its sentence, or hangs from that path as an
auxiliary, adverb, negation or modifier: "reportedly" in "although much of it reportedly flows back" does
not reach a figure in the main clause. An outlet's hedge in the next sentence ("The figure could not be
independently verified") reaches the figures of the sentence before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.model import Factuality
from watchfloor.nlp.sentences import same_paragraph, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

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


def scope(token: Token) -> set[int]:
    """Token indices whose cues reach the token: its ancestors and their function-word dependents. A
    coordinated verb's first conjunct is its sibling, not its governor: "denied shelling ... and accused
    the army" does not deny the accusation."""
    path = [token]
    siblings: set[int] = set()
    for ancestor in token.ancestors:
        if path[-1].dep_ in CLAUSE_BOUNDARIES or _finite_subject(path[-1]):
            break
        if path[-1].dep_ == "conj" and path[-1].pos_ in ("VERB", "AUX"):
            siblings.add(ancestor.i)
        path.append(ancestor)
    reach = {t.i for t in path} - siblings
    for node in path:
        if node.i not in siblings:
            reach.update(child.i for child in node.children if child.dep_ in SCOPE_DEPS)
    return reach


def _finite_subject(node: Token) -> bool:
    """A finite verb parsed as a subject ("Each costs $20,000, while missiles can cost more": "costs" as the
    subject of "cost") is a misparse joining two clauses: the second clause's cues do not reach the first."""
    return node.dep_ == "nsubj" and node.tag_ in ("VBZ", "VBD", "VBP")


def find_factuality(token: Token, hedged_sentence: bool = False, exclude: int | None = None) -> Factuality:
    """Certainty and polarity of what the token states, with the cues found (a cue at ``exclude``, the
    trigger of a denial itself, does not count)."""
    sentence = sentence_of(token)
    reach = scope(token) - {exclude}
    certainty, polarity, cues = "certain", "positive", []
    for start, words, effect in _cue_matches(sentence):
        if not any(i in reach for i in range(start, start + len(words))):
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
