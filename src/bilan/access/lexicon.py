"""The `access` stage's French knowledge, read once from ``bilan/lang/fr/access.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from bilan.lang.fr import load


@dataclass(frozen=True)
class CueRule:
    """One cue of access.yaml: a Matcher pattern with the fact it announces."""

    name: str
    kind: str
    status: str | None
    pattern: tuple[dict[str, Any], ...]
    example: str
    needs: str | None = None
    anchor: int = 0


@dataclass(frozen=True)
class AccessLexicon:
    cues: tuple[CueRule, ...]
    aid_context: frozenset[str]
    not_aid_context: frozenset[str]
    people_words: frozenset[str]
    status_words: tuple[tuple[str, frozenset[str]], ...]
    negations: frozenset[str]
    purpose_marks: frozenset[str]
    not_actors: frozenset[str]

    def rule(self, name: str) -> CueRule:
        return next(r for r in self.cues if r.name == name)


def _rule(name: str, data: dict[str, Any]) -> CueRule:
    return CueRule(
        name=name,
        kind=data["kind"],
        status=data.get("status"),
        pattern=tuple(data["pattern"]),
        example=data["example"],
        needs=data.get("needs"),
        anchor=int(data.get("anchor", 0)),
    )


@cache
def lexicon() -> AccessLexicon:
    d = load("access")
    return AccessLexicon(
        cues=tuple(_rule(name, data) for name, data in d["cues"].items()),
        aid_context=frozenset(d["aid_context"]),
        not_aid_context=frozenset(d["not_aid_context"]),
        people_words=frozenset(d["people_words"]),
        status_words=tuple((k, frozenset(v)) for k, v in d["status_words"].items()),
        negations=frozenset(d["negations"]),
        purpose_marks=frozenset(d["purpose_marks"]),
        not_actors=frozenset(d["not_actors"]),
    )


@cache
def person_nouns() -> frozenset[str]:
    """Counted-people nouns of counts.yaml ("civils", "habitants"…), for ``needs: people``."""
    groups = load("counts")["person_nouns"]
    return frozenset(word for words in groups.values() for word in words)
