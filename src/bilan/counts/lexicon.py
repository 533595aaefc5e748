"""The typed view of ``lang/fr/counts.yaml``: French cues for categories, groups, traps, places."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilan.lang import fr
from bilan.model.vocab import Category, Group


@dataclass(frozen=True)
class Idiom:
    """A verb + object idiom: "perdre la vie" → killed, the victim being the subject."""

    verb: str
    object: str
    category: Category
    victim: str  # subject | object | oblique


@dataclass(frozen=True)
class CountLexicon:
    person_nouns: dict[str, Group]
    group_phrases: tuple[tuple[str, Group], ...]
    group_adjectives: dict[str, Group]
    demonym: re.Pattern[str]
    demonym_group: Group
    category_nouns: dict[str, Category]
    event_nouns: dict[str, Category]
    category_verbs: dict[str, Category]
    agentive_verbs: frozenset[str]
    intransitive_verbs: frozenset[str]
    idioms: tuple[Idiom, ...]
    state_adjectives: dict[str, Category]
    population_phrases: tuple[re.Pattern[str], ...]
    officials: frozenset[str]
    trap_nouns: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_phrases: tuple[re.Pattern[str], ...]
    subset_openers: tuple[re.Pattern[str], ...]
    split_base: re.Pattern[str]
    enumeration_openers: tuple[re.Pattern[str], ...]
    agent_cases: frozenset[str]
    causes: tuple[tuple[re.Pattern[str], str], ...]
    origin_verbs: frozenset[str]
    origin_cases: frozenset[str]
    destination_cases: tuple[str, ...]
    destination_verbs: frozenset[str]
    destination_in_cases: frozenset[str]
    foreign_place_heads: frozenset[str]
    place_anaphors: re.Pattern[str]
    since_before: re.Pattern[str]
    membership_verbs: frozenset[str]
    origin_relative: re.Pattern[str]
    origin_lead_in: re.Pattern[str]
    destination_relative: re.Pattern[str]
    origin_from_words: frozenset[str]
    gapping_joiner: re.Pattern[str]
    control_verbs: frozenset[str]
    abduction_transfer_verbs: frozenset[str]
    degree_adverbs: frozenset[str]
    partitive_markers: frozenset[str]
    harm_nouns: frozenset[str]
    actor_nouns: frozenset[str]
    perpetrator_adjectives: frozenset[str]
    harm_attribution_verbs: frozenset[str]


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    """{"killed": ["tuer", …]} → {"tuer": "killed", …} (first family wins)."""
    out: dict[str, str] = {}
    for key, words in table.items():
        for word in words:
            out.setdefault(word.lower(), key)
    return out


def _patterns(items: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in items)


@cache
def lexicon() -> CountLexicon:
    d = fr.load("counts")
    return CountLexicon(
        person_nouns=_invert(d["person_nouns"]),  # type: ignore[arg-type]
        group_phrases=tuple((g["phrase"], g["group"]) for g in d["group_phrases"]),
        group_adjectives=dict(d["group_adjectives"]),
        demonym=re.compile(d["demonym_cs"]),
        demonym_group=d["demonym_group"],
        category_nouns=_invert(d["category_nouns"]),  # type: ignore[arg-type]
        event_nouns=_invert(d["event_nouns"]),  # type: ignore[arg-type]
        category_verbs=_invert(d["category_verbs"]),  # type: ignore[arg-type]
        agentive_verbs=frozenset(d["agentive_verbs"]),
        intransitive_verbs=frozenset(d["intransitive_verbs"]),
        idioms=tuple(
            Idiom(i["verb"], i["object"], i["category"], i["victim"])
            for i in d["verb_object_idioms"]
        ),
        state_adjectives=_invert(d["state_adjectives"]),  # type: ignore[arg-type]
        population_phrases=_patterns(d["population_phrases"]),
        officials=frozenset(d["officials"]),
        trap_nouns=frozenset(str(w) for w in d["trap_nouns"]),
        hedge_adverbs=frozenset(d["hedge_adverbs"]),
        hedge_phrases=_patterns(d["hedge_phrases"]),
        subset_openers=_patterns(d["subset_openers"]),
        split_base=re.compile(d["split_base"], re.IGNORECASE),
        enumeration_openers=_patterns(d["enumeration_openers"]),
        agent_cases=frozenset(d["agent_cases"]),
        causes=tuple(
            (re.compile(rf"\b(?:{c['phrase']})\b", re.IGNORECASE), c["cause"]) for c in d["causes"]
        ),
        origin_verbs=frozenset(d["origin_verbs"]),
        origin_cases=frozenset(d["origin_cases"]),
        destination_cases=tuple(d["destination_cases"]),
        destination_verbs=frozenset(d["destination_verbs"]),
        destination_in_cases=frozenset(d["destination_in_cases"]),
        foreign_place_heads=frozenset(d["foreign_place_heads"]),
        place_anaphors=re.compile(d["place_anaphors"], re.IGNORECASE),
        since_before=re.compile(d["since_before"], re.IGNORECASE),
        membership_verbs=frozenset(d["membership_verbs"]),
        origin_relative=re.compile(d["origin_relative"], re.IGNORECASE),
        origin_lead_in=re.compile(d["origin_lead_in"], re.IGNORECASE),
        destination_relative=re.compile(d["destination_relative"], re.IGNORECASE),
        origin_from_words=frozenset(d["origin_from_words"]),
        gapping_joiner=re.compile(d["gapping_joiner"], re.IGNORECASE),
        control_verbs=frozenset(d["control_verbs"]),
        abduction_transfer_verbs=frozenset(d["abduction_transfer_verbs"]),
        degree_adverbs=frozenset(d["degree_adverbs"]),
        partitive_markers=frozenset(d["partitive_markers"]),
        harm_nouns=frozenset(d["harm_nouns"]),
        actor_nouns=frozenset(d["actor_nouns"]),
        perpetrator_adjectives=frozenset(d["perpetrator_adjectives"]),
        harm_attribution_verbs=frozenset(d["harm_attribution_verbs"]),
    )
