"""The annotated document that flows through the stages (article in → facts out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bilan.model.article import Article
from bilan.model.facts import (
    AccessFact,
    Attribution,
    Count,
    DateMention,
    EntityRef,
    Event,
    NumberMention,
    Place,
    Quote,
    Statement,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Warning_:
    """A non-fatal problem met while reading or extracting (kept with the result)."""

    code: str
    message: str


@dataclass
class Document:
    """An article with its spaCy parse and every fact the stages assigned.

    Stages fill the lists in order (see :mod:`bilan.pipeline`); an empty result is an empty list,
    never None. ``spacy`` is the parse of ``article.text`` (offsets are the same).
    """

    article: Article
    spacy: Doc | None = None
    numbers: list[NumberMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    entities: list[EntityRef] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    access: list[AccessFact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    actors: list[EntityRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def warn(self, code: str, message: str) -> None:
        self.warnings.append(Warning_(code, message))
