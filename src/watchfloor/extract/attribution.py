"""Attribution: who states what a sentence reports, as a speaker span resolved to an actor.

Frames are found per sentence: a reporting verb and its subject ("the ministry said", "said X"), "according
to X", a source's noun ("the IAEA's yardstick"), and "citing X" for chains (the ultimate source last).
Speakers that are pronouns or definite descriptions ("he added", "the agency said") resolve to the actor
named earlier that fits. A figure takes the frame whose cue governs it; with none, the outlet speaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from watchfloor import gazetteer
from watchfloor.extract.clause import dateline_end
from watchfloor.extract.reporting import (
    RELATIVE_PRONOUNS,
    controller_subject,
    in_tail,
    outlet_spans,
    own_report,
    quotations,
    relative_pronoun,
    reports,
    separate_statement,
)
from watchfloor.model import Actor, Attribution, Place, Span
from watchfloor.nlp.sentences import doc_text, sentence_of, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

KIND_RANK = {"person": 0, "organization": 1, "igo": 2, "ngo": 2, "armed_group": 2, "state": 3}
PRONOUNS = {
    "he": "person",
    "she": "person",
    "it": "thing",
    "they": "any",
    "we": "any",
    "i": "person",
    "its": "thing",
    "their": "any",
    "his": "person",
    "her": "person",
}
# Source nouns (source_nouns.txt), the head nouns of definite descriptions and what they may refer back to
# (speaker_descriptions.tsv), and the speakers that stand for the authorities of the story's country
# (local_authorities.txt) are rule tables in data/, read through the gazetteer.


@dataclass(frozen=True)
class _Frame:
    cue_token: int
    cue: str
    attribution: Attribution
    covers: tuple[int, int]  # character range of the speaker's whole phrase, relative clauses included
    loose: bool  # reaches the whole sentence ("according to", "the IAEA's yardstick", "..., X said")
    outlet: bool = False  # a private outlet speaking ("Reuters reported"): the outlet's voice, never a source


class Attributor:
    """Finds the frames of one document once and answers, per token, who states it."""

    def __init__(
        self, doc: Doc, actors: list[Actor], theatre: str | None = None, places: list[Place] | None = None
    ) -> None:
        self.doc = doc
        self.theatre = theatre
        # where each place is named, with the actor of its country ("Kharkiv mayor Ihor Terekhov said")
        states = {a.country: a.id for a in actors if a.kind == "state" and a.country}
        self.place_states = [
            (s, e, states[p.country]) for p in places or [] if p.country in states for s, e in p.mentions
        ]
        self.mentions = sorted(((s, e, a) for a in actors for s, e in a.mentions), key=lambda m: m[0])
        self.outlets = outlet_spans(doc)
        self.frames: dict[int, list[_Frame]] = {}
        last: Attribution | None = None
        for number, sentence in enumerate(sentences(doc)):
            frames = []
            for frame in self._sentence_frames(sentence, last):
                frames.append(frame)
                if frame.attribution.actor:
                    last = frame.attribution
            self.frames[number] = frames
        self.sentence_of = {token.i: number for number, sentence in enumerate(sentences(doc)) for token in sentence}
        self.quotations = self._quotation_speakers()

    def attribution_for(self, token: Token) -> Attribution | None:
        """Who states the token: the outermost reporting frame governing it (inner sources join its chain),
        else a sentence-wide cue ("according to X", "X said" closing the sentence), else the speaker of a
        quotation running over several sentences that holds it."""
        found = self._sentence_attribution(token)
        if found is None:
            found = next((a for (start, end), a in self.quotations if start <= token.idx < end), None)
        return found

    def _quotation_speakers(self) -> list[tuple[Span, Attribution]]:
        """'The commander said: "We lost 12 men. Another 30 were wounded."': a quotation over several
        sentences is its speaker's, whose frame stands outside it in its first or last sentence."""
        found = []
        for start, end in quotations(doc_text(self.doc)):
            first = self.doc.char_span(start, start + 1, alignment_mode="expand")
            last = self.doc.char_span(end - 1, end, alignment_mode="expand")
            if first is None or last is None:
                continue
            numbers = (self.sentence_of.get(first[0].i, -1), self.sentence_of.get(last[0].i, -1))
            if numbers[0] == numbers[1]:
                continue  # within one sentence the parse already links the quotation to its verb
            frames = [
                f
                for number in (numbers[1], numbers[0])
                for f in self.frames.get(number, [])
                if not f.outlet and not start <= self.doc[f.cue_token].idx < end
            ]
            if frames:
                found.append(((start, end), frames[0].attribution))
        return found

    def _sentence_attribution(self, token: Token) -> Attribution | None:
        frames = [
            f
            for f in self.frames.get(self.sentence_of.get(token.i, -1), [])
            if not _inside(token.idx, f.covers) and not in_tail(token, f.cue_token) and not f.outlet
        ]
        ancestors = {ancestor.i: depth for depth, ancestor in enumerate(token.ancestors, start=1)}
        governing = sorted((f for f in frames if f.cue_token in ancestors), key=lambda f: -ancestors[f.cue_token])
        governing = governing[separate_statement(self.doc, [f.cue_token for f in governing]) :]
        if not governing:  # a closing "X said" the parser did not make the head; never one with its own report
            governing = [
                f for f in frames if f.loose or (f.cue_token > token.i and not own_report(self.doc[f.cue_token]))
            ][-1:]
        if not governing:  # a misparse: the nearest reporting verb before the figure
            governing = [f for f in frames if f.cue_token < token.i][-1:]
        if not governing:
            return None
        outer = governing[0].attribution
        inner = [a for f in governing[1:] for a in f.attribution.chain if a not in outer.chain]
        return Attribution(outer.speaker, outer.actor, outer.cue, outer.span, (*outer.chain, *inner))

    def resolve(self, head: Token) -> str | None:
        """The actor a noun phrase names: an actor inside it, else what a pronoun or description refers to."""
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            head = head.head.head  # "the United States, which keeps 900 troops": the antecedent
        own = _own_words(head)
        start, end = min(t.idx for t in own), max(t.idx + len(t) for t in own)
        inside = self._actor_in(start, end) or self._located(head)
        if inside:
            return inside
        possessive = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if possessive is not None:  # "its fighters", "its own soldiers": the actor named last before
            return self.previous_actor(possessive.idx)
        frames = [
            f
            for number in sorted(self.frames)
            if number <= self.sentence_of.get(head.i, -1)
            for f in self.frames[number]
            if f.attribution.span[1] <= start and f.attribution.actor
        ]
        return self._refer(head, start, frames[-1].attribution if frames else None)

    def _located(self, head: Token) -> str | None:
        """Whose people a bare noun of people names by where they are or come from: "opposition groups in
        Zimbabwe", "rebels in the Ivory Coast" (a state), "activists from the Fatah party" (any actor). Armed
        people are left out: "troops in Belarus" are seldom Belarus's."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in gazetteer.word_list("resident_nouns.txt"):
            return None
        for phrase in head.children:
            if phrase.dep_ != "prep" or phrase.lower_ not in ("in", "from"):
                continue
            for noun in (c for c in phrase.children if c.dep_ == "pobj"):
                start, end = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)
                named = [a for s, e, a in self.mentions if start <= s and e <= end]
                named = [a for a in named if a.kind == "state"] if phrase.lower_ == "in" else named
                if named:
                    return min(named, key=lambda a: KIND_RANK.get(a.kind, 4)).id
        return None

    def _controller(self, pronoun: Token) -> str | None:
        """The subject a possessive refers to: the nearest clause subject above it (for "prompt X to do",
        the object X), if it names an actor."""
        for node in pronoun.ancestors:
            if node.dep_ == "xcomp":  # "prompt South Korea to reassess its policy": the object controls
                children = list(node.head.children)
                controller = next((c for c in children if c.dep_ == "dobj"), None) or next(
                    (c for c in children if c.dep_ == "nsubj"), None
                )
            else:
                controller = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if controller is not None and pronoun not in controller.subtree:
                found = self._actor_in(controller.left_edge.idx, controller.right_edge.idx + len(controller.right_edge))
                if found:
                    return found
                if controller.pos_ != "PRON":
                    return None
        return None

    def previous_actor(self, position: int) -> str | None:
        """The actor named last before a position, within the current and previous sentence."""
        token = self.doc.char_span(position, position + 1, alignment_mode="expand")
        floor = sentence_of(self.doc[max(0, sentence_of(token[0]).start - 1)]).start_char if token is not None else 0
        earlier = [actor for s, _e, actor in self.mentions if floor <= s < position]
        return earlier[-1].id if earlier else None

    def _sentence_frames(self, sentence: SpacySpan, last: Attribution | None) -> list[_Frame]:
        frames = []
        for token in sentence:
            found = self._frame_at(token, last)
            if found is not None:
                frames.append(found)
                if found.attribution.actor:
                    last = found.attribution
        return frames

    def _frame_at(self, token: Token, last: Attribution | None) -> _Frame | None:
        if token.lower_ == "according" and any(child.lower_ == "to" for child in token.children):
            to = next(child for child in token.children if child.lower_ == "to")
            objects = [child for child in to.children if child.dep_ == "pobj"]
            if objects:
                return self._frame(token, "according to", objects[0], last, loose=True)
        if reports(token):
            subjects = [child for child in token.children if child.dep_ in ("nsubj", "nsubjpass")]
            subject = next((s for s in subjects if s.dep_ == "nsubj"), None)
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            if subject is None and agent is not None:
                subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if subject is None and token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj"):
                subject = controller_subject(token)  # "JNIM claimed the attack, saying its fighters had ..."
            if subject is None and token.i > 0 and token.doc[token.i - 1].pos_ in ("NOUN", "PROPN"):
                subject = token.doc[token.i - 1]  # a misparse: "..., South Korea's NIS said", "Ukraine's HUR estimated"
            if subject is not None and not relative_pronoun(subject):
                return self._frame(token, token.text.lower(), subject, last)
        if token.lower_ in gazetteer.source_nouns():
            owner = next((child for child in token.children if child.dep_ == "poss"), None)
            if owner is not None and owner.pos_ in ("PROPN", "NOUN"):
                return self._frame(token, token.text.lower(), owner, last, loose=True)
        return None

    def _frame(self, cue: Token, cue_text: str, head: Token, last: Attribution | None, loose: bool = False) -> _Frame:
        start, end = _speaker_bounds(head)
        speaker = doc_text(self.doc)[start:end]
        actor = self._actor_in(start, end, nearest_last=True) or self._refer(head, start, last)
        if actor is None:  # "Kharkiv mayor Ihor Terekhov", "Gaza's civil defence agency": the place's state
            actor = next((state for s, e, state in self.place_states if start <= s and e <= end), None)
        cited = self._cited(cue)
        # "Reuters reported", "a Reuters tally of Ukrainian air force data": an outlet heading the speaker or
        # modifying its head noun makes the outlet's own voice, whatever the phrase names further on
        own = (head.left_edge.idx, head.idx + len(head))
        outlet = any(own[0] <= s and e <= own[1] for s, e in self.outlets) or (
            actor is None and any(start <= s and e <= end for s, e in self.outlets)
        )
        if outlet and not cited:
            actor = None
        if outlet and cited:  # "AFP, citing the army, said": the cited source speaks; the outlet only carries it
            (start, end), actor = cited[0]
            speaker, outlet, cited = doc_text(self.doc)[start:end], False, cited[1:]
        chain = [actor] if actor else []
        chain += [found for _span, found in cited if found]
        attribution = Attribution(speaker, actor, cue_text, (start, end), tuple(chain))
        # the speaker's phrase with its relative clauses ("NATO, which has 4,500 troops, said"), but never the
        # reported clause itself when a misparse hangs it from the speaker ("Ukraine's HUR estimated that ...")
        inside = list(head.subtree)
        if cue in head.subtree:
            below_cue = {t.i for t in cue.subtree}
            inside = [t for t in inside if t.i not in below_cue and not t.is_punct and t.i < cue.i] or [head]
        covers = (min(t.idx for t in inside), max(t.idx + len(t) for t in inside))
        return _Frame(cue.i, cue_text, attribution, covers, loose, outlet)

    def _actor_in(self, start: int, end: int, nearest_last: bool = False) -> str | None:
        """The actor a stretch names: the most specific kind; for a speaker, among equals the one named last,
        nearest its head ("the al Qaeda-affiliated JNIM group": JNIM)."""
        inside = [(s, actor) for s, e, actor in self.mentions if start <= s and e <= end]
        if not inside:
            return None
        order = -1 if nearest_last else 1
        return min(inside, key=lambda m: (KIND_RANK.get(m[1].kind, 4), order * m[0]))[1].id

    def _refer(self, head: Token, start: int, last: Attribution | None) -> str | None:
        """A pronoun or a definite description ("the agency") refers back to an actor named earlier."""
        word = head.lower_
        if word in PRONOUNS:
            if PRONOUNS[word] == "person":  # "he said": the person named last, else the last speaker
                people = [a for _s, e, a in self.mentions if e <= start and a.kind == "person"]
                if people:
                    return people[-1].id
                return last.actor if last else None
            if word in ("its", "their"):  # "South Korea ... to reassess its policy": the clause's subject
                controller = self._controller(head)
                if controller:
                    return controller
            if PRONOUNS[word] == "thing":  # "It added": what the last sentence was about, else its last speaker
                topic = self._previous_subject(head)
                if topic:
                    return topic
            return last.actor if last else self.previous_actor(start)
        definite = any(c.lower_ == "the" for c in head.children)
        if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and definite):  # "the General Staff said"
            return None
        if definite and word in gazetteer.source_nouns():  # "The report said": whoever issued the report
            return self._issuer(head) or (last.actor if last else None)
        if head.lemma_.lower() in gazetteer.word_list("spokesperson_nouns.txt") and last is not None:
            return last.actor  # "Israel's military said ... 'We hit 40 launchers,' a spokesman said": its spokesman
        wanted = gazetteer.speaker_descriptions().get(word, {})
        authorities = gazetteer.local_authorities()
        local = head.lemma_.lower() in authorities or any(t.lower_ in authorities for t in [head, *head.lefts])
        for _s, _e, actor in reversed([m for m in self.mentions if m[1] <= start]):
            if word in actor.name.lower().split():
                return actor.id
            if wanted and _fits(actor, wanted):
                return actor.id
        if wanted and not definite:  # "..., a war monitor said. The Syrian Observatory ... said": named next
            following = sentence_of(head).end
            ahead = sentence_of(self.doc[following]).end_char if following < len(self.doc) else len(self.doc.text)
            named = [a for s, _e, a in self.mentions if start < s < ahead and _fits(a, wanted) and a.kind != "state"]
            if named:
                return named[0].id
        return self.theatre if local else None

    def _issuer(self, noun: Token) -> str | None:
        """Who issued the document a definite noun names ("The UN released a report on Tuesday. The report
        said ..."): the owner or the subject of the verb of the same noun met before, in this sentence or the
        two before it."""
        sentence = sentence_of(noun)
        floor = sentence_of(self.doc[max(0, sentence.start - 1)])
        floor = sentence_of(self.doc[max(0, floor.start - 1)])
        for earlier in reversed(self.doc[floor.start : noun.i]):
            if earlier.lemma_.lower() != noun.lemma_.lower():
                continue
            owner = next((c for c in earlier.children if c.dep_ == "poss"), None)
            verb = earlier.head if earlier.dep_ in ("dobj", "nsubjpass") else None
            issuer = owner or (
                next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
            )
            if issuer is not None:
                return self._actor_in(issuer.left_edge.idx, issuer.right_edge.idx + len(issuer.right_edge))
        return None

    def _previous_subject(self, pronoun: Token) -> str | None:
        """The organisation or state that is the subject of the sentence before the pronoun's ("Israel's
        military said it struck 150 targets. It added ..."), the usual referent of a speaking "it"."""
        sentence = sentence_of(pronoun)
        if sentence.start == 0:
            return None
        root = sentence_of(self.doc[sentence.start - 1]).root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        found = [a for s, e, a in self.mentions if s >= subject.left_edge.idx and e <= subject.idx + len(subject)]
        things = [a for a in found if a.kind != "person"]
        return min(things, key=lambda a: KIND_RANK.get(a.kind, 4)).id if things else None

    def _cited(self, cue: Token) -> list[tuple[Span, str | None]]:
        """ "Yonhap, citing the NIS, reported", "TASS said, quoting the ministry": the cited sources (their
        words and actors), ultimate last. The citing verbs are a table (citing_verbs.txt)."""
        cited: list[tuple[Span, str | None]] = []
        verbs = gazetteer.word_list("citing_verbs.txt")
        for token in cue.subtree:
            if token.lemma_.lower() in verbs and token.pos_ == "VERB":
                for child in token.children:
                    if child.dep_ in ("dobj", "pobj"):
                        start, end = _speaker_bounds(child)
                        cited.append(((start, end), self._actor_in(start, end)))
        return cited


def _fits(actor: Actor, wanted: dict[str, str]) -> bool:
    """True when an actor is of a description's sectors and kinds (speaker_descriptions.tsv)."""
    sector_ok = not wanted.get("sector") or (actor.sector or "") in wanted["sector"].split("|")
    kind_ok = not wanted.get("kind") or actor.kind in wanted["kind"].split("|")
    return sector_ok and kind_ok


def _own_words(head: Token) -> list[Token]:
    """A phrase without its coordinated members, clauses and non-"of" complements: "the United States" of
    "the United States and NATO", "weapons" of "weapons supplied to Moscow"."""
    dropped: set[int] = set()
    for child in head.children:
        if child.dep_ in ("conj", "cc", "acl", "relcl", "appos") or (child.dep_ == "prep" and child.lower_ != "of"):
            dropped.update(t.i for t in child.subtree)
    return [t for t in head.subtree if t.i not in dropped] or [head]


def _speaker_bounds(head: Token) -> Span:
    """The speaker's words: the head's subtree without relative clauses and trailing punctuation."""
    dropped: set[int] = set()
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "advcl", "parataxis") or child.lemma_.lower() == "cite":
            dropped.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in dropped]
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ == "CCONJ"):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    if not tokens:
        return head.idx, head.idx + len(head)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _inside(position: int, span: Span) -> bool:
    return span[0] <= position < span[1]


def make_attributor(doc: Doc, actors: list[Actor], places: list[Place]) -> Attributor:
    """Who says what in the document, knowing the country where its story happens."""
    return Attributor(doc, actors, _theatre(doc, places, actors), places)


def _theatre(doc: Doc, places: list[Place], actors: list[Actor]) -> str | None:
    """The actor of the country where the story happens: the one most of its places lie in (datelines aside)."""
    counts: dict[str, int] = {}
    for place in places:
        for start, _end in place.mentions:
            sentence = doc.char_span(start, _end, alignment_mode="expand")
            if place.country and sentence is not None and start >= dateline_end(sentence_of(sentence[0])):
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
