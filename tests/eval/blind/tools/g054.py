from g import *
A = ["ARM", "AZE", "ICRC", "EU", "EUMA"]
P_ = [P("Margara", "ARM", 40.03, 44.18), P("Baku", "AZE", 40.41, 49.87), P("Nagorno-Karabakh", "AZE", 39.9, 46.7),
      P("Stepanakert", "AZE", 39.82, 46.75), P("Yerevan", "ARM", 40.18, 44.51), P("Washington", "USA", 38.9, -77.04),
      P("Khnatsakh", "ARM", 39.42, 46.47), P("Syunik province", "ARM", 39.3, 46.1)]
D = "2026-12-02"; D1 = "2026-12-01"; IC = "the Investigative Committee"
C_ = [
 C("the release by Azerbaijan of four Armenian citizens", "four", 4, "citizens", "ARM", "OUTLET", None, date=D1, basis="stated",
   note="the ministry publishes its own statement: publisher's voice (OUTLET), unlike 041's reprint by an agency; owner named in the phrase ('Armenian')"),
 C("19 Armenians remain in detention in Baku", "19", 19, "Armenians", "ARM", "OUTLET", None, date=D, basis="published"),
 C("among them eight former leaders of Nagorno-Karabakh", "eight", 8, "leaders", "ARM", "OUTLET", None, date=D, basis="published",
   note="a part of the 19; Karabakh Armenians roll up to ARM (debatable)"),
 C("More than 100 000 Armenians were forcibly displaced from Nagorno-Karabakh", "More than 100 000", 100000, "displaced", "ARM", "OUTLET", None,
   date="2023-09", basis="stated", bound=">", note="space as thousands separator; '19-20 September 2023' dates it"),
 C("has so far provided housing support to 8 500 families", "8 500", 8500, "families", "ARM", "OUTLET", None, date=D, basis="published"),
 C("will issue an additional 2,000 housing certificates in 2027", "2,000", 2000, "certificates", "ARM", "OUTLET", None, certainty="possible",
   date="2027", basis="stated", change="increase"),
]
E_ = [
 E("welcomes the release by Azerbaijan of four Armenian citizens", "release", "CONCEDE", "AZE", "ARM", "OUTLET", location="Margara", date=D1,
   note="release of prisoners = CONCEDE; 'handed over ... with the assistance of the ICRC' is the same act; 'welcomes' is an attitude"),
 E("who were sentenced in July 2025 to long prison terms", "sentenced", "COERCE", None, "ARM", "OUTLET", context="historical", date="2025-07",
   note="agentless passive (Azerbaijani courts implied)"),
 E("Armenia again calls on Azerbaijan to release all of them without preconditions", "calls on", "DEMAND", "ARM", "AZE", "OUTLET"),
 E("The Ministry condemns the demolition of the building of the former National Assembly of Nagorno-Karabakh", "condemns", "DISAPPROVE", "ARM",
   "AZE", "OUTLET"),
 E("which, according to satellite images, was demolished in the last week of November", "demolished", "COERCE", None, "ARM", "OUTLET",
   location="Stepanakert", date="2026-11-23", note="agentless passive; destroying property = COERCE; 'Khankendi' is Baku's name for Stepanakert"),
 E("More than 100 000 Armenians were forcibly displaced from Nagorno-Karabakh", "displaced", "COERCE", None, "ARM", "OUTLET", context="historical",
   location="Nagorno-Karabakh", date="2023-09", note="agentless passive; 'after Azerbaijan's military offensive of 19-20 September 2023' is a background noun phrase (context, no event)"),
 E("Deputy Foreign Minister Vahan Kostanyan held consultations in Yerevan with the European Union Special Representative for the South Caucasus",
   "consultations", "CONSULT", "ARM", "EU", "OUTLET", location="Yerevan", date=D1,
   note="'The sides discussed' is the same meeting; 'South Caucasus' inside a title is no place"),
 E("initialled by the foreign ministers of the two countries in Washington on 8 August 2025", "initialled", "AGREE", "ARM", "AZE", "OUTLET",
   context="historical", location="Washington", date="2025-08-08", note="'reaffirms its readiness to sign' is an attitude"),
 E("calls on Azerbaijan to refrain from rhetoric that undermines the peace agenda", "calls on", "DEMAND", "ARM", "AZE", "OUTLET"),
 E("the Investigative Committee of Armenia has opened a criminal case over the shooting of an Armenian farmer", "opened a criminal case",
   "INVESTIGATE", "ARM", None, "ARM", note="'reported by Armenpress' (state agency, ARM)"),
 E("the shooting of an Armenian farmer near the village of Khnatsakh in Syunik province on 28 November", "shooting", "ASSAULT", None, "ARM", "ARM",
   location="Khnatsakh", date="2026-11-28", note="the noun names no agent"),
 E("the shots were fired from Azerbaijani positions", "fired", "ASSAULT", "AZE", "ARM", "ARM", location="Khnatsakh",
   note="speaker: the Investigative Committee; agent from 'from Azerbaijani positions' (as 041)"),
 E("a claim the Azerbaijani Ministry of Defence rejected as \"disinformation\"", "rejected", "REJECT", "AZE", "ARM", "OUTLET"),
 E("the shots were fired from Azerbaijani positions, a claim the Azerbaijani Ministry of Defence rejected", "fired", "ASSAULT", "AZE", "ARM",
   "AZE", polarity="negative", location="Khnatsakh", note="the denied event"),
]
save("054", D, A, P_, C_, E_, note="ministry's own statement (no dateline, date line '02.12.2026'); Armenpress is Armenia's state agency; 'Washington' is the venue (place), not a metonym here; the EU extending EUMA's mandate in January and 'has provided housing support' to its own citizens are not coded")
