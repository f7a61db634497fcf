"""Places below country level: listed regions and waters, and GeoNames cities chosen by the document's countries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.model import Place, Span
from watchfloor.nlp.sentences import doc_text
from watchfloor.resolve.context import (
    is_locative,
    modifies_people,
    names_a_pathogen,
    names_a_vessel,
    place_noun_after,
)
from watchfloor.resolve.geonames import ADMIN1, ADMIN2, City, CityIndex, normalize, open_index

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# Entity labels the statistical NER gives places; other labels ("Kursk" PRODUCT, "Kyiv" PERSON) count only
# where a locative preposition governs the name.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels the NER gives bare province and town names ("Gezira" PERSON, "Kassala" ORG): such a name is taken
# outside a locative phrase only as a division or sizeable town of a country the document names.
LOOSE_LABELS = {"ORG", "PERSON", "NORP"}
# Labels of the names of public bodies and premises that may hold their place's name (see _served_place).
INSTITUTION_LABELS = {"ORG", "FAC", "GPE"}
NEVER_PLACES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE", "LAW"}
# A place the statistical NER found outside any locative phrase, in a country the document never names,
# must be a big city: this keeps drone models ("Magura") and surnames from turning into Romanian villages.
MIN_UNANCHORED_POPULATION = 1_000_000
# A proper noun outside any entity, after a locative preposition, in a country the document never names, must
# be a town this big (or a division): as for datelines, a name the reader is expected to know.
MIN_BARE_POPULATION = 20_000
# A town of a country the document names is taken under any NER label (ORG, PERSON) from this size.
MIN_NAMED_TOWN = 50_000
# A dateline ("KYIV, March 14 (Reuters) -") names where the story was filed; its place must be a sizeable city.
MIN_DATELINE_POPULATION = 20_000
# Also without the dash, when a date or the wire's name follows ("SEOUL, Oct 28 (Reuters)"), and with a
# colon ("KYIV:"); the country or state may follow the town ("KYIV, Ukraine (AP) —", "BEIRUT, Lebanon —").
DATELINE = re.compile(
    r"^(?P<places>[A-Z][A-Z'’. -]{1,40}[A-Z](?:/[A-Z][A-Z'’. -]{1,40}[A-Z])*)"
    r"(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}(?=\s*[,(–—-]))?"
    r"(?:(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-–—]\s"
    r"|:\s|,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\s*\([^)]{1,40}\)\s)",
    re.MULTILINE,
)
# A name that only matches a city's alternate name is taken when the city is this big or lies in a country
# the document names: it keeps "Engels" (alternately "Pokrovsk") from beating the real Pokrovsk.
MIN_ALTERNATE_POPULATION = 10_000
# Precision of an administrative division found in the index, by its order.
DIVISION_PRECISION = {ADMIN1: "region", ADMIN2: "district"}
# Nouns of a place's name that make it a district whatever its order in GeoNames.
DISTRICT_NOUNS = {"district", "county", "raion", "municipality"}
# A name in capitals this short is an acronym unless data/place_aliases.tsv lists it (datelines' longer names
# in capitals are read as names: see _surface).
MAX_ACRONYM = 3
# Lower-case nouns after a town's name that are no part of it ("Pingliang city"; "Quezon City" is a name).
TOWN_NOUNS = {"city", "town"}
# Weights of divisions against towns' populations when one name fits both (see _weight).
DIVISION_WEIGHT = {ADMIN1: 150_000, ADMIN2: 30_000}
MIN_ALTERNATE_WEIGHTED = 100_000
# A name settles its country for the rest of the document when its place outweighs (see _weight) every place
# of that name in another country this many times: "California" (a US state; Colombia's village) does,
# "Santa Ana" (a US city; Taguig's other name) does not.
CLEAR_MARGIN = 10


@dataclass
class _Found:
    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None
    precision: str
    mentions: list[Span] = field(default_factory=list)
    clear: bool = False  # no other country has a place of this name that the name could as well mean
    region: int | None = None  # the index id of the first-order division it lies in


def resolve_places(doc: Doc, countries: set[str], cache_dir: Path) -> list[Place]:
    """Every place below country level the document names, with coordinates and precision."""
    index = open_index(cache_dir)
    found: dict[tuple[object, ...], _Found] = {}
    compounds = state_compounds(doc, index)
    countries = countries - _named_only_inside(doc, compounds, index)
    candidates = [
        (span, candidate)
        for span, candidate in _candidates(doc)
        if not any(span.start < c.end and c.start < span.end for c in compounds)
    ]
    candidates.extend((span, "name") for span in compounds)
    candidates = [_widened(span, candidate, index) for span, candidate in candidates]
    candidates = [
        (span, candidate)
        for span, candidate in candidates
        if not any(o.start <= span.start and span.end <= o.end and len(o) > len(span) for o, _ in candidates)
    ]
    located = _locate(doc, candidates, countries, index)
    clear = [place for _, place in located if place is not None and place.clear]
    settled = {place.country for place in clear if place.country}
    regions = frozenset(
        (place.region, place.country) for place in clear if place.region is not None and place.precision == "region"
    )
    if settled - countries or regions:
        # the countries of places whose name leaves no doubt ("California", "Queensland") are the document's
        # too: they choose between towns of one name ("Santa Ana") as the countries the text names do; and
        # the first-order divisions among them choose between towns of one name in one country ("Fulton
        # County" in a story that names Illinois)
        located = _locate(doc, candidates, countries | settled, index, regions)
    located = _towns_with_their_division(located, index)
    for span, place in located:
        if place is None:
            continue
        key = (place.geonameid,) if place.geonameid else (place.lat, place.lon)
        item = found.setdefault(key, place)
        bounds = (span.start_char, span.end_char) if not isinstance(span, tuple) else span
        if bounds not in item.mentions:
            item.mentions.append(bounds)
    return [
        Place(p.name, p.country, round(p.lat, 5), round(p.lon, 5), p.geonameid, p.precision, tuple(sorted(p.mentions)))
        for p in sorted(_without_region_towns(list(found.values())), key=lambda p: p.mentions[0])
    ]


def _towns_with_their_division(
    located: list[tuple[SpacySpan | Span, _Found | None]], index: CityIndex
) -> list[tuple[SpacySpan | Span, _Found | None]]:
    """A town's name, a comma and the name of a first-order division the town lies in ("Rochester, New
    York", "Springfield, Missouri"): the second is that division, not a bigger town of its name (New York
    City), and the first is the town of that division."""
    out = list(located)
    for i in range(len(out) - 1):
        (town, first), (division, second) = out[i], out[i + 1]
        if isinstance(town, tuple) or isinstance(division, tuple) or first is None:
            continue
        doc = town.doc
        if division.start != town.end + 1 or doc[town.end].text != ",":
            continue
        after = doc[division.end] if division.end < len(doc) else None
        following = out[i + 2][0] if i + 2 < len(out) else None
        listed = following is not None and not isinstance(following, tuple) and following.start == division.end + 1
        if after is not None and (after.pos_ == "CCONJ" or (after.text == "," and listed)):
            continue  # "Sumy, Kharkiv and Dnipro": a list of towns, the second no division of the first
        named = _lookup(_surface(town.text), index)
        if second is None or any(c.kind == ADMIN1 for c in named):
            continue  # "Glasgow, Scotland" (no place after the comma); "Virginia, Washington" (a list of states)
        towns = [c for c in named if not c.is_division]
        for region in (c for c in _lookup(_surface(division.text), index) if c.kind == ADMIN1):
            inside = [c for c in towns if c.region == region.geonameid]
            if inside:
                out[i] = (town, replace(_found(first.name, max(inside, key=_weight)), clear=first.clear))
                if second.precision == "city":  # "New York" read as the city: the state it is
                    out[i + 1] = (division, replace(_found(second.name, region), clear=True))
                break
    return out


def _widened(span: SpacySpan, candidate: str, index: CityIndex) -> tuple[SpacySpan, str]:
    """A listed region with the compass word before it when the two name a division ("West" and "Kordofan":
    the state of West Kordofan, not the wider region); a name with the compass word after it that the NER
    left out, when the two name a division ("Mashonaland West", "Matabeleland North"); else the candidate as
    it was."""
    doc = span.doc
    hyphenated = _hyphenated(span) if candidate != "served" and not candidate.startswith("seat:") else None
    if hyphenated is not None and index.find(_surface(hyphenated.text)):
        return hyphenated, "name" if candidate.startswith("region:") else candidate
    if candidate.startswith("region:") and span.start > 0 and doc[span.start - 1].text in gazetteer.compass_prefixes():
        wider = doc[span.start - 1 : span.end]
        if any(city.is_division for city in index.find(wider.text)):
            return wider, "name"
    named = candidate in ("name", "loose", "bare") or candidate.startswith("region:")
    if named and span.end < len(doc) and doc[span.end].text in gazetteer.compass_prefixes():
        wider = doc[span.start : span.end + 1]
        if any(city.is_division for city in index.find(_surface(wider.text))):
            return wider, "name"
    return span, candidate


def _hyphenated(span: SpacySpan) -> SpacySpan | None:
    """The whole of a hyphenated name the NER cut at a hyphen ("Ust-Luga", "Kamianets-Podilskyi",
    "Komsomolsk-on-Amur"): the words joined to the span by hyphens without spaces, or None."""
    doc = span.doc
    start, end = span.start, span.end

    def joined(hyphen: int) -> bool:  # a hyphen with a word right before and right after it, no spaces
        return (
            0 < hyphen < len(doc) - 1
            and doc[hyphen].text == "-"
            and not doc[hyphen - 1].whitespace_
            and not doc[hyphen].whitespace_
            and doc[hyphen - 1].is_alpha
            and doc[hyphen + 1].is_alpha
        )

    while start >= 2 and joined(start - 1):
        start -= 2
    while end + 1 < len(doc) and joined(end):
        end += 2
    return doc[start:end] if (start, end) != (span.start, span.end) else None


def _seat_with_next_word(ent: SpacySpan) -> SpacySpan | None:
    """A capital and the proper noun no entity holds after it, when the two are a listed spelling of a place
    ("Washington DC"): the NER leaves the second word out, and the capital alone is not locative."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].pos_ != "PROPN" or doc[ent.end].ent_iob_ != "O":
        return None
    wider = doc[ent.start : ent.end + 1]
    return wider if normalize(wider.text) in _place_aliases() and is_locative(wider) else None


def _locate(
    doc: Doc,
    candidates: list[tuple[SpacySpan, str]],
    countries: set[str],
    index: CityIndex,
    regions: frozenset[tuple[int, str | None]] = frozenset(),
) -> list[tuple[SpacySpan | Span, _Found | None]]:
    """Each candidate mention and the place it names (or None), datelines included."""
    located: list[tuple[SpacySpan | Span, _Found | None]] = []
    for span, candidate in candidates:
        if candidate == "served":
            part, found = _resolve_served(span, countries, index)
            if found is None and span.label_ in PLACE_LABELS:
                part, found = span, _resolve(span, "name", countries, index)  # "Fresno County" is a place itself
            located.append((part, found))
        else:
            located.append((span, _resolve(span, candidate, countries, index, regions)))
    located.extend(_datelines(doc_text(doc), countries, index))
    return located


def _without_region_towns(found: list[_Found]) -> list[_Found]:
    """The places without a town the document also names as a region ("Odesa" beside "the Odesa region"):
    the story's place is the region, and a city and its region are not both listed."""
    regions = set()
    for place in found:
        head, space, noun = place.name.rpartition(" ")
        if place.precision in ("region", "district") and space and noun.lower() in _division_nouns():
            regions.add((normalize(head), place.country))
    return [p for p in found if (normalize(p.name), p.country) not in regions]


def state_compounds(doc: Doc, index: CityIndex) -> list[SpacySpan]:
    """Places whose name holds a state's name or demonym: a town of that state ("Port Sudan", "Kuwait
    City"), or a first-order division of any state ("New Mexico", "British Columbia", "Western Australia"),
    a capitalised word and the state's word together. The state inside is no actor (see pipeline.py)."""
    spans = []
    for ent in doc.ents:
        kind, _, key = ent.ent_id_.partition(":")
        if kind != "actor" or key not in gazetteer.states():
            continue
        for start, end in ((ent.start - 1, ent.end), (ent.start, ent.end + 1)):
            if start < 0 or end > len(doc):
                continue
            outer = doc[start] if start < ent.start else doc[end - 1]
            if not outer.text[:1].isupper():
                continue
            span = doc[start:end]
            if _surface(span.text).casefold() in gazetteer.not_places():
                continue  # "Northern Ireland": a UK constituent country, never a place
            cities = index.find(span.text)
            # a division's name is no sentence's first word by chance; a town's may be ("Yesterday Sudan")
            if any(city.kind == ADMIN1 for city in cities) or (
                not (outer.is_sent_start and start < ent.start)
                and any(city.country == key and not city.is_division for city in cities)
            ):
                spans.append(span)
                break
    return spans


def _named_only_inside(doc: Doc, compounds: list[SpacySpan], index: CityIndex) -> set[str]:
    """States named only inside the name of another state's division ("Mexico" of "New Mexico", "British"
    of "British Columbia"): they are not among the countries the document names."""
    inside, named = set(), set()
    for ent in doc.ents:
        kind, _, key = ent.ent_id_.partition(":")
        if kind not in ("actor", "seat"):
            continue
        compound = next((s for s in compounds if s.start <= ent.start and ent.end <= s.end), None)
        if compound is None:
            named.add(key)
        elif not any(city.country == key for city in index.find(compound.text)):
            inside.add(key)
    return inside - named


def _candidates(doc: Doc) -> list[tuple[SpacySpan, str]]:
    """(span, how it was found) for gazetteer regions, seats used as places, and place-like names."""
    taken: set[int] = set()
    out: list[tuple[SpacySpan, str]] = []
    for ent in doc.ents:
        kind = ent.ent_id_.partition(":")[0]
        if kind == "seat" and (wider := _seat_with_next_word(ent)) is not None:
            out.append((wider, "name"))
            taken.add(wider.end - 1)
        elif kind == "region" or (kind == "seat" and is_locative(ent, allow_from=False)):
            out.append((ent, ent.ent_id_))
        elif not kind and ent.label_ in INSTITUTION_LABELS and _served_place(ent) is not None:
            out.append((ent, "served"))
        elif not kind and ent.label_ not in NEVER_PLACES:
            parts = _split_coordination(_trim(ent))
            for part in parts:
                if ent.label_ in PLACE_LABELS or is_locative(part):
                    out.append((part, "name"))
                elif ent.label_ in LOOSE_LABELS and (len(parts) > 1 or (part.start, part.end) == (ent.start, ent.end)):
                    out.append((part, "loose"))  # the whole name, or each of a list the NER ran together
        taken.update(range(ent.start, ent.end))
    out.extend((span, "bare") for span in _bare_proper_nouns(doc, taken))
    return out


def _served_place(ent: SpacySpan) -> SpacySpan | None:
    """Where a public body's name may hold its place: the proper nouns before its first head noun ("the Ohio
    Department of Health", "Santa Ana Unified School District") or after the "of" that follows that noun
    ("the University of Alberta"). Which of their first words name the place, the index says (see
    _resolve_served)."""
    words = [token for token in ent if token.pos_ != "DET"]
    nouns = _institution_nouns()
    at = next((i for i, token in enumerate(words) if token.lemma_.lower() in nouns), None)
    if at is None:
        return None
    if at > 0 and all(token.pos_ == "PROPN" for token in words[:at]):
        return ent.doc[words[0].i : words[at - 1].i + 1]
    rest = words[at + 1 :]
    if len(rest) >= 2 and rest[0].lower_ == "of" and all(token.pos_ == "PROPN" for token in rest[1:]):
        return ent.doc[rest[1].i : rest[-1].i + 1]
    return None


@lru_cache(maxsize=1)
def _institution_nouns() -> frozenset[str]:
    """Head nouns of public bodies named after their place: data/institution_nouns.txt."""
    return gazetteer.word_list("institution_nouns.txt")


def _resolve_served(ent: SpacySpan, countries: set[str], index: CityIndex) -> tuple[SpacySpan, _Found | None]:
    """The place a public body is named after: the longest run of the name's first words that names a
    division, or a sizeable town of a country the document names ("Santa Ana" of "Santa Ana Unified")."""
    span = _served_place(ent)
    if span is None:
        return ent, None
    for end in range(span.end, span.start, -1):
        part = span.doc[span.start : end]
        name = _surface(part.text)
        if name.casefold() in gazetteer.not_places() or normalize(name) in _state_names():
            break
        cities = _lookup(name, index)
        city = _choose(cities, countries, strict=False)
        if city is None:
            continue
        if _anchored(city, countries, loose=True) or (city.kind == ADMIN1 and _is_clear(city, cities)):
            found = _found(name, city)
            found.clear = _is_clear(city, cities)
            return part, found
        break
    return ent, None


def _trim(ent: SpacySpan) -> SpacySpan:
    """An entity without the function words the NER sometimes runs into ("Macomia in")."""
    start, end = ent.start, ent.end
    while end > start + 1 and ent.doc[end - 1].pos_ in ("ADP", "DET", "PUNCT", "CCONJ", "PART"):
        end -= 1
    while start < end - 1 and ent.doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    return ent.doc[start:end]


def _split_coordination(ent: SpacySpan) -> list[SpacySpan]:
    """An entity the NER ran across a conjunction or a list's comma ("the Fordow and Natanz", "Omdurman,
    Bahri") as its proper-noun parts."""
    if not any(token.pos_ == "CCONJ" or token.text == "," for token in ent):
        return [ent]
    parts, start = [], None
    for token in ent:
        if token.pos_ == "PROPN" and start is None:
            start = token.i
        elif token.pos_ != "PROPN" and start is not None:
            parts.append(ent.doc[start : token.i])
            start = None
    if start is not None:
        parts.append(ent.doc[start : ent.end])
    return parts


def _bare_proper_nouns(doc: Doc, taken: set[int]) -> list[SpacySpan]:
    """Runs of proper nouns outside any entity that a locative preposition governs ("outside Bakhmut")."""
    spans = []
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN" and i not in taken and doc[i].text[:1].isupper():
            j = i
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and j + 1 not in taken:
                j += 1
            span = doc[i : j + 1]
            if is_locative(span):
                spans.append(span)
            i = j + 1
        else:
            i += 1
    return spans


def _surface(text: str) -> str:
    """A mention as a name: without a possessive or a leading article, datelines' capitals undone."""
    text = text.removesuffix("’s").removesuffix("'s").strip()
    text = text[4:] if text[:4].lower() == "the " else text
    return " ".join(word.capitalize() for word in text.split()) if text.isupper() and len(text) > 3 else text


def _resolve(
    span: SpacySpan,
    candidate: str,
    countries: set[str],
    index: CityIndex,
    regions: frozenset[tuple[int, str | None]] = frozenset(),
) -> _Found | None:
    kind, _, key = candidate.partition(":")
    name = _surface(span.text)
    if names_a_vessel(span) or modifies_people(span) or names_a_pathogen(span):
        return None
    if kind == "region":
        region = gazetteer.regions()[int(key)]
        return _Found(name, region.country, region.lat, region.lon, None, region.precision)
    if name.casefold() in gazetteer.not_places() or normalize(name) in _state_names():
        return None
    if name in gazetteer.compass_prefixes():
        return None  # "Northern" alone (of "Northern Ireland") is a direction, whatever division it names
    if name.casefold() in _division_nouns() or name.casefold() in TOWN_NOUNS:
        return None  # "Region" of "Region 8", "State" alone: a kind of place, not one
    if kind == "loose" and span.root.ent_type_ == "PERSON" and _speaks(span):
        return None  # "Paterson says he issued the declaration": a person the NER was right about
    cities = index.find(name) if kind == "seat" else _lookup(name, index)
    if _after_division_noun(span) and any(c.is_division for c in cities):
        cities = [c for c in cities if c.is_division]  # "the state of Washington", "the province of Zaire"
    if kind == "seat":
        city = _choose(cities, {key}, strict=True)
    else:
        city = _choose(cities, countries, strict=False, regions=regions)
        if city is not None and not _anchored(city, countries, loose=kind == "loose"):
            city = city if kind != "loose" and is_locative(span) and _big_enough(city, kind) else None
    if city is None:
        return None
    after = place_noun_after(span)
    if after is not None and after[0] == "admin":
        # "Barmal district": the district, located at the town it is named after (or the division itself);
        # the noun says the precision where the name has one ("Kalbajar district" is a first-order division)
        noun = span.doc[after[1] - 1].lower_
        precision = "district" if not city.is_division or noun in DISTRICT_NOUNS else None
        found = _found(span.doc[span.start : after[1]].text, city, precision)
    else:
        head, _, noun = name.rpartition(" ")
        town_noun = noun in TOWN_NOUNS and normalize(city.name) != normalize(name)
        found = _found(head if town_noun else name, city)
    found.clear = kind == "seat" or _is_clear(city, cities)
    return found


# Verbs of speech whose subject, when the NER calls it a person, is a person and not a town of that name.
SPEECH_VERBS = {"say", "tell"}


def _speaks(span: SpacySpan) -> bool:
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS


def _after_division_noun(span: SpacySpan) -> bool:
    """True for a name after a division's noun and "of": "the state of Washington", "provinces of Kunar"."""
    start = span.start
    return start > 1 and span.doc[start - 1].lower_ == "of" and span.doc[start - 2].lemma_.lower() in _division_nouns()


def _is_clear(chosen: City, cities: list[City]) -> bool:
    """True when the chosen entry outweighs every entry of another country by CLEAR_MARGIN: the name
    alone says which country it is in."""
    rivals = [_weight(c) for c in cities if c.country != chosen.country]
    return not rivals or _weight(chosen) >= CLEAR_MARGIN * max(rivals)


def _found(name: str, city: City, precision: str | None = None) -> _Found:
    """A found place from an index entry; divisions have no GeoNames id here and a precision of their level."""
    kind = precision or DIVISION_PRECISION.get(city.kind, "city")
    geonameid = city.geonameid if city.geonameid > 0 else None
    return _Found(name, city.country, city.lat, city.lon, geonameid, kind, region=city.region)


def _anchored(city: City, countries: set[str], *, loose: bool) -> bool:
    """True when a name outside a locative phrase still means this place. A name the NER labels a place:
    a big city, any place of a country the document names, a first-order division ("floods hit Texas"). A
    name it labels otherwise (it calls bare province and town names ORG or PERSON): only a division or a
    sizeable town of a country the document names."""
    if loose:
        return city.country in countries and (city.is_division or city.population >= MIN_NAMED_TOWN)
    return city.population >= MIN_UNANCHORED_POPULATION or city.country in countries or city.kind == ADMIN1


def _big_enough(city: City, kind: str) -> bool:
    """A capitalised word no entity holds ("at Children's Hospital", "at Franklin"), after a locative
    preposition but in a country the document never names, is a place only as a division or a sizeable
    town: every common noun and surname is some village's name somewhere."""
    return kind != "bare" or city.is_division or city.population >= MIN_BARE_POPULATION


def _lookup(name: str, index: CityIndex) -> list[City]:
    """Cities by a name, through our table of news spellings when GeoNames spells it otherwise; a compass
    prefix GeoNames lacks ("North Mitrovica") falls back to the town it qualifies."""
    alias = _place_aliases().get(normalize(name))
    if alias is not None:
        geonames_name, country = alias
        cities = [c for c in index.find(geonames_name) if c.country == country]
        if cities:
            # a spelling of a town names the town ("D.C." is Washington the city, not the state)
            return [c for c in cities if not c.is_division] or cities
    if name.isupper() and len(name) <= MAX_ACRONYM:
        return []  # "UGA", "MSF": an acronym, not a town of its letters (the table above lists "NSW", "NY")
    cities = index.find(name)
    prefix, space, rest = name.partition(" ")
    if not cities and space and prefix in gazetteer.compass_prefixes():
        cities = index.find(rest)
    head, space, noun = name.rpartition(" ")
    if not cities and space and noun.lower() in _division_nouns():
        # "Kursk Oblast", "Rakhine State": GeoNames names the division without its noun
        cities = sorted(index.find(head), key=lambda c: not c.is_division)
    if not cities and space and noun in TOWN_NOUNS:
        # "Pingliang city", "Kalam town": the NER takes in the lower-case noun GeoNames leaves out
        cities = [c for c in index.find(head) if not c.is_division]
    return cities


@lru_cache(maxsize=1)
def _division_nouns() -> frozenset[str]:
    """Nouns that end a division's name ("oblast", "province", "state", "region"): data/division_nouns.txt."""
    return gazetteer.word_list("division_nouns.txt")


@lru_cache(maxsize=1)
def _place_aliases() -> dict[str, tuple[str, str]]:
    return {normalize(alias): (name, country) for alias, name, country in gazetteer.read_rows("place_aliases.tsv")}


def dateline_spans(text: str) -> list[Span]:
    """Where the places of the text's datelines stand: their names are the filing place, never actors."""
    return [(match.start("places"), match.end("places")) for match in DATELINE.finditer(text)]


def _datelines(text: str, countries: set[str], index: CityIndex) -> list[tuple[Span, _Found | None]]:
    """Places in datelines at the start of paragraphs ("SEOUL (Wire) -", "BEIRUT/JERUSALEM -")."""
    found: list[tuple[Span, _Found | None]] = []
    for match in DATELINE.finditer(text):
        offset = match.start("places")
        for part in match["places"].split("/"):
            name = _surface(part)
            cities = [c for c in _lookup(name, index) if c.population >= MIN_DATELINE_POPULATION]
            city = _choose(cities, countries, strict=False)
            span = (offset, offset + len(part))
            offset += len(part) + 1
            if city is not None:
                found.append((span, _found(name, city)))
    return found


def _choose(
    cities: list[City], countries: set[str], strict: bool, regions: frozenset[tuple[int, str | None]] = frozenset()
) -> City | None:
    """The city the document means: in a country it names (and in a first-order division it names, when
    one is), else a primary-name match, else a big city."""
    if strict:
        cities = [c for c in cities if c.country in countries]
    usable = [c for c in cities if c.primary or c.country in countries or c.population >= MIN_ALTERNATE_POPULATION]
    if not usable:
        return None
    return max(usable, key=lambda c: (c.country in countries, _inside(c, regions), _weight(c)))


def _inside(city: City, regions: frozenset[tuple[int, str | None]]) -> bool:
    """True for a place inside one of the first-order divisions the document names, and for any first-order
    division of a country one of those lies in ("California" or "Colorado" in a list of states stays the
    state, not a town of that name inside another named state: the state outweighs the town)."""
    if any(city.region == region for region, _ in regions):
        return True
    return city.kind == ADMIN1 and any(city.country == country for _, country in regions)


def _weight(city: City) -> int:
    """How readily a name means this entry: a town by its population, a division as if it were a town of
    DIVISION_WEIGHT (a big city beats its oblast, a province beats a village of its name), and a town named
    only by an alternate spelling at a tenth of its size unless it is big. Between divisions of one name
    the one with more towns wins (Maryland, USA over Maryland County, Liberia)."""
    if city.is_division:
        return DIVISION_WEIGHT[city.kind] + city.towns
    if city.primary or city.population >= MIN_ALTERNATE_WEIGHTED:
        return city.population
    return city.population // 10


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    """Normalised names and aliases of states: a country is an actor, never a place below country level."""
    return frozenset(normalize(alias) for entry in gazetteer.states().values() for alias in entry.aliases)
