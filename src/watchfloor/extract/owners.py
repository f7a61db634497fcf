"""Whose figure it is (its subject), where its counted things are sent (target), and what happened to them
(relation): the parts of a claim that say who and what, from the parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.extract.attribution import Attributor
from watchfloor.extract.clause import dateline_end
from watchfloor.extract.counted import governing_verb
from watchfloor.model import Actor, Place
from watchfloor.nlp.sentences import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Token


def find_subject(
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
    host = _host(noun, mentions, attributor) if noun is not None and noun.lemma_.lower() == "refugee" else None
    if host is not None:
        return host
    owner = (
        _number_origin(token, noun, mentions)
        or _actor_in_phrase(phrase, mentions)
        or _possessed(phrase, attributor)
        or _experiencer(phrase, mentions)
        or _body_owner(token, phrase, mentions, attributor)
    )
    if owner is not None:
        return owner
    people = unit in gazetteer.word_list("people_units.txt") or (
        noun is not None and noun.lemma_.lower() in gazetteer.word_list("person_nouns.txt")
    )
    casualty = unit in gazetteer.word_list("people_units.txt")
    agent = _clause_agent(phrase, mentions, attributor)
    verb = governing_verb(phrase)
    if agent is not None and (not casualty or _lemma(verb) in gazetteer.word_list("loss_verbs.txt")):
        return agent
    if casualty:
        shared = _sentence_owner(token, mentions)
        if shared:
            return shared
    if not people:
        return None
    # casualties are not theirs who inflicted them ("Ukraine said it had killed 300 soldiers")
    inflicted = agent if casualty and _lemma(verb) in gazetteer.casualty_verbs() else None
    side = (
        _place_owner(token, places, actors_by_id)
        or (_reporting_state(speaker, actors_by_id) if casualty else None)
        or attributor.theatre
    )
    return None if side is not None and side == inflicted else side


def _lemma(verb: Token | None) -> str:
    return verb.lemma_.lower() if verb is not None else ""


def _clause_agent(phrase: Token, mentions: list[tuple[int, int, Actor]], attributor: Attributor) -> str | None:
    """The actor the agent of the counted phrase's clause names: "Russia launched 94 drones", a pronoun or a
    description resolved, or an owner written after the agent's noun ("soldiers sent by Pyongyang have
    suffered 3,000 casualties"); none under a verb of perception."""
    verb = governing_verb(phrase)
    if verb is None or _lemma(verb) in gazetteer.word_list("perception_verbs.txt"):
        return None
    agent = _agent(verb)
    if agent is None or agent.i == phrase.i:
        return None
    return _owner_after(agent, mentions) or attributor.resolve(agent)


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


def _sentence_owner(token: Token, mentions: list[tuple[int, int, Actor]]) -> str | None:
    """ "300 North Korean soldiers have been killed and 2,700 wounded": an earlier figure's owner carries over."""
    for other in sentence_of(token):
        if other.i >= token.i:
            break
        if other.like_num and other.dep_ == "nummod":  # its owner before or after it ("soldiers sent by X")
            owner = _named_in(other.head, mentions) or _owner_after(other.head, mentions)
            if owner:
                return owner
    return None


def _reporting_state(speaker: str | None, actors_by_id: dict[str, Actor]) -> str | None:
    """A state organ reporting casualties reports its own side's (a health ministry, an emergency service)."""
    actor = actors_by_id.get(speaker or "")
    if actor is None or actor.kind in ("igo", "ngo", "armed_group") or not actor.country or actor.sector == "military":
        return None
    return actor.id


def _actor_in_phrase(phrase: Token, mentions: list[tuple[int, int, Actor]]) -> str | None:
    """An actor named in the counted phrase: before its noun, or in its "of" complement; a conjunct shares
    its first conjunct's ("45 Chinese military aircraft and 14 navy ships")."""
    own = _named_in(phrase, mentions) or _owner_after(phrase, mentions) or _predicate_owner(phrase, mentions)
    if own is None and phrase.dep_ == "conj" and phrase.head.pos_ in ("NOUN", "PROPN"):
        return _named_in(phrase.head, mentions) or _owner_after(phrase.head, mentions)
    return own


def _body_owner(
    token: Token, phrase: Token, mentions: list[tuple[int, int, Actor]], attributor: Attributor
) -> str | None:
    """The owner of the body of armed people a figure sizes: "its current force of about 12,000 troops",
    "the 13,000-strong UN mission", "a contingent of 800 from Nepal"."""
    if phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.pos_ == "NOUN":
        body = phrase.head.head
    elif token.head.lower_ == "strong" and token.head.dep_ == "amod":
        body = token.head.head
    else:
        return None
    if body.lemma_.lower() not in gazetteer.word_list("container_nouns.txt"):
        return None
    possessive = next((c for c in body.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if possessive is not None:  # "its force": the actor named last before
        return attributor.previous_actor(possessive.idx)
    return _named_in(body, mentions)


def _possessed(phrase: Token, attributor: Attributor) -> str | None:
    """ "the navy said its 14 patrol boats", "their 300 fighters": a possessive pronoun on the counted noun owns
    the figure; it refers to the actor named last before it."""
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in phrase.children):
        return None
    return attributor.resolve(phrase)


def _predicate_owner(phrase: Token, mentions: list[tuple[int, int, Actor]]) -> str | None:
    """ "Of the dead, six were SDF fighters": a bare number that is the subject of "be" counts the noun
    its predicate names, and that noun's owner is the figure's."""
    if not (phrase.like_num and phrase.dep_ == "nsubj" and phrase.head.lemma_ == "be"):
        return None
    predicate = next((c for c in phrase.head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
    return _named_in(predicate, mentions) if predicate is not None else None


def _owner_after(phrase: Token, mentions: list[tuple[int, int, Actor]]) -> str | None:
    """An owner named after the counted noun: armed people "from North Korea", or the agent of a participle
    modifying it ("soldiers sent by Pyongyang", "drones supplied by Iran")."""
    armed = phrase.lemma_.lower() in gazetteer.word_list("troop_nouns.txt")
    after = phrase.doc[phrase.right_edge.i + 1] if phrase.right_edge.i + 1 < len(phrase.doc) else None
    # "killed 300 soldiers from North Korea", "from" parsed onto the verb; on a verb of sending or withdrawing
    # it says where they went from ("Russia withdrew 2,000 troops from Syria")
    if armed and after is not None and after.lower_ == "from" and after.head == phrase.head and not _moved(phrase.head):
        found = _actors_within(after, mentions)
        if found:
            return found[0].id
    for child in phrase.children:
        if child.dep_ == "prep" and child.lower_ == "from" and armed:
            found = _actors_within(child, mentions)
            if found:
                return found[0].id
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            found = _actors_within(agent, mentions) if agent is not None else []
            if found:
                return found[0].id
            origin = _origin(child, mentions) if armed and agent is None and _sent(child) else None
            if origin:  # "troops sent from Pyongyang"
                return origin
        if child.dep_ == "relcl" and child.lemma_.lower() in gazetteer.word_list("owner_verbs.txt"):
            sender = next((c for c in child.children if c.dep_ == "nsubj"), None)  # "the troops Pyongyang sent"
            found = _actors_within(sender, mentions) if sender is not None else []
            if found:
                return found[0].id
    return None


def _host(noun: Token, mentions: list[tuple[int, int, Actor]], attributor: Attributor) -> str | None:
    """Refugees are counted by their host, whoever they fled ("Chad is hosting 700,000 Sudanese refugees",
    "Poland has taken in 1.5 million Ukrainian refugees", "600,000 Sudanese refugees in Chad"): the subject of
    a verb of hosting, else a country the refugees are "in"."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in gazetteer.word_list("host_verbs.txt"):
        subject = _agent(verb)
        host = attributor.resolve(subject) if subject is not None else None
        if host is not None:
            return host
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            found = [a for a in _actors_within(child, mentions) if a.kind == "state"]
            if found:
                return found[0].id
    return None


def _sent(verb: Token) -> bool:
    return verb.lemma_.lower() in gazetteer.word_list("deploy_verbs.txt") and verb.lemma_.lower() != "be"


def _moved(verb: Token) -> bool:
    return _sent(verb) or verb.lemma_.lower() in gazetteer.word_list("withdraw_verbs.txt")


def _origin(verb: Token, mentions: list[tuple[int, int, Actor]]) -> str | None:
    """The actor of a "from" phrase on a verb of sending: where armed people were sent from is whose they are."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            found = _actors_within(child, mentions)
            if found:
                return found[0].id
    return None


def _number_origin(token: Token, noun: Token | None, mentions: list[tuple[int, int, Actor]]) -> str | None:
    """Armed people said to come from an actor where no one else sends them: "including 11,000 from North
    Korea" (the number's own "from"), "11,000 troops have arrived from North Korea", "3,000 soldiers were sent
    from Pyongyang" (a verb of sending with no agent); "Russia moved troops from Belarus" names a place."""
    if noun is None:
        return None
    if token is not noun and token.dep_ == "pobj":  # "including nine from South Africa": any people
        found = next(
            (_actors_within(c, mentions) for c in token.children if c.dep_ == "prep" and c.lower_ == "from"), []
        )
        if found:
            return found[0].id
    if noun.lemma_.lower() not in gazetteer.word_list("troop_nouns.txt"):
        return None
    if noun.dep_ not in ("nsubj", "nsubjpass") or not _sent(noun.head):
        return None
    if noun.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in noun.head.children):
        return None
    return _origin(noun.head, mentions)


def _named_in(phrase: Token, mentions: list[tuple[int, int, Actor]]) -> str | None:
    bare = phrase.like_num or phrase.pos_ == "NUM"
    tokens = [t for t in phrase.subtree if bare or t.i <= phrase.i]
    for child in phrase.children:
        if child.dep_ == "prep" and child.lower_ == "of" and phrase.lower_ not in gazetteer.word_list("area_units.txt"):
            tokens += list(child.subtree)
        if child.dep_ == "prep" and child.lower_ == "among":  # "casualties among North Korean troops"
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
    start = dateline_end(sentence)
    local = [p for p in places for s, _e in p.mentions if start <= s < sentence.end_char and p.country]
    if not local:
        return None
    country = local[0].country
    if country in actors_by_id:
        return country
    return next((a.id for a in actors_by_id.values() if a.country == country), None)


def _experiencer(phrase: Token, mentions: list[tuple[int, int, Actor]]) -> str | None:
    """ "Facing losses, estimated at 610,000 soldiers, Moscow must...": losses belong to the one who suffers them:
    the possessor of "losses", or the subject of the clause a subjectless participle hangs from."""
    doc = phrase.doc
    nearby = doc[max(sentence_of(phrase).start, phrase.i - 10) : phrase.i + 1]
    losses = [t for t in nearby if t.lower_ in gazetteer.word_list("loss_words.txt")]
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


DESTINATION_PREPOSITIONS = ("to", "into", "in", "inside")
# prepositions of the way a sent thing takes: a destination phrase inside theirs is still the verb's own
# ("fled across the river into Bangladesh"); any other ("for the war in Ukraine", "after a visit to Taipei")
# names something else
PATH_PREPOSITIONS = (*DESTINATION_PREPOSITIONS, "across", "through", "via", "over", "along", "toward", "towards")


def destination(phrase: Token, attributor: Attributor) -> str | None:
    """The actor a counted thing is sent to or is in ("troops deployed to Russia" -> RUS), else the party a
    purpose infinitive says it helps ("sent to help Russia"). The "to/into/in" phrase must belong to the
    sending verb itself (or sit inside that phrase: "to the Kursk region in Russia"): one inside a purpose
    clause or another phrase names where the purpose or a war is ("sent to fight in Ukraine", "for the war in
    Ukraine"), not where the figure went, and the enemy of a purpose ("to fight Ukraine") is no destination."""
    verb = governing_verb(phrase)
    if verb is None:
        return None
    verb = _reported_verb(verb)
    own = {t.i for t in phrase.subtree}
    for prep in verb.subtree:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in DESTINATION_PREPOSITIONS and prep.i not in own:
            if not _belongs_to(prep, verb):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    found = attributor.resolve(obj)
                    if found:
                        return found
    return _helped(verb, attributor)


def _reported_verb(verb: Token) -> Token:
    """The verb a reporting verb's infinitive says happened ("are believed to have been sent" -> sent)."""
    while verb.lemma_.lower() in gazetteer.word_list("reporting_verbs.txt"):
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if xcomp is None:
            break
        verb = xcomp
    return verb


def _belongs_to(prep: Token, verb: Token) -> bool:
    """Whether a preposition hangs from ``verb`` itself, from its direct object ("approved the sale of 40
    tanks to Ukraine"), or from the object of one of its path phrases ("across the river into Bangladesh")."""
    node = prep.head
    while node.i != verb.i:
        if node.dep_ == "dobj" and node.head.i == verb.i:
            return True
        outer = node.head
        if node.dep_ != "pobj" or outer.lower_ not in PATH_PREPOSITIONS or outer.head.i == outer.i:
            return False
        node = outer.head
    return True


def _helped(verb: Token, attributor: Attributor) -> str | None:
    """The party a purpose infinitive of ``verb`` helps: "sent to help Russia", "to help Russia fight"."""
    for clause in verb.children:
        helps = clause.lemma_.lower() in gazetteer.word_list("help_verbs.txt")
        if clause.dep_ in ("advcl", "xcomp") and helps and any(c.dep_ == "aux" for c in clause.children):
            parties = [c for c in clause.children if c.dep_ == "dobj"]
            parties += [
                g for c in clause.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"
            ]
            # a party named by its country first: "to support the government in Tripoli", "the army of Chad"
            parties = [
                n
                for p in parties
                for n in (*(g for c in p.children if c.lower_ in ("in", "of") for g in c.children), p)
            ]
            found = next((attributor.resolve(p) for p in parties if attributor.resolve(p)), None)
            if found:
                return found
    return None


def relation(phrase: Token) -> str | None:
    """What the figure says happened to the counted things, as a verb lemma ("deploy" for sent, stationed,
    moved ...): part of a claim track's key."""
    verb = governing_verb(phrase)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if xcomp is not None and lemma in gazetteer.word_list("reporting_verbs.txt"):
        lemma = xcomp.lemma_.lower()
    return "deploy" if lemma in gazetteer.word_list("deploy_verbs.txt") else lemma


def measure_phrase(noun: Token | None, token: Token) -> str | None:
    """The counted thing as a phrase: "North Korean troops deployed to Russia"."""
    if noun is None:
        return None
    words = [t for t in noun.subtree if t.i <= noun.i and t.i > token.i and not t.is_punct]
    phrase = " ".join(t.text for t in words) or noun.text
    verb = governing_verb(noun)
    if verb is not None:
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        verb = next((c for c in xcomp.subtree if c.pos_ == "VERB" and c.tag_ == "VBN"), xcomp) if xcomp else verb
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i), None)
        target = " ".join(t.text for t in prep.subtree)[:40] if prep is not None else ""
        phrase = f"{phrase} {verb.text} {target}".strip()
    return phrase.replace(" ’s", "’s").replace(" 's", "'s")
