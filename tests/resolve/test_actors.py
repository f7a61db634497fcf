"""Actors: gazetteer names, seats of power, composed organs, people by role (table-driven)."""

from __future__ import annotations

import pytest

CASES = [
    # sentence, expected (id, country) pairs (order of first mention), a note
    # private wires are outlets, never actors; state agencies speak for their state
    ("Iran seized a second tanker, Reuters reported.", [("IRN", "IRN")], "private wire is an outlet"),
    ("Bloomberg said Japan would raise its budget.", [("JPN", "JPN")], "private agency is an outlet"),
    ("Xinhua said Beijing would hold drills.", [("CHN-XINHUA", "CHN"), ("CHN", "CHN")], "state agency"),
    # a state's possessive before an armed group only says where the group is
    ("Lebanon's Hezbollah fired rockets overnight.", [("HEZBOLLAH", None)], "possessive locates a group"),
    ("Yemen’s Houthis claimed the attack.", [("HOUTHIS", None)], "curly possessive locates a group"),
    ("Yemen's government condemned the Houthis.", [("YEM-GOV", "YEM"), ("HOUTHIS", None)], "organ stays"),
    # ... also over the group's modifiers
    ("Sudan's paramilitary Rapid Support Forces attacked El Fasher.", [("RSF", None)], "adjective before group"),
    (
        "Lebanon's Iran-backed Hezbollah fired rockets into Israel.",
        [("IRN", "IRN"), ("HEZBOLLAH", None), ("ISR", "ISR")],
        "backer stays, possessive locates",
    ),
    ("Nigeria's Islamist Boko Haram kidnapped 30 girls.", [("BOKOHARAM", None)], "creed before group"),
    # the state inside a town's name is not an actor
    ("Ships unloaded aid at Port Sudan, the UN said.", [("UN", None)], "state inside a port's name"),
    ("Kuwait City's airport reopened, Iraq said.", [("IRQ", "IRQ")], "state inside a city's name"),
    ("Hailstorms flattened wheat across New Mexico, US forecasters said.", [("USA", "USA")], "state in a division"),
    ("Ranchers in British Columbia lost cattle to wildfires.", [], "demonym inside a division's name"),
    ("British Columbia officials said the fires spread.", [], "no organ of the state inside a division"),
    ("New Jersey officials confirmed two cases.", [], "no organ of the territory inside a division"),
    # datelines and ships' names are not actors
    ("MOSCOW, May 9 (Wire) Ukraine said it downed 30 drones.", [("UKR", "UKR")], "dateline without dash"),
    ("TEHRAN: Iraq reopened its border crossing.", [("IRQ", "IRQ")], "colon dateline"),
    ("The freighter Star Ankara was hit, Greece said.", [("GRC", "GRC")], "ship named after a capital"),
    ("The tanker Sea Tokyo sank near Aden, Yemen said.", [("YEM", "YEM")], "ship named after a city"),
    ("Moscow and Pyongyang signed a treaty.", [("RUS", "RUS"), ("PRK", "PRK")], "capitals as metonyms"),
    ("Hanoi and Haiphong banned fireworks this year.", [], "a capital listed with a town is a place"),
    ("Fighting raged near the town, Kyiv said.", [("UKR", "UKR")], "capital speaking after a place phrase"),
    ("The Kremlin denied the report.", [("RUS", "RUS")], "seat of power"),
    # a capital that modifies a common noun of no government says where things are, not who acts
    ("Premiums rose, according to two London brokers.", [], "capital modifying private people"),
    ("Seoul shares rose as North Korea fired missiles.", [("PRK", "PRK")], "capital modifying a market"),
    ("Beijing diplomats protested the sanctions.", [("CHN", "CHN")], "capital modifying government people"),
    ("Officials in Seoul fear the move.", [("KOR", "KOR")], "officials in CAPITAL is the government"),
    ("The DPRK rejected the claim.", [("PRK", "PRK")], "alias"),
    # news English's "Congo" is the Democratic Republic; its neighbour is the "Republic of Congo"
    (
        "M23 rebels seized towns in eastern Congo, the UN said.",
        [("M23", None), ("COD", "COD"), ("UN", None)],
        "Congo is the DRC",
    ),
    ("The Republic of Congo held elections on Sunday.", [("COG", "COG")], "Republic of Congo"),
    ("Macedonia closed its border with Greece.", [("MKD", "MKD"), ("GRC", "GRC")], "a state's former name"),
    ("Swaziland reported its first case.", [("SWZ", "SWZ")], "a state's former name"),
    ("Russian and Ukrainian troops clashed.", [("RUS", "RUS"), ("UKR", "UKR")], "demonyms"),
    ("South Korea’s National Intelligence Service (NIS) said so.", [("KOR", "KOR"), ("KOR-NIS", "KOR")], "organ"),
    ("The Pentagon said it had no evidence.", [("USA-DOD", "USA")], "organ by seat"),
    ("Yonhap, citing the NIS, reported it.", [("KOR-YONHAP", "KOR"), ("KOR-NIS", "KOR")], "media and intelligence"),
    ("Russia's defence ministry said its forces advanced.", [("RUS-MOD", "RUS")], "composed organ"),
    ("The Russian Defence Ministry said so.", [("RUS-MOD", "RUS")], "composed organ with demonym"),
    ("NATO and the UN condemned it; the IAEA was silent.", [("NATO", None), ("UN", None), ("IAEA", None)], "IGOs"),
    (
        "Hamas and Hezbollah fired rockets; the Houthis too.",
        [("HAMAS", None), ("HEZBOLLAH", None), ("HOUTHIS", None)],
        "groups",
    ),
    ("The RSF attacked El Fasher.", [("RSF", None)], "group by acronym"),
    (
        "Ukrainian President Volodymyr Zelenskyy said so.",
        [("UKR", "UKR"), ("person:volodymyr-zelenskyy", "UKR")],
        "known person",
    ),
    (
        "Sabrina Singh, Deputy Pentagon Press Secretary, said so.",
        [("person:sabrina-singh", "USA"), ("USA-DOD", "USA")],
        "person by apposition",
    ),
    (
        "Finnish Foreign Minister Elina Valtonen said so.",
        [("FIN", "FIN"), ("person:elina-valtonen", "FIN")],
        "person by title",
    ),
    ("North Korea's XI Corps is elite.", [("PRK", "PRK"), ("PRK-11CORPS", "PRK")], "named formation"),
    # a person who speaks for an armed group or an international body is that actor
    ("Hamas leader Yahya Sinwar said the war would go on.", [("HAMAS", None)], "group's leader"),
    ("IAEA chief Rafael Grossi said inspectors left.", [("IAEA", None)], "IGO's head"),
    # a place the NER calls a person is no local official, even beside a local role
    ("Police searched Kampong Cham for the gunmen, Cambodia said.", [("KHM", "KHM")], "place as PERSON"),
    ("The governor visited Sidi Bouzid, Tunisia said.", [("TUN", "TUN")], "place as PERSON, local role"),
    (
        "Mayor Ali Khan toured Dera Ismail Khan, Pakistan said.",
        [("PAK", "PAK"), ("person:ali-khan", "PAK")],
        "the official stays, the town is no person",
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "note"), CASES, ids=[case[2] for case in CASES])
def test_actors(extract, sentence: str, expected: list[tuple[str, str | None]], note: str) -> None:
    result = extract(sentence)
    assert sorted((a.id, a.country) for a in result.actors) == sorted(expected)
    for actor in result.actors:
        for start, end in actor.mentions:
            assert sentence[start:end].strip() == sentence[start:end] and end > start


def test_the_north_needs_korean_context(extract) -> None:
    korean = extract("South Korea said the North fired a missile.")
    assert {"KOR", "PRK"} <= {a.id for a in korean.actors}
    other = extract("Rebels in the North took two towns, Mali's army said.")
    assert "PRK" not in {a.id for a in other.actors}


def test_capital_as_place_is_not_an_actor(extract) -> None:
    result = extract("Explosions were heard in Kyiv overnight, witnesses said.")
    assert "UKR" not in {a.id for a in result.actors}
    assert [p.name for p in result.places] == ["Kyiv"]


def test_unknown_person_without_actor_is_left_out(extract) -> None:
    result = extract("John Smith, a local farmer, said the road was closed.")
    assert result.actors == ()


def test_a_stateless_persons_mentions_join_their_group(extract) -> None:
    text = "IAEA chief Rafael Grossi said inspectors left. Grossi said they would return."
    [iaea] = extract(text).actors
    assert [text[s:e] for s, e in iaea.mentions] == ["IAEA", "Rafael Grossi", "Grossi"]


def test_surname_mentions_join_the_person(extract) -> None:
    text = "Sabrina Singh, Deputy Pentagon Press Secretary, briefed reporters. Singh said more was coming."
    person = next(a for a in extract(text).actors if a.kind == "person")
    assert [text[s:e] for s, e in person.mentions] == ["Sabrina Singh", "Singh"]
