"""The shipped gazetteers and lexicons (``data/``) as typed tables, each loaded once per process."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources


@dataclass(frozen=True)
class ActorEntry:
    """One actor the gazetteer knows, with the surface forms that name it."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    affiliation: str | None = None


@dataclass(frozen=True)
class RegionEntry:
    """A region, water body, island or area below country level, with an approximate centroid."""

    name: str
    precision: str
    country: str | None
    lat: float
    lon: float
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class OrganNoun:
    """A common noun that names a state organ when a state precedes it ("Russia's defence ministry")."""

    phrase: str
    suffix: str
    sector: str
    name: str


def read_rows(filename: str) -> list[list[str]]:
    """Rows of a tab-separated data file, without comment lines and the header row."""
    text = resources.files("watchfloor.data").joinpath(filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    headers = ("id", "name", "phrase", "alias", "word", "lemma", "surface", "cue", "type", "unit")
    return rows[1:] if rows and rows[0][0] in headers else rows


def read_lines(filename: str) -> list[str]:
    """Non-comment lines of a one-item-per-line data file."""
    text = resources.files("watchfloor.data").joinpath(filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@lru_cache(maxsize=1)
def states() -> dict[str, ActorEntry]:
    """Every state by ISO 3166-1 alpha-3 code, named by its names, demonyms and short forms."""
    table = {}
    for code, name, _capital, aliases, _seats in (row + [""] * (5 - len(row)) for row in read_rows("states.tsv")):
        table[code] = ActorEntry(code, name, "state", code, "government", (name, *_split(aliases)), code)
    return table


@lru_cache(maxsize=1)
def seats() -> dict[str, str]:
    """Capitals and seats of power used as metonyms, mapped to their state's code."""
    table = {}
    for row in read_rows("states.tsv"):
        for seat in _split(row[4] if len(row) > 4 else ""):
            table[seat] = row[0]
    return table


@lru_cache(maxsize=1)
def named_actors() -> dict[str, ActorEntry]:
    """Organs, international organisations, armed groups and known people, by id."""
    table = {}
    for filename in ("organs.tsv", "igos.tsv", "groups.tsv", "people.tsv"):
        for actor_id, name, kind, country, sector, aliases in read_rows(filename):
            state = country if country in states() else None
            affiliation = country or None
            table[actor_id] = ActorEntry(
                actor_id, name, kind, state, sector or None, (name, *_split(aliases)), affiliation
            )
    return table


@lru_cache(maxsize=1)
def contextual_aliases() -> list[tuple[str, str, frozenset[str]]]:
    """Aliases that name an actor only when one of the given actors is named elsewhere in the text."""
    return [
        (alias, actor_id, frozenset(_split(requires)))
        for alias, actor_id, requires in read_rows("contextual_aliases.tsv")
    ]


@lru_cache(maxsize=1)
def organ_nouns() -> list[OrganNoun]:
    """Organ nouns, longest phrase first so "ministry of foreign affairs" wins over "ministry"."""
    rows = [
        OrganNoun(phrase.lower(), suffix, sector, name) for phrase, suffix, sector, name in read_rows("organ_nouns.tsv")
    ]
    return sorted(rows, key=lambda row: -len(row.phrase.split()))


@lru_cache(maxsize=1)
def regions() -> list[RegionEntry]:
    """Regions, water bodies and areas that the GeoNames city list lacks."""
    table = []
    for name, precision, country, lat, lon, aliases in read_rows("regions.tsv"):
        table.append(RegionEntry(name, precision, country or None, float(lat), float(lon), (name, *_split(aliases))))
    return table


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Names above country level that are never reported as places (matched case-insensitively)."""
    return frozenset(name.casefold() for name in read_lines("not_places.txt"))


@cache
def word_list(filename: str) -> frozenset[str]:
    """A lexicon of lower-case words or phrases."""
    return frozenset(line.lower() for line in read_lines(filename))


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """English number words from "zero" to "ninety" and their values."""
    return {word: int(value) for word, value in read_rows("number_words.tsv")}
