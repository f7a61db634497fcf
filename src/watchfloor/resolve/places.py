"""Places below country level: listed regions and waters, and GeoNames cities chosen by the document's countries."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.model import Place, Span
from watchfloor.resolve.context import is_locative
from watchfloor.resolve.geonames import City, CityIndex, normalize, open_index

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# Entity labels the statistical NER gives places; other labels ("Kursk" PRODUCT, "Kyiv" PERSON) count only
# where a locative preposition governs the name.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NEVER_PLACES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE", "LAW"}
# A name that only matches a city's alternate name is taken when the city is this big or lies in a country
# the document names: it keeps "Engels" (alternately "Pokrovsk") from beating the real Pokrovsk.
MIN_ALTERNATE_POPULATION = 10_000


@dataclass
class _Found:
    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None
    precision: str
    mentions: list[Span] = field(default_factory=list)


def resolve_places(doc: Doc, countries: set[str], cache_dir: Path) -> list[Place]:
    """Every place below country level the document names, with coordinates and precision."""
    index = open_index(cache_dir)
    found: dict[tuple[object, ...], _Found] = {}
    for span, candidate in _candidates(doc):
        place = _resolve(span, candidate, countries, index)
        if place is None:
            continue
        key = (place.geonameid, place.name) if place.geonameid else (place.name, place.lat, place.lon)
        item = found.setdefault(key, place)
        if (span.start_char, span.end_char) not in item.mentions:
            item.mentions.append((span.start_char, span.end_char))
    return [
        Place(p.name, p.country, round(p.lat, 5), round(p.lon, 5), p.geonameid, p.precision, tuple(sorted(p.mentions)))
        for p in sorted(found.values(), key=lambda p: p.mentions[0])
    ]


def _candidates(doc: Doc) -> list[tuple[SpacySpan, str]]:
    """(span, how it was found) for gazetteer regions, seats used as places, and place-like names."""
    taken: set[int] = set()
    out: list[tuple[SpacySpan, str]] = []
    for ent in doc.ents:
        kind, _, key = ent.ent_id_.partition(":")
        if kind == "region":
            out.append((ent, ent.ent_id_))
        elif kind == "seat" and is_locative(ent, allow_from=False):
            out.append((ent, ent.ent_id_))
        elif not kind and ent.label_ not in NEVER_PLACES and (ent.label_ in PLACE_LABELS or is_locative(ent)):
            out.append((ent, "name"))
        taken.update(range(ent.start, ent.end))
    out.extend((span, "name") for span in _bare_proper_nouns(doc, taken))
    return out


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


def _resolve(span: SpacySpan, candidate: str, countries: set[str], index: CityIndex) -> _Found | None:
    kind, _, key = candidate.partition(":")
    if kind == "region":
        region = gazetteer.regions()[int(key)]
        return _Found(region.name, region.country, region.lat, region.lon, None, region.precision)
    name = span.text.removesuffix("’s").removesuffix("'s").strip()
    if name.casefold() in gazetteer.not_places() or name.removeprefix("the ").casefold() in gazetteer.not_places():
        return None
    if normalize(name) in _state_names():
        return None
    wanted = {key} if kind == "seat" else countries
    city = _choose(index.find(name), wanted, strict=(kind == "seat"))
    if city is None:
        return None
    return _Found(name, city.country, city.lat, city.lon, city.geonameid, "city")


def _choose(cities: list[City], countries: set[str], strict: bool) -> City | None:
    """The city the document means: in a country it names, else a primary-name match, else a big city."""
    if strict:
        cities = [c for c in cities if c.country in countries]
    usable = [c for c in cities if c.primary or c.country in countries or c.population >= MIN_ALTERNATE_POPULATION]
    if not usable:
        return None
    return max(usable, key=lambda c: (c.country in countries, c.primary, c.population))


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    """Normalised names and aliases of states: a country is an actor, never a place below country level."""
    return frozenset(normalize(alias) for entry in gazetteer.states().values() for alias in entry.aliases)
