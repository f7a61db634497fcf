from g import *
A = ["ARAKANARMY", "MMR", "CHN", "UN", "BGD"]
P_ = [P("Sittwe", "MMR", 20.15, 92.9), P("Rakhine state", "MMR", 19.8, 93.8), P("Ponnagyun township", "MMR", 20.33, 92.98),
      P("Kyaukphyu", "MMR", 19.43, 93.55), P("Yunnan province", "CHN", 25.0, 101.5), P("Kunming", "CHN", 25.04, 102.71),
      P("Cox's Bazar", "BGD", 21.43, 92.0), P("Naf river", "BGD", 20.9, 92.3)]
D = "2026-06-05"
C_ = [
 C("military jets have carried out at least 30 air strikes on villages around the city", "at least 30", 30, "air strikes", "MMR", "ARAKANARMY",
   "residents and the AA", certainty="unknown", date=D, basis="stated", bound=">=",
   note="'In the last 48 hours' is the window; 'The BBC could not independently verify the figures'"),
 C("A monastery sheltering displaced families in Ponnagyun township was hit on Wednesday, killing 14 people", "14", 14, "killed", "MMR", None,
   "a local rescue worker", certainty="unknown", date="2026-06-03", basis="stated"),
 C("the army had killed more than 200 AA fighters over the past month", "more than 200", 200, "killed", "ARAKANARMY", "MMR",
   "Junta spokesman Maj Gen Zaw Min Tun", date="2026-05", basis="stated", bound=">"),
 C("a force of some 40,000 fighters", "some 40,000", 40000, "fighters", "ARAKANARMY", "ARAKANARMY", "The AA", date=D, basis="published",
   bound="~", approx=True),
 C("already controls 14 of Rakhine's 17 townships", "14", 14, "townships", "ARAKANARMY", "OUTLET", None, date=D, basis="published"),
 C("already controls 14 of Rakhine's 17 townships", "17", 17, "townships", None, "OUTLET", None, date=D, basis="published"),
 C("Fighting is now within 10km of Kyaukphyu", "10km", 10, "km", None, "OUTLET", None, date=D, basis="published"),
 C("More than 3.5 million people are now displaced across Myanmar", "More than 3.5 million", 3500000, "displaced", "MMR", "UN", "the UN",
   date=D, basis="published", bound=">"),
 C("up from 3.1 million at the start of the year", "3.1 million", 3100000, "displaced", "MMR", "UN", "the UN", date="2026-01", basis="stated"),
 C("which hosts about a million Rohingya refugees in camps around Cox's Bazar", "about a million", 1000000, "refugees", "BGD", "OUTLET", None,
   date=D, basis="published", bound="~", approx=True, note="refugees counted by their host"),
 C("some 2,000 people tried to cross in recent days", "some 2,000", 2000, "people", None, "BGD", "Neighbouring Bangladesh", date="2026-06",
   basis="stated", bound="~", approx=True),
]
E_ = [
 E("says it has surrounded Sittwe", "surrounded", "FIGHT", "ARAKANARMY", "MMR", "ARAKANARMY", location="Sittwe"),
 E("after overrunning the last military outposts on the city's northern edge", "overrunning", "FIGHT", "ARAKANARMY", "MMR", "ARAKANARMY",
   location="Sittwe"),
 E("military jets have carried out at least 30 air strikes on villages around the city", "air strikes", "ASSAULT", "MMR", None, "ARAKANARMY",
   certainty="unknown", location="Sittwe"),
 E("A monastery sheltering displaced families in Ponnagyun township was hit on Wednesday", "hit", "ASSAULT", None, None, None, certainty="unknown",
   location="Ponnagyun township", date="2026-06-03", note="agentless passive; a rescue worker (no code)"),
 E("blamed the AA for the deaths", "blamed", "DISAPPROVE", "MMR", "ARAKANARMY", "OUTLET"),
 E("its forces had repelled \"terrorist\" attacks on Sittwe", "repelled", "FIGHT", "MMR", "ARAKANARMY", "MMR", location="Sittwe"),
 E("the army had killed more than 200 AA fighters over the past month", "killed", "FIGHT", "MMR", "ARAKANARMY", "MMR", date="2026-05"),
 E("Fighting is now within 10km of Kyaukphyu", "Fighting", "FIGHT", None, None, "OUTLET", location="Kyaukphyu", note="parties not named in the clause"),
 E("Beijing, which has brokered truces between the military and armed groups along its border", "brokered", "CONSULT", "CHN", "MMR", "OUTLET",
   context="historical", note="mediation (CAMEO 045)"),
 E("called on both sides to protect Chinese projects and staff", "called on", "DEMAND", "CHN", None, "OUTLET", note="both sides: MMR and ARAKANARMY"),
 E("Min Aung Hlaing flew to Kunming last month to discuss security cooperation, his second trip to China this year", "flew", "CONSULT", "MMR", "CHN",
   "OUTLET", location="Kunming", date="2026-05"),
 E("Beijing appears to be preparing to press the AA to halt its advance", "press", "DEMAND", "CHN", "ARAKANARMY", None, certainty="possible",
   context="future", note="'Analysts say' (no code)"),
 E("said it had deployed additional border guards along the Naf river", "deployed", "MOBILIZE", "BGD", None, "BGD", location="Naf river"),
]
save("040", "2026-06-05", A, P_, C_, E_, note="'a coup in February 2021' is background (context), not an event; BBC is the outlet")
