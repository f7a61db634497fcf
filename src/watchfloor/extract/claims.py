"""Claims: every figure in a document with what it counts, whose it is, who states it, how sure, and when."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from watchfloor import gazetteer
from watchfloor.extract.attribution import Attributor
from watchfloor.extract.factuality import find_factuality, hedged_by_next
from watchfloor.extract.quantities import Quantity, find_quantities, unit_after, unit_named, written_unit
from watchfloor.model import Actor, Place, TimeExpression
from watchfloor.nlp.sentences import doc_text, same_paragraph, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# Verbs whose subject perceives or reports the counted things rather than owning them ("Taiwan detected 45
# Chinese aircraft", "the air force counted 8,000 drones"): their subject is never the figure's subject.
PERCEPTION_VERBS = {
    "detect",
    "track",
    "count",
    "record",
    "spot",
    "observe",
    "monitor",
    "see",
    "report",
    "say",
    "estimate",
    "tell",
    "confirm",
    "claim",
    "put",
    "tally",
    "register",
    "identify",
    "note",
}
# "per soldier per month", "a day", "per square foot", "barrel-a-day"; not "a year ago"
RATE_UNIT = r"(?:per|a|an|each)[\s-]((?:sq\.?|square|cubic)\s[a-z]+|[a-z]+)\b(?!\s(?:ago|earlier|later|before|after)\b)"
RATE = re.compile(rf"^(?:[\s-](?:of\s[a-z]+\s)?{RATE_UNIT})+", re.IGNORECASE)
ASIDE = re.compile(r"^\s\([^()]{1,40}\)")  # "9 billion shekels ($2.4 billion) a year"
CUMULATIVE = re.compile(
    r"\bsince (?:the (?:start|beginning|outbreak) of the (?:war|conflict|invasion|fighting)"
    r"|the (?:war|conflict|invasion|fighting|operation|offensive) (?:began|started|erupted))",
    re.IGNORECASE,
)
FUTURE_CUES = {"will", "shall", "plans", "plan", "planned", "goal", "aim", "aims", "target", "expected", "set"}
HYPOTHETICAL_CUES = {"if", "unless", "would", "could", "potentially"}
HISTORICAL_DAYS = 365


@lru_cache(maxsize=1)
def _casualty_verbs() -> dict[str, str]:
    return {lemma: unit for lemma, unit in gazetteer.read_rows("casualty_verbs.tsv")}


def find_claims(
    doc: Doc,
    actors: list[Actor],
    places: list[Place],
    times: list[TimeExpression],
    published: str | None,
    attributor: Attributor | None = None,
) -> list[dict[str, Any]]:
    """One claim record (the output contract's shape) per figure in the document; pass the document's
    `attributor` (see `make_attributor`) to share it with events."""
    mentions = sorted(((s, e, a) for a in actors for s, e in a.mentions), key=lambda m: m[0])
    attributor = attributor or make_attributor(doc, actors, places)
    # calendar expressions are not figures; durations inside time expressions ("the past two years") are
    excluded = [t.span for t in times if not DURATION_IN_TIME.search(t.text)]
    headline = headline_span(doc_text(doc))
    if headline:
        excluded.append(headline)
    claims: list[dict[str, Any]] = []
    for quantity in find_quantities(doc_text(doc), excluded):
        token = _number_token(doc, quantity)
        if token is None or _is_attribution_count(token) or _is_pronoun_one(token, quantity):
            continue
        claims.append(_claim(len(claims) + 1, doc, token, quantity, attributor, mentions, places, times, published))
    return claims


# A first line this short, without closing punctuation and followed by a blank line, is a headline: it restates
# the story's figures without their sources, so its numbers are not claims of their own.
HEADLINE_MAX_WORDS = 20
DATELINE_END = re.compile(r"^[A-Z][A-Z'’. /-]+(?:,[^-–—\n]{0,20})?(?:\s*\([^)]{1,40}\))?\s*[-–—](?:\s|$)")


def headline_span(text: str) -> tuple[int, int] | None:
    """The span of a short unpunctuated first line set off by a blank line (a headline), if any."""
    first, _sep, rest = text.partition("\n")
    if (
        rest
        and rest.startswith("\n")
        and len(first.split()) <= HEADLINE_MAX_WORDS
        and not first.rstrip().endswith((".", "!", "?", '"'))
    ):
        return 0, len(first)
    return None


def _dateline_end(sentence: SpacySpan) -> int:
    """Character offset where a sentence's dateline ends (its start when there is none)."""
    match = DATELINE_END.match(sentence.text)
    return int(sentence.start_char) + (match.end() if match else 0)


# A time expression that counts a duration ("the past two years", "three days ago") holds a figure too.
DURATION_IN_TIME = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s(?:hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


def make_attributor(doc: Doc, actors: list[Actor], places: list[Place]) -> Attributor:
    """Who says what in the document, knowing the country where its story happens."""
    return Attributor(doc, actors, _theatre(doc, places, actors))


def _theatre(doc: Doc, places: list[Place], actors: list[Actor]) -> str | None:
    """The actor of the country where the story happens: the one most of its places lie in (datelines aside)."""
    counts: dict[str, int] = {}
    for place in places:
        for start, _end in place.mentions:
            sentence = doc.char_span(start, _end, alignment_mode="expand")
            if place.country and sentence is not None and start >= _dateline_end(sentence_of(sentence[0])):
                counts[place.country] = counts.get(place.country, 0) + 1
    if not counts:  # no place below country level: the state the story names most, if one stands out
        states = sorted((a for a in actors if a.kind == "state"), key=lambda a: -len(a.mentions))
        if states and (len(states) == 1 or len(states[0].mentions) > len(states[1].mentions)):
            return states[0].id
        return None
    country = max(counts, key=lambda c: counts[c])
    ids = {a.id for a in actors}
    if country in ids:
        return country
    return next((a.id for a in actors if a.country == country), None)


def _number_token(doc: Doc, quantity: Quantity) -> Token | None:
    span = doc.char_span(*quantity.number_span, alignment_mode="expand")
    if span is None or not len(span):
        return None
    numbers = [t for t in span if t.like_num or t.pos_ == "NUM" or t.lower_ in ("dozens", "hundreds", "thousands")]
    return numbers[-1] if numbers else span[-1]


SPEAKER_NOUNS = {
    "source",
    "official",
    "witness",
    "diplomat",
    "resident",
    "officer",
    "analyst",
    "spokesman",
    "spokesperson",
    "lawmaker",
    "doctor",
    "medic",
    "activist",
    "journalist",
    "report",
    "agency",
    "broker",
    "trader",
    "expert",
    "economist",
    "observer",
    "envoy",
}


def _is_pronoun_one(token: Token, quantity: Quantity) -> bool:
    """ "each one they lose", "the same one": "one" standing for a noun is not a figure."""
    if token.lower_ != "one" or quantity.bound != "=" or quantity.unit:
        return False
    return token.dep_ != "nummod" and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "NOUN")


def _is_attribution_count(token: Token) -> bool:
    """ "two security sources told the agency", "according to two London brokers": a count of speakers is not
    a figure."""
    noun = token.head if token.dep_ == "nummod" else None
    if noun is None or noun.lemma_.lower() not in SPEAKER_NOUNS:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according":
        return True
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in gazetteer.word_list("reporting_verbs.txt")


def _claim(
    number: int,
    doc: Doc,
    token: Token,
    quantity: Quantity,
    attributor: Attributor,
    mentions: list[tuple[int, int, Actor]],
    places: list[Place],
    times: list[TimeExpression],
    published: str | None,
) -> dict[str, Any]:
    unit, span_end = _measure_unit(doc, quantity)
    noun = _counted_noun(token)
    rate = _rate_match(doc_text(doc), _rate_position(doc, token, quantity, noun, span_end))
    written = _written_unit(doc, token, quantity, noun, span_end, rate)
    unit = unit or quantity.unit or _noun_unit(noun, token)
    per = "/".join(re.findall(RATE_UNIT, rate.group(0), re.IGNORECASE)).lower() if rate else None
    sentence = sentence_of(token)
    factuality = find_factuality(token, hedged_by_next(sentence))
    attribution = attributor.attribution_for(token)
    time = clause_time(doc, token, times)
    actors_by_id = {a.id: a for _s, _e, a in mentions}
    return {
        "id": f"c{number}",
        "span": [quantity.span[0], span_end],
        "sentence": [sentence.start_char, sentence.end_char],
        "quantity": {
            "value": quantity.value,
            "low": quantity.low,
            "high": quantity.high,
            "bound": quantity.bound,
            "approximate": quantity.approximate,
            "unit": unit,
            "per": per,
            "unit_text": written,
        },
        "measure": _measure(noun, token),
        "target": _destination(noun or token, attributor),
        "relation": relation(noun or token),
        "subject": _subject(
            token, noun, unit, mentions, places, attribution.actor if attribution else None, actors_by_id, attributor
        ),
        "place": _place(sentence, places),
        "time": time,
        "attribution": attribution.as_dict() if attribution else None,
        "factuality": factuality.as_dict(),
        "context": _context(token, time, published),
    }


def _measure_unit(doc: Doc, quantity: Quantity) -> tuple[str | None, int]:
    """A currency or unit of measure written with the number, and where the figure's span ends."""
    unit, end = unit_after(doc_text(doc), quantity.span[1])
    if quantity.currency:
        return quantity.currency, quantity.span[1]
    return unit, end


def _rate_position(doc: Doc, token: Token, quantity: Quantity, noun: Token | None, span_end: int) -> int:
    """Where a rate would start: after the figure ("$2,000 per soldier") or after the noun it counts right
    after it ("3,000 tests per day", "640,000 barrels of oil a day")."""
    if span_end == quantity.span[1] and not quantity.currency and noun is not None and 0 < noun.i - token.i <= 4:
        return noun.idx + len(noun)
    return span_end


def _written_unit(
    doc: Doc, token: Token, quantity: Quantity, noun: Token | None, span_end: int, rate: re.Match[str] | None
) -> str | None:
    """The unit as the text writes it, with its rate: the sign or unit of measure ("US$ per barrel", "km/hr",
    "HK$", "square miles"), else the counted noun with the words that classify it ("heart transplants",
    "Kia and Hyundai vehicles", "barrels of oil", "tests per day"). NewsQuant annotates units this way;
    `unit` is the normalized form an analyst groups and compares by (usd, killed, troops)."""
    text = doc_text(doc)
    per = ("" if rate.group(0).startswith("-") else " ") + " ".join(rate.group(0).split()) if rate else ""
    written = written_unit(text, quantity)
    if written is None and span_end > quantity.span[1]:
        written = text[quantity.span[1] : span_end].strip(" -")
        measured = doc.char_span(span_end - 1, span_end, alignment_mode="expand")
        if measured is not None and not rate and _units_of_matter(measured[-1]):
            written += _kind_of(measured[-1])  # "barrels of oil", "tonnes of grain"
    if written is not None:
        return written + per
    if noun is None:
        return None
    if noun.dep_ == "amod" and noun.head.i > noun.i and noun.head.pos_ == "NOUN":  # "40 wounded soldiers"
        noun = noun.head
    start = noun.i
    if noun != _attributive_noun(token):
        inside = {t.i for t in noun.subtree}
        while (
            start - 1 > token.i
            and start - 1 in inside
            and doc[start - 1].dep_ not in ("det", "quantmod", "poss", "prep", "advmod", "case")
            # a number inside a name stays ("two new 737 Max jets"); "280 of the 300 drones" counts drones
            and (doc[start - 1].dep_ != "nummod" or (doc[start - 1].is_digit and doc[token.i + 1].lower_ != "of"))
            and doc[start - 1].tag_ not in ("VBN", "VBG")  # "recorded songs", "wounded soldiers": a state
            and doc[start - 1].tag_ not in ("JJR", "RBR")  # "two more drones": how many, not what kind
            and doc[start - 1].lower_ not in ("other", "additional", "further", "extra")
            and (doc[start - 1].tag_ == "HYPH" or not doc[start - 1].is_punct)
        ):
            start -= 1
    phrase = doc[start : noun.i + 1].text.strip("-=")  # "four-, five- and six-cylinder", "JPY="
    return phrase + (per if rate else _kind_of(noun))


MATTER_UNITS = {"barrels", "tonnes", "litres", "kg", "cubic feet", "cubic metres", "gallons"}


def _units_of_matter(word: Token) -> bool:
    """Units that measure a substance, which an "of" phrase names ("barrels of oil")."""
    return unit_named(word.text) in MATTER_UNITS


def _kind_of(noun: Token) -> str:
    """ "barrels of oil", "pound-feet of torque": an "of" phrase without a determiner says what the noun
    measures; "members of the militia" (with one) says whose they are and stays out."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == noun.i + 1), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.pos_ != "NOUN" or any(c.dep_ in ("det", "poss") for c in obj.children):
        return ""
    return " of " + noun.doc[noun.i + 2 : obj.i + 1].text


CASUALTY_WORDS = {
    "dead": "killed",
    "killed": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "displaced": "displaced",
    "missing": "missing",
}


def _counted_noun(token: Token) -> Token | None:
    """The noun a number counts: "81 of the drones", its head ("94 drones"), a casualty word ("2,700
    wounded"), or, for a bare number, the nearest plural noun before it in the sentence ("of the aircraft, 34")."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.lower_ == "of":
        objects = [c for c in following.children if c.dep_ == "pobj" and c.pos_ != "PRON"]
        if objects:
            return objects[0]
    if following is not None and following.lower_ in CASUALTY_WORDS:
        return following
    attributive = _attributive_noun(token)
    if attributive is not None:
        return attributive
    if token.dep_ == "nummod" and token.head.i < token.i and doc[token.i - 1].lower_ == "or":
        return token.head if token.head.pos_ == "NOUN" else None  # "a day or two", "another pick or two"
    head = token
    while head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.head.i > head.i:
        head = head.head
    if head is not token and head.pos_ in ("NOUN", "PROPN"):
        return head
    for candidate in doc[token.i + 1 : min(len(doc), token.i + 5)]:
        if candidate.pos_ == "NOUN":
            return candidate
        if candidate.pos_ not in ("ADJ", "PROPN", "NUM", "PUNCT") and candidate.lower_ != "-":
            break
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = token.head
    if verb.dep_ == "conj":  # "Most of the rockets fell ..., and about 10 were intercepted"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            of = next((c for c in subject.children if c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            return pobj or subject
    earlier = [t for t in doc[max(sentence_of(token).start, token.i - 12) : token.i] if t.pos_ == "NOUN"]
    if earlier and earlier[-1].i > 0 and doc[earlier[-1].i - 1].lower_ in ("the", "these"):
        return earlier[-1]
    return _counted_before(token) if verb.lemma_.lower() not in _casualty_verbs() else None


def _counted_before(token: Token) -> Token | None:
    """ "Hezbollah fired 60 rockets. Israel said 10 were intercepted": a bare number as the subject counts what
    the last figure of the previous sentence, in the same paragraph, counted."""
    sentence = sentence_of(token)
    if sentence.start == 0:
        return None
    previous = sentence_of(token.doc[sentence.start - 1])
    if not same_paragraph(previous, sentence):
        return None
    counted = [t.head for t in previous if t.dep_ == "nummod" and t.head.tag_ == "NNS" and t.head.i > t.i]
    return counted[-1] if counted else None


def _attributive_noun(token: Token) -> Token | None:
    """ "a 10-day ceasefire", "a three-point range", "an 84 yard return": a number with a singular noun that
    modifies another noun measures in that noun (days, points, yards), not in the noun modified."""
    doc = token.doc
    after = token.i + 2 if token.i + 2 < len(doc) and doc[token.i + 1].tag_ == "HYPH" else token.i + 1
    if after >= len(doc) or token.head.i != after:
        return None
    noun = doc[after]
    if noun.tag_ != "NN" or noun.dep_ not in ("compound", "nmod", "amod") or noun.head.i <= noun.i:
        return None
    return noun if noun.head.pos_ == "NOUN" else None


def _plural(word: str) -> str:
    """The plural of a regular English noun ("day" -> "days", "battery" -> "batteries")."""
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _noun_unit(noun: Token | None, token: Token) -> str | None:
    """The unit of a count: killed/wounded/displaced for people counted by such a verb, else the noun."""
    if noun is not None and noun.lower_ in CASUALTY_WORDS:
        return CASUALTY_WORDS[noun.lower_]
    unit = _casualty_of(noun or token)
    # killing and wounding befall people whatever the noun ("two dockworkers were killed"); fleeing and being
    # forced out are said of units and ships too, so those need a noun that counts people
    if unit and (unit in ("killed", "wounded") or noun is None or _is_people(noun)):
        return unit
    if noun is not None and noun.lower_ in ("dead", "deaths", "fatalities"):
        return "killed"
    if noun is not None and noun.lower_ in ("injured", "injuries", "wounded"):
        return "wounded"
    if noun is not None and noun.lemma_.lower() == "toll":
        return "killed"
    if noun is not None and noun.lower_ == "displaced":
        return "displaced"
    if noun is None:
        return _toll_unit(token)
    if noun == _attributive_noun(token):
        return _plural(noun.lower_)
    return noun.lower_


def _is_people(noun: Token) -> bool:
    """A noun counting people: "civilians", "members", or a demonym ("ethnic Armenians")."""
    lemma = noun.lemma_.lower()
    return (
        lemma in gazetteer.word_list("person_nouns.txt")
        or lemma.rstrip("s") in gazetteer.word_list("person_nouns.txt")
        or noun.text in _demonyms()
    )


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(
        a for e in gazetteer.states().values() for a in e.aliases if a.endswith(("ans", "ians", "is", "ese"))
    )


def _casualty_of(node: Token) -> str | None:
    """killed/wounded/displaced from the verb or complement that says what befell the people counted."""
    for child in node.children:  # "two men lightly wounded", "people killed in the strike"
        if child.dep_ in ("amod", "acl", "oprd", "xcomp") and child.lemma_.lower() in _casualty_verbs():
            return _casualty_verbs()[child.lemma_.lower()]
        if child.dep_ in ("amod", "acl", "oprd", "xcomp") and child.lower_ in CASUALTY_WORDS:
            return CASUALTY_WORDS[child.lower_]
    verb = _governing_verb(node)
    if verb is None:
        return None
    for word in [verb, *[c for c in verb.children if c.dep_ in ("xcomp", "acomp", "oprd", "ccomp")]]:
        unit = _casualty_verbs().get(word.lemma_.lower()) or CASUALTY_WORDS.get(word.lower_)
        if unit and (word is verb or word.i > node.i):
            return unit
    return None


def _toll_unit(token: Token) -> str | None:
    """ "the death toll had risen to 43,972": the unit comes from the subject of the verb; "the number of
    people displaced has risen to 11.5 million (up from 10.7 million)": from what the number counts."""
    verb = _governing_verb(token)
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() == "toll":
            return "killed"
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in ("number", "total", "count", "tally"):
            of = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if counted is not None:
                return _noun_unit(counted, counted)
    return None


def _governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(6):
        if node.head is node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() not in ("include", "including"):
            return node
        if node.pos_ == "ADJ" and node.lower_ == "displaced":
            return node
    return None


def _agent(verb: Token) -> Token | None:
    """The subject of a verb, or of the clause a subjectless participle or infinitive hangs from
    ("exercises involving 5,600 troops" -> who began the exercises); never across a reported clause."""
    node = verb
    for _ in range(4):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if node is not verb and verb.dep_ == "xcomp":  # "Hezbollah was believed to have 150,000 rockets"
            raised = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
            if raised is not None:
                return raised
        if node.dep_ in ("ccomp", "relcl", "ROOT") or node.head is node:
            return None
        node = node.head
    return None


def _rate_match(text: str, end: int) -> re.Match[str] | None:
    """The rate written at `end`: "$2,000 per soldier per month" -> "soldier/month" in `per`; "640,000 barrels
    of oil a day" -> "day"."""
    aside = ASIDE.match(text[end : end + 45])
    return RATE.match(text[end + (aside.end() if aside else 0) : end + 100])


DEPLOY_VERBS = {
    "send",
    "deploy",
    "station",
    "position",
    "move",
    "dispatch",
    "transfer",
    "fly",
    "ship",
    "base",
    "train",
    "arrive",
    "be",
}


def _destination(phrase: Token, attributor: Attributor) -> str | None:
    """The actor a counted thing is sent to or is in ("troops deployed to Russia" -> RUS): a "to/into/in"
    phrase anywhere in the governing verb's clause."""
    verb = _governing_verb(phrase)
    if verb is None:
        return None
    own = {t.i for t in phrase.subtree}
    for prep in verb.subtree:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "into", "in", "inside") and prep.i not in own:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    found = attributor.resolve(obj)
                    if found:
                        return found
    return None


def relation(phrase: Token) -> str | None:
    """What the figure says happened to the counted things, as a verb lemma ("deploy" for sent, stationed,
    moved ...): part of a claim track's key."""
    verb = _governing_verb(phrase)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if xcomp is not None and lemma in gazetteer.word_list("reporting_verbs.txt"):
        lemma = xcomp.lemma_.lower()
    return "deploy" if lemma in DEPLOY_VERBS else lemma


def _measure(noun: Token | None, token: Token) -> str | None:
    """The counted thing as a phrase: "North Korean troops deployed to Russia"."""
    if noun is None:
        return None
    words = [t for t in noun.subtree if t.i <= noun.i and t.i > token.i and not t.is_punct]
    phrase = " ".join(t.text for t in words) or noun.text
    verb = _governing_verb(noun)
    if verb is not None:
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        verb = next((c for c in xcomp.subtree if c.pos_ == "VERB" and c.tag_ == "VBN"), xcomp) if xcomp else verb
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i), None)
        target = " ".join(t.text for t in prep.subtree)[:40] if prep is not None else ""
        phrase = f"{phrase} {verb.text} {target}".strip()
    return phrase.replace(" ’s", "’s").replace(" 's", "'s")


def _subject(
    token: Token,
    noun: Token | None,
    unit: str | None,
    mentions: list[tuple[int, int, Actor]],
    places: list[Place],
    speaker: str | None,
    actors_by_id: dict[str, Actor],
    attributor: Attributor,
) -> str | None:
    """Whose figure it is: an actor named in the counted phrase ("North Korean troops", "members of the Fano
    militia"); the owner of losses; the agent of the clause ("Russia launched 94 drones", a pronoun or a
    description resolved); for casualties and displaced people, the side they belong to: the country where
    they fell, else the state whose organ reports them."""
    phrase = noun or token
    owner = _actor_in_phrase(phrase, mentions) or _experiencer(phrase, mentions)
    if owner is not None:
        return owner
    people = unit in PEOPLE_UNITS or (
        noun is not None and noun.lemma_.lower() in gazetteer.word_list("person_nouns.txt")
    )
    casualty = unit in PEOPLE_UNITS
    verb = _governing_verb(phrase)
    lemma = verb.lemma_.lower() if verb is not None else ""
    if verb is not None and (not casualty or lemma == "lose") and lemma not in PERCEPTION_VERBS:
        agent = _agent(verb)
        if agent is not None and agent.i != phrase.i:
            resolved = attributor.resolve(agent)
            if resolved:
                return resolved
    if casualty:
        shared = _sentence_owner(token, mentions)
        if shared:
            return shared
    if people:
        return (
            _place_owner(token, places, actors_by_id)
            or (_reporting_state(speaker, actors_by_id) if casualty else None)
            or attributor.theatre
        )
    return None


def _sentence_owner(token: Token, mentions: list[tuple[int, int, Actor]]) -> str | None:
    """ "300 North Korean soldiers have been killed and 2,700 wounded": an earlier figure's owner carries over."""
    for other in sentence_of(token):
        if other.i >= token.i:
            break
        if other.like_num and other.dep_ == "nummod":
            owner = _named_in(other.head, mentions)
            if owner:
                return owner
    return None


PEOPLE_UNITS = {"killed", "wounded", "displaced", "evacuated", "missing"}


def _reporting_state(speaker: str | None, actors_by_id: dict[str, Actor]) -> str | None:
    """A state organ reporting casualties reports its own side's (a health ministry, an emergency service)."""
    actor = actors_by_id.get(speaker or "")
    if actor is None or actor.kind in ("igo", "ngo", "armed_group") or not actor.country or actor.sector == "military":
        return None
    return actor.id


def _actor_in_phrase(phrase: Token, mentions: list[tuple[int, int, Actor]]) -> str | None:
    """An actor named in the counted phrase: before its noun, or in its "of" complement; a conjunct shares
    its first conjunct's ("45 Chinese military aircraft and 14 navy ships")."""
    own = _named_in(phrase, mentions)
    if own is None and phrase.dep_ == "conj" and phrase.head.pos_ in ("NOUN", "PROPN"):
        return _named_in(phrase.head, mentions)
    return own


AREA_UNITS = {"km", "sq km", "miles", "square miles", "hectares", "acres", "nautical miles", "kilometres", "kilometers"}


def _named_in(phrase: Token, mentions: list[tuple[int, int, Actor]]) -> str | None:
    bare = phrase.like_num or phrase.pos_ == "NUM"
    tokens = [t for t in phrase.subtree if bare or t.i <= phrase.i]
    for child in phrase.children:
        if child.dep_ == "prep" and child.lower_ == "of" and phrase.lower_ not in AREA_UNITS:
            tokens += list(child.subtree)
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    inside = [a for s, e, a in mentions if start <= s and e <= end]
    return inside[0].id if inside else None


def _actors_within(node: Token, mentions: list[tuple[int, int, Actor]]) -> list[Actor]:
    end = node.right_edge.idx + len(node.right_edge)
    return [a for s, e, a in mentions if node.left_edge.idx <= s and e <= end]


def _place_owner(token: Token, places: list[Place], actors_by_id: dict[str, Actor]) -> str | None:
    """The actor of the country where casualties fell: the first place named in the sentence, dateline aside."""
    sentence = sentence_of(token)
    start = _dateline_end(sentence)
    local = [p for p in places for s, _e in p.mentions if start <= s < sentence.end_char and p.country]
    if not local:
        return None
    country = local[0].country
    if country in actors_by_id:
        return country
    return next((a.id for a in actors_by_id.values() if a.country == country), None)


LOSS_WORDS = {"loss", "losses", "casualty", "casualties"}


def _experiencer(phrase: Token, mentions: list[tuple[int, int, Actor]]) -> str | None:
    """ "Facing losses, estimated at 610,000 soldiers, Moscow must...": losses belong to the one who suffers them:
    the possessor of "losses", or the subject of the clause a subjectless participle hangs from."""
    doc = phrase.doc
    nearby = doc[max(sentence_of(phrase).start, phrase.i - 10) : phrase.i + 1]
    losses = [t for t in nearby if t.lower_ in LOSS_WORDS]
    if not losses:
        return None
    owner = next((c for c in losses[-1].children if c.dep_ == "poss"), None)
    if owner is None:
        for ancestor in [phrase, *phrase.ancestors]:
            if ancestor.dep_ == "advcl" and ancestor.tag_ in ("VBN", "VBG"):
                owner = next((c for c in ancestor.head.children if c.dep_ == "nsubj"), None)
                break
    if owner is None:
        return None
    found = _actors_within(owner, mentions)
    return found[0].id if found else None


def _place(sentence: SpacySpan, places: list[Place]) -> str | None:
    start, end = _dateline_end(sentence), sentence.end_char
    for place in places:
        if any(start <= s < end for s, _e in place.mentions):
            return place.name
    return None


def clause_time(doc: Doc, token: Token, times: list[TimeExpression]) -> dict[str, Any] | None:
    """When the figure holds: a time in its clause (not the date a speaker said it), or a cumulative span."""
    sentence = sentence_of(token)
    reach = {t.i for t in [token, *token.ancestors]}
    candidates = []
    for time in times:
        if not (sentence.start_char <= time.span[0] < sentence.end_char):
            continue
        span = doc.char_span(*time.span, alignment_mode="expand")
        if span is None:
            continue
        head = span.root.head
        reporting = head.lemma_.lower() in gazetteer.word_list("reporting_verbs.txt") and any(
            child.dep_ == "nsubj" for child in head.children
        )
        candidates.append((reporting, head.i not in reach, abs(span.start - token.i), time))
    if candidates:
        reporting, _far, _distance, time = min(candidates, key=lambda c: c[:3])
        if not reporting:
            return {"start": time.start, "end": time.end, "text": time.text}
    cumulative = CUMULATIVE.search(sentence.text)
    if cumulative:
        return {"start": None, "end": None, "text": cumulative.group(0)}
    return None


def _context(token: Token, time: dict[str, Any] | None, published: str | None) -> str | None:
    """historical (background restated), future, hypothetical, or None for the news itself."""
    above = {a.i for a in token.ancestors}
    words = {t.lower_ for t in sentence_of(token) if t.i in above or t.head.i in above}
    if words & HYPOTHETICAL_CUES:
        return "hypothetical"
    if words & FUTURE_CUES:
        return "future"
    if time and time.get("end") and published:
        ended = date.fromisoformat(time["end"])
        if ended < date.fromisoformat(published) - timedelta(days=HISTORICAL_DAYS):
            return "historical"
    return None
