"""A figure's unit: the normalized one an analyst groups by (usd, killed, troops), with its rate, and the unit
as the text writes it (NewsQuant's convention: "US$ per barrel", "heart transplants")."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.extract.counted import (
    attributive_noun,
    governing_verb,
)
from watchfloor.extract.quantities import unit_after, unit_named, written_unit
from watchfloor.model import NumberMention
from watchfloor.nlp.sentences import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "per soldier per month", "a day", "per square foot", "barrel-a-day"; not "a year ago"
RATE_UNIT = r"(?:per|a|an|each)[\s-]((?:sq\.?|square|cubic)\s[a-z]+|[a-z]+)\b(?!\s(?:ago|earlier|later|before|after)\b)"
RATE = re.compile(rf"^(?:[\s-](?:of\s[a-z]+\s)?{RATE_UNIT})+", re.IGNORECASE)
ASIDE = re.compile(r"^\s\([^()]{1,40}\)")  # "9 billion shekels ($2.4 billion) a year"


def measure_unit(doc: Doc, quantity: NumberMention) -> tuple[str | None, int]:
    """A currency or unit of measure written with the number, and where the figure's span ends."""
    unit, end = unit_after(doc_text(doc), quantity.span[1])
    if quantity.currency:
        return quantity.currency, quantity.span[1]
    return unit, end


def rate_position(doc: Doc, token: Token, quantity: NumberMention, noun: Token | None, span_end: int) -> int:
    """Where a rate would start: after the figure ("$2,000 per soldier") or after the noun it counts right
    after it ("3,000 tests per day", "640,000 barrels of oil a day")."""
    if span_end == quantity.span[1] and not quantity.currency and noun is not None and 0 < noun.i - token.i <= 4:
        return noun.idx + len(noun)
    return span_end


def rate_match(text: str, end: int) -> re.Match[str] | None:
    """The rate written at `end`: "$2,000 per soldier per month" -> "soldier/month" in `per`; "640,000 barrels
    of oil a day" -> "day"."""
    aside = ASIDE.match(text[end : end + 45])
    return RATE.match(text[end + (aside.end() if aside else 0) : end + 100])


def rate_per(rate: re.Match[str] | None) -> str | None:
    """The units of a rate, slash-joined: "per soldier per month" -> "soldier/month"."""
    return "/".join(re.findall(RATE_UNIT, rate.group(0), re.IGNORECASE)).lower() if rate else None


def unit_as_written(
    doc: Doc, token: Token, quantity: NumberMention, noun: Token | None, span_end: int, rate: re.Match[str] | None
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
    if noun != attributive_noun(token):
        inside = {t.i for t in noun.subtree}
        while (
            start - 1 > token.i
            and start - 1 in inside
            and doc[start - 1].dep_ not in ("det", "quantmod", "poss", "prep", "advmod", "case")
            # a number inside a name stays ("two new 737 Max jets"); "280 of the 300 drones" counts drones
            and (doc[start - 1].dep_ != "nummod" or (doc[start - 1].is_digit and doc[token.i + 1].lower_ != "of"))
            and doc[start - 1].tag_ not in ("VBN", "VBG")  # "recorded songs", "wounded soldiers": a state
            and doc[start - 1].tag_ not in ("JJR", "RBR")  # "two more drones": how many, not what kind
            and doc[start - 1].lower_ not in gazetteer.word_list("increment_words.txt")
            and doc[start - 1] != token.head  # "a 2,500-strong force": how it measures, not what kind
            and (doc[start - 1].tag_ == "HYPH" or not doc[start - 1].is_punct)
        ):
            start -= 1
    phrase = doc[start : noun.i + 1].text.strip("-=")  # "four-, five- and six-cylinder", "JPY="
    return phrase + (per if rate else _kind_of(noun))


def _units_of_matter(word: Token) -> bool:
    """Units that measure a substance, which an "of" phrase names ("barrels of oil")."""
    return unit_named(word.text) in gazetteer.word_list("matter_units.txt")


def _kind_of(noun: Token) -> str:
    """ "barrels of oil", "pound-feet of torque": an "of" phrase without a determiner says what the noun
    measures; "members of the militia" (with one) says whose they are and stays out."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == noun.i + 1), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.pos_ != "NOUN" or any(c.dep_ in ("det", "poss") for c in obj.children):
        return ""
    return " of " + noun.doc[noun.i + 2 : obj.i + 1].text


def _plural(word: str) -> str:
    """The plural of a regular English noun ("day" -> "days", "battery" -> "batteries")."""
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def noun_unit(noun: Token | None, token: Token) -> str | None:
    """The unit of a count: killed/wounded/displaced for people counted by such a verb, else the noun."""
    if _is_age(token):
        return "years old"  # as "a 65-year-old" reads: how old someone is, never a count of them
    among = _among_casualties(noun or token)
    if among:
        return among
    if noun is not None and noun.lower_ in gazetteer.casualty_words():
        return _joined_casualty(noun) or gazetteer.casualty_words()[noun.lower_]
    if noun is not None and noun.lemma_.lower() in ("loss", "losses"):
        equipment = _equipment_lost(noun)
        if equipment:
            return equipment
    befell = (_casualty_noun_of(noun) or ("killed" if _lives_taken(noun) else None)) if noun is not None else None
    if befell:
        return befell
    if noun is not None and noun.lemma_.lower() in gazetteer.word_list("time_nouns.txt"):
        return _plural(noun.lemma_.lower())  # a duration: "in the last 24 hours", never 24 killed
    if noun is not None and _sized_by(noun, token):
        return "troops"  # "a force of 3,000", "a 2,500-strong contingent": the body's members
    # a noun taken from another clause ("50 soldiers died and 120 were wounded") has the number's own verb
    borrowed = noun is not None and not _within(token, noun)
    own = governing_verb(token) if noun is not None and borrowed else None
    if noun is not None and own is not None and own != governing_verb(noun):  # "40 were killed and 60 captured"
        unit = _casualty_of(token)
    else:
        unit = (_casualty_of(token) if borrowed else None) or _casualty_of(noun or token)
    # killing and wounding befall people whatever the noun ("two dockworkers were killed"); fleeing and being
    # forced out are said of units and ships too, so those need a noun that counts people (not armed ones)
    armed = noun is not None and noun.lemma_.lower() in gazetteer.word_list("troop_nouns.txt")
    if unit and (unit in ("killed", "wounded", "casualties") or noun is None or (_is_people(noun) and not armed)):
        return unit  # armed people withdrawn or evacuated are not the displaced
    counted = (
        None
        if noun is None
        else gazetteer.casualty_nouns().get(noun.lower_) or gazetteer.casualty_nouns().get(noun.lemma_.lower())
    )
    if counted:  # "deaths", "fatalities", "the toll"
        return counted
    if noun is None:
        return _toll_unit(token)
    if noun == attributive_noun(token):
        return _plural(noun.lower_)
    return noun.lower_


def _among_casualties(phrase: Token) -> str | None:
    """ "Among the dead were 12 children", "The dead include 7 women", "Of the wounded, 14 are ...", "Among those
    killed were 5 aid workers": people counted as part of the dead or the wounded are casualties of that kind."""
    node = phrase.head if phrase.dep_ == "conj" else phrase  # "7 women and 4 children"
    verb = node.head
    if node.dep_ not in ("nsubj", "dobj", "attr") or verb.lemma_.lower() not in ("be", "include"):
        return None
    for child in verb.children:
        group = child
        if child.dep_ == "prep" and child.lower_ in ("among", "of") and child.i < node.i:
            group = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ != "nsubj" or child == node:
            continue
        if group.lower_ in gazetteer.casualty_words() and any(c.dep_ == "det" for c in group.children):
            return gazetteer.casualty_words()[group.lower_]
        if group.lower_ == "those":
            participle = next((c for c in group.children if c.dep_ == "acl" and _befallen(c)), None)
            if participle is not None:
                return _befallen(participle)
    return None


def _lives_taken(noun: Token) -> bool:
    """ "claimed the lives of 17", "lost their lives", "cost 5,000 lives": lives a verb of taking takes."""
    verb = noun.head
    return noun.lower_ in ("lives", "life") and noun.dep_ == "dobj" and _lemma_in(verb, "life_verbs.txt")


def _lemma_in(word: Token, table: str) -> bool:
    return word.lemma_.lower() in gazetteer.word_list(table)


def _is_age(token: Token) -> bool:
    """ "a woman aged 70", "two children aged 4 and 7", "the boy, 14, was wounded", "Ali Hassan, 32,": an age."""
    doc = token.doc
    back = token.i - 1
    while back > token.i - 4 and back >= 0 and (doc[back].like_num or doc[back].lower_ in ("and", "to", "between")):
        back -= 1
    if back >= 0 and doc[back].lower_ == "aged":
        return True
    if not (token.i > 1 and token.i + 1 < len(doc) and doc[token.i - 1].text == "," and token.is_digit):
        return False
    if doc[token.i + 1].text not in (",", ".") or int(token.text) > 120:
        return False
    person = doc[token.i - 2]
    return person.ent_type_ == "PERSON" or (person.tag_ == "NN" and (token.dep_ == "appos" or _is_people(person)))


def _casualty_noun_of(noun: Token) -> str | None:
    """ "the deaths of 3 aid workers", "the killing of 12 villagers": people in the "of" phrase of a casualty
    noun are counted by what befell them, as are those of a tally whose participle the parse hangs on the tally
    ("the number of medics killed")."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ != "NOUN" or not _is_people(noun):
        return None
    owner = of.head
    if _lives_taken(owner):  # "claimed the lives of 17 people"
        return "killed"
    if owner.lemma_.lower() in gazetteer.word_list("tally_nouns.txt"):  # "the number of medics killed", misparsed
        participle = next((c for c in owner.children if c.dep_ == "acl" and c.i > noun.i and _befallen(c)), None)
        return _shared_casualty(participle, noun) if participle is not None else None
    unit = gazetteer.casualty_nouns().get(owner.lower_) or gazetteer.casualty_nouns().get(owner.lemma_.lower())
    return unit if unit in ("killed", "wounded") else None


def _joined_casualty(word: Token) -> str | None:
    """ "lost 900 killed or wounded", "64 dead and injured", "killed, wounded and captured": a casualty word
    joined to one of the other kind right after it counts both together."""
    doc = word.doc
    if word.i + 2 >= len(doc) or doc[word.i + 1].lower_ not in ("and", "or", "/", "&", ","):
        return None
    kinds = {gazetteer.casualty_words().get(word.lower_), gazetteer.casualty_words().get(doc[word.i + 2].lower_)}
    return "casualties" if kinds == {"killed", "wounded"} else None


def _equipment_lost(noun: Token) -> str | None:
    """ "tank losses climbed to 160", "Iran's aircraft losses": losses of a kind of thing count that thing;
    losses of people ("troop losses", "personnel losses") stay casualties."""
    kind = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
    if kind is None:
        return None
    lemma = kind.lemma_.lower()
    if _is_people(kind) or lemma in gazetteer.word_list("troop_nouns.txt"):
        return None
    return lemma if lemma.endswith("craft") else _plural(lemma)


def _sized_by(noun: Token, token: Token) -> bool:
    """A body of armed people (container_nouns.txt) whose size the number gives, not a count of such bodies
    ("a force of 3,000", "a 2,500-strong force"; not "three armies")."""
    if noun.lemma_.lower() not in gazetteer.word_list("container_nouns.txt"):
        return False
    strong = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "strong"  # "a force 3,000 strong"
    return strong or not (token.dep_ == "nummod" and token.head == noun)


def _within(token: Token, noun: Token) -> bool:
    """The number is part of the counted noun's phrase, or the noun part of the number's."""
    return token in noun.subtree or noun in token.subtree


def _is_people(noun: Token) -> bool:
    """A noun counting people: "civilians", "members", or a demonym ("ethnic Armenians")."""
    lemma = noun.lemma_.lower()
    return (
        lemma in gazetteer.word_list("person_nouns.txt")
        or lemma.rstrip("s") in gazetteer.word_list("person_nouns.txt")
        or noun.text in _demonyms()
    )


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(
        a for e in gazetteer.states().values() for a in e.aliases if a.endswith(("ans", "ians", "is", "ese"))
    )


def _casualty_of(node: Token) -> str | None:
    """killed/wounded/displaced from the verb or complement that says what befell the people counted."""
    for child in node.children:  # "two men lightly wounded", "people killed in the strike"
        if child.dep_ in ("amod", "acl", "oprd", "xcomp") and _befallen(child):
            return _shared_casualty(child, node)
    if node.dep_ == "pobj" and node.head.lower_ in ("of", "among") and node.head.head.pos_ in ("VERB", "AUX"):
        return None  # "Of the 11,000 troops sent, 3,000 were killed": the whole the killed are drawn from
    verb = governing_verb(node)
    if verb is None:
        return None
    if node.dep_ in ("nsubj", "nsubjpass") and any(_lives_taken(c) for c in verb.children):
        return "killed"  # "30 people lost their lives"
    for word in [verb, *[c for c in verb.children if c.dep_ in ("xcomp", "acomp", "oprd", "ccomp")]]:
        if _befallen(word) and (word is verb or word.i > node.i):
            return _shared_casualty(word, node)
    return None


def _befallen(word: Token) -> str | None:
    """The casualty unit a verb or casualty word gives ("killed", "wounded", "displaced"), if any."""
    return gazetteer.casualty_verbs().get(word.lemma_.lower()) or gazetteer.casualty_words().get(word.lower_)


def _shared_casualty(word: Token, node: Token) -> str | None:
    """ "45 people were killed or wounded", "gunmen killed and wounded 200 people": one count that two casualty
    words share counts casualties, not the first word's kind; two clauses each with their own count in that
    place ("50 died and 120 were wounded", "killed 17 and wounded 40") count apart."""
    unit = _befallen(word)
    if unit not in ("killed", "wounded"):
        return unit
    role = next((a.dep_ for a in [node, *node.ancestors] if a.head == word and a != word), None)
    places = {"nsubj", "nsubjpass"} if role in ("nsubj", "nsubjpass") else {"dobj"} if role == "dobj" else None
    places = places or {"nsubj", "nsubjpass", "dobj"}
    conjuncts = [c for c in word.children if c.dep_ == "conj"] + ([word.head] if word.dep_ == "conj" else [])
    for other in conjuncts:
        if _befallen(other) in {"killed", "wounded"} - {unit} and not any(c.dep_ in places for c in other.children):
            return "casualties"
    return unit


def _toll_unit(token: Token) -> str | None:
    """ "the death toll had risen to 43,972": the unit comes from the subject of the verb; "the number of
    people displaced has risen to 11.5 million (up from 10.7 million)": from what the number counts."""
    node = token.head if token.dep_ == "pobj" else token
    copula = node.head if node.dep_ == "attr" and node.head.lemma_ == "be" else None  # "the death toll is 40"
    verb = copula or governing_verb(token)
    if verb is None:
        return None
    subjects, raised = list(verb.children), verb
    for _ in range(2):  # raised: "the toll is expected to rise to 100", "is likely to exceed 40,000"
        if raised.dep_ not in ("xcomp", "acomp") or any(c.dep_ in ("nsubj", "nsubjpass") for c in subjects):
            break
        raised = raised.head
        subjects += list(raised.children)
    for child in subjects:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in gazetteer.word_list("tally_nouns.txt"):
            participle = next((c for c in child.children if c.dep_ == "acl" and _befallen(c)), None)
            if participle is not None and not any(c.lower_ == "of" for c in child.children):
                return _befallen(participle)  # "the number killed is now 63"
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in gazetteer.casualty_nouns():
            return gazetteer.casualty_nouns()[child.lemma_.lower()]  # "the death toll"
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in gazetteer.word_list("tally_nouns.txt"):
            of = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if counted is not None:
                return noun_unit(counted, counted)
    return None
