from g import *
A = ["CHN", "PHL", "USA", "JPN"]
P_ = [P("Beijing", "CHN", 39.9, 116.4), P("Huangyan Dao", None, 15.15, 117.76), P("Zambales", "PHL", 15.5, 120.0),
      P("South China Sea", None, 12.0, 114.0), P("Ren'ai Jiao", None, 9.73, 115.87), P("Manila", "PHL", 14.6, 120.98)]
D = "2026-08-11"; MON = "2026-08-10"; SAT = "2026-08-08"
C_ = [
 C("expelled two Philippine government vessels", "two", 2, "vessels", "PHL", "CHN", "a CCG spokesperson", date=MON, basis="stated",
   note="CCG is an organ of CHN"),
 C("the Philippine side had also dispatched 11 fishing boats to the area", "11", 11, "boats", "PHL", "CHN", "Liu", date=D, basis="published"),
 C("involving some 1,200 troops from the two countries", "some 1,200", 1200, "troops", "PHL", "OUTLET", None, date=D, basis="published",
   bound="~", approx=True, note="owner outside the phrase ('from the two countries'): PHL and USA"),
 C("Manila has filed more than 200 diplomatic protests against Beijing since 2022", "more than 200", 200, "protests", "PHL", "PHL",
   "Philippine officials", date="2022", basis="stated", bound=">"),
]
E_ = [
 E("The China Coast Guard (CCG) on Monday expelled two Philippine government vessels", "expelled", "COERCE", "CHN", "PHL", "CHN", date=MON,
   location="Huangyan Dao", note="'a CCG spokesperson said'"),
 E("two Philippine government vessels that illegally intruded into the waters adjacent to China's Huangyan Dao", "intruded", "MOBILIZE", "PHL",
   "CHN", "CHN", location="Huangyan Dao", date=MON, note="entering disputed waters as in 038 (MOBILIZE); 'illegally' is China's framing"),
 E("the CCG took necessary control measures in accordance with the law, including shadowing and blocking", "blocking", "COERCE", "CHN", "PHL",
   "CHN", location="Huangyan Dao", date=MON),
 E("the Philippine side had also dispatched 11 fishing boats to the area", "dispatched", "MOBILIZE", "PHL", "CHN", "CHN",
   location="Huangyan Dao"),
 E("called on the Philippines to immediately stop its infringement and provocations", "called on", "DEMAND", "CHN", "PHL", "OUTLET"),
 E("He rejected as \"groundless\" a Philippine claim that a CCG ship had rammed the BRP Cabra", "rejected", "REJECT", "CHN", "PHL", "OUTLET"),
 E("a Philippine claim that a CCG ship had rammed the BRP Cabra", "rammed", "ASSAULT", "CHN", "PHL", "PHL", location="Huangyan Dao",
   note="Manila's claim; 'Bajo de Masinloc' is Manila's name for Huangyan Dao (Scarborough Shoal)"),
 E("He rejected as \"groundless\" a Philippine claim that a CCG ship had rammed the BRP Cabra", "rammed", "ASSAULT", "CHN", "PHL", "CHN",
   polarity="negative", location="Huangyan Dao", note="the denied event"),
 E("organized a combat readiness patrol in the sea and air space around Huangyan Dao", "patrol", "MOBILIZE", "CHN", "PHL", "CHN",
   location="Huangyan Dao", date=MON),
 E("the Philippines and the United States held a joint naval exercise in waters off the Philippine province of Zambales", "exercise", "COOPERATE",
   "PHL", "USA", "OUTLET", location="Zambales", note="a joint exercise between allies is military cooperation"),
 E("Japan took part in the drills for the first time", "took part", "COOPERATE", "JPN", "PHL", None, location="Zambales",
   note="'according to Philippine media' (no code); also with USA"),
 E("countries from outside the region should stop \"flexing their muscles\" in the South China Sea", "stop", "DEMAND", "CHN", None, "OUTLET",
   location="South China Sea", note="target unnamed (USA and JPN by implication)"),
 E("warned that China would take all necessary measures to safeguard its sovereignty if the provocations continued", "warned", "THREATEN", "CHN",
   "PHL", "OUTLET"),
 E("China had allowed a Philippine civilian ship to deliver food and water to personnel aboard the warship illegally grounded at Ren'ai Jiao",
   "allowed", "CONCEDE", "CHN", "PHL", "CHN", location="Ren'ai Jiao", date=SAT, note="Guo noted: a concession by permission"),
 E("under a provisional arrangement the two sides reached in July 2024", "reached", "AGREE", "CHN", "PHL", "CHN", context="historical",
   date="2024-07"),
 E("it had summoned a Chinese embassy official in Manila to protest Monday's incident", "summoned", "DISAPPROVE", "PHL", "CHN", "PHL",
   location="Manila", note="a diplomatic protest is DISAPPROVE, not street PROTEST"),
 E("Manila has filed more than 200 diplomatic protests against Beijing since 2022", "protests", "DISAPPROVE", "PHL", "CHN", "PHL",
   context="historical", date="2022"),
]
save("048", D, A, P_, C_, E_, note="Xinhua is China's state agency: CHN is an actor, its narration is the outlet's voice; ship names (BRP Teresa Magbanua, BRP Cabra) are neither places nor actors; Huangyan Dao / Bajo de Masinloc / Ren'ai Jiao are disputed features (country left open); 'ignored repeated warnings' not coded")
