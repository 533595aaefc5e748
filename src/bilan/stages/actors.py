"""Stage `actors`: every actor the article names, normalized by the actor dictionary.

``doc.actors`` holds one :class:`~bilan.model.EntityRef` per mention (with its evidence), from:
the counts' perpetrators and sources, the quotes' speakers (a person's description gives its
organization: "un correspondant de l'AFP" → AFP), the attributions' sources, the entity mentions,
and the named actors found in the body text ("les forces du régime", "l'OSDH"). Generic actors
("des civils", "les policiers") are kept only when a count, quote or entity points at them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from bilan.actors import ActorDictionary
from bilan.model import Document, EntityRef
from bilan.pipeline import StageContext, register_stage


def actor_dictionary(context: StageContext) -> ActorDictionary:
    """The shared actor dictionary service (bundled data + ``Settings.user_actors``)."""
    service = context.service("actors", lambda: ActorDictionary.load(context.settings.user_actors))
    assert isinstance(service, ActorDictionary)
    return service


@register_stage("actors")
class ActorsStage:
    name: ClassVar[str] = "actors"
    requires: ClassVar[tuple[str, ...]] = ("counts", "quotes", "entities")
    assigns: ClassVar[tuple[str, ...]] = ("actors",)

    def __init__(self, context: StageContext) -> None:
        self.actors = actor_dictionary(context)

    def __call__(self, doc: Document) -> Document:
        found: list[EntityRef] = []
        seen: set[tuple[str | None, int | None]] = set()
        for ref in [*self._pointed(doc), *self._scanned(doc)]:
            mark = (ref.name, ref.evidence.start if ref.evidence else None)
            if mark not in seen:
                seen.add(mark)
                found.append(ref)
        found.sort(key=lambda r: r.evidence.start if r.evidence else -1)
        doc.actors = found
        return doc

    def _pointed(self, doc: Document) -> Iterator[EntityRef]:
        """Actors a count, quote, attribution or entity mention points at."""
        refs: list[EntityRef | None] = []
        for count in doc.counts:
            refs.extend((count.perpetrator, count.source))
        refs.extend(q.speaker for q in doc.quotes)
        refs.extend(s.speaker for s in doc.statements)
        refs.extend(a.source for a in doc.attributions)
        refs.extend(doc.entities)
        for ref in refs:
            if ref is None:
                continue
            actor = self.actors.lookup(ref.text) or (
                self.actors.lookup(ref.name) if ref.name else None
            )
            if actor is None and ref.kind in ("person", "description", None):
                actor = self.actors.affiliation(ref.role or ref.text)
            if actor is not None:
                yield actor.ref(ref.text, ref.evidence, role=ref.role)

    def _scanned(self, doc: Document) -> Iterator[EntityRef]:
        """Named (non-generic) actors in the body text."""
        for mention in self.actors.find(doc.text, start=doc.article.body_start):
            if not mention.actor.generic:
                yield mention.actor.ref(mention.text, mention.evidence())
