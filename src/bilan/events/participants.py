"""Who did what to whom, and who says so: actor1, actor2 and sources of a candidate event.

actor1 is, in order: the perpetrator of a linked count; for a disaster only a company named in
its subject (:func:`bilan.events.initiator.operator`); the actor named as subject (or passive
agent) of the trigger's verb; the author an event noun names ("des frappes russes"); for
arrests, the security force named last ("le suspect a été interpellé": ``actor1_context``); for
protests, riots and displacement the subject phrase itself ("des centaines de Tibétains"); else
the first actor named in the sentence that is not a source or a victim. A protest's or riot's
actor1 is the crowd, the police that intervened is its actor2. actor2 is the other party: another actor of the sentence (for battles and
agreements a coordinated one too: "la Russie et des groupes rebelles"), else the civilians a
count names as victims. Sources are the media and NGOs of the sentence, names after "selon",
subjects of reporting verbs, the linked counts' sources, and the speaker of a quote holding the
sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilan.actors import ActorDictionary, ActorMention, fold
from bilan.events.detect import Candidate
from bilan.events.initiator import CROWD_TYPES, earlier_force, of_trigger, operator, protesters
from bilan.events.rules import EventRules
from bilan.model import Document, EntityRef, Evidence
from bilan.parsing import text_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

VICTIM_GROUPS = frozenset({"civilians", "children", "women", "men", "journalists", "aid_workers"})
SUBJECT_ACTORS = {
    "Protests": ("protesters", 6),
    "Riots": ("rioters", 5),
    "displacement": ("civilians", 7),
    "disaster": (None, None),
    "Strategic developments": (None, None),
}
#: event types whose actor1 is only ever the subject (a place's owner is not the one who fled)
NO_FALLBACK = frozenset({"displacement", "disaster"})
ONE_SIDED = frozenset({"Violence against civilians", "Explosions/Remote violence"})
CROWD_EVENTS = frozenset({"Protests", "Riots"})
#: event types whose event noun may name its author ("des frappes russes"); an agreement's
#: nouns name both parties
AUTHORED = ONE_SIDED | {"Battles"}
_PHRASE_STOP = frozenset({"acl:relcl", "acl", "punct", "conj", "cc", "appos", "parataxis"})


@dataclass(frozen=True)
class Participants:
    actor1: EntityRef | None
    actor2: EntityRef | None
    sources: list[EntityRef]


def governing_verb(token: Token) -> Token:
    """The verb the trigger depends on (the trigger itself when it is a verb)."""
    for _ in range(6):
        if token.pos_ == "VERB" or token.head.i == token.i:
            return token
        token = token.head
    return token


def agents(verb: Token, *, passive_subject: bool) -> list[Token]:
    """Subjects of ``verb`` (and passive agents); "qui" stands for its antecedent."""
    deps = {"nsubj", "obl:agent"} | ({"nsubj:pass"} if passive_subject else set())
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in deps:
            out.append(verb.head if child.lower_ == "qui" and verb.dep_ == "acl:relcl" else child)
    if not out and verb.dep_ == "conj" and verb.head.i != verb.i:
        return agents(verb.head, passive_subject=passive_subject)
    return out


def phrase(token: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``token`` (no relative clause or apposition)."""
    keep = [token]
    stack = [c for c in token.children if c.dep_ not in _PHRASE_STOP]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _PHRASE_STOP)
    first = min(keep, key=lambda t: t.i)
    last = max(keep, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


class ParticipantFinder:
    """Finds the actors and sources of candidate events (one per pipeline)."""

    def __init__(self, actors: ActorDictionary, rules: EventRules) -> None:
        self.actors = actors
        self.rules = rules
        self.cues = tuple(fold(c) for c in rules.source_cues)

    def __call__(self, doc: Document, candidate: Candidate) -> Participants:
        sent = candidate.sent
        mentions = self.actors.find(doc.text, start=sent.start_char, end=sent.end_char)
        agent_tokens = self._agents(candidate)
        is_agent = [
            any(_covers(m, t, strict=m.actor.type in self.rules.source_types) for t in agent_tokens)
            for m in mentions
        ]
        is_source = [
            not agent and self._is_source(doc, sent, m)
            for m, agent in zip(mentions, is_agent, strict=True)
        ]
        actors = [m for m, src in zip(mentions, is_source, strict=True) if not src]
        actor1 = self._actor1(doc, candidate, actors, agent_tokens)
        actor2 = self._actor2(candidate, actors, actor1)
        if candidate.rule.kind.event_type in CROWD_EVENTS:
            actor1, actor2 = self._crowd_first(doc, candidate, actor1, actor2)
        sources = [
            m.actor.ref(m.text, m.evidence()) for m, s in zip(mentions, is_source, strict=True) if s
        ]
        parties = {a.name for a in (actor1, actor2) if a is not None}
        kept = [s for s in self._sources(doc, candidate, sources) if s.name not in parties]
        return Participants(actor1, actor2, kept)

    # -- actor1 ---------------------------------------------------------------------------------
    def _agents(self, candidate: Candidate) -> list[Token]:
        if candidate.hit is None:
            return []
        doc = candidate.sent.doc
        verb = governing_verb(doc[candidate.hit.head])
        kind = candidate.rule.kind
        # the one arrested is the passive subject, not the initiator
        passive = kind.event_type in SUBJECT_ACTORS and (
            kind.sub_event_type not in self.rules.actor1_context
        )
        return agents(verb, passive_subject=passive)

    def _crowd_first(
        self,
        doc: Document,
        candidate: Candidate,
        actor1: EntityRef | None,
        actor2: EntityRef | None,
    ) -> tuple[EntityRef | None, EntityRef | None]:
        """A protest's actor1 is its crowd; the force that intervened is actor2."""
        if actor1 is not None and actor1.actor_type in CROWD_TYPES:
            return actor1, actor2
        if actor1 is not None and actor1.inter != 1:
            return actor1, actor2
        crowd = protesters(self.actors, doc, candidate.sent) or self._crowd_of(doc, candidate)
        if crowd is None:
            return actor1, actor2
        return crowd, actor1 if actor1 is not None else actor2

    def _crowd_of(self, doc: Document, candidate: Candidate) -> EntityRef | None:
        """The crowd of a protest word that names none: "lors de rassemblements" → Protesters."""
        hits = [h for h in candidate.hits if h.rule.id in self.rules.crowd_rules]
        if not hits:
            return None
        hit = min(hits, key=lambda h: h.start)
        span = candidate.sent.doc[hit.start : hit.end]
        name = "Rioters" if candidate.rule.kind.event_type == "Riots" else "Protesters"
        ev = Evidence.of(doc.text, span.start_char, span.end_char)
        return self.actors[name].ref(ev.text, ev)

    def _actor1(
        self,
        doc: Document,
        candidate: Candidate,
        actors: list[ActorMention],
        agent_tokens: list[Token],
    ) -> EntityRef | None:
        kind = candidate.rule.kind
        if kind.event_type == "disaster":
            return operator(doc, agent_tokens)
        perpetrators = [self.canonical(c.perpetrator) for c in candidate.counts if c.perpetrator]
        known = [p for p in perpetrators if p.actor_type is not None]
        if known:
            return known[0]
        for token in agent_tokens:
            for m in actors:
                if _covers(m, token):
                    return m.actor.ref(m.text, m.evidence())
        hit = candidate.hit
        if hit is not None and kind.event_type in AUTHORED:
            for token in candidate.sent.doc[hit.start : hit.end]:
                named = of_trigger(self.actors, doc, token)
                if named is not None:
                    return named
        if perpetrators:
            return perpetrators[0]
        forces = self.rules.actor1_context.get(kind.sub_event_type or "")
        if forces is not None:
            return earlier_force(self.actors, doc, candidate.sent, forces)
        return self._fallback(doc, kind.event_type, actors, agent_tokens)

    def _fallback(
        self,
        doc: Document,
        event_type: str,
        actors: list[ActorMention],
        agent_tokens: list[Token],
    ) -> EntityRef | None:
        """The subject phrase (protests, displacement), else the first actor of the sentence,
        else the subject of an attack verb ("Un adolescent de 14 ans a ouvert le feu")."""
        nouns = [t for t in agent_tokens if t.pos_ in ("NOUN", "PROPN")]
        if event_type in SUBJECT_ACTORS and nouns:
            return self._subject_ref(doc, nouns[0], event_type)
        if event_type in NO_FALLBACK:
            return None
        named = [m for m in actors if m.actor.type != "civilians"]
        if named:
            return named[0].actor.ref(named[0].text, named[0].evidence())
        active = [t for t in nouns if t.dep_ == "nsubj"]
        if event_type in ONE_SIDED and active:
            start, end = phrase(active[0])
            ev = Evidence.of(doc.text, start, end)
            return EntityRef(text=ev.text, name=ev.text, kind="group", evidence=ev)
        return None

    def _subject_ref(self, doc: Document, token: Token, event_type: str) -> EntityRef:
        start, end = phrase(token)
        text = doc.text[start:end]
        known = self.actors.lookup(text)
        if known is not None:
            return known.ref(text, Evidence.of(doc.text, start, end))
        actor_type, inter = SUBJECT_ACTORS[event_type]
        return EntityRef(
            text=text,
            name=text,
            kind="group",
            actor_type=actor_type,
            inter=inter,
            evidence=Evidence.of(doc.text, start, end),
        )

    # -- actor2 ---------------------------------------------------------------------------------
    def _actor2(
        self, candidate: Candidate, actors: list[ActorMention], actor1: EntityRef | None
    ) -> EntityRef | None:
        event_type = candidate.rule.kind.event_type
        first = actor1.name if actor1 is not None else None
        if event_type in NO_FALLBACK:
            return None
        for m in actors:
            if m.actor.name == first or (
                actor1 and actor1.evidence and _inside(m, actor1.evidence)
            ):
                continue
            same_side = event_type in ONE_SIDED and m.actor.type != "civilians"
            if same_side and self._coordinated(candidate.sent, m, actor1):
                continue
            return m.actor.ref(m.text, m.evidence())
        if event_type in ONE_SIDED or event_type == "Battles":
            for count in candidate.counts:
                if count.category in ("killed", "injured") and count.group in VICTIM_GROUPS:
                    civilians = self.actors["Civilians"]
                    return civilians.ref(count.evidence.text, count.evidence)
        return None

    @staticmethod
    def _coordinated(sent: Span, mention: ActorMention, actor1: EntityRef | None) -> bool:
        """``mention`` is joined by "et" to actor1 (same side: "le régime et les milices")."""
        if actor1 is None or actor1.evidence is None:
            return False
        between = text_of(sent.doc)[actor1.evidence.end : mention.start]
        return 0 <= len(between) <= 10 and fold(between).strip() in ("et", "et les", "et des", ",")

    # -- sources --------------------------------------------------------------------------------
    def _is_source(self, doc: Document, sent: Span, m: ActorMention) -> bool:
        if m.actor.type in self.rules.source_types:
            return True
        before = fold(doc.text[max(sent.start_char, m.start - 16) : m.start]).rstrip()
        if any(before.endswith(cue) or before.endswith(cue + " l'") for cue in self.cues):
            return True
        if any(_overlaps(a.source.evidence, m) for a in doc.attributions):
            return True
        span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            root = span.root
            if root.dep_.startswith("nsubj") and root.head.lemma_ in self.rules.reporting_verbs:
                return True
        return False

    def _sources(
        self, doc: Document, candidate: Candidate, found: list[EntityRef]
    ) -> list[EntityRef]:
        refs = list(found)
        for count in candidate.counts:
            if count.source is not None:
                refs.append(self.canonical(count.source))
        sent = candidate.sent
        for attribution in doc.attributions:
            if attribution.scope.start < sent.end_char and sent.start_char < attribution.scope.end:
                refs.append(self.canonical(attribution.source))
        for quote in doc.quotes:
            ev = quote.evidence
            if quote.speaker is not None and ev.start <= sent.start_char < ev.end:
                refs.append(quote.speaker)
        out: list[EntityRef] = []
        for ref in refs:
            label = ref.name or ref.text
            if all((o.name or o.text) != label for o in out):
                out.append(ref)
        return out

    def canonical(self, ref: EntityRef) -> EntityRef:
        """``ref`` with the dictionary's name, type and codes when the dictionary knows it."""
        actor = self.actors.lookup(ref.text) or (self.actors.lookup(ref.name) if ref.name else None)
        if actor is None:
            return ref
        return actor.ref(ref.text, ref.evidence, role=ref.role)


def _covers(m: ActorMention, token: Token, *, strict: bool = False) -> bool:
    """The mention names ``token``, or (unless strict) is an actor named inside its noun phrase."""
    if m.start <= token.idx < m.end:
        return True
    if strict:
        return False
    start, end = phrase(token)
    return start <= m.start and m.end <= end


def _inside(m: ActorMention, ev: Evidence) -> bool:
    return ev.start <= m.start and m.end <= ev.end


def _overlaps(ev: Evidence | None, m: ActorMention) -> bool:
    return ev is not None and ev.start < m.end and m.start < ev.end
