"""Events: who did what to whom, where and when, PLOVER-coded, with source, certainty and context.

A trigger (a verb, or a noun such as "sanctions" or "strikes") from the trigger lexicon, its arguments
from the parse: the subject or agent is the source, the object or a "to/against/at/on/with" phrase the
target. Passive AID ("troops ... deployed to Russia") takes its source from whose troops they are;
participles without a subject take the source of the event they hang from; a demonstrative object ("this
cooperation") takes the actors of the earlier phrase it refers to; a symmetric act without named parties
("a mutual treaty signed in June") takes the two states named last. A denial is a REJECT by the denier,
and the denied act is kept with negative polarity, attributed to the denier.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.extract.attribution import Attributor
from watchfloor.extract.clause import clause_time, dateline_end, find_context, headline_span
from watchfloor.extract.factuality import find_factuality, hedged_by_next
from watchfloor.extract.triggers import find_pattern
from watchfloor.gazetteer import TriggerEntry
from watchfloor.model import Actor, Event, Place, TimeExpression, Trigger
from watchfloor.nlp.sentences import doc_text, sentence_of, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# Clauses under a trigger whose markers are their own: "threatened to close the strait if X attacks" is a
# threat made, not a supposition; only the attack is supposed.
SUBORDINATE_CLAUSES = ("advcl", "relcl", "ccomp")


def find_events(
    doc: Doc,
    actors: list[Actor],
    places: list[Place],
    times: list[TimeExpression],
    published: str | None,
    reference: str | None = None,
    attributor: Attributor | None = None,
) -> list[Event]:
    """One event record (the output contract's shape) per act the document reports."""
    attributor = attributor or Attributor(doc, actors)
    by_id = {a.id: a for a in actors}
    events: list[Event] = []
    headline = headline_span(doc_text(doc))
    for sentence in sentences(doc):
        sentence_events: list[Event] = []
        for token in sentence:
            trigger = _trigger(token)
            if trigger is None or (headline and token.idx < headline[1]) or _mere_reference(token):
                continue
            event = _event(doc, token, trigger, attributor, by_id, places, times, sentence_events, events)
            if event is None:
                continue
            if _repeats(token, event, sentence_events):
                continue
            event = replace(event, context=_context(token, event, published or reference))
            sentence_events.append(event)
        events.extend(sentence_events)
    return [replace(event, id=f"e{number}") for number, event in enumerate(events, start=1)]


def _mere_reference(token: Token) -> bool:
    """A noun naming an act already reported ("did not confirm the strikes") or a participle used as an
    adjective ("a captured soldier") reports no new event."""
    if token.dep_ == "amod":
        return True
    if token.pos_ != "NOUN":
        return False
    head = token.head
    return token.dep_ in ("dobj", "nsubj", "nsubjpass") and head.lemma_.lower() not in gazetteer.word_list(
        "light_verbs.txt"
    )


def _repeats(token: Token, event: Event, earlier: list[Event]) -> bool:
    """True when an earlier trigger in the sentence reports the same act: same type, parties and polarity,
    and the same word or one trigger an argument of the other ("Israeli strikes ... killed")."""
    doc = token.doc
    for other in earlier:
        same = (other.type, other.source, other.target, other.factuality.polarity) == (
            event.type,
            event.source,
            event.target,
            event.factuality.polarity,
        )
        if not same:
            continue
        first = doc.char_span(*other.trigger.span)
        if first is None:
            return True
        head = first[0]
        if head.lemma_ == token.lemma_ or head.head.i == token.i or token.head.i == head.i:
            return True
    return False


def _trigger(token: Token) -> TriggerEntry | None:
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ == "NOUN" else None
    if pos is None:
        return None
    key = f"{_phrasal(token)} {pos}"
    trigger = gazetteer.event_triggers().get(key)
    pattern = find_pattern(token)  # "struck a deal", "eased sanctions": the pattern beats the bare word
    if pattern is not None and _carries_its_noun(token):
        pattern = None  # "held talks", "imposed a curfew": the noun makes the event
    if trigger is not None and trigger.objects:  # the row's objects judge its own type; a pattern another
        fits = _has_object(token, trigger.objects)
        trigger = trigger if fits else pattern if pattern and pattern.type != trigger.type else None
    elif pattern is not None and (
        trigger is None or pattern.lemma != token.lemma_.lower() or _side_of_quad(pattern) != _side_of_quad(trigger)
    ):
        trigger = pattern  # a phrasal verb or compound noun is its own word; an object turns conflict to
        # cooperation or back ("struck a deal") or leaves the word's row
    if trigger is None:
        trigger = gazetteer.cameo_triggers().get(key)
        if trigger is None or _names_its_act(token):
            return None
    if trigger.needs == "military" and not any(c.lower_ == "military" for c in token.children):
        return None
    if trigger.needs == "quote" and '"' not in doc_text(token.doc)[token.idx : token.idx + 80]:
        return None
    if trigger.needs == "obligation" and _obliged(token) is None:
        return None
    return trigger


def _obliged(token: Token) -> Token | None:
    """The party a reported obligation binds ("said the US must be ready to mediate", "insisted that Israel
    should ease the restrictions": obligation_modals.txt): the named subject of the reported clause; a pronoun
    ("said it must defend itself") is most often the speaker's own duty, no demand."""
    modals = gazetteer.word_list("obligation_modals.txt")
    for clause in token.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ != "PRON":
            return subject
    return None


def _side_of_quad(trigger: TriggerEntry) -> str:
    """ "cooperation" or "conflict": the half of PLOVER's quad classes a trigger's type is in."""
    return gazetteer.plover_quads().get(trigger.type, trigger.type).split()[-1]


def _phrasal(token: Token) -> str:
    """The lemma with its particle or bound preposition when the lexicon has the pair ("shot down" ->
    shoot_down, "called on" -> call_on): the pair, not the bare verb, names the act."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("prt", "prep", "advmod") and child.i == token.i + 1:
            pair = f"{lemma}_{child.lower_}"
            if f"{pair} VERB" in gazetteer.event_triggers():
                return pair
    return lemma


def _broad(token: Token, trigger: TriggerEntry) -> bool:
    """A CAMEO verb of its category's general code ("curb", "seek", "increase") reports an act on someone only
    with a party on each side: without a target it is too often a state or a plan."""
    return trigger.broad


def _names_its_act(token: Token) -> bool:
    """A verb of the broad CAMEO table whose object is itself a trigger noun ("imposed sanctions", "held
    talks", "launched an offensive") only carries the act the noun names: the noun makes the event."""
    return any(c.dep_ in ("dobj", "nsubjpass") and _trigger_noun(c) for c in token.children)


def _carries_its_noun(token: Token) -> bool:
    """A light verb ("hold", "impose", "launch") whose object is a trigger noun only carries the noun's act."""
    return token.lemma_.lower() in gazetteer.word_list("light_verbs.txt") and _names_its_act(token)


def _trigger_noun(token: Token) -> bool:
    key = f"{token.lemma_.lower()} NOUN"
    return token.pos_ == "NOUN" and (key in gazetteer.event_triggers() or key in gazetteer.cameo_triggers())


def _has_object(token: Token, objects: frozenset[str]) -> bool:
    candidates = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "pobj", "attr")]
    if token.tag_ == "VBN":  # a participle parsed as active: "These soldiers, reportedly deployed near Kursk"
        candidates += [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ in ("acl", "relcl") and token.head.pos_ == "NOUN":
        candidates.append(token.head)
    if token.dep_ == "xcomp" or token.tag_ == "VBN":  # "troops are reported to have been deployed"
        candidates += [c for c in token.head.children if c.dep_ in ("nsubjpass", "nsubj")]
    counted = [n for c in candidates for n in _counted_heads(c)]
    return any(c.lemma_.lower() in objects or c.lower_ in objects for c in counted)


def _counted_heads(node: Token) -> list[Token]:
    """The phrase's head and what it counts through "of" ("thousands of troops", "a total of 3,000
    soldiers", "containers of shells"): the object test looks at the counted noun too."""
    heads = [node]
    for _ in range(2):
        inner = next(
            (g for c in node.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        if inner is None:
            break
        heads.append(inner)
        node = inner
    return heads


def _event(
    doc: Doc,
    token: Token,
    trigger: TriggerEntry,
    attributor: Attributor,
    by_id: dict[str, Actor],
    places: list[Place],
    times: list[TimeExpression],
    earlier: list[Event],
    before: list[Event],
) -> Event | None:
    kind = trigger.type
    source, target = _arguments(token, trigger, attributor, earlier)
    if trigger.needs == "obligation":  # the party the reported obligation binds, on another side than the speaker
        bound = _obliged(token)
        target = attributor.resolve(bound) if bound is not None else None
        if target is None or _side(target, by_id) == _side(source, by_id):
            return None
    attribution = attributor.attribution_for(token)
    if source is None and kind in gazetteer.event_types("speech_act") and attribution is not None:
        source = attribution.actor  # "Hamas said ... and accused Washington": the speaker does it
    if target is not None and _side(target, by_id) == _side(source, by_id) and attribution and attribution.actor:
        target = attribution.actor  # "X said Y fired on its positions": "its" is the speaker's, not Y's
    own = source is not None and _side(target, by_id) == _side(source, by_id)
    if target is not None and target == source:
        target = None  # "seeks ties with its neighbours": the owner of "its" is not the one acted on
    place = _place(token, places)
    if target is None and place is not None and kind in gazetteer.event_types("place_target"):
        target = _country_actor(place.country, by_id)
    if (
        source is None
        and kind in gazetteer.event_types("symmetric")
        and token.dep_ == "acl"
        and token.head.lemma_.lower() in gazetteer.word_list("party_nouns.txt")
    ):
        source, target = _last_two_states(token, attributor) or (None, None)
    if target is None and kind in gazetteer.event_types(
        "speech_act"
    ):  # what is condemned or denied is the last act reported
        side = _side(source, by_id)
        target = next(
            (e.source for e in reversed([*before, *earlier]) if e.source and _side(e.source, by_id) != side), None
        )
    if source is None and (_broad(token, trigger) or not _agentless_act(token, kind)):
        return None
    same_side = own or (source is not None and _side(source, by_id) == _side(target, by_id))
    if same_side and kind in gazetteer.event_types("other_party"):
        return None  # "Rwanda's forces were deployed on its side of the border": no aid to oneself
    if target is None and (kind in gazetteer.event_types("needs_target") or _broad(token, trigger)):
        return None  # an inquiry is into a party: "inspected an artillery unit" is a tour, not INVESTIGATE
    kind = _refine(token, trigger, kind, target, places)
    factuality = find_factuality(token, hedged_by_next(sentence_of(token)), exclude=token.i)
    negation, cue = _negation(token)
    if negation == "refusal" and kind in gazetteer.cooperation_event_types():
        kind = "REJECT"  # "will not accept refugees", "failed to reach agreement": a refusal to cooperate
    elif negation is not None:
        factuality = replace(factuality, polarity="negative", cues=(*factuality.cues, cue))
    sentence = sentence_of(token)
    return Event(
        id="",
        type=kind,
        mode=trigger.mode,
        trigger=Trigger(token.text, (token.idx, token.idx + len(token))),
        sentence=(sentence.start_char, sentence.end_char),
        source=source,
        target=target,
        place=place.name if place else None,
        time=clause_time(doc, token, times),
        attribution=attribution,
        factuality=factuality,
        context=None,
    )


def _negation(token: Token) -> tuple[str | None, str]:
    """How the text negates the act, with its cue: "refusal" when the act is refused or failed ("will not
    accept", "would not meet", "failed to reach", "declined to attend": refusal_verbs.txt, refusal_modals.txt),
    "negated" when it is said not to have happened ("did not attack", "never sent"); None when it is not
    negated. A noun carried by a light verb is negated through the verb ("did not hold talks")."""
    node = token
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubjpass"):
        if token.head.lemma_.lower() not in gazetteer.word_list("light_verbs.txt"):
            return None, ""
        node = token.head
    if node.dep_ == "xcomp" and node.head.lemma_.lower() in gazetteer.word_list("refusal_verbs.txt"):
        if _negation_word(node.head):  # "did not fail to deliver": it was delivered
            return None, ""
        return "refusal", node.head.lower_
    word = _negation_word(node)
    if not word:
        return None, ""
    modal = next(
        (c for c in node.children if c.dep_ == "aux" and c.lower_ in gazetteer.word_list("refusal_modals.txt")), None
    )
    return ("refusal", f"{modal.lower_} {word}") if modal is not None else ("negated", word)


def _negation_word(verb: Token) -> str:
    return next((c.lower_ for c in verb.children if c.dep_ == "neg"), "")


def _agentless_act(token: Token, kind: str) -> bool:
    """An act the text asserts without naming who did it ("the port was struck overnight", "a drone hit the
    depot", "strikes were carried out on Odesa"): kept with no source when it is a material act stated in the
    sentence's own clause (or in what a reporting verb reports), not in a condition, a purpose, a relative
    clause or a noun phrase that only mentions it."""
    if kind not in gazetteer.material_event_types():
        return False
    node = token
    toll = _toll_of(token)
    if toll is not None:  # "three were killed in a drone strike": the strike is asserted as what killed them
        if _definite(token):
            return False  # "killed in the strike": the strike reported before
        node = toll
    elif token.pos_ == "NOUN":
        if token.dep_ == "ROOT":
            return True
        if token.dep_ not in ("dobj", "nsubjpass") or token.head.lemma_.lower() not in gazetteer.word_list(
            "light_verbs.txt"
        ):
            return False
        node = token.head
    subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if any(c.dep_ == "neg" for c in node.children) or (subject is not None and _negated(subject)):
        return False  # "no group has claimed the attack": it says who did not, not what was done
    act_noun = subject is not None and _trigger_noun(subject)
    if subject is not None and act_noun and _definite(subject):
        return False  # "the strikes killed 46": the act reported before, not a new one
    patient = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
    if patient is not None and _definite(patient) and _mentioned_before(patient):
        return False  # "North Korea fired a missile ... The missile was launched from": the same act, told again
    if node.lemma_.lower() in gazetteer.casualty_verbs() and not act_noun and toll is None:
        return False  # "four people were killed": a toll (a claim) unless an act is named ("a bombing killed")
    return _asserted_clause(node)


def _toll_of(noun: Token) -> Token | None:
    """The passive casualty verb whose "in" or "by" phrase a trigger noun is ("were killed in a suicide
    bombing", "wounded by shelling"): the act that caused the toll. An active verb's subject did the act
    ("aircraft killed 46 in an attack": one act, the killing's)."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "by"):
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in gazetteer.casualty_verbs():
        return None
    return None if any(c.dep_ == "nsubj" for c in verb.children) else verb


def _negated(noun: Token) -> bool:
    """ "no group", "nobody", "no one": a subject that says no one did it."""
    return noun.lower_ in ("nobody", "none") or any(c.lower_ == "no" for c in noun.children)


def _definite(noun: Token) -> bool:
    """ "the strikes", "these soldiers": a noun phrase that refers back."""
    definite = {"the", *gazetteer.word_list("reference_determiners.txt")}
    return any(c.dep_ == "det" and c.lower_ in definite for c in noun.children)


def _mentioned_before(noun: Token) -> bool:
    """True when an earlier sentence already named the noun ("a missile" ... "the missile")."""
    start = sentence_of(noun).start
    return any(t.lemma_ == noun.lemma_ and t.pos_ == "NOUN" for t in noun.doc[max(0, start - 120) : start])


def _asserted_clause(verb: Token) -> bool:
    """True when the verb's clause is asserted: the main clause, a clause coordinated with one, or the clause a
    reporting verb reports ("police said two men were arrested"); never under "if", "unless", "before"."""
    while True:
        if any(c.dep_ == "mark" and c.lower_ not in ("that",) for c in verb.children):
            return False
        if verb.dep_ == "ROOT":
            return True
        coordinated = verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX")
        reported = verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in gazetteer.word_list(
            "reporting_verbs.txt"
        )
        if not (coordinated or reported):
            return False
        verb = verb.head


def _arguments(
    token: Token, trigger: TriggerEntry, attributor: Attributor, earlier: list[Event]
) -> tuple[str | None, str | None]:
    """(source, target) from the trigger's subject/agent and object or prepositional phrase."""
    source = _source(token, trigger, attributor, earlier)
    target = None
    for child in token.children:
        if child.dep_ in ("dobj", "dative") or (child.dep_ == "nsubjpass" and trigger.type != "AID"):
            target = _actor_of(child, attributor)
        if target is None and child.dep_ == "prep" and child.lower_ in gazetteer.word_list("target_prepositions.txt"):
            target = next((_actor_of(g, attributor) for g in child.children if g.dep_ == "pobj"), None)
        if target is not None:
            break
    if target is None and token.pos_ == "NOUN":  # "sanctions against Pyongyang", "support ... to Kyiv"
        for child in [*token.children, *(token.head.children if token.head.pos_ == "VERB" else [])]:
            if (
                child.dep_ == "prep"
                and child.lower_ in gazetteer.word_list("target_prepositions.txt")
                and target is None
            ):
                target = next((_actor_of(g, attributor) for g in child.children if g.dep_ == "pobj"), None)
    if target is None:  # "launched 94 drones ... at Ukraine", "cut diplomatic ties with Kigali"
        for child in token.children:
            if child.dep_ == "dobj":
                for inner in child.subtree:
                    if (
                        inner.dep_ == "prep"
                        and inner.lower_ in gazetteer.word_list("target_prepositions.txt")
                        and target is None
                    ):
                        target = next((_actor_of(g, attributor) for g in inner.children if g.dep_ == "pobj"), None)
    # the deeper readings below are for the core lexicon's triggers: a broad CAMEO verb ("seek", "help",
    # "provoke") needs a party of its own, not one found in a clause or phrase under it
    core = not _broad(token, trigger)
    if target is None and core:
        target = _complement_target(token, attributor, source)
    if target is None and core and trigger.type in gazetteer.event_types("future"):
        target = _condition_target(token, attributor, source)
    if target is None and core:
        target = _nested_target(token, attributor, source)
    if target is None:
        target = _demonstrative_target(token, attributor, source)
    if target is None and trigger.type == "AID":
        target = _beneficiary(token, attributor)
    if target is None and core and trigger.type in gazetteer.cooperation_event_types():
        target = _supported(token, attributor, source)
    if target is None and trigger.type in gazetteer.event_types("symmetric"):
        source, target = _joint_parties(token, attributor, source)
    if target is None and core:
        target = _fallback_target(token, attributor, source)
    toll = _toll_of(token)
    if target is None and toll is not None:  # "three Iraqi civilians were killed in a bombing": whom it hit
        victims = next((c for c in toll.children if c.dep_ in ("nsubjpass", "dobj")), None)
        target = attributor.resolve(victims) if victims is not None else None
    return source, target


def _fallback_target(token: Token, attributor: Attributor, source: str | None) -> str | None:
    """When no target preposition names one, "from" or "by" does, on the trigger, its complement or inside
    their objects: "demanded autonomy from Belgrade", "rejected an offer from Kabul", "condemned the shelling
    by Russia" (whose act a statement is about). Tried last: "sent troops from X to Y" aims at Y."""
    prepositions = gazetteer.word_list("fallback_target_prepositions.txt")
    complements = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")]
    for node in [token, *complements]:
        phrases = [c for c in node.children if c.dep_ == "prep"]
        phrases += [t for c in node.children if c.dep_ == "dobj" for t in c.subtree if t.dep_ == "prep"]
        for phrase in phrases:
            if phrase.lower_ not in prepositions:
                continue
            found = next(
                (a for g in phrase.children if g.dep_ == "pobj" for a in [_actor_of(g, attributor)] if a), None
            )
            if found and found != source:
                return found
    return None


def _complement_target(token: Token, attributor: Attributor, source: str | None) -> str | None:
    """Whom an act is aimed at when its clausal complement names the party ("demanded that Niger release",
    "threatened to cut off gas to Armenia", "refused to let Peruvian aircraft land", "its demand that X
    withdraw"): the complement's subject, object or target-preposition object, other than the source."""
    clauses = [c for c in token.children if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "acl" and token.pos_ == "NOUN")]
    for clause in clauses:
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
                nodes = [child]
            elif child.dep_ == "prep" and child.lower_ in gazetteer.word_list("target_prepositions.txt"):
                nodes = [g for g in child.children if g.dep_ == "pobj"]
            else:
                continue
            if child.dep_ == "dobj":  # "threatened to break relations with Moscow"
                nodes += [g for t in child.subtree if _is_target_preposition(t) for g in t.children if g.dep_ == "pobj"]
            found = next((a for a in (attributor.resolve(n) for n in nodes) if a and a != source), None)
            if found:
                return found
    return None


def _condition_target(token: Token, attributor: Attributor, source: str | None) -> str | None:
    """Whom a threat is aimed at: the subject of its condition ("threatened to close the strait if the United
    States attacks", "warned it would cut power unless Kosovo withdrew")."""
    for clause in token.subtree:
        if clause.dep_ != "advcl":
            continue
        marks = [c for c in clause.children if c.dep_ == "mark"]
        if not any(gazetteer.context_cues("event").get(m.lower_) == "hypothetical" for m in marks):
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        found = attributor.resolve(subject) if subject is not None else None
        if found and found != source:
            return found
    return None


def _nested_target(token: Token, attributor: Attributor, source: str | None) -> str | None:
    """A target preposition one phrase down: "mobilized reservists for a war against Poland", "took part in
    the fight against ISIS"."""
    for phrase in token.children:
        if phrase.dep_ != "prep" or _is_target_preposition(phrase):
            continue
        for noun in (g for g in phrase.children if g.dep_ == "pobj"):
            for inner in noun.children:
                if not _is_target_preposition(inner):
                    continue
                found = next(
                    (a for g in inner.children if g.dep_ == "pobj" for a in [attributor.resolve(g)] if a), None
                )
                if found and found != source:
                    return found
    return None


def _is_target_preposition(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ in gazetteer.word_list("target_prepositions.txt")


def _beneficiary(token: Token, attributor: Attributor) -> str | None:
    """Whom aid is for when a purpose infinitive says it ("sent troops to help Russia", "deployed forces to
    support Mali"): the infinitive's object."""
    for clause in token.children:
        if clause.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            for obj in clause.children:
                if obj.dep_ == "dobj" and attributor.resolve(obj):
                    return attributor.resolve(obj)
    return None


def _supported(token: Token, attributor: Attributor, source: str | None) -> str | None:
    """Whom a cooperative act helps when "in support of X", "in defence of X" says it ("deployed troops in
    support of Lithuania"); for hostile acts that phrase names an ally, not the target, so it is not read."""
    for phrase in token.children:
        if phrase.dep_ != "prep":
            continue
        for noun in phrase.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in gazetteer.word_list("beneficiary_nouns.txt"):
                continue
            for inner in noun.children:
                if inner.dep_ == "prep" and inner.lower_ == "of":
                    found = next((attributor.resolve(g) for g in inner.children if g.dep_ == "pobj"), None)
                    if found and found != source:
                        return found
    return None


def _joint_parties(token: Token, attributor: Attributor, source: str | None) -> tuple[str | None, str | None]:
    """A joint act's second party: the second conjunct of its subject ("Jordan and Britain agreed") or the
    members of a "between A and B" phrase ("talks between Athens and Ankara")."""
    groups = [c for c in token.children if c.dep_ == "nsubj"]
    groups += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children]
    for first in groups:
        members = [first, *(c for c in first.conjuncts)]
        found = [a for a in (attributor.resolve(m) for m in members) if a]
        if len(found) >= 2 and found[0] != found[1]:
            return (source or found[0]), (found[1] if found[1] != source else found[0])
    return source, None


def _source(token: Token, trigger: TriggerEntry, attributor: Attributor, earlier: list[Event]) -> str | None:
    if token.pos_ == "NOUN":  # "Israeli air strikes", "its military support", "sanctions" sought by X
        owner = next(
            (
                attributor.resolve(c)
                for c in token.children
                if c.dep_ in ("amod", "poss", "compound") and attributor.resolve(c)
            ),
            None,
        )
        if owner:
            return owner
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is not None:
        objects = [g for g in agent.children if g.dep_ == "pobj"]
        if objects:
            return _actor_of(objects[0], attributor)
    aids_alongside = bool(trigger.alongside_type) and _alongside(token)
    if (trigger.type == "AID" and (trigger.objects or token.tag_ == "VBN")) or aids_alongside:
        # "10,900 North Korean troops ... deployed": whose troops, unless the clause names its own doer
        # ("North Korean troops are in Kursk. Russia deployed troops to Belarus": Russia, not North Korea)
        subject = next((c for c in token.children if c.dep_ == "nsubj" and token.tag_ != "VBN"), None)
        doer = attributor.resolve(subject) if subject is not None else None
        if doer:
            return doer
        patient = _patient(token)
        if patient is not None:
            owner = _actor_of(patient, attributor, anaphora=True)
            if owner:
                return owner
    node = token
    if token.pos_ == "NOUN":  # "held talks", "may seek to strengthen sanctions": the light verb's subject
        node = _carrier(token)
        while node.lemma_.lower() in gazetteer.word_list("light_verbs.txt") and not any(
            c.dep_ == "nsubj" for c in node.children
        ):
            if node.dep_ not in ("xcomp", "conj") or node.head is node:
                break
            node = node.head
        if node.lemma_.lower() not in gazetteer.word_list("light_verbs.txt") and not any(
            c.dep_ == "nsubj" for c in node.children
        ):
            return None
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in ("nsubj",)), None)
        if subject is not None:
            return _actor_of(
                subject, attributor, anaphora=subject.lemma_.lower() in gazetteer.word_list("troop_nouns.txt")
            )
        if node.dep_ not in ("xcomp", "conj") or node.head is node:
            break
        node = node.head
    if token.dep_ in ("acl", "advcl", "conj") and earlier:
        return earlier[-1].source
    return None


def _carrier(noun: Token) -> Token:
    """The word whose subject did the act a noun names: its head, or the verb above "responsibility for"
    ("X claimed responsibility for the attack": X attacked)."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "for":
        return head
    owning = gazetteer.word_list("responsibility_nouns.txt")
    above = head.head
    if above.lemma_.lower() in owning:  # "responsibility for the attack"
        return above.head
    if any(c.dep_ == "dobj" and c.lemma_.lower() in owning for c in above.children):  # "took credit | for it"
        return above
    return head


def _patient(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in ("nsubjpass", "dobj") or (child.dep_ == "nsubj" and token.tag_ == "VBN"):
            return child
    if token.dep_ == "acl" and token.head.pos_ == "NOUN":
        return token.head
    if token.dep_ in ("xcomp", "acomp", "attr", "oprd"):  # "troops are positioned near Kursk"
        return next((c for c in token.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    return None


def _actor_of(node: Token, attributor: Attributor, anaphora: bool = False) -> str | None:
    """The actor a phrase names: itself, its coordinated first member, or (for "these soldiers") the
    last earlier phrase with the same noun that named one."""
    found = attributor.resolve(node)
    if found or not anaphora:
        return found
    return _earlier_owner(node, attributor)


def _earlier_owner(node: Token, attributor: Attributor) -> str | None:
    """ "These soldiers": the actor of the last earlier mention of such people ("North Korean troops")."""
    lemma = node.lemma_.lower()
    family = gazetteer.word_list("troop_nouns.txt") if lemma in gazetteer.word_list("troop_nouns.txt") else {lemma}
    doc = node.doc
    for token in reversed(doc[max(0, node.i - 120) : node.i]):
        if token.lemma_.lower() in family and token.pos_ == "NOUN":
            owner = attributor.resolve(token)
            if owner:
                return owner
    return None


def _demonstrative_target(token: Token, attributor: Attributor, source: str | None) -> str | None:
    """ "condemned this cooperation": the actors of the earlier "cooperation between Moscow and Pyongyang"."""
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None or not any(c.lower_ in gazetteer.word_list("reference_determiners.txt") for c in obj.children):
        return None
    doc = obj.doc
    for earlier in reversed(doc[: obj.i - 1]):
        if earlier.lemma_.lower() == obj.lemma_.lower() and earlier.pos_ == "NOUN":
            for inner in earlier.subtree:
                found = attributor.resolve(inner) if inner.pos_ == "PROPN" else None
                if found and found != source:
                    return found
    return None


def _last_two_states(token: Token, attributor: Attributor) -> tuple[str, str] | None:
    """The two states named last before a symmetric act with no named parties ("a mutual treaty")."""
    named: list[str] = []
    for _s, e, actor in reversed(attributor.mentions):
        if e <= token.idx and actor.kind == "state" and actor.id not in named:
            named.append(actor.id)
        if len(named) == 2:
            return named[1], named[0]
    return None


def _refine(token: Token, trigger: TriggerEntry, kind: str, target: str | None, places: list[Place]) -> str:
    """The type a trigger's row gives in a particular use: with no target (a missile fired at nobody is a test,
    troops deployed to no one mobilise), with a place as an argument (ground captured is FIGHT), or done
    alongside a party (fighting alongside someone is military aid to them)."""
    objects = {c.lemma_.lower() for c in token.children if c.dep_ == "dobj"}
    untargeted_fits = not trigger.untargeted_objects or objects & trigger.untargeted_objects
    if trigger.untargeted_type and target is None and untargeted_fits:
        return trigger.untargeted_type
    if trigger.place_type and _takes_ground(token, places):
        return trigger.place_type
    if trigger.alongside_type and _alongside(token):
        return trigger.alongside_type
    return kind


def _takes_ground(token: Token, places: list[Place]) -> bool:
    """True when what the act takes is ground, not people: its object is a place ("captured Avdiivka", "the
    town of Pokrovsk was seized"), not merely a place somewhere in the clause ("captured soldiers near
    Kharkiv", "Ukraine captured two soldiers")."""
    for child in token.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        if child.ent_type_ in ("GPE", "LOC", "FAC") or child.lemma_.lower() in gazetteer.word_list(
            "of_place_heads.txt"
        ):
            return True
        if any(s <= child.idx < e for place in places for s, e in place.mentions):
            return True
    return False


def _alongside(token: Token) -> bool:
    return any(c.lower_ == "alongside" for c in token.children)


def _side(actor_id: str | None, by_id: dict[str, Actor]) -> str | None:
    """The party an actor acts for: its state for organs and people, itself otherwise."""
    actor = by_id.get(actor_id or "")
    return (actor.country or actor.id) if actor else actor_id


def _place(token: Token, places: list[Place]) -> Place | None:
    """A place named inside the trigger's own phrase ("deployed near Kursk"), never the dateline's ("KYIV: ",
    where the story was filed)."""
    start = max(min(t.idx for t in token.subtree), dateline_end(sentence_of(token)))
    end = max(t.idx + len(t) for t in token.subtree)
    for place in places:
        if any(start <= s and e <= end for s, e in place.mentions):
            return place
    return None


def _country_actor(country: str | None, by_id: dict[str, Actor]) -> str | None:
    if country is None:
        return None
    if country in by_id:
        return country
    return next((a.id for a in by_id.values() if a.country == country), None)


def _context(token: Token, event: Event, reference: str | None) -> str | None:
    """The event's context from the auxiliaries, adverbs and markers of its trigger and the words above it."""
    inner = {t.i for c in token.subtree if c.dep_ in SUBORDINATE_CLAUSES and c != token for t in c.subtree}
    words = {t.lower_ for t in token.subtree if t.dep_ in ("aux", "advmod", "mark") and t.i not in inner}
    words |= {c.lower_ for a in [token, *token.ancestors] for c in a.children if c.dep_ in ("aux", "advmod", "mark")}
    words |= {a.lower_ for a in token.ancestors}
    return find_context(words, "event", event.time, reference, future=event.type in gazetteer.event_types("future"))
