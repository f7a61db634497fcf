from g import *
A = ["ALQAEDA", "MLI", "JNIM", "RUS", "FRA", "UN", "MINUSMA", "BFA", "NER", "AES", "ACLED"]
P_ = [P("Bamako", "MLI", 12.64, -8.0), P("Boni", "MLI", 15.07, -1.85), P("Sévaré", "MLI", 14.53, -4.1), P("Mopti", "MLI", 14.49, -4.2),
      P("Douentza", "MLI", 15.0, -2.95)]
C_ = [
 C("killing between 30 and 40 soldiers", "between 30 and 40", None, "killed", "MLI", None, "a senior military source", certainty="unknown",
   date="2026-08-09", basis="stated", low=30, high=40, note="unnamed source: no code; 'AFP could not independently verify ... the tolls'"),
 C("several hundred of them", "several hundred", 200, "fighters", "JNIM", None, "the source", date="2026-08-09", basis="stated", bound=">=",
   approx=True, note="vague number: matched by span"),
 C("some 60 soldiers had been killed or wounded", "some 60", 60, "casualties", "MLI", None, "A local elected official", certainty="unknown",
   date="2026-08-10", basis="published", bound="~", approx=True, note="killed or wounded = casualties; the tolls are unverified"),
 C("its fighters had seized weapons and 12 vehicles", "12", 12, "vehicles", "JNIM", "JNIM", "The Group for the Support of Islam and Muslims (JNIM)",
   certainty="unknown", date="2026-08-09", basis="published"),
 C("air strikes had \"neutralised\" dozens of assailants", "dozens", 24, None, "JNIM", "MLI", "the army", date="2026-08-10", basis="published",
   bound=">=", approx=True, note="'neutralised' may mean killed or captured: unit left open (as 013)"),
 C("Some 4,000 civilians have since fled towards Douentza", "Some 4,000", 4000, "displaced", "MLI", None, "a humanitarian worker in the area",
   date="2026-08-10", basis="published", bound="~", approx=True),
 C("a 2,500-strong paramilitary force", "2,500", 2500, "troops", "RUS", "OUTLET", None, date="2026-08-10", basis="published",
   note="'-strong': the unit is the force"),
 C("pledged to create a joint force of 5,000 troops", "5,000", 5000, "troops", "AES", "OUTLET", None, certainty="possible",
   date="2026-08-10", basis="published"),
 C("jihadist violence killed more than 3,800 people in Mali in the first half of the year", "more than 3,800", 3800, "killed", "MLI", "ACLED",
   "the monitoring group ACLED", date="2026", basis="stated", bound=">"),
 C("up from about 2,900 in the same period last year", "about 2,900", 2900, "killed", "MLI", "ACLED", "the monitoring group ACLED",
   date="2025", basis="stated", bound="~", approx=True),
]
E_ = [
 E("Fighters from Al-Qaeda's Sahel affiliate stormed a Malian army camp near the central town of Boni on Sunday", "stormed", "FIGHT", "JNIM", "MLI",
   None, location="Boni", date="2026-08-09", note="attributed to 'a senior military source' (no code); 'Al-Qaeda's Sahel affiliate' is JNIM, who claimed it (next paragraph): owner outside the phrase"),
 E("its fighters had seized weapons and 12 vehicles", "seized", "COERCE", "JNIM", "MLI", "JNIM", certainty="unknown",
   note="'AFP could not independently verify the claim'"),
 E("the army said it had \"repelled a terrorist attack\"", "repelled", "FIGHT", "MLI", None, "MLI"),
 E("air strikes had \"neutralised\" dozens of assailants", "air strikes", "ASSAULT", "MLI", None, "MLI"),
 E("the camp was abandoned overnight", "abandoned", "RETREAT", None, None, None, location="Boni",
   note="agentless passive; residents' account (no code)"),
 E("since expelling French troops in 2022 and the UN peacekeeping mission MINUSMA in 2023", "expelling", "COERCE", "MLI", "FRA", "OUTLET",
   context="historical", date="2022", note="also MINUSMA (2023)"),
 E("have formed the Alliance of Sahel States (AES)", "formed", "AGREE", "MLI", "BFA", "OUTLET", context="historical", note="also NER"),
 E("pledged to create a joint force of 5,000 troops", "pledged", "AGREE", "MLI", "BFA", "OUTLET",
   note="also NER; the pledge itself is certain, the force it promises is not (claim: possible)"),
]
save("035", "2026-08-10", A, P_, C_, E_, note="'were evacuated' (own wounded, by helicopter) and civilians fleeing are not PLOVER acts between actors; 'has relied on' is a state")
