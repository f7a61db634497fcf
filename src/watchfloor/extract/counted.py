"""The counted noun: what a number counts ("81 of the drones", "94 drones", "2,700 wounded"), and the verb
that governs the counted phrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.nlp.sentences import same_paragraph, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Token


def counted_noun(token: Token) -> Token | None:
    """The noun a number counts: "81 of the drones", its head ("94 drones"), a casualty word ("2,700
    wounded"), or, for a bare number, the nearest plural noun before it in the sentence ("of the aircraft, 34")."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.lower_ == "of":
        objects = [c for c in following.children if c.dep_ == "pobj" and c.pos_ != "PRON"]
        if objects:
            return objects[0]
    if following is not None and following.lower_ in gazetteer.casualty_words():
        return following
    attributive = attributive_noun(token)
    if attributive is not None:
        return attributive
    if token.dep_ == "nummod" and token.head.i < token.i and doc[token.i - 1].lower_ == "or":
        return token.head if token.head.pos_ == "NOUN" else None  # "a day or two", "another pick or two"
    head = token
    while head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.head.i > head.i:
        head = head.head
    if head is not token and head.lower_ == "others":  # "shot down 38 drones, while 12 others were jammed"
        return _counted_earlier(token) or head
    if head is not token and head.pos_ in ("NOUN", "PROPN"):
        return head
    if token.dep_ == "pobj" and token.head.lower_ in ("including", "among") and token.head.head.pos_ == "NOUN":
        return token.head.head  # "50,000 troops, including 11,000 from North Korea": part of the noun's count
    named_before = _sized_body(token) or _strong_body(token) or _amounted(token) or _of_which(token)
    if named_before is not None:
        return named_before
    for candidate in doc[token.i + 1 : min(len(doc), token.i + 5)]:
        if candidate.ent_type_ in ("DATE", "TIME") and token.ent_type_ not in ("DATE", "TIME"):
            break  # "rose 2.1 last year": a time after the number says when, not what it counts
        if candidate.pos_ == "NOUN":
            return candidate
        if candidate.pos_ not in ("ADJ", "PROPN", "NUM", "PUNCT") and candidate.lower_ != "-":
            break
        if candidate.text in (",", ";", ":", "(", ")", "."):  # "killed 12, officials said": a clause ends
            break
    if _increment(token):  # "3,000 more this year", "another 2,000 are expected": more of what was counted
        return _counted_earlier(token) or _counted_before(token)
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = token.head
    fronted = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < token.i), None)
    whole = next((c for c in fronted.children if c.dep_ == "pobj"), None) if fronted is not None else None
    if whole is not None and whole.pos_ == "NOUN":  # "Of the 11,000 troops sent, 3,000 were killed"
        return whole
    if whole is not None and whole.lower_ == "those" and any(c.dep_ == "acl" for c in whole.children):
        return whole  # "Of those killed, 20 were children": the participle says what befell them
    if verb.dep_ == "conj":  # "Most of the rockets fell ..., and about 10 were intercepted"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            of = next((c for c in subject.children if c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            return pobj or subject
    earlier = [t for t in doc[max(sentence_of(token).start, token.i - 12) : token.i] if t.pos_ == "NOUN"]
    if earlier and earlier[-1].i > 0 and doc[earlier[-1].i - 1].lower_ in ("the", "these"):
        return earlier[-1]
    return _counted_before(token) if verb.lemma_.lower() not in gazetteer.casualty_verbs() else None


def _sized_body(token: Token) -> Token | None:
    """ "a force of 3,000", "a death toll of 40": a bare number in the "of" phrase of a body of people or of a
    casualty noun counts what that noun names, written before it."""
    if not (token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN"):
        return None
    body = token.head.head
    lemma = body.lemma_.lower()
    if lemma in gazetteer.word_list("container_nouns.txt") or _counts_casualties(body):
        return body
    return None


def _strong_body(token: Token) -> Token | None:
    """ "a force 3,000 strong", "Burundi's contingent, some 1,000 strong": a number followed by "strong" sizes
    the body of armed people named just before it."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "strong":
        return None
    start = max(sentence_of(token).start, token.i - 5)
    before = [t for t in doc[start : token.i] if t.lemma_.lower() in gazetteer.word_list("container_nouns.txt")]
    return before[-1] if before else None


def _counts_casualties(noun: Token) -> bool:
    """ "deaths", "the toll", "casualties": a noun that counts casualties itself (by word or lemma)."""
    return noun.lower_ in gazetteer.casualty_nouns() or noun.lemma_.lower() in gazetteer.casualty_nouns()


def _amounted(token: Token) -> Token | None:
    """ "casualties numbered 4,000", "the death toll rose to 310", "refugees totalled 2 million": the object (or
    the "to"/"at" complement) of a verb of amounting counts the verb's subject: a plural noun, a casualty noun
    or a body of people; a tally ("the number of ...") is left to what its "of" phrase names."""
    node = token.head if token.dep_ == "pobj" and token.head.lower_ in ("to", "at") else token
    if node.dep_ not in ("dobj", "attr", "prep", "npadvmod") or node.head.pos_ != "VERB":
        return None
    verb = node.head
    moved = _moved_to(node, verb)
    if moved is not None:
        return moved
    counts = gazetteer.amount_verbs().get(verb.lemma_.lower())
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        subject = verb.head  # "a contingent numbering 1,200", "fighters, estimated at 2,000"
    if counts is None or subject is None:
        return None
    if subject.lower_ in gazetteer.casualty_words() and any(c.dep_ == "det" for c in subject.children):
        return subject  # "the displaced swelled to 60,000", "the dead numbered 40"
    if subject.pos_ != "NOUN":
        return None
    lemma = subject.lemma_.lower()
    if lemma in gazetteer.word_list("tally_nouns.txt"):
        return None
    people = (
        _counts_casualties(subject)
        or lemma in gazetteer.word_list("container_nouns.txt")
        or lemma in gazetteer.word_list("person_nouns.txt")
        or subject.lower_ in gazetteer.word_list("loss_words.txt")
    )
    return subject if people or (counts == "any" and subject.tag_ == "NNS") else None


def _moved_to(node: Token, verb: Token) -> Token | None:
    """ "the blast raised the death toll to 57", "took Iran's aircraft losses to 14", "put the losses at 900":
    the "to"/"at" phrase of a verb whose object is a casualty or loss noun counts what that noun counts (a
    tally's "of" phrase names what it counts)."""
    if node.dep_ != "prep":
        return None
    heads = [verb, verb.head] if verb.dep_ in ("advcl", "acl", "xcomp") else [verb]  # "the number ... downed to"
    obj = next((c for h in heads for c in h.children if c.dep_ == "dobj"), None)  # "bringing to 34 the number"
    if obj is None or obj.pos_ != "NOUN":
        return None
    if _counts_casualties(obj) or obj.lower_ in gazetteer.word_list("loss_words.txt"):
        return obj
    if obj.lemma_.lower() in gazetteer.word_list("tally_nouns.txt"):  # "brought the number of drones downed to"
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:  # "500 more troops, bringing the total to 3,500": the total of what was counted before
            number = next((c for c in node.children if c.dep_ == "pobj"), None)
            return _counted_earlier(number) if number is not None else None
        return next((c for c in of.children if c.dep_ == "pobj"), None)
    return None


def _of_which(token: Token) -> Token | None:
    """ "120 drones and 8 missiles, of which 100 were shot down", "90 hostages, of whom 12 are foreigners": the
    noun the relative refers to, read from the words (the parse hangs "of which" anywhere), the first of a list."""
    doc = token.doc
    if token.i < 3 or doc[token.i - 1].lower_ not in ("which", "whom") or doc[token.i - 2].lower_ != "of":
        return None
    start = sentence_of(token).start
    antecedent = next((t for t in reversed(doc[max(start, token.i - 8) : token.i - 2]) if t.pos_ == "NOUN"), None)
    while antecedent is not None and antecedent.dep_ == "conj" and antecedent.head.pos_ == "NOUN":
        antecedent = antecedent.head
    return antecedent


def _counted_earlier(token: Token) -> Token | None:
    """The plural noun the last figure before `token` in its sentence counted ("38 drones ... 12 others")."""
    sentence = sentence_of(token)
    counted = [t.head for t in token.doc[sentence.start : token.i] if t.dep_ == "nummod" and t.head.tag_ == "NNS"]
    return counted[-1] if counted and counted[-1].i < token.i else None


def _increment(token: Token) -> bool:
    """A bare number marked as a change: "another 2,000", "3,000 more"."""
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].lower_ in gazetteer.change_words("before")
    return before or (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in gazetteer.change_words("after"))


def _counted_before(token: Token) -> Token | None:
    """ "Hezbollah fired 60 rockets. Israel said 10 were intercepted": a bare number as the subject (or one
    marked as more of something: "It could send 3,000 more") counts what the last figure of the previous
    sentence, in the same paragraph, counted."""
    sentence = sentence_of(token)
    if sentence.start == 0:
        return None
    previous = sentence_of(token.doc[sentence.start - 1])
    if not same_paragraph(previous, sentence):
        return None
    counted = [t.head for t in previous if t.dep_ == "nummod" and t.head.tag_ == "NNS" and t.head.i > t.i]
    return counted[-1] if counted else None


def attributive_noun(token: Token) -> Token | None:
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


def quantity_change(token: Token, start: int) -> str | None:
    """ "increase" / "decrease" where the figure says how much a count moved, not what it now is: a change word
    before the figure ("another 500", "an additional 1,000", "a further 9,000"), right after its number ("3,000
    more troops", "2,000 fewer", "1,000 additional troops"), or a verb of change whose "by" phrase holds it
    ("losses rose by 1,500"). `start` is where the figure's text begins (its modifier, if any)."""
    doc = token.doc
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    at = first[0].i if first is not None and len(first) else token.i
    previous = doc[at - 1] if at > 0 else None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if previous is not None and previous.lower_ in gazetteer.change_words("before"):
        return gazetteer.change_words("before")[previous.lower_]
    if following is not None and following.lower_ in gazetteer.change_words("after"):
        return gazetteer.change_words("after")[following.lower_]
    if following is not None and following.lower_ in gazetteer.change_words("before"):
        return gazetteer.change_words("before")[following.lower_]
    if previous is not None and previous.lower_ == "by":  # read from the words: the parse often garbles "by N to M"
        verb = next((w for w in reversed(doc[max(0, at - 4) : at - 1]) if w.pos_ == "VERB"), None)
        return gazetteer.change_words("by").get(verb.lemma_.lower()) if verb is not None else None
    return None


def governing_verb(token: Token) -> Token | None:
    """The verb (or "displaced") a counted phrase depends on, within six steps up the parse."""
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
