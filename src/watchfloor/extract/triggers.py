"""Trigger patterns the parse checks: a verb with its object, particle or preposition ("ease sanctions",
"back down", "call for an inquiry") and a noun with its modifier ("hunger strike"), from the CAMEO tables.

A pattern names the act more precisely than its head word alone ("struck a deal" is no strike, "fired
workers" no shooting), so it is looked up before the word rows. Each lookup is a dictionary probe per child
of the token: O(1) per token and child.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.gazetteer import TriggerEntry

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_DEPS = ("dobj", "nsubjpass", "attr")


def find_pattern(token: Token) -> TriggerEntry | None:
    """The CAMEO pattern a verb or noun token completes with its own dependents, if any."""
    if token.pos_ == "NOUN":
        return _compound_noun(token)
    if token.pos_ != "VERB":
        return None
    verb = phrasal_lemma(token)
    patterns = gazetteer.cameo_patterns()
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            found = _match(patterns, f"{verb} object", _counted(child))
        elif child.dep_ == "prep":
            found = _match(patterns, f"{verb} {child.lower_}", [g for g in child.children if g.dep_ == "pobj"])
        else:
            continue
        if found is not None:
            return found
    if verb != token.lemma_.lower():
        return next((entry for _mods, entry in patterns.get(f"{verb} particle ", [])), None)
    return None


def phrasal_lemma(token: Token) -> str:
    """ "pulled out" -> pull_out: the lemma joined to its particle, the form CAMEO's patterns use; the parser
    tags some particles as adverbs ("pulled back"), so an adverb right after the verb counts when CAMEO
    has the pair."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ == "advmod" and child.i == token.i + 1):
            pair = f"{lemma}_{child.lower_}"
            if child.dep_ == "prt" or f"{pair} particle " in gazetteer.cameo_patterns():
                return pair
    return lemma


def _match(
    patterns: dict[str, list[tuple[frozenset[str], TriggerEntry]]], prefix: str, nouns: list[Token]
) -> TriggerEntry | None:
    for noun in nouns:
        for word in {noun.lemma_.lower(), noun.lower_}:
            for modifiers, entry in patterns.get(f"{prefix} {word}", []):
                if modifiers <= _modifier_words(noun):
                    return entry
    return None


def _counted(node: Token) -> list[Token]:
    """The object and the noun it counts through "of" ("a series of bombs", "thousands of troops")."""
    inner = [g for c in node.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return [node, *inner[:1]]


def _modifier_words(noun: Token) -> set[str]:
    return {w for c in noun.lefts for w in (c.lower_, c.lemma_.lower())}


def _compound_noun(token: Token) -> TriggerEntry | None:
    """ "hunger strike", "general strike", "air raid": the modifier and noun as one row of the noun table."""
    for child in token.lefts:
        if child.dep_ in ("compound", "amod"):
            found = gazetteer.cameo_triggers().get(f"{child.lower_} {token.lemma_.lower()} NOUN")
            if found is not None:
                return found
    return None
