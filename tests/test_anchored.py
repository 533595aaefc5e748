"""AnchoredMatcher: the matches of one spaCy Matcher holding every pattern, in the same order,
on whole documents and on sentences, with lemma sets, forms, regexes and optional words."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.matcher import Matcher

from bilan.anchored import AnchoredMatcher

PATTERNS: list[tuple[str, list[dict[str, Any]]]] = [
    ("siege", [{"LOWER": {"REGEX": "^assi[eé]g"}}]),
    ("siege", [{"LOWER": "sous"}, {"LOWER": {"IN": ["le", "un"]}, "OP": "?"}, {"LOWER": "siège"}]),
    ("kill", [{"LEMMA": {"IN": ["tuer", "Tuer"]}, "POS": {"NOT_IN": ["PROPN"]}}]),
    (
        "shelling",
        [
            {"LEMMA": "tir"},
            {"POS": {"IN": ["ADP", "DET"]}, "OP": "{0,3}"},
            {"LOWER": {"IN": ["artillerie", "roquette", "roquettes"]}},
        ],
    ),
    ("trapped", [{"LOWER": {"REGEX": "^(?:pi[eé]g[eé]|bloqu[eé])e?s$"}}]),
    ("any_capital", [{"IS_TITLE": True}, {"LOWER": "de"}]),  # needs "de" only
    ("kill", [{"LOWER": "tués"}, {"LOWER": "par", "OP": "+"}]),
]

TEXTS = [
    "La ville assiégée d'Alep est sous le siège des forces du régime depuis juillet.",
    "Au moins 26 civils ont été tués par des tirs d'artillerie du régime.",
    "Des centaines de familles restent piégées dans les quartiers est, sous siège.",
    "Les tirs de roquettes ont tué trois personnes ; les routes sont bloquées.",
    "Les marges des raffineurs européens progressent cette année.",
    "Nintendo a présenté une nouvelle console à Los Angeles.",
]


@pytest.fixture(scope="module")
def pair(nlp: Any) -> tuple[AnchoredMatcher, Matcher]:
    full = Matcher(nlp.vocab)
    for key, pattern in PATTERNS:
        full.add(key, [pattern])
    return AnchoredMatcher(nlp.vocab, PATTERNS), full


@pytest.mark.parametrize("text", TEXTS)
def test_anchored_same_matches_as_matcher_on_documents(
    pair: tuple[AnchoredMatcher, Matcher], nlp: Any, text: str
) -> None:
    anchored, full = pair
    doc = nlp(text)
    assert anchored(doc) == full(doc)


def test_anchored_same_matches_as_matcher_on_sentences(
    pair: tuple[AnchoredMatcher, Matcher], nlp: Any
) -> None:
    doc = nlp(" ".join(TEXTS))
    found = [anchored for anchored in (pair[0](s) for s in doc.sents)]
    assert found == [pair[1](s) for s in doc.sents]
    assert sum(len(f) for f in found) >= 6


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("La ville assiégée d'Alep est sous le siège des forces du régime.", {"siege"}),
        ("Au moins 26 civils ont été tués par des tirs d'artillerie.", {"kill", "shelling"}),
        ("Nintendo a présenté une nouvelle console à Los Angeles.", set()),
    ],
)
def test_anchored_runs_only_the_patterns_whose_words_are_there(
    pair: tuple[AnchoredMatcher, Matcher], nlp: Any, text: str, keys: set[str]
) -> None:
    anchored = pair[0]
    found = {anchored.patterns[i][0] for i in anchored.index.candidates(nlp(text))}
    assert found == keys
