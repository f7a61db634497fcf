from g import *
A = ["M23", "BDI", "RWA", "COD", "QAT", "UN", "FDLR"]
P_ = [P("Goma", "COD", -1.68, 29.23), P("Uvira", "COD", -3.4, 29.14), P("Kamanyola", "COD", -2.76, 29.0), P("Ruzizi plain", "COD", -2.9, 29.1),
      P("Rubaya", "COD", -1.56, 28.88), P("Bukavu", "COD", -2.5, 28.86), P("Kavumu airport", "COD", -2.31, 28.81),
      P("North Kivu", "COD", -0.8, 29.0), P("South Kivu", "COD", -3.0, 28.3), P("Doha", "QAT", 25.29, 51.53), P("Kigali", "RWA", -1.95, 30.06)]
D = "2026-02-17"
C_ = [
 C("at least 17 civilians were killed in the fighting", "at least 17", 17, "killed", "COD", None, "He", certainty="unknown", date=D,
   basis="published", bound=">=", note="speaker Jean-Paul Mugisho, a civil society leader (no code); 'could not independently verify the toll'"),
 C("dozens of homes were burned", "dozens", 24, "homes", "COD", None, "He", date=D, basis="published", bound=">=", approx=True),
 C("retaken two villages in the Ruzizi plain", "two", 2, "villages", "COD", "COD", "Congolese army spokesman Gen. Sylvain Ekenge", date=D,
   basis="published"),
 C("Burundi has an estimated 10,000 troops in eastern Congo", "an estimated 10,000", 10000, "troops", "BDI", "UN", "U.N. experts",
   certainty="probable", date=D, basis="published", bound="~", approx=True),
 C("Rwanda had between 6,000 and 7,000 soldiers in Congo backing M23", "between 6,000 and 7,000", None, "soldiers", "RWA", "UN",
   "A report by the U.N. group of experts", date="2025-07", basis="statement", low=6000, high=7000),
 C("the rebels earned about $800,000 a month by taxing coltan from the Rubaya mines", "about $800,000", 800000, "usd", "M23", "UN",
   "A report by the U.N. group of experts", date="2025-07", basis="statement", bound="~", approx=True, note="a rate: per month"),
 C("more than 7 million people are displaced in Congo", "more than 7 million", 7000000, "displaced", "COD", None, "Aid groups", date=D,
   basis="published", bound=">"),
 C("up from 6.9 million a year ago", "6.9 million", 6900000, "displaced", "COD", None, "Aid groups", date="2025-02", basis="stated"),
]
E_ = [
 E("M23 rebels pushed south toward the city of Uvira on Tuesday", "pushed", "FIGHT", "M23", "COD", None, location="Uvira", date=D,
   note="'residents and a local official' (no code)"),
 E("after seizing the town of Kamanyola", "seizing", "FIGHT", "M23", "COD", None, location="Kamanyola", note="taking ground"),
 E("dozens of homes were burned", "burned", "ASSAULT", None, None, None, location="Kamanyola", note="agentless passive"),
 E("government troops had \"inflicted heavy losses\" on the rebels", "inflicted heavy losses", "FIGHT", "COD", "M23", "COD"),
 E("retaken two villages in the Ruzizi plain", "retaken", "FIGHT", "COD", "M23", "COD", location="Ruzizi plain"),
 E("with the help of soldiers from Burundi", "help", "AID", "BDI", "COD", "COD", location="Ruzizi plain", note="owner outside the phrase"),
 E("Rwanda had between 6,000 and 7,000 soldiers in Congo backing M23", "backing", "AID", "RWA", "M23", "UN", date="2025-07"),
 E("Rwanda denies arming the rebels", "denies", "REJECT", "RWA", None, "OUTLET"),
 E("Rwanda denies arming the rebels", "arming", "AID", "RWA", "M23", "RWA", polarity="negative", note="the denied event"),
 E("its forces are defending its border against the FDLR", "defending", "FIGHT", "RWA", "FDLR", "RWA"),
 E("M23 captured Goma, the largest city in eastern Congo, in January 2025 and Bukavu weeks later", "captured", "FIGHT", "M23", "COD", "OUTLET",
   context="historical", location="Goma", date="2025-01", note="also Bukavu (2025-02)"),
 E("Congolese President Felix Tshisekedi flew to Doha on Monday to meet Qatar's emir", "flew", "CONSULT", "COD", "QAT", "OUTLET", location="Doha",
   date="2026-02-16"),
 E("who has mediated between the two governments since last year", "mediated", "CONSULT", "QAT", "COD", "OUTLET", date="2025",
   note="also RWA; mediation = CONSULT (CAMEO 045)"),
 E("a new round of talks was set to open next week", "talks", "CONSULT", "COD", "RWA", "QAT", certainty="possible", context="future",
   date="2026-02", note="speaker: a Qatari official"),
 E("Kigali would not attend", "attend", "REJECT", "RWA", "COD", "RWA", note="refusal to attend talks"),
 E("while Kinshasa keeps bombing civilians", "bombing", "ASSAULT", "COD", None, "RWA"),
 E("The U.N. Security Council on Friday called on M23 to withdraw from all areas it occupies", "called on", "DEMAND", "UN", "M23", "OUTLET",
   date="2026-02-13"),
]
save("039", "2026-02-17", A, P_, C_, E_, note="'talks between Kinshasa and Kigali' = governments (README: a capital standing for its government is not a place); Kigali is a place from the byline; 'troops in eastern Congo in support of' is presence, not an event; 'stalled' talks are a state")
