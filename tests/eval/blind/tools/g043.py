from g import *
A = ["PRK", "KOR", "USA", "JPN", "RUS"]
P_ = [P("Seoul", "KOR", 37.57, 126.98), P("Pyongyang", "PRK", 39.03, 125.75), P("Sinpo", "PRK", 40.03, 128.18)]
D = "2026-12-02"
C_ = [
 C("flew some 1,100 kilometres before falling into waters between the Korean peninsula and Japan", "some 1,100", 1100, "km", "PRK", "KOR",
   "the Joint Chiefs of Staff(JCS)", date="2026-12", basis="statement", bound="~", approx=True,
   note="the launch on Tuesday (2026-12-01), reported the same day; month given so either reading holds"),
 C("the missile reached an altitude of about 100 kilometres", "about 100", 100, "km", "PRK", "JPN", "Japanese Defence Minister Shinjiro Koizumi",
   date="2026-12", basis="statement", bound="~", approx=True),
 C("struck a target 1,500 kilometres away", "1,500", 1500, "km", "PRK", "PRK", "State news agency KCNA", date="2026-12", basis="statement",
   note="KCNA speaks for PRK; '7:10 am' is a time of day, not a claim"),
 C("Seoul believes the North has sent more than 14,000 troops to Russia since 2024", "more than 14,000", 14000, "troops", "PRK", "KOR", "Seoul",
   certainty="probable", date="2024", basis="stated", bound=">"),
 C("imposed sanctions on four North Korean entities and 11 individuals", "four", 4, "entities", "PRK", "OUTLET", None, date=D, basis="published"),
 C("imposed sanctions on four North Korean entities and 11 individuals", "11", 11, "individuals", "PRK", "OUTLET", None, date=D, basis="published",
   note="'linked to the country's weapons programmes'"),
 C("which will involve some 110 aircraft from the two allies", "some 110", 110, "aircraft", None, "OUTLET", None, certainty="possible",
   date="2026-12-07", basis="stated", bound="~", approx=True, note="owner outside the phrase: both USA and KOR, left open"),
 C("will last five days", "five days", 5, "days", None, "OUTLET", None, certainty="possible", date="2026-12-07", basis="stated"),
]
E_ = [
 E("North Korea fired a suspected hypersonic intermediate-range ballistic missile into the sea off its east coast on Tuesday", "fired", "MOBILIZE",
   "PRK", None, "KOR", date="2026-12-01", note="a weapons test is MOBILIZE (002); 'The missile was launched' is the same act"),
 E("leader Kim Jong Un had overseen the test of a \"new-type\" hypersonic missile", "test", "MOBILIZE", "PRK", None, "PRK", date="2026-12-01",
   note="the same launch in KCNA's account"),
 E("Kim called the launch a \"clear warning\" to \"the hostile forces\"", "called", "THREATEN", "PRK", None, "PRK",
   note="'KCNA added' in the same sentence"),
 E("the North had also moved several mobile launchers near the submarine base at Sinpo in recent days", "moved", "MOBILIZE", "PRK", None, "KOR",
   location="Sinpo", note="Yonhap (state agency of KOR) citing a government source"),
 E("a sign it could be preparing to test a submarine-launched missile", "test", "MOBILIZE", "PRK", None, "KOR", certainty="possible",
   context="future"),
 E("Kim hosted Russian Defence Minister Andrei Belousov in Pyongyang", "hosted", "CONSULT", "PRK", "RUS", "OUTLET", location="Pyongyang",
   date="2026-11"),
 E("the two sides pledged to expand military cooperation", "pledged", "AGREE", "PRK", "RUS", "OUTLET", location="Pyongyang", date="2026-11"),
 E("Seoul believes the North has sent more than 14,000 troops to Russia since 2024", "sent", "AID", "PRK", "RUS", "KOR", certainty="probable",
   date="2024"),
 E("The United States, South Korea and Japan condemned the launch in a joint statement", "condemned", "DISAPPROVE", "USA", "PRK", "OUTLET",
   note="also KOR and JPN as sources"),
 E("called on Pyongyang to return to dialogue", "called on", "DEMAND", "USA", "PRK", "OUTLET", note="also KOR and JPN"),
 E("Tokyo later imposed sanctions on four North Korean entities and 11 individuals", "imposed sanctions", "SANCTION", "JPN", "PRK", "OUTLET"),
]
save("043", D, A, P_, C_, E_, note="the allied air drills are not coded as events (as in 002); 'waters between the Korean peninsula and Japan' is no place")
