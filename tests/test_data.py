"""The shipped gazetteers hold together: sources noted, ids unique, aliases resolvable, regions sane."""

from __future__ import annotations

from importlib import resources

import pycountry
import pytest

from watchfloor import gazetteer
from watchfloor.resolve.geonames import open_index

DATA = resources.files("watchfloor.data")
TABLES = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".tsv", ".txt")))


@pytest.mark.parametrize("name", TABLES)
def test_every_data_file_says_where_its_facts_come_from(name: str) -> None:
    head = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()[:6]
    assert any(line.startswith("#") and "ource" in line for line in head), f"{name} has no source note"


def test_state_codes_are_iso_3166_alpha_3() -> None:
    for code in gazetteer.states():
        assert code == "XKX" or pycountry.countries.get(alpha_3=code) is not None, code


def test_named_actor_ids_are_unique_and_countries_valid() -> None:
    ids: list[str] = []
    for filename in ("organs.tsv", "igos.tsv", "groups.tsv", "people.tsv"):
        ids += [row[0] for row in gazetteer.read_rows(filename)]
    assert len(ids) == len(set(ids))
    for entry in gazetteer.named_actors().values():
        assert entry.country is None or entry.country in gazetteer.states()
        assert entry.affiliation is None or entry.affiliation in gazetteer.states() or entry.affiliation in ids


def test_no_alias_names_two_actors() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for entry in [*gazetteer.states().values(), *gazetteer.named_actors().values()]:
        for alias in entry.aliases:
            if owner.setdefault(alias, entry.id) != entry.id:
                clashes.append((alias, owner[alias], entry.id))
    assert clashes == []


def test_regions_have_valid_coordinates_and_precision() -> None:
    for region in gazetteer.regions():
        assert -90 <= region.lat <= 90 and -180 <= region.lon <= 180, region.name
        assert region.precision in {"city", "region", "water", "island", "area"}
        assert region.country is None or region.country in gazetteer.states()


def test_place_aliases_resolve_to_geonames(settings) -> None:
    index = open_index(settings.cache_dir)
    for alias, name, country in gazetteer.read_rows("place_aliases.tsv"):
        assert any(city.country == country for city in index.find(name)), f"{alias} -> {name} ({country})"


def test_a_new_index_removes_the_older_index_files_beside_it(tmp_path) -> None:
    """Each index version was left behind in the cache (about 45 MB each); building a new one deletes the
    older geonames index files and nothing else in the folder."""
    from watchfloor.resolve.geonames import _remove_older_indexes

    current = tmp_path / "geonames-3.0.2-v9-0000abcd.sqlite"
    older = [tmp_path / "geonames-3.0.2-v2.sqlite", tmp_path / "geonames-3.0.2-v8-08d00252.sqlite"]
    others = [tmp_path / "ledger.sqlite", tmp_path / "token", tmp_path / "geonames-notes.txt"]
    for path in [current, *older, *others]:
        path.write_bytes(b"x")
    _remove_older_indexes(current)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in [current, *others])


def test_a_division_point_leaves_out_stray_towns_but_not_thinning_ones() -> None:
    """tools/make_admin_divisions.py: a few towns filed under a division far beyond a gap from all its others
    are GeoNames' filing errors and leave its point alone; towns that thin out over its land without such a
    gap (an outback, a desert west) are its land and stay in its span."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    from make_admin_divisions import centre

    cluster = [(40.0 + i / 10, 10.0 + i / 10) for i in range(30)]  # 40.0-42.9 N, 10.0-12.9 E
    lat, lon = centre([*cluster, (30.0, -20.0)])  # one stray 3,000 km away
    assert abs(lat - 41.45) < 0.01 and abs(lon - 11.45) < 0.01
    thinning = [*cluster, *((43.0 + i, 13.0 + i) for i in range(8))]  # towns every degree up to 50 N, 20 E
    lat, lon = centre(thinning)
    assert abs(lat - 45.0) < 0.01 and abs(lon - 15.0) < 0.01
