from g import *
A = ["AZE", "ARM", "UN", "USA", "EU"]
P_ = [P("Baku", "AZE", 40.41, 49.87), P("New York", "USA", 40.71, -74.01), P("Syunik province", "ARM", 39.3, 46.1),
      P("Nakhchivan", "AZE", 39.21, 45.41), P("Zar", "AZE", 40.2, 46.25), P("Kalbajar district", "AZE", 40.1, 46.04),
      P("Basarkechar", "ARM", 40.15, 45.73), P("Yerevan", "ARM", 40.18, 44.51), P("Abu Dhabi", "ARE", 24.45, 54.38)]
D = "2026-09-24"; MFA = "the Ministry of Foreign Affairs of the Republic of Azerbaijan"
C_ = [
 C("the delimitation of a further 42 kilometres of the state border", "42 kilometres", 42, "km", None, "AZE", MFA, date=D, basis="statement",
   change="increase", note="'a further': an addition, not a total; the whole reprinted text is the ministry's voice"),
 C("The United States will provide $145 million to support the project", "$145 million", 145000000, "usd", "USA", "AZE", MFA, certainty="possible",
   date=D, basis="statement"),
 C("have killed or wounded 412 Azerbaijani citizens since November 2020", "412", 412, "casualties", "AZE", "AZE", "The Ministry", date="2020-11",
   basis="stated", note="killed or wounded = casualties"),
 C("has cleared some 170 000 hectares to date", "some 170 000", 170000, "hectares", "AZE", "AZE", "The Ministry", date=D, basis="statement",
   bound="~", approx=True),
 C("which numbers some 200 monitors", "some 200", 200, "monitors", "EU", "AZE", "The Republic of Azerbaijan", date=D, basis="statement",
   bound="~", approx=True),
]
E_ = [
 E("the meeting between President Ilham Aliyev and Prime Minister of Armenia Nikol Pashinyan held on 22 September at UN headquarters in New York",
   "meeting", "CONSULT", "AZE", "ARM", "AZE", location="New York", date="2026-09-22"),
 E("the sides agreed to set up a joint working group on the delimitation", "agreed", "AGREE", "AZE", "ARM", "AZE", date="2026-09-22"),
 E("discussed cooperation on a transit route through Armenia's Syunik province", "discussed", "CONSULT", "AZE", "ARM", "AZE", date="2026-09-22"),
 E("The United States will provide $145 million to support the project", "provide", "AID", "USA", None, "AZE", certainty="possible", context="future"),
 E("the understandings reached at the White House in August", "reached", "AGREE", None, None, "AZE", context="historical", date="2026-08",
   note="parties not named in the phrase"),
 E("the Ministry condemns the provocation committed by units of the Armenian armed forces on 21 September", "condemns", "DISAPPROVE", "AZE", "ARM",
   "AZE", note="reprinted statement: the ministry's own words"),
 E("positions of the Azerbaijani Army near the village of Zar in Kalbajar district came under small-arms fire from the direction of Basarkechar",
   "came under small-arms fire", "ASSAULT", "ARM", "AZE", "AZE", location="Zar", date="2026-09-21",
   note="agent from the same sentence: 'the provocation committed by units of the Armenian armed forces'"),
 E("calls on the European Union to end the activities of its civilian mission", "calls on", "DEMAND", "AZE", "EU", "AZE"),
 E("Ani Badalyan rejected the accusation of a border shooting as \"groundless\"", "rejected", "REJECT", "ARM", "AZE", "OUTLET"),
 E("no shots had been fired from Armenian positions", "fired", "ASSAULT", "ARM", "AZE", "ARM", polarity="negative", note="the denied event"),
 E("Pashinyan and Aliyev were set to meet again in Abu Dhabi in November", "meet", "CONSULT", "ARM", "AZE", "ARM", certainty="possible",
   context="future", location="Abu Dhabi", date="2026-11"),
]
save("041", "2026-09-24", A, P_, C_, E_, note="AZERTAC is a state agency (AZE); the White House stands for the US government (not a place); 'welcomes' is an attitude; 'landmines planted during the occupation' is background")
