"""How a sentence reports: which verbs report and whose words they carry (a participle's speaker, a "that"
clause the parser hung as a relative clause), where a second statement begins, which adverbials are the
outlet's narration, and where quotations and private outlets stand. Used by `attribution` to build frames."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RELATIVE_PRONOUNS = {"which", "who", "that"}


QUOTATION = re.compile(r'"[^"]{2,2000}"|“[^”]{2,2000}”')


def quotations(text: str) -> list[Span]:
    """Spans of quotations in straight or curly double quotes, the marks included."""
    return [(m.start(), m.end()) for m in QUOTATION.finditer(text)]


def outlet_spans(doc: Doc) -> list[Span]:
    """Where private outlets are named ("Reuters", "AFP"): organs.tsv's kind "outlet", which are never actors."""
    spans = []
    for ent in doc.ents:
        kind, _, key = ent.ent_id_.partition(":")
        entry = gazetteer.named_actors().get(key) if kind == "actor" else None
        if entry is not None and entry.kind == "outlet":
            spans.append((ent.start_char, ent.end_char))
    return spans


SEPARATE_STATEMENT_DEPS = {"advcl", "conj"}


def separate_statement(doc: Doc, cues: list[int]) -> int:
    """ "Ukraine said 50 drones were launched, while Russia said it shot down 30": a reporting verb joined to
    another as a coordinated or adverbial clause, with a speaker of its own, is a second statement, not a
    report inside the first; the frames above it do not reach what it reports. Given the cues of the frames
    governing a figure, outermost first, the position of the innermost that opens a second statement (0:
    none does)."""
    kept = 0
    for number in range(1, len(cues)):
        inner, outer = cues[number], cues[number - 1]
        node = doc[inner]
        while node.i != outer and node.head.i != node.i:
            if node.dep_ in SEPARATE_STATEMENT_DEPS and (node.head.i == outer or node.i == inner):
                kept = number
                break
            node = node.head
    return kept


def own_report(verb: Token) -> bool:
    """True when a reporting verb has a reported clause of its own ("and Israel said it would respond"): it
    speaks for that clause only, never for a figure before it outside that clause."""
    return any(child.dep_ in ("ccomp", "xcomp") for child in verb.children)


def reports(token: Token) -> bool:
    """True for a reporting verb used to report: with a clause, a closing "X said", or a counted object."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or lemma not in gazetteer.word_list("reporting_verbs.txt"):
        return False
    # Verbs that take a figure as their object ("the air force has counted 8,000 drones") and verbs of denial
    # (reporting_verb_objects.tsv); the others report only with a clause ("Beijing claims 90% of the sea").
    if lemma in gazetteer.counting_verbs() or token.dep_ == "parataxis":
        return True
    if lemma in gazetteer.denial_verbs() and token.dep_ != "relcl":
        return any(child.dep_ in ("dobj", "ccomp", "xcomp") for child in token.children)
    if token.dep_ in ("advcl", "conj") and token.head.pos_ in ("VERB", "AUX") and token.head.i < token.i:
        return True  # "X has sent troops, the agency said": the closing verb reports its head
    clausal = any(child.dep_ in ("ccomp", "xcomp", "parataxis") for child in token.children) or any(
        complement_as_relative(word) for word in token.subtree if word.dep_ in ("relcl", "acl") and word.i > token.i
    )
    accusing = any(c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children) for c in token.children)
    return (
        clausal or accusing or any(child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") for child in token.children)
    )


def relative_pronoun(word: Token) -> bool:
    """ "which said", "who said": a relative pronoun, not a speaker; the acronym "WHO" is an entity, not one."""
    return word.lower_ in RELATIVE_PRONOUNS and not word.ent_type_ and not word.is_upper


def controller_subject(participle: Token) -> Token | None:
    """ "An official blamed the RSF, saying the group had launched six drones": a participle's unstated
    subject is the subject of the verb it hangs from (the nearest one above that has one)."""
    for node in participle.ancestors:
        # "Ships blocked the strait, Iran's navy said, adding ...": a closing "X said" beside it speaks on
        closing = [c for c in node.children if c.dep_ == "parataxis" and is_reporting(c) and c.i < participle.i]
        for verb in [*closing, node]:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    return None


def complement_as_relative(verb: Token) -> bool:
    """ "told lawmakers in a briefing that the North had sent 11,000 troops": the parser hung the reported
    clause from "briefing" as a relative clause; it is one when its "that" fills no gap (the verb has its own
    subject and its own object besides)."""
    that = next((c for c in verb.children if c.lower_ == "that" and c.i < verb.i), None)
    if that is None or that.dep_ not in ("dobj", "nsubj", "mark"):
        return False
    subject = any(c.dep_ in ("nsubj", "nsubjpass") and c != that for c in verb.children)
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if that.dep_ == "mark" or (that.dep_ == "dobj" and passive):  # "that" fills no gap: not a relative pronoun
        return subject
    objects = sum(c.dep_ in ("dobj", "ccomp", "attr") for c in verb.children)
    return subject and objects >= (2 if that.dep_ == "dobj" else 1)


TAIL_DEPS = {"advcl", "npadvmod", "prep"}


def in_tail(token: Token, cue: int) -> bool:
    """ "Rebels shelled the town, the army said, two days after a strike killed 14 people": when the report
    stands before its closing "X said", an adverbial after the verb (one hanging from it, or a clause opened
    by "after", "before", "since" ...) is the outlet's narration, not the speaker's report."""
    verb = token.doc[cue]
    inverted = verb.dep_ == "parataxis" or any(c.dep_ == "ccomp" and c.i < cue for c in verb.children)
    if not inverted or token.i < cue:
        return False
    for node in [token, *token.ancestors]:
        if node.i == cue:
            return False
        marked = node.dep_ == "advcl" and any(m.dep_ == "mark" for m in node.children)
        if node.i > cue and node.dep_ in TAIL_DEPS and not is_reporting(node) and (node.head.i == cue or marked):
            return True
    return False


def is_reporting(verb: Token) -> bool:
    return verb.lemma_.lower() in gazetteer.word_list("reporting_verbs.txt")
