"""Stage `events`: one ACLED-typed event per incident the article reports (see bilan.events)."""

from __future__ import annotations

from typing import ClassVar

from bilan.events.assemble import build_event
from bilan.events.detect import Candidate, detect
from bilan.events.merge import dedupe, join_candidates
from bilan.events.participants import ParticipantFinder, Participants
from bilan.events.rules import EventRules, TriggerMatcher
from bilan.model import Document, Event
from bilan.pipeline import StageContext, register_stage
from bilan.sentences import sentences
from bilan.stages.actors import actor_dictionary

#: how many sentences back an event without a named actor may take the actor of the event
#: before it, when both have the same type ("des tirs de roquette" after "Les rebelles ont
#: bombardé Alep-Ouest")
INHERIT_WINDOW = 2


@register_stage("events")
class EventsStage:
    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("counts", "actors", "places", "dates")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, context: StageContext) -> None:
        self.rules: EventRules = context.service("event_rules", EventRules.load)
        self.matcher: TriggerMatcher = context.service(
            "event_triggers", lambda: TriggerMatcher(self.rules, context.nlp)
        )
        self.participants = ParticipantFinder(actor_dictionary(context), self.rules)

    def __call__(self, doc: Document) -> Document:
        if doc.spacy is None:
            doc.warn("W_NO_PARSE", "events need the spaCy parse of the article; none was given")
            return doc
        sents = sentences(doc.spacy, start_char=doc.article.body_start)
        candidates = join_candidates(
            detect(doc, sents, self.matcher, self.rules), self.rules, doc.dates
        )
        built: list[tuple[Event, str, int]] = []
        previous: tuple[Candidate, Participants] | None = None
        for n, candidate in enumerate(candidates, start=1):
            parts = self.participants(doc, candidate)
            parts = _inherit(candidate, parts, previous)
            event = build_event(doc, candidate, parts, self.rules, f"e{n}")
            if _planned(event, doc):
                continue
            hit = candidate.hit
            built.append((event, hit.key if hit else "", hit.depth if hit else 99))
            previous = (candidate, parts)
        events = dedupe(built)
        doc.events = [e.model_copy(update={"id": f"e{i}"}) for i, e in enumerate(events, start=1)]
        return doc


def _inherit(
    candidate: Candidate, parts: Participants, previous: tuple[Candidate, Participants] | None
) -> Participants:
    """Without an actor1 of its own, an event takes that of the same-type event just before."""
    if parts.actor1 is not None or previous is None:
        return parts
    before, before_parts = previous
    close = candidate.index - before.last_index <= INHERIT_WINDOW
    same = before.rule.kind.event_type == candidate.rule.kind.event_type
    if not (close and same and before_parts.actor1 is not None):
        return parts
    return Participants(before_parts.actor1, parts.actor2, parts.sources)


def _planned(event: Event, doc: Document) -> bool:
    """An event dated after the publication is announced, not reported ("un sommet en février")."""
    published = doc.article.published
    start = event.period.start if event.period is not None else None
    if event.date_basis == "publication":
        return False
    return published is not None and start is not None and start > published
