from g import *
A = ["SRB", "XKX", "NATO", "KFOR", "UN", "RUS", "ITA", "HUN", "EU"]
P_ = [P("Belgrade", "SRB", 44.79, 20.45), P("Banjska", "XKX", 42.97, 20.78), P("Zvecan", "XKX", 42.91, 20.84),
      P("North Mitrovica", "XKX", 42.89, 20.86), P("Ibar", "XKX", 42.89, 20.87), P("Pristina", "XKX", 42.66, 21.17),
      P("Jarinje", "XKX", 43.13, 20.55)]
D = "2026-09-15"; MON = "2026-09-14"; THU = "2026-09-10"
C_ = [
 C("moved a total of 1,500 soldiers closer to the administrative line with Kosovo", "1,500", 1500, "soldiers", "SRB", "SRB", "the president",
   date=MON, basis="statement", note="'a total of': a total, not a change; 'said in an address to the nation on Monday'"),
 C("Kosovo police detained four Serbs in the north of the province", "four", 4, "Serbs", "SRB", "SRB", "the president", date=MON,
   basis="statement", note="the detained Kosovo Serbs roll up to SRB by the community's name (debatable)"),
 C("Several thousand Serbs rallied in North Mitrovica on Monday evening", "Several thousand", 1000, "Serbs", "SRB", "OUTLET", None, date=MON,
   basis="stated", bound=">=", approx=True, note="vague number: matched by span; 'a TASS correspondent reported' = the publisher's own voice"),
 C("a court in Pristina released two of the four men", "two", 2, "men", "XKX", None, "local media", date=D, basis="stated",
   note="no owner in the counted phrase: the releasing holder is the subject"),
 C("a further 200 troops from Italy and Hungary were set to arrive in the coming days", "200", 200, "troops", "ITA", "KFOR", "KFOR",
   certainty="possible", date=D, basis="published", change="increase", note="owner outside the phrase: 'troops from Italy and Hungary' (also HUN)"),
]
E_ = [
 E("Aleksandar Vucic has ordered the army to raise its combat readiness", "raise its combat readiness", "MOBILIZE", "SRB", "XKX", "SRB", date=MON),
 E("moved a total of 1,500 soldiers closer to the administrative line with Kosovo", "moved", "MOBILIZE", "SRB", "XKX", "SRB", date=MON),
 E("Kosovo police detained four Serbs in the north of the province", "detained", "COERCE", "XKX", "SRB", "SRB",
   note="'the north of the province' is a direction, not a place"),
 E("special units of the Kosovo police stormed several houses in the village of Banjska and in Zvecan early on Monday", "stormed", "COERCE", "XKX",
   "SRB", "SRB", location="Banjska", date=MON, note="a police raid: COERCE; also Zvecan"),
 E("He called on the NATO-led KFOR mission to \"protect the Serbian people", "called on", "DEMAND", "SRB", "KFOR", "OUTLET"),
 E("suspected of taking part in the 2023 armed attack on Kosovo police near the Banjska monastery", "attack", "FIGHT", None, "XKX", "XKX",
   certainty="probable", context="historical", location="Banjska", date="2023",
   note="'suspected' = probable; the attackers are only 'the four men'"),
 E("had been detained under a court order", "detained", "COERCE", None, "SRB", "XKX", note="agentless passive: source null"),
 E("Several thousand Serbs rallied in North Mitrovica on Monday evening", "rallied", "PROTEST", "SRB", "XKX", "OUTLET",
   location="North Mitrovica", date=MON, note="Kosovo Serbs against the Kosovo authorities"),
 E("demanding the release of the detainees", "demanding", "DEMAND", "SRB", "XKX", "OUTLET", location="North Mitrovica", date=MON),
 E("a court in Pristina released two of the four men", "released", "CONCEDE", "XKX", "SRB", None, location="Pristina", date=D,
   note="'local media reported' (no code)"),
 E("Maria Zakharova condemned the arrests", "condemned", "DISAPPROVE", "RUS", "XKX", "OUTLET"),
 E("said Moscow supports Belgrade's demand", "supports", "SUPPORT", "RUS", "SRB", "RUS", note="verbal support; 'Belgrade's demand' restates Serbia's position (not a new event)"),
 E("it had increased patrols in the north", "increased patrols", "MOBILIZE", "KFOR", None, "KFOR"),
 E("a further 200 troops from Italy and Hungary were set to arrive in the coming days", "arrive", "AID", "ITA", "KFOR", "KFOR", certainty="possible",
   context="future", note="reinforcements for the mission; also HUN"),
 E("the mission was investigating reports that a drone had flown over the Jarinje crossing", "investigating", "INVESTIGATE", "KFOR", None, "KFOR",
   location="Jarinje", note="'It added' carries KFOR's attribution; the drone flight itself is not coded"),
 E("it would gradually lift the measures it imposed on Kosovo in 2023", "lift", "CONCEDE", "EU", "XKX", "EU", certainty="possible",
   context="future", date=THU, note="easing of sanctions = CONCEDE; 'said on Thursday'"),
 E("the measures it imposed on Kosovo in 2023", "imposed", "SANCTION", "EU", "XKX", "EU", context="historical", date="2023"),
]
save("050", D, A, P_, C_, E_, note="TASS is Russia's state agency (RUS speaks through it, but its narration and correspondent are the outlet's voice); Kosovo coded XKX (user-assigned, no ISO code); 'Pristina' and 'Belgrade' as metonyms are actors, 'a court in Pristina' is a place; 'KFOR troops were deployed near the bridge but did not intervene' is presence; 'the West' is no actor; 'Resolution 1244' is a name")
