"""The shipped gazetteers and lexicons (``data/``) as typed tables, each loaded once per process."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from importlib import resources
from typing import Any, TypeVar

from watchfloor.errors import UnknownActorError, UnknownValueError

V = TypeVar("V")

# Set to record which entries of the rule tables are looked up (tests/test_rule_coverage.py); read when a
# table is first loaded, so that without it the tables are plain frozensets and dicts at full speed.
RECORD_VARIABLE = "WATCHFLOOR_RECORD_RULES"
# Entries looked up so far, by table file name, while recording.
HITS: dict[str, set[str]] = {}


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
    headers = ("id", "name", "phrase", "alias", "word", "lemma", "surface", "cue", "type", "unit", "verb")
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
        names = _split(aliases)
        table[code] = ActorEntry(code, name, "state", code, "government", (name, *names, *_plurals(names)), code)
    return table


def _plurals(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """ "Liberian" -> "Liberians", "Iraqi" -> "Iraqis": a demonym that is also a noun for the state's people
    names the state when it is plural too ("deported 168 Liberians", "Young Algerians blocked roads"). English
    forms such nouns from the demonyms in -an and -i; those in -ese, -ish and -ch take no -s."""
    plural = []
    for alias in aliases:
        words = alias.split()
        if not all(w[:1].isupper() for w in words) or not alias.endswith(("an", "i")) or alias.endswith("stan"):
            continue
        if f"{alias}s" not in aliases:
            plural.append(f"{alias}s")
    return tuple(plural)


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
    """A lexicon of lower-case words or phrases (recordable: see ``lexicon``)."""
    return lexicon(filename, (line.lower() for line in read_lines(filename)))


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """English number words from "zero" to "ninety" and their values."""
    return {word: int(value) for word, value in read_rows("number_words.tsv")}


class Lexicon(frozenset[str]):
    """A rule table's entries that notes each entry looked up in it (built only while recording)."""

    table: str

    def __new__(cls, table: str, entries: Iterable[str]) -> Lexicon:
        made = super().__new__(cls, entries)
        made.table = table
        return made

    def __contains__(self, entry: object) -> bool:
        found = super().__contains__(entry)
        if found:
            HITS.setdefault(self.table, set()).add(str(entry))
        return found


class RuleTable(dict[str, V]):
    """A rule table keyed by word that notes each key looked up in it (built only while recording)."""

    table: str

    def __init__(self, table: str, rows: dict[str, V]) -> None:
        super().__init__(rows)
        self.table = table

    def _note(self, key: object) -> None:
        if super().__contains__(key):
            HITS.setdefault(self.table, set()).add(str(key))

    def __contains__(self, key: object) -> bool:
        self._note(key)
        return super().__contains__(key)

    def __getitem__(self, key: str) -> V:
        self._note(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self._note(key)
        return super().get(key, default)


def recording() -> bool:
    """True when rule-table lookups are being recorded."""
    return bool(os.environ.get(RECORD_VARIABLE))


def lexicon(table: str, entries: Iterable[str]) -> frozenset[str]:
    """A rule table's entries as a frozenset; while recording, one that notes its lookups."""
    return Lexicon(table, entries) if recording() else frozenset(entries)


def rule_table(table: str, rows: dict[str, V]) -> dict[str, V]:
    """A rule table keyed by word; while recording, one that notes its lookups."""
    return RuleTable(table, rows) if recording() else rows


@lru_cache(maxsize=1)
def source_nouns() -> frozenset[str]:
    """Nouns for what a source states, whose owner speaks: "the IAEA's yardstick", "the ministry's tally"."""
    return lexicon("source_nouns.txt", (word.lower() for word in read_lines("source_nouns.txt")))


@lru_cache(maxsize=1)
def speaker_descriptions() -> dict[str, dict[str, str]]:
    """Head nouns of speaking definite descriptions ("the agency said"): {"sector": "a|b", "kind": "c"}, each
    key present only when the table restricts it."""
    rows = {
        word: {key: value for key, value in (("sector", sector), ("kind", kind)) if value}
        for word, sector, kind in read_rows("speaker_descriptions.tsv")
    }
    return rule_table("speaker_descriptions.tsv", rows)


@lru_cache(maxsize=1)
def local_authorities() -> frozenset[str]:
    """Speakers that, with no actor named before them, are the authorities of the story's country."""
    return lexicon("local_authorities.txt", read_lines("local_authorities.txt"))


@lru_cache(maxsize=1)
def counting_verbs() -> frozenset[str]:
    """Reporting verbs that report a figure as their object ("has counted 8,000 drones")."""
    rows = read_rows("reporting_verb_objects.tsv")
    return lexicon("reporting_verb_objects.tsv", (lemma for lemma, kind in rows if kind == "figure"))


@lru_cache(maxsize=1)
def denial_verbs() -> frozenset[str]:
    """Reporting verbs of denial, that report with an object or a clause ("denied sending troops")."""
    rows = read_rows("reporting_verb_objects.tsv")
    return lexicon("reporting_verb_objects.tsv", (lemma for lemma, kind in rows if kind == "denial"))


@lru_cache(maxsize=1)
def local_roles() -> frozenset[str]:
    """Titles of local office ("regional governor", "Mayor"): their holder speaks for the place's state."""
    return lexicon("local_roles.txt", read_lines("local_roles.txt"))


@lru_cache(maxsize=1)
def compass_prefixes() -> frozenset[str]:
    """Words that qualify a town's name ("North Mitrovica"), case-sensitive."""
    return lexicon("compass_prefixes.txt", read_lines("compass_prefixes.txt"))


@lru_cache(maxsize=1)
def glued_units() -> tuple[str, ...]:
    """Units written against a number besides those units.tsv writes so ("118.5p", "24h")."""
    return tuple(read_lines("glued_units.txt"))


@lru_cache(maxsize=1)
def fractions() -> dict[str, float]:
    """Fractions in words ("two thirds") and their value in percent."""
    return rule_table("fractions.tsv", {phrase: float(value) for phrase, value in read_rows("fractions.tsv")})


@dataclass(frozen=True)
class TriggerEntry:
    """A row of ``event_triggers.tsv``: a word that reports an event and how to type it (see the file)."""

    lemma: str
    pos: str
    type: str
    mode: str
    objects: frozenset[str]
    needs: str
    untargeted_type: str
    untargeted_objects: frozenset[str]
    place_type: str
    alongside_type: str
    broad: bool = False  # CAMEO's general code: an act on someone only with that someone named


TRIGGER_COLUMNS = 10


@lru_cache(maxsize=1)
def event_triggers() -> dict[str, TriggerEntry]:
    """The event trigger lexicon, keyed by "lemma POS" ("deploy VERB", "strike NOUN")."""
    table = {}
    for row in read_rows("event_triggers.tsv"):
        cells = (row + [""] * TRIGGER_COLUMNS)[:TRIGGER_COLUMNS]
        lemma, pos, kind, mode, objects, needs, untargeted, untargeted_objects, place_type, alongside = cells
        table[f"{lemma} {pos}"] = TriggerEntry(
            lemma, pos, kind, mode, _bars(objects), needs, untargeted, _bars(untargeted_objects), place_type, alongside
        )
    return rule_table("event_triggers.tsv", table)


@lru_cache(maxsize=1)
def cameo_triggers() -> dict[str, TriggerEntry]:
    """Trigger words after the CAMEO verb dictionary (``cameo_triggers.tsv``, generated by
    tools/build_cameo_triggers.py), keyed like event_triggers(); a facts table, consulted after it."""
    return {
        f"{lemma} {pos}": _cameo_entry(lemma, pos, kind, mode, target == "broad")
        for lemma, pos, kind, mode, target in ((row + [""] * 5)[:5] for row in read_rows("cameo_triggers.tsv"))
    }


@lru_cache(maxsize=1)
def cameo_patterns() -> dict[str, list[tuple[frozenset[str], TriggerEntry]]]:
    """CAMEO verb patterns (``cameo_patterns.tsv``) keyed "verb link word" ("ease object sanction", "back_down
    particle ", "call for inquiry"), each with the modifiers the word must carry; a facts table."""
    table: dict[str, list[tuple[frozenset[str], TriggerEntry]]] = {}
    for row in read_rows("cameo_patterns.tsv"):
        verb, link, word, modifiers, kind, mode, target = (row + [""] * 7)[:7]
        entry = _cameo_entry(verb, "VERB", kind, mode, target == "broad")
        table.setdefault(f"{verb} {link} {word}", []).append((frozenset(modifiers.split()), entry))
    for entries in table.values():
        entries.sort(key=lambda pair: -len(pair[0]))  # the most specific pattern first
    return table


@lru_cache(maxsize=1)
def plover_quads() -> dict[str, str]:
    """PLOVER type -> its quad class ("verbal cooperation" ... "material conflict"), from plover_quads.tsv."""
    return {kind: quad for kind, quad, _weight in read_rows("plover_quads.tsv")}


def _cameo_entry(lemma: str, pos: str, kind: str, mode: str, broad: bool) -> TriggerEntry:
    return TriggerEntry(lemma, pos, kind, mode, frozenset(), "", "", frozenset(), "", "", broad)


def _bars(cell: str) -> frozenset[str]:
    return frozenset(filter(None, cell.split("|")))


EVENT_TYPE_ROLES = ("symmetric", "speech_act", "place_target", "future", "needs_target", "other_party")


@cache
def event_types(role: str) -> frozenset[str]:
    """PLOVER types with a role in ``event_types.tsv`` (one of EVENT_TYPE_ROLES)."""
    column = EVENT_TYPE_ROLES.index(role) + 1
    rows = read_rows("event_types.tsv")
    return lexicon("event_types.tsv", (row[0] for row in rows if len(row) > column and row[column] == "1"))


@cache
def context_cues(record: str) -> dict[str, str]:
    """Context cue words for a kind of record ("claim" or "event"), each with the context it gives."""
    rows = read_rows("context_cues.tsv")
    return rule_table(
        "context_cues.tsv", {cue: context for cue, context, applies in rows if applies in ("both", record)}
    )


@lru_cache(maxsize=1)
def casualty_verbs() -> dict[str, str]:
    """Verb lemmas that say what befell the people counted, with the unit they give ("kill" -> killed)."""
    return rule_table("casualty_verbs.tsv", {lemma: unit for lemma, unit in read_rows("casualty_verbs.tsv")})


@lru_cache(maxsize=4)
def change_words(position: str) -> dict[str, str]:
    """Words that mark a figure as a change ("more", "additional", "rose by"), at one position, with the change."""
    rows = read_rows("change_words.tsv")
    return rule_table("change_words.tsv", {word: change for word, where, change in rows if where == position})


@lru_cache(maxsize=1)
def amount_verbs() -> dict[str, str]:
    """Verbs of amounting and which subjects they count ("numbered" any plural, "rose to" people only)."""
    return rule_table("amount_verbs.tsv", {lemma: subjects for lemma, subjects in read_rows("amount_verbs.tsv")})


@lru_cache(maxsize=1)
def casualty_words() -> dict[str, str]:
    """Words after a number or modifying its noun that say what befell the people counted ("2,700 wounded")."""
    rows = read_rows("casualty_words.tsv")
    return rule_table("casualty_words.tsv", {word: unit for word, unit, role in rows if role == "word"})


@lru_cache(maxsize=1)
def casualty_nouns() -> dict[str, str]:
    """Nouns that count casualties themselves ("deaths", "the toll"), by word or lemma."""
    rows = read_rows("casualty_words.tsv")
    return rule_table("casualty_words.tsv", {word: unit for word, unit, role in rows if role == "noun"})


def reload_rule_tables() -> None:
    """Forget every loaded table, so the next use loads it anew (plain, or recording when RECORD_VARIABLE is set)."""
    for value in list(globals().values()):
        clear = getattr(value, "cache_clear", None)
        if callable(clear) and getattr(value, "__module__", None) == __name__:
            clear()


# Word lists the extractors' rules look words up in (each row must be used by a linguistic test case).
RULE_WORD_LISTS = (
    "perception_verbs.txt",
    "speaker_nouns.txt",
    "matter_units.txt",
    "people_units.txt",
    "area_units.txt",
    "loss_words.txt",
    "deploy_verbs.txt",
    "help_verbs.txt",
    "tally_nouns.txt",
    "increment_words.txt",
    "light_verbs.txt",
    "target_prepositions.txt",
    "fallback_target_prepositions.txt",
    "responsibility_nouns.txt",
    "beneficiary_nouns.txt",
    "party_nouns.txt",
    "troop_nouns.txt",
    "reference_determiners.txt",
    "motion_words.txt",
    "citing_verbs.txt",
    "disclaimed_nouns.txt",
    "distancing_verbs.txt",
    "spokesperson_nouns.txt",
    "loss_verbs.txt",
    "owner_verbs.txt",
    "time_nouns.txt",
    "resident_nouns.txt",
    "refusal_verbs.txt",
    "refusal_modals.txt",
    "obligation_modals.txt",
    "withdraw_verbs.txt",
    "life_verbs.txt",
    "host_verbs.txt",
)

# The rule tables moved out of code, with the accessors that load them: every entry of each must be looked
# up by at least one linguistic test case (tests/test_rule_coverage.py). Regex-built tables (glued_units) are
# not here: a pattern, not a lookup, uses their entries.
RULE_TABLES: dict[str, tuple[Callable[[], Iterable[str]], ...]] = {
    "source_nouns.txt": (source_nouns,),
    "speaker_descriptions.tsv": (speaker_descriptions,),
    "local_authorities.txt": (local_authorities,),
    "reporting_verb_objects.tsv": (counting_verbs, denial_verbs),
    "local_roles.txt": (local_roles,),
    "compass_prefixes.txt": (compass_prefixes,),
    "fractions.tsv": (fractions,),
    "event_triggers.tsv": (event_triggers,),
    "event_types.tsv": tuple(partial(event_types, role) for role in EVENT_TYPE_ROLES),
    "context_cues.tsv": (partial(context_cues, "claim"), partial(context_cues, "event")),
    "casualty_verbs.tsv": (casualty_verbs,),
    "casualty_words.tsv": (casualty_words, casualty_nouns),
    "amount_verbs.tsv": (amount_verbs,),
    "change_words.tsv": tuple(partial(change_words, position) for position in ("before", "after", "by")),
    **{name: (partial(word_list, name),) for name in RULE_WORD_LISTS},
}


def find_actor(name: str) -> str:
    """The actor id a user means by ``name``, in any case: an id ("prk", "kor-nis"), a composed organ id
    ("rus-mod"), a person id ("person:..."), or a known name, alias or seat ("North Korea", "the Kremlin").
    Raises UnknownActorError for anything else."""
    wanted = " ".join(name.split())
    if wanted.lower().startswith("person:"):
        return wanted.lower()
    found = _actor_names().get(wanted.casefold())
    if found is None:
        state, _, suffix = wanted.upper().partition("-")
        if state in states() and suffix in {organ.suffix.upper() for organ in organ_nouns()}:
            return f"{state}-{suffix}"
        raise UnknownActorError(
            f"unknown actor {name!r}: give an actor id (PRK, KOR-NIS, RUS-MOD) or a name the gazetteer knows"
            " (North Korea, the Kremlin); see src/watchfloor/data/states.tsv and organs.tsv"
        )
    return found


def actor_name(actor_id: str) -> str:
    """An actor's name as the gazetteer writes it ("KOR-NIS" -> "National Intelligence Service"); the id itself
    for an actor the gazetteer does not name (a composed organ, a person found in the text)."""
    entry = named_actors().get(actor_id) or states().get(actor_id)
    return entry.name if entry is not None else actor_id


@lru_cache(maxsize=1)
def material_event_types() -> frozenset[str]:
    """PLOVER types whose quad class is material (acts, not words, per ``plover_quads.tsv``): an act can be
    reported without its doer ("the port was struck"), a statement hardly ever is."""
    return frozenset(row[0] for row in read_rows("plover_quads.tsv") if row[1].startswith("material"))


@lru_cache(maxsize=1)
def cooperation_event_types() -> frozenset[str]:
    """PLOVER types of the cooperation quads (``plover_quads.tsv``): acts done for a party, not against it."""
    return frozenset(row[0] for row in read_rows("plover_quads.tsv") if row[1].endswith("cooperation"))


def find_event_type(name: str) -> str:
    """The PLOVER type a user means by ``name`` in any case ("aid" -> "AID"); raises UnknownValueError, with
    every type ``plover_quads.tsv`` lists, for anything else."""
    known = sorted(row[0] for row in read_rows("plover_quads.tsv"))
    wanted = name.strip().upper()
    if wanted not in known:
        raise UnknownValueError(f"unknown event type {name!r}: give a PLOVER type ({', '.join(known)})", known)
    return wanted


@lru_cache(maxsize=1)
def _actor_names() -> dict[str, str]:
    """Every id, name, alias and seat, case-folded, to its actor id (ids win over names, states over organs)."""
    table: dict[str, str] = {}
    entries = [*named_actors().values(), *states().values()]  # later entries win: states over organs
    for entry in entries:
        for alias in entry.aliases:
            table[alias.casefold()] = entry.id
    for seat, code in seats().items():
        table.setdefault(seat.casefold(), code)
    for entry in entries:
        table[entry.id.casefold()] = entry.id
    for key, value in list(table.items()):
        table.setdefault(key.removeprefix("the "), value)
    return table


@lru_cache(maxsize=1)
def _unit_classes() -> dict[str, str]:
    return {unit: kind for unit, kind in read_rows("unit_classes.tsv")}


def unit_class(unit: str | None) -> str:
    """The class of units that count the same thing (``data/unit_classes.tsv``): "soldiers" -> "troops"."""
    unit = (unit or "").lower()
    return _unit_classes().get(unit) or _unit_classes().get(unit.rstrip("s")) or unit


def units_of_class(unit: str) -> frozenset[str]:
    """Every unit of ``unit``'s class, ``unit`` itself included (what ``--unit troops`` matches)."""
    kind = unit_class(unit)
    return frozenset({unit.lower(), kind, *(name for name, other in _unit_classes().items() if other == kind)})
