"""The anchor prefilter of the trigger matcher: the same matches, in the same order, as one spaCy
Matcher holding every rule's patterns (the matcher before the prefilter)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.matcher import Matcher

from bilan.events.rules import EventRules, TriggerMatcher
from bilan.sentences import sentences
from tests.conftest import DEV_DIR

SENTENCES = [
    "Un avion de ligne s'est écrasé dimanche sur un quartier de Lagos.",
    "Au moins 26 civils ont été tués par des tirs d'artillerie du régime.",
    "Des raids aériens ont visé la ville de Douma mardi, faisant des dizaines de blessés.",
    "Une voiture piégée a explosé près d'un marché de Bagdad, tuant douze personnes.",
    "L'armée syrienne et les rebelles se battent depuis plusieurs jours autour d'Alep.",
    "Quatre personnes ont été arrêtées et placées en détention après la manifestation.",
    "Des étudiants sont descendus dans la rue et la police a tiré des gaz lacrymogènes.",
    "Ils avaient pris 52 diplomates américains en otage avant de se faire exploser.",
    "Le pont Mathilde subit un incendie de grande ampleur.",
    "Plus de 50.000 personnes ont fui les bombardements ces quatre derniers jours.",
    "Les marges des raffineurs européens progressent cette année.",
    "Nintendo a présenté une nouvelle console à Los Angeles.",
]


@pytest.fixture(scope="module")
def matcher(nlp: Any) -> TriggerMatcher:
    return TriggerMatcher(EventRules.load(), nlp)


@pytest.fixture(scope="module")
def full(matcher: TriggerMatcher, nlp: Any) -> Matcher:
    """Every rule's patterns in one Matcher, in the rules' order."""
    every = Matcher(nlp.vocab)
    for rule_id, patterns in matcher.patterns.items():
        every.add(rule_id, patterns)
    return every


@pytest.mark.parametrize("sentence", SENTENCES)
def test_events_anchors_same_matches_as_full_matcher(
    matcher: TriggerMatcher, full: Matcher, nlp: Any, sentence: str
) -> None:
    sent = nlp(sentence)[:]
    assert matcher.matches(sent) == full(sent)


def test_events_anchors_same_matches_on_the_seed(
    matcher: TriggerMatcher, full: Matcher, nlp: Any, seed_text: str
) -> None:
    sents = sentences(nlp(seed_text))
    assert [matcher.matches(s) for s in sents] == [full(s) for s in sents]
    assert sum(bool(matcher.matches(s)) for s in sents) > 5


@pytest.mark.parametrize("name", ["44046", "44145", "44292", "44336", "44372", "44373"])
def test_events_anchors_same_matches_on_dev_texts(
    matcher: TriggerMatcher, full: Matcher, nlp: Any, name: str
) -> None:
    sents = sentences(nlp((DEV_DIR / f"{name}.txt").read_text(encoding="utf-8")))
    assert [matcher.matches(s) for s in sents] == [full(s) for s in sents]


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Un avion de ligne s'est écrasé dimanche sur un quartier de Lagos.", "crash"),
        ("Plusieurs milliers de personnes ont manifesté vendredi à Téhéran.", "protest"),
    ],
)
def test_events_anchors_candidates_hold_the_matching_rule(
    matcher: TriggerMatcher, nlp: Any, sentence: str, rule: str
) -> None:
    candidates = matcher.anchors.candidates(nlp(sentence)[:])
    assert rule in {matcher.flat[i][0] for i in candidates}
    assert len(candidates) < len(matcher.flat) / 20


@pytest.mark.parametrize(
    "sentence",
    [
        "Les marges des raffineurs européens progressent cette année.",
        "Nintendo a présenté une nouvelle console à Los Angeles.",
    ],
)
def test_events_anchors_no_candidate_without_trigger_words(
    matcher: TriggerMatcher, nlp: Any, sentence: str
) -> None:
    assert matcher.anchors.candidates(nlp(sentence)[:]) == ()
