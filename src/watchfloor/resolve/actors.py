"""Actors: gazetteer mentions, states' organs ("Russia's defence ministry") and people by their roles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.model import Actor, Place, Span
from watchfloor.nlp.sentences import doc_text, sentence_of
from watchfloor.resolve.context import is_locative, names_a_vessel
from watchfloor.resolve.places import dateline_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

POSSESSIVES = {"'s", "’s", "'", "’"}
# Kinds of actor that a state's possessive only locates ("Yemen's Houthi rebels").
GROUP_KINDS = {"armed_group"}
# How far around a person's name a role and its actor are looked for: a title before the name
# ("Ukrainian President Volodymyr Zelenskyy") or an apposition after it ("X, a spokesman for the ...").
ROLE_WINDOW_BEFORE = 6
ROLE_WINDOW_AFTER = 14


@dataclass
class _Found:
    entry: gazetteer.ActorEntry
    mentions: list[Span] = field(default_factory=list)


def resolve_actors(doc: Doc, inside_places: Sequence[Span] = ()) -> list[Actor]:
    """Every actor the document names, each with all its mention spans, in order of first mention.
    ``inside_places`` are the places whose names hold a state's ("New Jersey", "British Columbia": see
    places.state_compounds): the state there is no actor, nor the head of an organ ("New Jersey officials")."""
    found: dict[str, _Found] = {}
    contextual: list[tuple[str, SpacySpan]] = []
    datelines = dateline_spans(doc_text(doc))
    for ent in doc.ents:
        kind, _, key = ent.ent_id_.partition(":")
        if any(start <= ent.start_char and ent.end_char <= end for start, end in inside_places):
            continue
        if kind in ("actor", "seat") and (_in_dateline(ent, datelines) or names_a_vessel(ent)):
            continue  # "SEOUL, Oct 28 (Wire)", "KYIV:", "the tanker Sea Sofia": a filing place, a ship's name
        if kind == "actor":
            entry = _entry(key)
            if entry.kind != "outlet" and not _qualifies_group(ent, entry):
                _add(found, entry, ent)
        elif kind == "seat" and not is_locative(ent, allow_from=False) and not _modifies_a_thing(ent):
            _add(found, gazetteer.states()[key], ent)
        elif kind == "context":
            contextual.append((key, ent))
    _add_contextual(found, contextual)
    _compose_organs(doc, found, inside_places)
    _add_people(doc, found)
    _fold_stateless_people(found)
    return _to_actors(found)


def _fold_stateless_people(found: dict[str, _Found]) -> None:
    """People who speak for an armed group or an international body ("Hamas leader Yahya Sinwar", "IAEA
    chief Rafael Grossi") are that actor: their mentions join it. A person is rolled up to a state by their
    country; one with none would otherwise stand as an actor of their own name, whom no reader counts."""
    for actor_id, item in list(found.items()):
        entry = item.entry
        if entry.kind != "person" or entry.country is not None or not entry.affiliation:
            continue
        group = gazetteer.named_actors().get(entry.affiliation)
        if group is None:
            continue
        for mention in item.mentions:
            _add(found, group, mention)
        del found[actor_id]


# Nouns a capital may modify and still stand for its government ("Moscow officials", "a Tehran court",
# "the Kyiv talks"), besides the people, group, role and organ nouns of the data tables.
GOVERNMENT_NOUNS = {"court", "prosecutor", "judge", "tribunal", "talks", "summit", "negotiation", "delegation"}


def _modifies_a_thing(ent: SpacySpan) -> bool:
    """True for a capital that modifies a common noun of no government ("two London brokers", "Tokyo
    stocks", "Beijing traffic"): it says where the brokers are, it does not name the state."""
    doc = ent.doc
    following = doc[ent.end] if ent.end < len(doc) else None
    if following is None or following.pos_ != "NOUN" or not following.text.islower():
        return False
    if ent.root.dep_ not in ("compound", "nmod", "amod") or ent.root.head.i < ent.end:
        return False
    return not ({following.lemma_.lower(), following.lower_} & _government_nouns())


@lru_cache(maxsize=1)
def _government_nouns() -> frozenset[str]:
    words = set(GOVERNMENT_NOUNS) | {organ.phrase.split()[0] for organ in gazetteer.organ_nouns()}
    for table in ("people_nouns.txt", "group_nouns.txt", "roles.txt", "spokesperson_nouns.txt"):
        words |= {word for phrase in gazetteer.word_list(table) for word in phrase.split()}
    return frozenset(words)


def _in_dateline(ent: SpacySpan, datelines: list[Span]) -> bool:
    return any(start <= ent.start_char and ent.end_char <= end for start, end in datelines)


def _qualifies_group(ent: SpacySpan, entry: gazetteer.ActorEntry) -> bool:
    """True for a state's possessive right before an armed group named as an actor ("Yemen's Houthi
    rebels", "Lebanon's Hezbollah"): the state only says where the group is, it is not an actor there."""
    if entry.kind != "state":
        return False
    doc, end = ent.doc, ent.end
    if end < len(doc) and doc[end].text in POSSESSIVES:
        end += 1
    elif not ent.text.endswith(tuple(p for p in POSSESSIVES if p.endswith("s"))):
        return False
    end = _after_modifiers(doc, end)
    following = next((e for e in doc.ents if e.start == end), None)
    kind, _, key = following.ent_id_.partition(":") if following is not None else ("", "", "")
    return kind == "actor" and _entry(key).kind in GROUP_KINDS


# How many words of modifiers may stand between a state's possessive and the group it locates.
MAX_GROUP_MODIFIERS = 4


def _after_modifiers(doc: Doc, start: int) -> int:
    """Where the noun after a run of modifiers begins: "paramilitary", "Iran-backed", "Iran - aligned" (a
    state's possessive locates the group after them: "Sudan's paramilitary Rapid Support Forces")."""
    end = start
    while end < min(len(doc), start + MAX_GROUP_MODIFIERS):
        token = doc[end]
        hyphenated = end + 1 < len(doc) and doc[end + 1].text == "-"
        creed = token.ent_type_ == "NORP" and not token.ent_id_  # "Islamist", "Sunni"
        if token.text == "-" or token.pos_ == "ADJ" or token.tag_ == "VBN" or hyphenated or creed:
            end += 1
        else:
            break
    return end


def _entry(key: str) -> gazetteer.ActorEntry:
    return gazetteer.states().get(key) or gazetteer.named_actors()[key]


def _add(found: dict[str, _Found], entry: gazetteer.ActorEntry, span: SpacySpan | Span) -> None:
    bounds = (span.start_char, span.end_char) if not isinstance(span, tuple) else span
    item = found.setdefault(entry.id, _Found(entry))
    if bounds not in item.mentions:
        item.mentions.append(bounds)


def _add_contextual(found: dict[str, _Found], contextual: list[tuple[str, SpacySpan]]) -> None:
    present = set(found)
    requirements: dict[str, set[str]] = {}
    for _alias, actor_id, requires in gazetteer.contextual_aliases():
        requirements.setdefault(actor_id, set()).update(requires)
    for actor_id, ent in contextual:
        if requirements.get(actor_id, set()) & present:
            _add(found, _entry(actor_id), ent)


def _compose_organs(doc: Doc, found: dict[str, _Found], inside_places: Sequence[Span] = ()) -> None:
    """A state mention followed by an organ noun names that state's organ."""
    for ent in list(doc.ents):
        kind, _, key = ent.ent_id_.partition(":")
        if kind not in ("actor", "seat") or key not in gazetteer.states():
            continue
        if any(start <= ent.start_char and ent.end_char <= end for start, end in inside_places):
            continue
        start = ent.end + (1 if ent.end < len(doc) and doc[ent.end].text in POSSESSIVES else 0)
        organ, end = _organ_at(doc, start)
        if organ is None or (end < len(doc) and doc[end].ent_type_ == "PERSON"):
            continue
        state = gazetteer.states()[key]
        entry = gazetteer.ActorEntry(
            f"{key}-{organ.suffix}", f"{state.name} {organ.name}", "organization", key, organ.sector, (), key
        )
        _add(found, entry, (ent.start_char, doc[end - 1].idx + len(doc[end - 1])))
        _drop_mention(found, key, (ent.start_char, ent.end_char))


def _drop_mention(found: dict[str, _Found], actor_id: str, bounds: Span) -> None:
    """A state mention that became part of an organ's name is the organ's, not the state's."""
    item = found.get(actor_id)
    if item is not None and bounds in item.mentions:
        item.mentions.remove(bounds)
        if not item.mentions:
            del found[actor_id]


def _organ_at(doc: Doc, start: int) -> tuple[gazetteer.OrganNoun | None, int]:
    if start >= len(doc):
        return None, start
    for organ in _organs_by_first_word().get(doc[start].lower_, []):
        words = organ.phrase.split()
        end = start + len(words)
        if end <= len(doc) and [token.lower_ for token in doc[start:end]] == words:
            return organ, end
    return None, start


@lru_cache(maxsize=1)
def _organs_by_first_word() -> dict[str, list[gazetteer.OrganNoun]]:
    table: dict[str, list[gazetteer.OrganNoun]] = {}
    for organ in gazetteer.organ_nouns():  # longest phrase first
        table.setdefault(organ.phrase.split()[0], []).append(organ)
    return table


def _add_people(doc: Doc, found: dict[str, _Found]) -> None:
    """PERSON entities the gazetteer lacks, when a role and an actor stand next to the name."""
    people: dict[str, _Found] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.ent_id_:
            continue
        name = _clean_name(ent.text)
        surname = name.split()[-1] if name else ""
        known = next((p for p in people.values() if p.entry.name.split()[-1] == surname), None)
        if known is not None:
            _add(people, known.entry, ent)
            continue
        affiliation = _role_affiliation(doc, ent)
        if affiliation is None or len(name.split()) < 2:
            continue
        country = affiliation.country
        entry = gazetteer.ActorEntry(
            f"person:{_slug(name)}", name, "person", country, affiliation.sector, (), affiliation.id
        )
        _add(people, entry, ent)
    _add_surnames(doc, people)
    found.update(people)


def _add_surnames(doc: Doc, people: dict[str, _Found]) -> None:
    """Later mentions by surname alone ("Singh said"), whatever label the NER gave them."""
    surnames = {item.entry.name.split()[-1]: item for item in people.values()}
    if not surnames:
        return
    for token in doc:
        item = surnames.get(token.text)
        if item is None or token.ent_id_ or (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"):
            continue
        if not any(start <= token.idx < end for start, end in item.mentions):
            _add(people, item.entry, (token.idx, token.idx + len(token)))


def _role_affiliation(doc: Doc, ent: SpacySpan) -> gazetteer.ActorEntry | None:
    """The actor a person speaks for, from a title before the name or an apposition after it."""
    before = doc[max(0, ent.start - ROLE_WINDOW_BEFORE) : ent.start]
    after = doc[ent.end : ent.end]
    if ent.end < len(doc) and doc[ent.end].text == ",":
        stop = ent.end + 1
        while (
            stop < min(len(doc), ent.end + ROLE_WINDOW_AFTER)
            and doc[stop].text not in (",", ".", ";", "(")
            and doc[stop].pos_ not in ("VERB", "AUX")
        ):
            stop += 1
        after = doc[ent.end + 1 : stop]
    for window in (before, after):
        words = " ".join(token.lower_ for token in window)
        if not any(re.search(rf"\b{re.escape(role)}\b", words) for role in gazetteer.word_list("roles.txt")):
            continue
        for other in window.doc.ents:
            if other.start >= window.start and other.end <= window.end and other.ent_id_:
                kind, _, key = other.ent_id_.partition(":")
                if kind in ("actor", "seat"):
                    return _entry(key) if kind == "actor" else gazetteer.states()[key]
    return None


def _without_names_in_places(actors: list[Actor], places: list[Place]) -> list[Actor]:
    """Actors without their mentions inside a longer place name ("Sudan" in "Port Sudan"), people without
    their mentions that overlap a place's (the NER calls "Nusa Tenggara Barat" a person), and without the
    actors that keep none: the state inside a town's name is not named as an actor."""
    inside = [(start, end) for place in places for start, end in place.mentions]
    kept = []
    for actor in actors:
        mentions = tuple(
            (start, end)
            for start, end in actor.mentions
            if not any(s <= start and end <= e and (s, e) != (start, end) for s, e in inside)
            and not (actor.kind == "person" and any(s < end and start < e for s, e in inside))
        )
        if mentions or not actor.mentions:
            kept.append(replace(actor, mentions=mentions) if mentions != actor.mentions else actor)
    return kept


def add_local_officials(doc: Doc, actors: list[Actor], places: list[Place]) -> list[Actor]:
    """People whose role is local ("regional governor Oleh Syniehubov", "Mayor Vitali Klitschko") speak for
    the state of the place their sentence names. Actors named only inside a place's name go first."""
    actors = _without_names_in_places(actors, places)
    known = {mention for actor in actors for mention in actor.mentions}
    states = gazetteer.states()
    added: dict[str, _Found] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.ent_id_ or (ent.start_char, ent.end_char) in known:
            continue
        if any(s < ent.end_char and ent.start_char < e for place in places for s, e in place.mentions):
            continue  # a place the NER calls a person
        window = doc[
            max(sentence_of(ent[0]).start, ent.start - ROLE_WINDOW_BEFORE) : min(
                sentence_of(ent[0]).end, ent.end + ROLE_WINDOW_AFTER
            )
        ]
        if (
            not any(token.lower_ in gazetteer.local_roles() for token in window)
            or len(_clean_name(ent.text).split()) < 2
        ):
            continue
        sentence = (sentence_of(ent[0]).start_char, sentence_of(ent[0]).end_char)
        place = next((p for p in places for s, _e in p.mentions if sentence[0] <= s < sentence[1] and p.country), None)
        if place is None or place.country not in states:
            continue
        state = states[place.country]
        name = _clean_name(ent.text)
        entry = gazetteer.ActorEntry(f"person:{_slug(name)}", name, "person", state.id, "government", (), state.id)
        _add(added, entry, ent)
    _add_surnames(doc, added)
    return actors + _to_actors(added)


def _clean_name(text: str) -> str:
    return re.sub(r"(['’]s?)$", "", text).strip()


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _to_actors(found: dict[str, _Found]) -> list[Actor]:
    actors = []
    for item in found.values():
        entry = item.entry
        actors.append(
            Actor(
                id=entry.id,
                name=entry.name,
                kind=entry.kind,
                country=entry.country,
                sector=entry.sector if entry.kind != "state" else None,
                mentions=tuple(sorted(item.mentions)),
                affiliation=entry.affiliation if entry.affiliation != entry.id else None,
            )
        )
    return sorted(actors, key=lambda actor: actor.mentions[0] if actor.mentions else (0, 0))
