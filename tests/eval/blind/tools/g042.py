from g import *
A = ["EU", "RUS", "UKR", "NATO", "KAZ", "USA", "PRK"]
P_ = [P("Novorossiysk", "RUS", 44.72, 37.77), P("Brussels", "BEL", 50.85, 4.35), P("Kyiv", "UKR", 50.45, 30.52), P("Moscow", "RUS", 55.76, 37.62),
      P("Krasnodar region", "RUS", 45.0, 39.0), P("Sheskharis oil terminal", "RUS", 44.69, 37.79), P("Abu Dhabi", "ARE", 24.45, 54.38),
      P("Novopavlivka", "UKR", 48.1, 36.4), P("Dnipropetrovsk region", "UKR", 48.5, 35.1), P("Zaporizhzhia", "UKR", 47.84, 35.14),
      P("Kursk region", "RUS", 51.5, 36.1)]
D = "2026-11-27"
C_ = [
 C("blacklisting a further 117 vessels of Moscow's so-called shadow fleet", "117", 117, "vessels", "RUS", "EU", "EU foreign policy chief Kaja Kallas",
   date=D, basis="stated", change="increase", note="owner outside the counted noun ('of Moscow's ... fleet'); 'a further' = an addition"),
 C("The bloc has now listed 674 ships in total", "674", 674, "ships", "EU", "EU", "she", date=D, basis="stated",
   note="no owner in the phrase: the agent (the EU) that listed them"),
 C("up from 557 in July", "557", 557, "ships", "EU", "EU", "she", date="2026-07", basis="stated"),
 C("intercepted and destroyed 89 Ukrainian drones overnight", "89", 89, "drones", "UKR", "RUS", "the Defence Ministry", date=D, basis="published",
   note="chain: Defence Ministry via TASS, both RUS"),
 C("including 31 over the Krasnodar region", "31", 31, "drones", "UKR", "RUS", "the Defence Ministry", date=D, basis="published"),
 C("Two tankers moored at the terminal were damaged", "Two", 2, "tankers", None, "OUTLET", None, date=D, basis="published"),
 C("Sheskharis handles roughly 700,000 barrels of Kazakh and Russian crude a day", "roughly 700,000", 700000, "barrels", None, "OUTLET", None,
   date=D, basis="published", bound="~", approx=True, note="a rate: per day; 'two industry sources' is not a figure"),
 C("wounding nine people, including a 12-year-old girl", "nine", 9, "wounded", "UKR", "UKR", "Governor Ivan Fedorov", date=D, basis="published",
   note="'12-year-old' is an age, not a claim"),
 C("Russian forces shelled 14 settlements in the region", "14", 14, "settlements", "RUS", "UKR", "he", date=D, basis="stated",
   note="'In the last 24 hours' is the window; 'he added' carries the governor's attribution"),
 C("estimating their number at about 11,000", "about 11,000", 11000, "troops", "PRK", "UKR", "Ukrainian military intelligence", certainty="probable",
   date="2026-11-26", basis="statement", bound="~", approx=True, note="owner outside the counted phrase: 'Troops from North Korea'"),
]
E_ = [
 E("The European Union imposed its 22nd package of sanctions on Russia on Friday", "imposed", "SANCTION", "EU", "RUS", "EU", date=D,
   note="speaker: Kaja Kallas"),
 E("blacklisting a further 117 vessels of Moscow's so-called shadow fleet", "blacklisting", "SANCTION", "EU", "RUS", "EU", date=D),
 E("Ukrainian President Volodymyr Zelenskyy flew to Brussels for talks with NATO Secretary General Mark Rutte", "talks", "CONSULT", "UKR", "NATO",
   "UKR", location="Brussels", date=D),
 E("he would also meet leaders of the so-called coalition of the willing on Saturday", "meet", "CONSULT", "UKR", None, "UKR", certainty="possible",
   context="future", location="Brussels", date="2026-11-28", note="'It added' carries the attribution to his office"),
 E("Russian air defence units intercepted and destroyed 89 Ukrainian drones overnight", "intercepted", "FIGHT", "RUS", "UKR", "RUS",
   note="intercepting is FIGHT by the defender; TASS speaks for RUS"),
 E("a new round of talks between Moscow and Washington on a settlement could take place in Abu Dhabi next month", "talks", "CONSULT", "RUS", "USA",
   "RUS", certainty="possible", context="future", location="Abu Dhabi", date="2026-12"),
 E("Russian troops had \"liberated\" the village of Novopavlivka", "liberated", "FIGHT", "RUS", "UKR", "RUS", location="Novopavlivka"),
 E("a claim the Ukrainian military denied", "denied", "REJECT", "UKR", "RUS", "OUTLET"),
 E("Russian troops had \"liberated\" the village of Novopavlivka in the Dnipropetrovsk region, a claim the Ukrainian military denied", "liberated",
   "FIGHT", "RUS", "UKR", "UKR", polarity="negative", location="Novopavlivka", note="the denied event"),
 E("A Russian guided bomb hit an industrial facility in Zaporizhzhia overnight", "hit", "ASSAULT", "RUS", "UKR", "UKR", location="Zaporizhzhia"),
 E("Russian forces shelled 14 settlements in the region", "shelled", "ASSAULT", "RUS", "UKR", "UKR", location="Zaporizhzhia"),
 E("a year after Kyiv's forces were pushed out", "pushed out", "FIGHT", None, "UKR", "UKR", context="historical", location="Kursk region",
   date="2025-11", note="agentless passive (Russia implied)"),
]
save("042", "2026-11-27", A, P_, C_, E_, note="colon datelines (BRUSSELS:, KYIV:, MOSCOW:, ZAPORIZHZHIA:) are places, not actors; Reuters is an outlet (its sources have no code); 'Troops from North Korea remain in' is presence, not an event; debris damage and suspended loadings are not acts of an actor")
