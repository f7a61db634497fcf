"""Event arguments through the real pipeline: who acts, on whom, where; one table row per construction."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-11-27"


def side(result_actors, actor_id):
    actor = {a.id: a for a in result_actors}.get(actor_id)
    return (actor.country or actor.id) if actor else actor_id


ARGUMENT_CASES = [
    # name, text, (type, source side, target side)
    # the target named inside the act's clausal complement
    ("complement subject", "Chad demanded that Niger release the detained officers.", ("DEMAND", "TCD", "NER")),
    (
        "complement object's preposition",
        "Iran threatened to cut off gas supplies to Armenia.",
        ("THREATEN", "IRN", "ARM"),
    ),
    ("complement object", "Bolivia refused to allow Peruvian aircraft to land.", ("REJECT", "BOL", "PER")),
    ("complement object's own preposition", "Azerbaijan threatened to cut ties with Iran.", ("THREATEN", "AZE", "IRN")),
    # "from" and "by" name the target when no target preposition does
    ("from: whom it is asked of", "Armenia demanded guarantees from Moscow.", ("DEMAND", "ARM", "RUS")),
    ("from: whose offer", "Georgia rejected a proposal from Russia on the border.", ("REJECT", "GEO", "RUS")),
    (
        "by: whose act is condemned",
        "Lithuania condemned the airspace violation by Russia.",
        ("DISAPPROVE", "LTU", "RUS"),
    ),
    ("to beats from", "Egypt sent troops from Cairo to help Sudan.", ("AID", "EGY", "SDN")),
    # a target on the source's own side: domestic acts are events (only aid needs another party)
    ("own side: arrests", "Nigeria's army arrested Nigerian protesters in Lagos.", ("COERCE", "NGA", "NGA")),
    ("own side: shelling", "Sudanese rebels shelled the Sudanese army in Kadugli.", ("ASSAULT", "SDN", "SDN")),
    # a type override by lemma looks at what the act takes: ground is FIGHT, people COERCE
    ("capture people near a place", "Ukraine captured two Russian soldiers near Kharkiv.", ("COERCE", "UKR", "RUS")),
    ("seize people at a place", "Russia seized Ukrainian sailors in the Kerch Strait.", ("COERCE", "RUS", "UKR")),
    ("capture a named town", "Russian troops captured Avdiivka on Saturday.", ("FIGHT", "RUS", None)),
    ("capture 'the town of'", "Russian forces captured the town of Vuhledar.", ("FIGHT", "RUS", None)),
    # who claims an act did it: the claimed act is not a mere reference
    ("claimed act", "Hezbollah claimed the rocket attack on Metula.", ("ASSAULT", "HEZBOLLAH", None)),
    (
        "responsibility for",
        "Hezbollah claimed responsibility for the attack on Metula.",
        ("ASSAULT", "HEZBOLLAH", None),
    ),
    ("took credit for", "Hezbollah took credit for the drone strike on Metula.", ("ASSAULT", "HEZBOLLAH", None)),
    # the clause's own subject beats the owner of an earlier mention of such troops
    (
        "own subject beats earlier troops",
        "Chinese soldiers patrol the border. India sent troops to the Maldives.",
        ("AID", "IND", "MDV"),
    ),
    (
        "own subject beats earlier troops: Qatar",
        "Turkish soldiers guard the crossing. Qatar sent troops to Somalia.",
        ("AID", "QAT", "SOM"),
    ),
    # a threat is aimed at the subject of its condition
    (
        "threat's condition: if",
        "Egypt threatened to halt gas exports if Israel expands the operation.",
        ("THREATEN", "EGY", "ISR"),
    ),
    (
        "threat's condition: unless",
        "Greece warned it would veto the talks unless Turkey recalls its ships.",
        ("THREATEN", "GRC", "TUR"),
    ),
    # a target preposition one phrase down
    (
        "for a war against",
        "Belarus mobilized reservists for a possible war against Poland.",
        ("MOBILIZE", "BLR", "POL"),
    ),
    ("for the fight against", "Armenia mobilized troops for the fight against Azerbaijan.", ("MOBILIZE", "ARM", "AZE")),
    # whom a cooperative act is for: "in support of", "in defence of"
    ("in support of", "Poland deployed troops in support of Lithuania.", ("AID", "POL", "LTU")),
    ("in defence of", "Estonia sent soldiers in defence of Latvia.", ("AID", "EST", "LVA")),
    # a material act the text asserts without naming its doer: kept, with no source
    ("agentless passive", "The fuel depot in Lviv was struck overnight.", ("ASSAULT", None, None)),
    ("agentless passive: detention", "Two journalists were detained in Minsk on Sunday.", ("COERCE", None, None)),
    ("unnamed instrument as subject", "A drone hit a power station in Sumy on Tuesday.", ("ASSAULT", None, None)),
    # the act a passive toll names as its cause ("killed in a drone strike"): kept with no source, on the victims
    (
        "toll's cause: killed in",
        "Two Sudanese aid workers were killed in a drone strike near El Fasher.",
        ("ASSAULT", None, "SDN"),
    ),
    ("toll's cause: wounded in", "Six Somali soldiers were wounded in a bombing in Baidoa.", ("ASSAULT", None, "SOM")),
    # a state's people named by the plural of its demonym, as source or target
    ("plural demonym as target", "Tunisian police arrested 30 Zambians on Monday.", ("COERCE", "TUN", "ZMB")),
    ("plural demonym as source", "Angry Kenyans denounced the tax bill.", ("DISAPPROVE", "KEN", None)),
    ("plural demonym of two words", "Guinea detained 12 Sierra Leoneans at the border.", ("COERCE", "GIN", "SLE")),
    # people named by where they are or come from
    ("people in a state", "Striking workers in Chile denounced the copper reform.", ("DISAPPROVE", "CHL", None)),
    ("group in a state", "Opposition parties in Togo demanded a recount.", ("DEMAND", "TGO", None)),
    ("people from an actor", "Activists from Hamas condemned the arrests.", ("DISAPPROVE", "HAMAS", None)),
]


@pytest.mark.parametrize(("name", "text", "expected"), ARGUMENT_CASES, ids=[c[0] for c in ARGUMENT_CASES])
def test_event_arguments(extract, name: str, text: str, expected: tuple[str, str | None, str | None]) -> None:
    result = extract(text, PUBLISHED)
    found = [(e.type, side(result.actors, e.source), side(result.actors, e.target)) for e in result.events]
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        "If the bridge in Odesa is attacked, Kyiv will respond.",  # a condition, not an act
        "Four people were killed in Kherson.",  # a toll (a claim): no act is named
        "No group has claimed the attack on the checkpoint.",  # who did not claim it, not an act
        "Ukraine accused Moscow after a depot in Lviv was struck.",  # no source, and not its clause's assertion
    ],
)
def test_no_event_without_a_source_outside_an_asserted_act(extract, text: str) -> None:
    assert [(e.type, e.trigger.text) for e in extract(text, PUBLISHED).events if e.source is None] == []


def test_in_support_of_is_no_target_of_a_hostile_act(extract) -> None:
    """ "fired rockets in support of Hamas": Hamas is the ally, not the one attacked."""
    found = extract("Hezbollah fired rockets in support of Hamas.", PUBLISHED).events
    assert [e.target for e in found if e.target == "HAMAS"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Five people were killed in the strike.",  # the strike reported before
        "Russian jets killed 12 Syrian villagers in an air raid.",  # the killing is the raid, already an event
    ],
)
def test_a_toll_cause_already_reported_is_no_new_event(extract, text: str) -> None:
    assert [e.trigger.text for e in extract(text, PUBLISHED).events if e.source is None] == []


def test_armed_people_in_a_state_are_not_its_own(extract) -> None:
    """ "troops in Belarus" are seldom Belarus's: where armed people are does not say whose they are."""
    found = extract("Troops in Belarus fired on a border post in Ukraine.", PUBLISHED).events
    assert [e.source for e in found if e.source == "BLR"] == []


def test_no_aid_to_ones_own_side(extract) -> None:
    text = "Rwanda's troops were deployed on Rwandan soil along the border with Burundi."
    assert [e.type for e in extract(text, PUBLISHED).events if e.type == "AID"] == []


def test_a_definite_patient_named_before_restates_the_act(extract) -> None:
    """ "Iran fired a rocket. The rocket was launched from ...": the passive tells the same launch again."""
    text = "Iran fired a rocket toward the Gulf on Friday. The rocket was launched from a base near Tabriz."
    found = extract(text, PUBLISHED).events
    assert [e.trigger.text for e in found if e.source is None] == []


def test_a_definite_act_noun_restates_the_act_already_reported(extract) -> None:
    """ "The strikes killed two": the killing is the strikes' outcome, already one event."""
    found = extract("Drones struck a depot in Lviv. The strikes killed two workers.", PUBLISHED).events
    assert [(e.type, e.source, e.trigger.text) for e in found] == [("ASSAULT", None, "struck")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("KYIV: Russian drones struck Odesa overnight, the air force said.", "Odesa"),
        ("BEIRUT: Israeli jets bombed Tyre on Sunday, the army said.", "Tyre"),
    ],
)
def test_a_colon_dateline_is_not_the_place_of_the_act(extract, text: str, place: str) -> None:
    assert [e.place for e in extract(text, PUBLISHED).events] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "Iran threatened to close the strait if the United States attacks its ships.",
        "Egypt threatened to halt gas exports if Israel expands the operation.",
    ],
)
def test_a_threat_with_a_condition_is_made_not_supposed(extract, text: str) -> None:
    """The condition's "if" is the condition's: the threat is stated, only what it depends on is supposed."""
    contexts = {e.type: e.context for e in extract(text, PUBLISHED).events}
    assert contexts["THREATEN"] != "hypothetical"


@pytest.mark.parametrize(
    "text",
    [
        "Belarus seeks to profit from Chinese loans.",  # "from" inside the complement of a broad verb
        "The visit could help preserve Russian influence in the region.",  # the complement's object
    ],
)
def test_a_broad_verb_takes_no_target_from_under_its_complement(extract, text: str) -> None:
    """Broad CAMEO verbs need a party of their own: the deeper target readings are the core lexicon's."""
    assert [(e.type, e.trigger.text) for e in extract(text, PUBLISHED).events] == []
