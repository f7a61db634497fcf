"""Claim and event rules that no other table pins: counted nouns, tolls, destinations, event type refinements."""

from __future__ import annotations

import pytest
from contract_lookup import claim_for, event_for

PUBLISHED = "2024-11-27"


CLAIM_FIELDS = [
    # rule id, text, figure, field path, expected
    (
        "toll as the subject: killed",
        "The death toll rose to 212, the health ministry said.",
        "212",
        "quantity.unit",
        "killed",
    ),
    (
        "'number of' the displaced",
        "The number of displaced people has climbed to 40,000.",
        "40,000",
        "quantity.unit",
        "displaced",
    ),
    ("casualty word after the number", "The strike left 14 dead in the village.", "14", "quantity.unit", "killed"),
    (
        "killing befalls people whatever the noun",
        "Twelve fishermen were wounded when the boat was hit.",
        "Twelve",
        "quantity.unit",
        "wounded",
    ),
    (
        "displacement needs a noun of people",
        "Some 5,000 families were displaced by the floods.",
        "5,000",
        "quantity.unit",
        "displaced",
    ),
    (
        "earlier noun with 'the'",
        "Of the missiles, 12 were intercepted over the city.",
        "12",
        "quantity.unit",
        "missiles",
    ),
    (
        "bare number counts the previous sentence's noun",
        "Ukraine fired 30 rockets at the bridge. Russia said 25 were shot down.",
        "25",
        "quantity.unit",
        "rockets",
    ),
    (
        "attributive number measures its own noun",
        "The ceasefire lasted a 30-day period.",
        "30",
        "quantity.unit",
        "days",
    ),
    ("the agent owns the figure", "Russia moved 3,000 soldiers into Belarus.", "3,000", "subject", "RUS"),
    (
        "a perceiver does not own what it detects",
        "Taiwan detected 45 Chinese aircraft near the island.",
        "45",
        "subject",
        "CHN",
    ),
    ("destination of a deployment", "Russia moved 3,000 soldiers into Belarus.", "3,000", "target", "BLR"),
    ("deploy verbs share one relation", "Russia moved 3,000 soldiers into Belarus.", "3,000", "relation", "deploy"),
    # a destination is the sending verb's own "to/into/in" phrase (or inside it), else the party a purpose
    # infinitive helps; a place inside a purpose or another phrase, or a purpose's enemy, is none
    (
        "a place inside the destination phrase",
        "Chad moved 900 soldiers into the Diffa region in Niger.",
        "900",
        "target",
        "NER",
    ),
    (
        "a purpose's place is no destination",
        "Turkey sent 400 commandos to hunt militants in Iraq.",
        "400",
        "target",
        None,
    ),
    (
        "a war's place is no destination",
        "Hezbollah sent 2,000 fighters for the offensive in Syria.",
        "2,000",
        "target",
        None,
    ),
    ("a purpose's enemy is no destination", "Serbia sent 700 soldiers to confront Kosovo.", "700", "target", None),
    (
        "sent to help a party",
        "Belarus sent 1,000 engineers to help Russia rebuild the bridge.",
        "1,000",
        "target",
        "RUS",
    ),
    ("sent to support a party", "Egypt deployed 1,500 troops to support Somalia.", "1,500", "target", "SOM"),
    ("sent to assist a party", "Kenya dispatched 800 police to assist Haiti.", "800", "target", "HTI"),
    ("sent to reinforce a party", "Poland moved 2,000 soldiers to reinforce Lithuania.", "2,000", "target", "LTU"),
    ("a destination past a path phrase", "Chad flew 300 soldiers over the lake into Niger.", "300", "target", "NER"),
    ("the object's own destination", "Germany approved the sale of 40 tanks to Ukraine.", "40", "target", "UKR"),
    ("the helped party by its country", "Niger sent 200 engineers to help the army of Chad.", "200", "target", "TCD"),
    (
        "the helped party's country",
        "Kigali sent 600 police to assist the government of Mozambique.",
        "600",
        "target",
        "MOZ",
    ),
    (
        "sent to join a party's forces",
        "Some 2,000 Cuban volunteers were sent to join Venezuelan forces.",
        "2,000",
        "target",
        "VEN-MIL",
    ),
    ("at least", "At least 30 people were killed in the shelling.", "30", "quantity.bound", ">="),
    ("'some' is approximate", "Some 5,000 families were displaced by the floods.", "5,000", "quantity.bound", "~"),
    (
        "toll as the subject of a raising verb",
        "The death toll is expected to rise to 100.",
        "100",
        "quantity.unit",
        "killed",
    ),
    (
        "toll as the subject of a raising verb",
        "The number of people killed in the war is likely to exceed 40,000.",
        "40,000",
        "quantity.unit",
        "killed",
    ),
    ("toll as the subject of 'be'", "The death toll is 40, the ministry said.", "40", "quantity.unit", "killed"),
    ("tally as the subject of 'be'", "The number of wounded was 212 by Friday.", "212", "quantity.unit", "wounded"),
    ("a tally's own participle", "The number killed is now 63, medics said.", "63", "quantity.unit", "killed"),
    ("a tally's own participle", "The number displaced reached 9,000.", "9,000", "quantity.unit", "displaced"),
    (
        "losses belong to the side that suffers them",
        "Britain estimated Russia's losses in the battle at 4,000 troops.",
        "4,000",
        "subject",
        "RUS",
    ),
    (
        "an earlier casualty figure's owner carries to the next",
        "Near Kursk, 300 North Korean soldiers were killed and 2,700 wounded, Seoul's spy agency said.",
        "2,700",
        "subject",
        "PRK",
    ),
    (
        "bare number is what its predicate names",
        "Among those detained, nine were Iranian nationals.",
        "nine",
        "subject",
        "IRN",
    ),
    (
        "bare number with a predicate, casualty context",
        "Of the 40 dead, 25 were Russian soldiers, Kyiv said.",
        "25",
        "subject",
        "RUS",
    ),
    # the owner of the body of armed people a figure sizes
    (
        "possessed force 'of' a figure",
        "Kenya said it would withdraw its force of 3,600 police from Haiti.",
        "3,600",
        "subject",
        "KEN",
    ),
    (
        "named contingent 'of' a figure",
        "The Indian contingent of 1,100 peacekeepers patrols the border.",
        "1,100",
        "subject",
        "IND",
    ),
    ("'-strong' body", "A 2,000-strong French mission trains the army.", "2,000", "subject", "FRA"),
    ("'-strong' body, possessed", "Turkey's 4,500-strong garrison stays in Qatar.", "4,500", "subject", "TUR"),
    # the owner named after the counted noun
    ("armed people 'from' a state", "Nearly 2,500 soldiers from Belarus joined the drills.", "2,500", "subject", "BLR"),
    (
        "armed group 'from' a phrase",
        "About 700 fighters from Hamas were detained, Israel said.",
        "700",
        "subject",
        "HAMAS",
    ),
    ("agent of a participle", "Some 900 troops deployed by Moscow have withdrawn.", "900", "subject", "RUS"),
    (
        "agent of a participle, casualty count",
        "At least 150 soldiers sent by Pyongyang were killed in Kursk, Seoul said.",
        "150",
        "subject",
        "PRK",
    ),
    # a claim's time: stated in its clause, else its statement's, else the publication date
    (
        "time of the statement when the clause states none",
        "The coast guard said on Tuesday that it had rescued 65 migrants.",
        "65",
        "time.basis",
        "statement",
    ),
    (
        "statement time of a closing 'X said on <day>'",
        "Militants burned 9 trucks near the pass, the governor told reporters on Sunday.",
        "9",
        "time",
        {"start": "2024-11-24", "end": "2024-11-24", "text": "Sunday", "basis": "statement"},
    ),
    (
        "publication date when nothing states a time",
        "The border guard counts 320 watchtowers along the frontier.",
        "320",
        "time",
        {"start": "2024-11-27", "end": "2024-11-27", "text": "2024-11-27", "basis": "published"},
    ),
    (
        "publication date under an undated speaker",
        "Lithuania has ordered 36 howitzers, its defence minister said.",
        "36",
        "time.basis",
        "published",
    ),
    (
        "the clause's own time wins over the statement's",
        "In August the rebels took 11 villages, the army said on Friday.",
        "11",
        "time.basis",
        "stated",
    ),
    (
        "a time in the subject's relative clause is not the figure's",
        "Niger's junta, which took power in July 2023, has hired 400 Russian instructors.",
        "400",
        "time.basis",
        "published",
    ),
    (
        "a time in a reduced relative clause is not the figure's",
        "The battalion, raised in March 2022, now fields 700 soldiers.",
        "700",
        "time.basis",
        "published",
    ),
    (
        "a reduced relative on the counted noun dates the figure",
        "Poland has counted 1,400 balloons sent since May 2024.",
        "1,400",
        "time.basis",
        "stated",
    ),
    (
        "'which began in <month>' on a war dates its cumulative figure",
        "The conflict, which started in May 2023, has forced 2 million people from their homes.",
        "2 million",
        "time.start",
        "2023-05-01",
    ),
    (
        "a time inside the relative clause holding the figure is its own",
        "The toll, which rose to 85 on Sunday, may climb further.",
        "85",
        "time.basis",
        "stated",
    ),
    # a demonstrative before a small number asserts the count; "the three countries" refers back
    (
        "a count after a demonstrative",
        "Those three tanks were destroyed near the river.",
        "three",
        "quantity.unit",
        "tanks",
    ),
    ("a count after a demonstrative", "Guards stopped these two trucks at the gate.", "two", "quantity.value", 2.0),
    (
        "a second casualty clause keeps its own verb",
        "In the Donbas, 50 Russian soldiers died and 120 were wounded, Ukraine said.",
        "120",
        "quantity.unit",
        "wounded",
    ),
    # a bare number whose noun comes from another clause takes its own clause's casualty verb
    (
        "a conjoined clause's own verb",
        "Thirty marines were wounded and 12 died, the navy said.",
        "12",
        "quantity.unit",
        "killed",
    ),
    (
        "a conjoined clause's own verb",
        "Twenty guards were taken hostage and six were injured.",
        "six",
        "quantity.unit",
        "wounded",
    ),
    # one count two casualty words share counts casualties
    (
        "shared casualty verbs",
        "Some 60 villagers were killed or injured by the mortar fire.",
        "60",
        "quantity.unit",
        "casualties",
    ),
    ("shared casualty verbs", "The raid killed and wounded 75 police officers.", "75", "quantity.unit", "casualties"),
    ("two counts apart", "The raid killed 9 police officers and wounded 31.", "31", "quantity.unit", "wounded"),
    # a count of units of time is a duration, whatever verb the sentence has
    (
        "duration, not casualties",
        "Nine civilians were killed during the past 72 hours.",
        "72",
        "quantity.unit",
        "hours",
    ),
    (
        "duration, not casualties",
        "Rescuers say 14 people died in three weeks of flooding.",
        "three",
        "quantity.unit",
        "weeks",
    ),
    # the counted noun written before the number
    ("body sized by 'of'", "Chad has sent a contingent of 1,200 to the border.", "1,200", "quantity.unit", "troops"),
    (
        "body sized by 'of'",
        "Rebels gathered a force of some 4,000 outside the city.",
        "4,000",
        "quantity.unit",
        "troops",
    ),
    ("body sized by '-strong'", "A 900-strong garrison holds the fort.", "900", "quantity.unit", "troops"),
    ("body sized by '-strong'", "A 900-strong garrison holds the fort.", "900", "quantity.unit_text", "garrison"),
    ("subject of a counting verb", "The missiles numbered 18, the navy said.", "18", "quantity.unit", "missiles"),
    ("subject of a counting verb", "Casualties totalled 5,300 by Sunday.", "5,300", "quantity.unit", "casualties"),
    (
        "people subject of a rising verb",
        "Refugees have reached 2.1 million, the agency said.",
        "2.1 million",
        "quantity.unit",
        "refugees",
    ),
    # a counted noun is never looked for past the end of the number's clause
    ("no counted noun past a comma", "The landslide killed 12, rescuers said.", "12", "quantity.unit_text", None),
    ("no counted noun past a comma", "Shelling wounded 7; medics treated them.", "7", "quantity.unit", "wounded"),
    # a time after a bare number says when, not what it counts
    ("a time is not the counted noun", "The index gained 3.7 last week.", "3.7", "quantity.unit_text", None),
    (
        "a time is not the counted noun",
        "Output reached 640 this month, the ministry said.",
        "640",
        "quantity.unit",
        None,
    ),
    # a change is not a new total (DESIGN.md: quantity.change)
    ("change word before the figure", "Kyiv asked for another 40 howitzers.", "40", "quantity.change", "increase"),
    (
        "change word before the figure",
        "The ministry approved 600 additional beds.",
        "600",
        "quantity.change",
        "increase",
    ),
    ("change word after the number", "Israel called up 5,000 more reservists.", "5,000", "quantity.change", "increase"),
    ("change word after the number", "This year 1,200 fewer migrants crossed.", "1,200", "quantity.change", "decrease"),
    ("verb of change with 'by'", "Grain exports fell by 300 tonnes in May.", "300", "quantity.change", "decrease"),
    ("verb of change with 'by'", "The garrison grew by 450 men last month.", "450", "quantity.change", "increase"),
    ("a total is no change", "Russia now keeps 12,000 troops in Belarus.", "12,000", "quantity.change", None),
    ("a total is no change", "More than 300 troops arrived on Monday.", "300", "quantity.change", None),
    ("a measure's subject counts nothing", "Fuel prices climbed to 61 this week.", "61", "quantity.unit", None),
]


def _ids(cases: list) -> list[str | None]:
    return [None if hasattr(c, "marks") else c[0] for c in cases]


def field_of(record: dict, path: str):
    for key in path.split("."):
        record = record[key]
    return record


@pytest.mark.parametrize(("rule", "text", "number", "path", "expected"), CLAIM_FIELDS, ids=_ids(CLAIM_FIELDS))
def test_claim_field(contract, rule: str, text: str, number: str, path: str, expected) -> None:
    assert field_of(claim_for(contract(text), number), path) == expected


EVENT_FIELDS = [
    # rule id, text, trigger, field, expected
    (
        "missiles fired at nobody are a test",
        "North Korea fired two ballistic missiles into the sea.",
        "fired",
        "type",
        "MOBILIZE",
    ),
    (
        "missiles fired at a state are an assault",
        "Iran launched 180 missiles at Israel.",
        "launched",
        "type",
        "ASSAULT",
    ),
    (
        "troops deployed nowhere abroad mobilise",
        "Russia deployed 20,000 troops near its border.",
        "deployed",
        "type",
        "MOBILIZE",
    ),
    ("troops sent to a state are aid", "Russia allegedly sent 200 tanks to Belarus.", "sent", "type", "AID"),
    ("capturing a named place is fighting", "Russia captured Avdiivka in February.", "captured", "type", "FIGHT"),
    (
        "condemnation targets the last act's source",
        "Israel struck Lebanon. France condemned the strike.",
        "condemned",
        "target",
        "ISR",
    ),
    (
        "a symmetric act without parties takes the two states named last",
        "Russia and North Korea met in June. The mutual defence treaty signed in Pyongyang alarmed Seoul.",
        "signed",
        "target",
        "PRK",
    ),
    (
        "'its' positions are the speaker's",
        "Russia's army said Ukraine shelled its positions.",
        "shelled",
        "target",
        "RUS-MIL",
    ),
    (
        "passive agent is the source",
        "Kharkiv was shelled by Russian forces, Ukraine said.",
        "shelled",
        "source",
        "RUS-MIL",
    ),
    ("denial is a rejection by the denier", "Iran denied shelling the town.", "denied", "type", "REJECT"),
    (
        "'this cooperation' refers back to the earlier cooperation's parties",
        "Cooperation between Iran and Russia has grown. The United States condemned this cooperation.",
        "condemned",
        "target",
        "IRN",
    ),
    ("nominal trigger under a light verb", "Ukraine launched a drone attack on Russia.", "launched", "target", "RUS"),
]


@pytest.mark.parametrize(
    ("rule", "text", "trigger", "field", "expected"), EVENT_FIELDS, ids=[c[0] for c in EVENT_FIELDS]
)
def test_event_field(contract, rule: str, text: str, trigger: str, field: str, expected: str) -> None:
    assert event_for(contract(text), trigger)[field] == expected


def test_a_participle_used_as_an_adjective_is_no_event(contract) -> None:
    assert [e["trigger"]["text"] for e in contract("Ukraine freed the captured soldier.")["events"]] == []


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shelled and bombed Kherson overnight, the governor said.",
        "Israel launched air strikes on Lebanon on Tuesday.",
    ],
    ids=["two coordinated verbs", "a light verb and its noun"],
)
def test_one_act_reported_by_two_triggers_is_one_event(contract, text: str) -> None:
    assert len([e for e in contract(text)["events"] if e["type"] == "ASSAULT"]) == 1
