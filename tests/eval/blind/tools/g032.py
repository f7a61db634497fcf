from g import *
A = ["PRK", "KOR", "RUS", "UKR", "USA"]
P_ = [P("Seoul", "KOR", 37.57, 126.98), P("Kursk Oblast", "RUS", 51.5, 36.1), P("Vladivostok", "RUS", 43.12, 131.89),
      P("Moscow", "RUS", 55.76, 37.62)]
NIS = "South Korea's National Intelligence Service(NIS)"
C_ = [
 C("North Korea has sent some 15-hundred additional soldiers to Russia in recent weeks", "some 15-hundred", 1500, "soldiers", "PRK", "KOR", NIS,
   date="2026-10", basis="stated", bound="~", approx=True, change="increase"),
 C("soldiers sent by Pyongyang have suffered about 4,700 casualties, killed or wounded", "about 4,700", 4700, "casualties", "PRK", "KOR",
   "lawmaker Lee Seong-kweun", certainty="probable", date="2025", basis="stated", bound="~", approx=True,
   note="'the NIS estimates' (via lawmaker Lee): probable; 'killed or wounded' = casualties; cumulative since the deployment last autumn (2025), as 028 dates cumulative figures by their start"),
 C("Of a force of 11,000, roughly 600 are believed to have been killed", "11,000", 11000, "troops", "PRK", "KOR", "he",
   date="2026-10-28", basis="published", note="unit written before the number ('a force of'); owner from context: North Korean soldiers"),
 C("Of a force of 11,000, roughly 600 are believed to have been killed", "roughly 600", 600, "killed", "PRK", "KOR", "he",
   certainty="probable", date="2026-10-28", basis="published", bound="~", approx=True),
 C("North Korea had shipped more than 20,000 containers of artillery shells and missiles to Russia since August 2023", "more than 20,000", 20000,
   "containers", "PRK", "KOR", "The agency", date="2023-08", basis="stated", bound=">"),
 C("up from an estimated 13,000 containers in its assessment in January", "an estimated 13,000", 13000, "containers", "PRK", "KOR", "The agency",
   certainty="probable", date="2026-01", basis="stated", bound="~", approx=True),
]
E_ = [
 E("North Korea has sent some 15-hundred additional soldiers to Russia in recent weeks to replace losses in the Kursk Oblast", "sent", "AID",
   "PRK", "RUS", "KOR", location="Kursk Oblast", date="2026-10"),
 E("The troops from North Korea arrived in Vladivostok by ship and military transport aircraft", "arrived", "AID", "PRK", "RUS", "KOR",
   location="Vladivostok", note="arrival of the troops sent to help Russia"),
 E("the reinforcements were preparing to take part in assaults on Ukrainian positions near the border", "assaults", "FIGHT", "PRK", "UKR", "KOR",
   certainty="possible", context="future", note="'It added' carries the NIS attribution into the second sentence; 'preparing to' = possible"),
 E("since they were first deployed last autumn", "deployed", "AID", "PRK", "RUS", "KOR", context="historical", date="2025"),
 E("North Korea had shipped more than 20,000 containers of artillery shells and missiles to Russia since August 2023", "shipped", "AID",
   "PRK", "RUS", "KOR", date="2023-08"),
 E("the official Korean Central News Agency (KCNA) called on Washington to halt what it called \"hostile\" military drills with Seoul",
   "called on", "DEMAND", "PRK", "USA", "OUTLET", date="2026-10-27", note="KCNA speaks for PRK"),
 E("Russian President Vladimir Putin thanked North Korean leader Kim Jong-un in June", "thanked", "SUPPORT", "RUS", "PRK", "OUTLET",
   context="historical", date="2026-06", note="praise = SUPPORT (CAMEO 051)"),
 E("for sending troops to help Russia \"liberate\" the Kursk region", "sending", "AID", "PRK", "RUS", "OUTLET", context="historical",
   location="Kursk Oblast", note="purpose infinitive gives the beneficiary"),
 E("Kim flew to Moscow last month for talks at the Kremlin, his first visit to Russia since 2023", "talks", "CONSULT", "PRK", "RUS", "OUTLET",
   location="Moscow", date="2026-09"),
 E("South Korea's foreign ministry summoned the Russian ambassador on Wednesday to protest the arms transfers", "summoned", "DISAPPROVE",
   "KOR", "RUS", "KOR", date="2026-10-28", note="attributed to 'a ministry official'"),
 E("Seoul is set to review whether to supply defensive weapons to Kyiv", "supply", "AID", "KOR", "UKR", "OUTLET", certainty="possible",
   context="hypothetical", note="only a review of whether to supply"),
]
save("032", "2026-10-28", A, P_, C_, E_)
