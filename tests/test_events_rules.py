"""Event typing rules (lang/fr/events.yaml) and the trigger matcher on real French sentences."""

from __future__ import annotations

from typing import Any

import pytest

from bilan.errors import ConfigError
from bilan.events.rules import EventRules, TriggerMatcher
from bilan.lang.fr import load
from bilan.sentences import sentences


@pytest.fixture(scope="module")
def rules() -> EventRules:
    return EventRules.load()


@pytest.fixture(scope="module")
def matcher(rules: EventRules, nlp: Any) -> TriggerMatcher:
    return TriggerMatcher(rules, nlp)


def best(matcher: TriggerMatcher, nlp: Any, sentence: str) -> str | None:
    doc = nlp(sentence)
    hits = matcher(doc[:])
    return hits[0].rule.id if hits else None


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Un avion de ligne s'est écrasé dimanche sur un quartier de Lagos.", "crash"),
        ("Une avalanche a emporté une cordée au mont Maudit.", "avalanche"),
        ("Un attentat-suicide a fait quinze morts dans une église.", "suicide_bomb"),
        ("Au moins 26 civils ont été tués par des tirs d'artillerie du régime.", "shelling"),
        ("Des raids aériens ont visé la ville de Douma mardi.", "air_strike"),
        ("Une voiture piégée a explosé près d'un marché de Bagdad.", "remote_explosive"),
        ("L'armée syrienne et les rebelles se battent depuis plusieurs jours.", "armed_clash"),
        ("Elles ont depuis conquis près de 40% d'Alep-Est.", "territory"),
        ("Quatre personnes ont été arrêtées et placées en détention.", "arrests"),
        ("Plusieurs milliers de personnes ont manifesté vendredi à Téhéran.", "protest"),
        ("Des étudiants tibétains sont descendus dans la rue.", "protest"),
        ("De violentes émeutes ont éclaté dans la banlieue de Londres.", "riot"),
        ("Ils avaient pris 52 diplomates américains en otage.", "abduction"),
        ("Elle affirme avoir été agressée sexuellement sur la place Tahrir.", "sexual_violence"),
        ("Il y a des exécutions sommaires dans les quartiers repris.", "attack"),
        (
            "Des représentants de la Russie et des rebelles se sont rencontrés pour discuter d'une trêve.",
            "agreement",
        ),
        (
            "L'armée française vient de transférer officiellement ce mercredi 4 juillet le contrôle de la province.",
            "territory_transfer",
        ),
        ("Trois jeunes femmes sont mortes piétinées lors d'une fête.", "stampede"),
        ("Le pont Mathilde subit un incendie de grande ampleur.", "fire"),
        ("Plus de 50.000 personnes ont fui ces quatre derniers jours.", "displacement"),
        ("Un séisme de magnitude 6 a frappé le nord de l'Italie.", "earthquake"),
    ],
)
def test_events_rules_trigger_types_sentences(
    matcher: TriggerMatcher, nlp: Any, sentence: str, rule: str
) -> None:
    assert best(matcher, nlp, sentence) == rule


@pytest.mark.parametrize(
    "sentence",
    [
        "Ils revendiquent l'obtention d'armes pour libérer le nord du pays.",  # purpose
        "Nous demandons la libération de notre pays.",  # wanted
        "La police n'était pas parvenue à arrêter les responsables.",  # negated
        "À défaut, c'est le régime qui s'effondrera.",  # future
        "De telles manifestations se déroulent chaque année à Téhéran.",  # generic
        "Quelques associations ont manifesté leur opposition au projet.",  # transitive manifester
        "Le quotidien Libération a accusé le gouvernement.",  # a newspaper's name
        "Il empêche l'accès à des pages telles que « suicide ».",  # a cited word
        "Les marges des raffineurs européens progressent cette année.",
        "Nintendo a présenté une nouvelle console à Los Angeles.",
    ],
)
def test_events_rules_no_trigger_in_non_events(
    matcher: TriggerMatcher, nlp: Any, sentence: str
) -> None:
    assert best(matcher, nlp, sentence) is None


def test_events_rules_main_verb_outweighs_subordinate(matcher: TriggerMatcher, nlp: Any) -> None:
    sentence = (
        "Soutenues par des bombardements intensifs, les forces du régime ont lancé le "
        "15 novembre une offensive à Alep-Est."
    )
    assert best(matcher, nlp, sentence) == "armed_clash"


def test_events_rules_every_example_matches_its_rule(
    rules: EventRules, matcher: TriggerMatcher, nlp: Any
) -> None:
    for rule in rules.rules.values():
        if not rule.triggers:  # an event only through its counts ("evacuation")
            assert rule.id in rules.count_rules.values(), rule.id
            continue
        doc = nlp(rule.example)
        assert rule.id in {h.rule.id for h in matcher(doc[:])}, rule.example


def test_events_rules_tables_name_known_rules() -> None:
    data = dict(load("events"))
    data["counts"] = {"killed": "no_such_rule"}
    with pytest.raises(ConfigError):
        EventRules.from_data(data)


def test_events_rules_malformed_rule_is_config_error() -> None:
    data = dict(load("events"))
    data["rules"] = [{"id": "x", "event_type": "Riots"}]
    with pytest.raises(ConfigError):
        EventRules.from_data(data)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Il a dit : "C\'est fini", a témoigné un habitant. Puis il est parti.',
            ['Il a dit : "C\'est fini", a témoigné un habitant.', "Puis il est parti."],
        ),
        (
            "Pluie d'obus\nLes tirs continuent. M. Dupont a fui.",
            ["Pluie d'obus", "Les tirs continuent.", "M. Dupont a fui."],
        ),
        (
            "au nord d'Alep. \"J'ai tout perdu\", a-t-il dit.",
            ["au nord d'Alep.", '"J\'ai tout perdu", a-t-il dit.'],
        ),
    ],
)
def test_sentences_cut_where_a_reader_cuts(nlp: Any, text: str, expected: list[str]) -> None:
    spans = sentences(nlp(text))
    assert [s.text for s in spans] == expected
