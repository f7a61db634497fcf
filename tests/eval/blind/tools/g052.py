from g import *
A = ["VEN", "GUY", "USA", "ICJ", "BRA"]
P_ = [P("Bolívar State", "VEN", 6.5, -63.5), P("Cuyuni River", None, 6.6, -60.6), P("Essequibo", "GUY", 6.0, -59.5),
      P("Georgetown", "GUY", 6.8, -58.16), P("El Dorado", "VEN", 6.73, -61.63), P("Anacoco Island", "VEN", 6.72, -61.13),
      P("Eteringbang", "GUY", 6.38, -61.1), P("Pacaraima", "BRA", 4.48, -61.15), P("Roraima State", "BRA", 2.0, -61.4),
      P("Stabroek Block", "GUY", 8.0, -57.5)]
D = "2026-11-12"; N10 = "2026-11-10"; MOD = "Venezuela's Defense Ministry"
C_ = [
 C("wounding two soldiers", "two", 2, "wounded", "GUY", "OUTLET", None, date=N10, basis="stated", note="the brief's own voice (Key Takeaways)"),
 C("had deployed \"an additional 2,000 combatants\"", "2,000", 2000, "combatants", "VEN", "VEN", MOD, certainty="unknown", date=N10,
   basis="statement", change="increase", note="'announced on November 10'; 'CCA has not verified the figure independently'"),
 C("bringing the force there to about 7,500 personnel", "about 7,500", 7500, "troops", "VEN", "VEN", MOD, certainty="unknown", date=N10,
   basis="statement", bound="~", approx=True, note="a total after the increment"),
 C("Commercial satellite imagery shows at least a dozen helicopters at the Anacoco Island airstrip", "at least a dozen", 12, "helicopters", "VEN",
   "OUTLET", None, date=D, basis="published", bound=">=", note="number in words only: matched by span; footnote [1] dates the imagery 9 November"),
 C("up from four in September", "four", 4, "helicopters", "VEN", "OUTLET", None, date="2026-09", basis="stated"),
 C("about 300 US personnel, according to US Southern Command (SOUTHCOM)", "about 300", 300, "troops", "USA", "USA", "US Southern Command (SOUTHCOM)",
   date=D, basis="published", bound="~", approx=True),
 C("it had sent 600 more troops to the border town of Pacaraima", "600", 600, "troops", "BRA", "BRA", "Brazil's Defense Ministry", date=D,
   basis="published", change="increase", note="'more' = increment"),
]
E_ = [
 E("Venezuelan forces continued to build up in Bolívar State near the Guyanese border", "build up", "MOBILIZE", "VEN", "GUY", "OUTLET",
   location="Bolívar State"),
 E("the Venezuelan military is likely preparing to conduct a limited incursion across the Cuyuni River", "incursion", "FIGHT", "VEN", "GUY", "OUTLET",
   certainty="probable", context="future", location="Cuyuni River",
   note="'CCA assesses ... likely preparing to'; 'rather than a full-scale invasion' is a contrast, not asserted"),
 E("Unidentified gunmen fired on a Guyana Defence Force (GDF) patrol on the Cuyuni River on November 10", "fired", "FIGHT", None, "GUY", "OUTLET",
   location="Cuyuni River", date=N10, note="unclaimed attack: source null; 'The attack on the GDF patrol occurred near the village of Eteringbang' refers back"),
 E("its soldiers returned fire", "returned fire", "FIGHT", "GUY", None, "GUY", location="Eteringbang", date=N10),
 E("The United States and Guyana began a joint air and maritime exercise off Georgetown on November 11", "exercise", "COOPERATE", "USA", "GUY",
   "OUTLET", location="Georgetown", date="2026-11-11"),
 E("the Bolivarian National Armed Forces (FANB) had deployed \"an additional 2,000 combatants\" to the Operational Strategic Zone in Bolívar State",
   "deployed", "MOBILIZE", "VEN", "GUY", "VEN", certainty="unknown", location="Bolívar State", date=N10),
 E("armored vehicles being transported by barge to the town of El Dorado", "transported", "MOBILIZE", None, None, "VEN", location="El Dorado",
   note="agentless passive; VTV is a state broadcaster (VEN)"),
 E("Similar attacks on GDF patrols in 2024 and 2025 were attributed by Guyanese officials to Venezuelan criminal gangs known as sindicatos",
   "attacks", "FIGHT", None, "GUY", "GUY", context="historical", date="2024", note="gangs have no code"),
 E("Guyanese President Irfaan Ali called on Venezuela to respect the 1899 arbitral award", "called on", "DEMAND", "GUY", "VEN", "OUTLET"),
 E("which ordered Caracas in May 2025 not to hold elections in the Essequibo", "ordered", "DEMAND", "ICJ", "VEN", "OUTLET", context="historical",
   location="Essequibo", date="2025-05"),
 E("The United States and Guyana signed a defense cooperation agreement in 2023", "signed", "AGREE", "USA", "GUY", "OUTLET", context="historical",
   date="2023"),
 E("it had sent 600 more troops to the border town of Pacaraima in Roraima State", "sent", "MOBILIZE", "BRA", None, "BRA", location="Pacaraima",
   note="own territory: MOBILIZE, not AID"),
 E("A Venezuelan seizure of GDF outposts on the Cuyuni would mark a significant escalation", "seizure", "FIGHT", "VEN", "GUY", "OUTLET",
   certainty="possible", context="hypothetical", location="Cuyuni River"),
]
save("052", D, A, P_, C_, E_, note="ISW-style brief by a (fictional) think tank: 'CCA assesses' is the publisher's voice; 'would not cede one square inch' and 'will not allow any force to cross' are vows (not events, not figures); 'will likely use the build-up to pressure' is a forecast of intent, not coded; ExxonMobil is a company and sindicatos gangs are unnamed: no codes; footnotes are sources, not claims")
