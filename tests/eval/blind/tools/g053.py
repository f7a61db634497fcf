from g import *
A = ["UN", "UNSMIL", "LBY", "RADAA", "BRIGADE444", "LNA", "JMC"]
P_ = [P("Tripoli", "LBY", 32.89, 13.19), P("Abu Salim", "LBY", 32.85, 13.2), P("Souq al-Juma", "LBY", 32.9, 13.25),
      P("Mitiga International Airport", "LBY", 32.89, 13.28), P("Benghazi", "LBY", 32.12, 20.07), P("Es Sider oil terminal", "LBY", 30.63, 18.35)]
D = "2026-04-28"; SUN = "2026-04-26"; MON = "2026-04-27"; SRSG = "the Special Representative"
C_ = [
 C("at least eight civilians, including two children, were killed and 27 others wounded", "at least eight", 8, "killed", "LBY", "OUTLET", None,
   date=D, basis="published", bound=">=", note="'information gathered by the Mission' = the publisher itself (UNSMIL): outlet's voice, as OCHA in 036"),
 C("at least eight civilians, including two children, were killed and 27 others wounded", "two", 2, "killed", "LBY", "OUTLET", None, date=D,
   basis="published", note="a part of the eight"),
 C("at least eight civilians, including two children, were killed and 27 others wounded", "27", 27, "wounded", "LBY", "OUTLET", None, date=D,
   basis="published"),
 C("Some 1,200 families have been displaced from areas near Mitiga International Airport", "Some 1,200", 1200, "families", "LBY", "OUTLET", None,
   date=D, basis="published", bound="~", approx=True),
 C("reports that the Radaa Deterrence Apparatus detained 14 civilians, including a journalist", "14", 14, "civilians", "RADAA", "OUTLET", None,
   certainty="unknown", date=D, basis="published", note="'notes with concern reports': unconfirmed; no owner in the phrase: the holder is the subject (as 037)"),
 C("the release on Tuesday of 30 detainees held by the Libyan National Army (LNA) in Benghazi", "30", 30, "detainees", "LNA", "OUTLET", None,
   date=D, basis="stated", note="the holder is the subject (as 037's captives)"),
 C("cutting Libya's output by about 300,000 barrels per day", "about 300,000", 300000, "barrels", "LBY", "LBY", "the National Oil Corporation",
   date=D, basis="published", bound="~", approx=True, change="decrease", note="a rate (per day) and a cut, not a total"),
]
E_ = [
 E("the armed clashes that erupted on Sunday night in the Abu Salim and Souq al-Juma districts of Tripoli between the Radaa Deterrence Apparatus and the 444 Combat Brigade",
   "clashes", "FIGHT", "RADAA", "BRIGADE444", "OUTLET", location="Abu Salim", date=SUN, note="'between A and B'; also Souq al-Juma"),
 E("a rocket struck the runway", "struck", "ASSAULT", None, "LBY", "OUTLET", location="Mitiga International Airport", date=MON,
   note="unclaimed: source null"),
 E("Hanna Tetteh, held separate consultations on Monday with the Presidential Council", "consultations", "CONSULT", "UNSMIL", "LBY", "OUTLET",
   date=MON, note="also with both armed groups' commanders (RADAA, BRIGADE444)"),
 E("the truce announced by the Ministry of Defence at 2 am on Tuesday", "truce", "AGREE", "RADAA", "BRIGADE444", "OUTLET", date=D,
   note="the truce is between the two groups, announced by Libya's MoD; '2 am' is a time of day; 'welcomed' is an attitude"),
 E("\"I call on all parties to immediately cease hostilities and return to their positions", "call on", "DEMAND", "UNSMIL", None, "UNSMIL",
   note="speaker: the Special Representative (head of UNSMIL); parties = RADAA and BRIGADE444"),
 E("the Mission was documenting violations with a view to ensuring accountability", "documenting", "INVESTIGATE", "UNSMIL", None, "UNSMIL",
   note="'She added'"),
 E("reports that the Radaa Deterrence Apparatus detained 14 civilians, including a journalist, during the fighting", "detained", "COERCE", "RADAA",
   "LBY", "OUTLET", certainty="unknown"),
 E("urges their immediate release", "urges", "DEMAND", "UNSMIL", "RADAA", "OUTLET"),
 E("the release on Tuesday of 30 detainees held by the Libyan National Army (LNA) in Benghazi", "release", "CONCEDE", "LNA", None, "OUTLET",
   location="Benghazi", date=D, note="release of prisoners = CONCEDE; whose detainees is not said"),
 E("following mediation by the 5+5 Joint Military Commission", "mediation", "CONSULT", "JMC", "LNA", "OUTLET", location="Benghazi",
   note="'5+5' is a name, not a figure"),
 E("members of local tribes have shut down the Es Sider oil terminal since 20 April in protest at the distribution of oil revenues", "shut down",
   "PROTEST", "LBY", "LBY", "OUTLET", location="Es Sider oil terminal", date="2026-04-20", note="a blockade as protest; 'the east of the country' is a direction"),
 E("the Security Council has imposed a travel ban and asset freeze on individuals who threaten Libya's peace and stability", "imposed", "SANCTION",
   "UN", None, "OUTLET", context="historical", note="'who threaten ...' describes the targets (not a THREATEN event)"),
 E("the Panel of Experts established pursuant to resolution 1973 (2011) is investigating violations of the arms embargo", "investigating",
   "INVESTIGATE", "UN", None, "OUTLET", note="'resolution 1973 (2011)' is a name"),
]
save("053", D, A, P_, C_, E_, note="UNSMIL press release: the publisher's narration is the outlet's voice; the Special Representative's quoted words are UNSMIL's; the Government of National Unity, the Presidential Council, the Ministry of Defence and the National Oil Corporation are organs of LBY; 'reaffirms its commitment' is an attitude")
