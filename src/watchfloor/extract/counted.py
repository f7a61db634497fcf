"""The counted noun: what a number counts ("81 of the drones", "94 drones", "2,700 wounded"), and the verb
that governs the counted phrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.nlp.sentences import same_paragraph, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Token


def counted_noun(token: Token) -> Token | None:
    """The noun a number counts: "81 of the drones", its head ("94 drones"), a casualty word ("2,700
    wounded"), or, for a bare number, the nearest plural noun before it in the sentence ("of the aircraft, 34")."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.lower_ == "of":
        objects = [c for c in following.children if c.dep_ == "pobj" and c.pos_ != "PRON"]
        if objects:
            return objects[0]
    if following is not None and following.lower_ in gazetteer.casualty_words():
        return following
    attributive = attributive_noun(token)
    if attributive is not None:
        return attributive
    if token.dep_ == "nummod" and token.head.i < token.i and doc[token.i - 1].lower_ == "or":
        return token.head if token.head.pos_ == "NOUN" else None  # "a day or two", "another pick or two"
    head = token
    while head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.head.i > head.i:
        head = head.head
    if head is not token and head.pos_ in ("NOUN", "PROPN"):
        return head
    for candidate in doc[token.i + 1 : min(len(doc), token.i + 5)]:
        if candidate.pos_ == "NOUN":
            return candidate
        if candidate.pos_ not in ("ADJ", "PROPN", "NUM", "PUNCT") and candidate.lower_ != "-":
            break
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = token.head
    if verb.dep_ == "conj":  # "Most of the rockets fell ..., and about 10 were intercepted"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            of = next((c for c in subject.children if c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            return pobj or subject
    earlier = [t for t in doc[max(sentence_of(token).start, token.i - 12) : token.i] if t.pos_ == "NOUN"]
    if earlier and earlier[-1].i > 0 and doc[earlier[-1].i - 1].lower_ in ("the", "these"):
        return earlier[-1]
    return _counted_before(token) if verb.lemma_.lower() not in gazetteer.casualty_verbs() else None


def _counted_before(token: Token) -> Token | None:
    """ "Hezbollah fired 60 rockets. Israel said 10 were intercepted": a bare number as the subject counts what
    the last figure of the previous sentence, in the same paragraph, counted."""
    sentence = sentence_of(token)
    if sentence.start == 0:
        return None
    previous = sentence_of(token.doc[sentence.start - 1])
    if not same_paragraph(previous, sentence):
        return None
    counted = [t.head for t in previous if t.dep_ == "nummod" and t.head.tag_ == "NNS" and t.head.i > t.i]
    return counted[-1] if counted else None


def attributive_noun(token: Token) -> Token | None:
    """ "a 10-day ceasefire", "a three-point range", "an 84 yard return": a number with a singular noun that
    modifies another noun measures in that noun (days, points, yards), not in the noun modified."""
    doc = token.doc
    after = token.i + 2 if token.i + 2 < len(doc) and doc[token.i + 1].tag_ == "HYPH" else token.i + 1
    if after >= len(doc) or token.head.i != after:
        return None
    noun = doc[after]
    if noun.tag_ != "NN" or noun.dep_ not in ("compound", "nmod", "amod") or noun.head.i <= noun.i:
        return None
    return noun if noun.head.pos_ == "NOUN" else None


def governing_verb(token: Token) -> Token | None:
    """The verb (or "displaced") a counted phrase depends on, within six steps up the parse."""
    node = token
    for _ in range(6):
        if node.head is node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() not in ("include", "including"):
            return node
        if node.pos_ == "ADJ" and node.lower_ == "displaced":
            return node
    return None
