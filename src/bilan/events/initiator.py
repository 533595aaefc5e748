"""actor1 as ACLED codes it: who started the event, read off the event word itself.

* :func:`of_trigger`: an event noun names its author as a complement or an adjective ("les
  bombardements des Forces de soutien rapide", "des frappes russes", "des tirs d'obus houthis");
* :func:`operator`: a disaster has no author; only a company named in the subject is coded
  ("un avion de la compagnie Himal Airways s'est écrasé");
* :func:`earlier_force`: an arrest told in the passive without its agent ("le suspect a été
  interpellé") was made by the security force the article named last before it;
* :func:`protesters`: a protest's or riot's actor1 is the crowd, never the police that
  dispersed it ("la police a fait usage de gaz lacrymogène contre quelque 300 manifestants").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilan.actors import ActorDictionary
from bilan.model import Document, EntityRef, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: dependency labels of a noun's complement that may name its author ("des FSR")
_AUTHOR_DEPS = frozenset({"nmod", "obl:agent"})
#: ACLED actor types that are a crowd rather than a force
CROWD_TYPES = frozenset({"protesters", "rioters"})


def _ref(actors: ActorDictionary, doc: Document, start: int, end: int) -> EntityRef | None:
    text = doc.text[start:end]
    actor = actors.lookup(text)
    return actor.ref(text, Evidence.of(doc.text, start, end)) if actor is not None else None


def _span(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def of_trigger(actors: ActorDictionary, doc: Document, head: Token) -> EntityRef | None:
    """The author an event noun names by a complement ("de X", "par X") or an adjective."""
    if head.pos_ != "NOUN":
        return None
    # the author may qualify a complement or a coordinated noun: "des frappes de missiles et de
    # drones russes", "des tirs d'obus houthis"
    for child in _phrase_words(head):
        if child.dep_ == "amod" or (child.dep_ == "conj" and child.pos_ == "ADJ"):
            actor = actors.by_adjective(child.lemma_) or actors.by_adjective(child.text)
            if actor is not None:
                ev = Evidence.of(doc.text, child.idx, child.idx + len(child.text))
                return actor.ref(child.text, ev)
        elif child.head.i == head.i and child.dep_ in _AUTHOR_DEPS and child.pos_ != "ADJ":
            start, end = _span(child)
            found = _ref(actors, doc, start, end)
            if found is not None and found.actor_type not in ("civilians",):
                return found
    return None


def _phrase_words(head: Token) -> list[Token]:
    """The words of the noun phrase of ``head`` (no relative or other clause), head's own
    dependants first."""
    out = list(head.children)
    stack = [c for c in head.children if c.dep_ in ("nmod", "conj")]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in ("amod", "nmod", "conj"):
                out.append(child)
                stack.append(child)
    return out


def operator(doc: Document, subjects: list[Token]) -> EntityRef | None:
    """A company named inside the subject of a disaster ("un avion de la compagnie X")."""
    for token in subjects:
        start, end = _span(token)
        for ent in token.doc.ents:
            if ent.label_ == "ORG" and start <= ent.start_char and ent.end_char <= end:
                ev = Evidence.of(doc.text, ent.start_char, ent.end_char)
                return EntityRef(
                    text=ent.text,
                    name=ent.text,
                    kind="organization",
                    actor_type="company",
                    evidence=ev,
                )
    return None


def earlier_force(
    actors: ActorDictionary, doc: Document, sent: Span, types: frozenset[str]
) -> EntityRef | None:
    """The last actor of ``types`` named in the sentence or before it in the article."""
    found = [
        m
        for m in actors.find(doc.text, start=doc.article.body_start, end=sent.end_char)
        if m.actor.type in types
    ]
    if not found:
        return None
    last = found[-1]
    return last.actor.ref(last.text, last.evidence())


def protesters(actors: ActorDictionary, doc: Document, sent: Span) -> EntityRef | None:
    """The crowd named in the sentence ("manifestants", "émeutiers")."""
    for m in actors.find(doc.text, start=sent.start_char, end=sent.end_char):
        if m.actor.type in CROWD_TYPES:
            return m.actor.ref(m.text, m.evidence())
    return None
