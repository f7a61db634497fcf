"""Factuality rules, one case each: how sure the source is and whether it denies (table-driven, contract)."""

from __future__ import annotations

import pytest
from contract_lookup import claim_for, event_for

PUBLISHED = "2024-11-27"


CLAIM_CERTAINTY = [
    # rule id, text, figure, expected certainty
    ("flat statement is certain", "Poland bought 96 helicopters last year.", "96", "certain"),
    (
        "'approximately' alone does not lower certainty",
        "Approximately 4,000 troops are stationed in Poland.",
        "4,000",
        "certain",
    ),
    ("'reportedly' is unknown", "Ukraine reportedly lost 300 tanks.", "300", "unknown"),
    ("'allegedly' is unknown", "Russia allegedly sent 200 tanks to Belarus.", "200", "unknown"),
    ("'is believed to' is probable", "Russia is believed to have 1,500 warheads.", "1,500", "probable"),
    ("'thought to' is probable", "The militia is thought to have 20,000 fighters.", "20,000", "probable"),
    ("'likely' is probable", "Russia likely lost 50 aircraft.", "50", "probable"),
    (
        "'estimated' verb is probable",
        "Britain's defence ministry estimated that Russia had lost 600,000 soldiers.",
        "600,000",
        "probable",
    ),
    ("'may' is possible", "The army may send 2,000 troops.", "2,000", "possible"),
    ("'plans to' is possible", "The navy plans to buy 12 frigates.", "12", "possible"),
    ("'could' is possible", "The plant could produce 300 drones a month.", "300", "possible"),
    ("'can' (modal) is possible", "The new launcher can fire 12 rockets in a minute.", "12", "possible"),
    ("'can' under a reporting verb", "The port can handle 50 ships at once, officials said.", "50", "possible"),
    ("'set to' (future) is possible", "The alliance is set to station 4,000 soldiers in Romania.", "4,000", "possible"),
    ("'poised to' (future) is possible", "Seoul is poised to export 180 tanks to Warsaw.", "180", "possible"),
    ("'preparing to' (future) is possible", "The navy is preparing to launch 6 submarines.", "6", "possible"),
    ("'intends to' (future) is possible", "Tokyo intends to acquire 400 cruise missiles.", "400", "possible"),
    ("'appears' (appearance) is probable", "The brigade appears to have lost 70 vehicles.", "70", "probable"),
    ("'seems' (appearance) is probable", "The militia seems to hold 15 hostages.", "15", "probable"),
    ("'appeared' (appearance) is probable", "The convoy appeared to carry 30 trucks of grain.", "30", "probable"),
    ("'seemed' (appearance) is probable", "The garrison seemed to number 800 men.", "800", "probable"),
    ("'apparently' is probable", "Rebels apparently seized 20 armoured vehicles.", "20", "probable"),
    ("'estimate' noun is probable", "A Western estimate puts Moscow's losses at 1,200 tanks.", "1,200", "probable"),
    ("'assessments' noun is probable", "British assessments put the garrison at 3,500 troops.", "3,500", "probable"),
    ("'alleged' (distancing) is unknown", "Police arrested 14 alleged smugglers at the border.", "14", "unknown"),
    ("'purported' (distancing) is unknown", "A purported list named 90 officers.", "90", "unknown"),
    ("'claimed to' (distancing) is unknown", "The group claimed to have downed 5 helicopters.", "5", "unknown"),
    ("'claims to' (distancing) is unknown", "The militia claims to control 40 villages.", "40", "unknown"),
    (
        "a finite verb misparsed as a subject keeps its clause's certainty",
        "Each costs $400 to build, while the missiles sent to stop them can cost far more.",
        "$400",
        "certain",
    ),
    (
        "a second clause's modal stops at a misparsed finite subject",
        "Each costs $1,500 to produce, while the interceptors used to down them can cost a million.",
        "$1,500",
        "certain",
    ),
    # completed classes (factuality_cues.tsv): plans and schedules, appearance, estimate nouns, distancing
    ("'is to' (plan) is possible", "Britain is to send 350 engineers to Estonia.", "350", "possible"),
    ("'are to' (plan) is possible", "Two brigades are to receive 90 new howitzers.", "90", "possible"),
    ("'scheduled to' is possible", "The shipyard is scheduled to deliver 4 corvettes in spring.", "4", "possible"),
    ("'planning' is possible", "Warsaw is planning to double its army to 300,000 soldiers.", "300,000", "possible"),
    ("'seeking to' is possible", "The junta is seeking to hire 1,000 Russian instructors.", "1,000", "possible"),
    ("'seeks to' is possible", "Manila seeks to lease 20 patrol boats from Tokyo.", "20", "possible"),
    ("'hopes to' is possible", "The agency hopes to evacuate 6,000 civilians this week.", "6,000", "possible"),
    ("'hoping to' is possible", "Aid groups are hoping to deliver 400 tonnes of flour.", "400", "possible"),
    ("'aiming to' is possible", "Kyiv is aiming to build 30,000 long-range drones.", "30,000", "possible"),
    ("'prepares to' is possible", "The fleet prepares to escort 15 grain ships.", "15", "possible"),
    ("'on track to' is possible", "Berlin is on track to spend $80 billion on defence.", "$80 billion", "possible"),
    ("'pledged to' (commitment) is possible", "Oslo has pledged to train 2,000 Ukrainian pilots.", "2,000", "possible"),
    ("'pledges to' (commitment) is possible", "The bank pledges to lend $3 billion to Kyiv.", "$3 billion", "possible"),
    ("'vowed to' (commitment) is possible", "The minister vowed to hire 10,000 police officers.", "10,000", "possible"),
    ("'vows to' (commitment) is possible", "The junta vows to arm 60,000 volunteers.", "60,000", "possible"),
    ("'promised to' (commitment) is possible", "Paris promised to deliver 12 Caesar howitzers.", "12", "possible"),
    ("'promises to' (commitment) is possible", "The UN promises to send 300 peacekeepers.", "300", "possible"),
    ("'wants to' (plan) is possible", "The navy wants to buy 8 minesweepers.", "8", "possible"),
    ("'want to' (plan) is possible", "Both allies want to station 5,000 troops in Lithuania.", "5,000", "possible"),
    ("'appear' (appearance) is probable", "Satellite images appear to show 40 new bunkers.", "40", "probable"),
    ("'seem' (appearance) is probable", "The talks seem to involve 6 countries.", "6", "probable"),
    ("'seemingly' (appearance) is probable", "The raid seemingly freed 200 inmates.", "200", "probable"),
    ("'estimation' noun is probable", "A French estimation puts the militia at 8,000 fighters.", "8,000", "probable"),
    ("'supposedly' (distancing) is unknown", "The cell supposedly planned 3 bombings.", "3", "unknown"),
    ("'ostensibly' (distancing) is unknown", "The convoy ostensibly carried 50 tonnes of aid.", "50", "unknown"),
    # "will" is no cue (DESIGN.md): a future act stated flatly is certain; its context says it lies ahead
    ("'will' stated flatly is certain", "Canada will deploy 2,200 soldiers to Latvia next year.", "2,200", "certain"),
    ("'will' under a reporting verb is certain", "Seoul will buy 20 more F-35s, officials said.", "20", "certain"),
    # distancing reporting verbs (distancing_verbs.txt), matched on the attribution's cue
    ("'claimed' as the reporting verb is unknown", "The rebels claimed they had downed 3 helicopters.", "3", "unknown"),
    ("'claims' as the reporting verb is unknown", "The militia claims that 70 of its men escaped.", "70", "unknown"),
    ("'claim' as the reporting verb is unknown", "Both sides claim that 400 enemy fighters died.", "400", "unknown"),
    (
        "'alleged' as the reporting verb is unknown",
        "Activists alleged that 25 detainees were tortured.",
        "25",
        "unknown",
    ),
    ("'alleges' as the reporting verb is unknown", "The lawsuit alleges that 14 villagers were shot.", "14", "unknown"),
    ("'allege' as the reporting verb is unknown", "Witnesses allege that 11 boats were sunk.", "11", "unknown"),
    (
        "'alleging' (a participle, no frame) is unknown",
        "Kyiv filed a complaint, alleging that 60 children were deported.",
        "60",
        "unknown",
    ),
    ("'claimed ... lives' is no distancing", "The landslide claimed 35 lives in the valley.", "35", "certain"),
    (
        "a plan above a reduced relative does not reach its figure",
        "Moscow plans to sell the wheat harvested this year, estimated at 80 million tonnes.",
        "80 million",
        "probable",
    ),
    (
        "a modal above a reduced relative does not reach its figure",
        "The ministry could lose revenue, estimated at $3 billion a year.",
        "$3 billion",
        "probable",
    ),
    (
        "an evidential cue reaches into a reduced relative (it doubts the whole report)",
        "Rebels are reported to have seized grain, estimated at 9,000 tonnes.",
        "9,000",
        "unknown",
    ),
    (
        "an evidential adverb reaches into a reduced relative",
        "The militia allegedly looted a warehouse stocked with food, estimated at 300 tonnes.",
        "300",
        "unknown",
    ),
    (
        "an infinitival plan still reaches its figure",
        "Tokyo announced a plan to buy 400 cruise missiles.",
        "400",
        "possible",
    ),
    ("least certain cue wins", "Russia is believed to have possibly 200 more tanks.", "200", "possible"),
    (
        "hedge in the next sentence reaches the figure",
        "Russia's army said 2,000 troops were sent to Kursk. The figures could not be independently verified.",
        "2,000",
        "unknown",
    ),
    (
        "hedge of 'the claim' in the next sentence",
        "Hamas said 40 people were killed. The claim could not be verified.",
        "40",
        "unknown",
    ),
    # the outlet's disclaimer reaches what it refers to (factuality.disclaim); wire copy sets each sentence
    # as a paragraph, so a paragraph break does not bound it
    (
        "a disclaimer in the next paragraph reaches the figure",
        "Kyiv said 25 drones were shot down.\n\nReuters could not independently verify the figure.",
        "25",
        "unknown",
    ),
    (
        "an active disclaimer ('AFP was unable to confirm the toll')",
        "Syria's army said 45 rebels died near Idlib. AFP was unable to confirm the toll.",
        "45",
        "unknown",
    ),
    (
        "'the figures' reach the last speaker's figures two sentences back",
        "Ukraine's General Staff said 1,100 Russian soldiers were killed in a day. It added that 9 tanks were "
        "destroyed. Reuters could not independently verify the figures.",
        "1,100",
        "unknown",
    ),
    (
        "'the figures' pass over the outlet's own background figure",
        "Ukraine's army said it shot down 30 drones. Russia has launched more than 5,000 drones since January. "
        "Reuters could not verify the figures.",
        "5,000",
        "certain",
    ),
    (
        "'the claims' stop where another speaker's figures begin",
        "Russia's army said it downed 30 drones. Ukraine said 12 civilians died in Sumy. The claims could not be "
        "verified.",
        "30",
        "certain",
    ),
    (
        "'none of these figures' reaches every speaker before it",
        "Hamas said 18 people died. Israel's army said it hit 9 launch sites. None of these figures could be "
        "independently verified.",
        "18",
        "unknown",
    ),
    (
        "a disclaimer naming a side reaches that side's figures",
        "Israel's army said 50 rockets were fired at Haifa. Hezbollah said it hit 4 tanks. The Israeli figures "
        "could not be verified.",
        "50",
        "unknown",
    ),
    (
        "a disclaimer naming a side leaves the other side's figures",
        "Israel's army said 50 rockets were fired at Haifa. Hezbollah said it hit 4 tanks. The Israeli figures "
        "could not be verified.",
        "4",
        "certain",
    ),
    (
        "'a claim that could not be verified' on the figure's own sentence",
        "The Houthis said 6 ships were hit, a claim that could not be independently verified.",
        "6",
        "unknown",
    ),
    (
        "'a figure that could not be confirmed' on the figure's own sentence",
        "Rebels said they shot down 2 jets, a figure that could not be confirmed.",
        "2",
        "unknown",
    ),
    (
        "a cue outside a relative clause does not reach into it",
        "Russia reportedly attacked the brigade, which has 3,000 soldiers.",
        "3,000",
        "certain",
    ),
    (
        "a cue inside a relative clause reaches its figure",
        "The brigade, which reportedly has 3,000 soldiers, moved east.",
        "3,000",
        "unknown",
    ),
    (
        "a cue in a subordinate clause does not reach the main clause",
        "Although the border reportedly stayed open, Turkey has taken in 70,000 refugees.",
        "70,000",
        "certain",
    ),
]


@pytest.mark.parametrize(("rule", "text", "number", "expected"), CLAIM_CERTAINTY, ids=[c[0] for c in CLAIM_CERTAINTY])
def test_claim_certainty(contract, rule: str, text: str, number: str, expected: str) -> None:
    assert claim_for(contract(text), number)["factuality"]["certainty"] == expected


CLAIM_POLARITY = [
    ("flat statement is positive", "Poland bought 96 helicopters last year.", "96", "positive"),
    ("'denied that' is negative", "Russia denied that 300 soldiers were killed.", "300", "negative"),
    (
        "'dismissed reports' is negative",
        "The ministry dismissed reports that 500 troops had deserted.",
        "500",
        "negative",
    ),
]


@pytest.mark.parametrize(("rule", "text", "number", "expected"), CLAIM_POLARITY, ids=[c[0] for c in CLAIM_POLARITY])
def test_claim_polarity(contract, rule: str, text: str, number: str, expected: str) -> None:
    assert claim_for(contract(text), number)["factuality"]["polarity"] == expected


def test_the_next_sentence_hedge_is_named_as_a_cue(contract) -> None:
    text = "Hamas said 40 people were killed. The claim could not be verified."
    assert claim_for(contract(text), "40")["factuality"]["cues"] == ["not verified (next sentence)"]


EVENT_FACTUALITY = [
    # rule id, text, trigger, field, expected
    ("denied act has negative polarity", "Iran denied shelling the town.", "shelling", "polarity", "negative"),
    ("the denial itself is positive", "Iran denied shelling the town.", "denied", "polarity", "positive"),
    (
        "a coordinated verb is not denied by its first conjunct",
        "Iran denied shelling the town and accused Israel of lying.",
        "accused",
        "polarity",
        "positive",
    ),
    (
        "'reportedly' makes an act unknown",
        "Russia reportedly attacked the brigade.",
        "attacked",
        "certainty",
        "unknown",
    ),
    ("'may' makes an act possible", "Israel may strike Iran.", "strike", "certainty", "possible"),
    (
        "next-sentence hedge reaches the act",
        "Russia's army said 2,000 troops were sent to Kursk. The figures could not be independently verified.",
        "sent",
        "certainty",
        "unknown",
    ),
]


@pytest.mark.parametrize(
    ("rule", "text", "trigger", "field", "expected"), EVENT_FACTUALITY, ids=[c[0] for c in EVENT_FACTUALITY]
)
def test_event_factuality(contract, rule: str, text: str, trigger: str, field: str, expected: str) -> None:
    assert event_for(contract(text), trigger)["factuality"][field] == expected
