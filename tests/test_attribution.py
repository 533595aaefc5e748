"""Attribution of stretches of text to sources (the sources of counts)."""

from __future__ import annotations

from typing import Any

import pytest

from bilan.stages.attribution import source_at
from tests.speech_helpers import run, shown, speech_pipeline


@pytest.fixture(scope="module")
def pipe(nlp: Any) -> Any:
    return speech_pipeline(nlp)


@pytest.mark.parametrize(
    ("text", "anchor", "source"),
    [
        (
            "Au moins 26 civils ont été tués par des tirs d'artillerie, selon l'OSDH.",
            "26 civils",
            "OSDH",
        ),
        (
            "D'après l'agence Reuters, 12 soldats ont été tués dans l'embuscade.",
            "12 soldats",
            "Reuters",
        ),
        (
            "Elles poursuivent leur avancée dans le quartier de Cheikh Saïd, a indiqué l'agence "
            "officielle Sana.",
            "leur avancée",
            "Sana",
        ),
        (
            "L'agence officielle Sana a indiqué que huit habitants avaient été tués mercredi.",
            "huit habitants",
            "Sana",
        ),
        ("L'OSDH fait état de 12 morts dans la ville de Homs.", "12 morts", "OSDH"),
        (
            "Trois policiers ont été blessés, de source policière.",
            "Trois policiers",
            "source policière",
        ),
        (
            "Deux personnes ont été tuées lors de l'attaque, a affirmé le porte-parole de la police.",
            "Deux personnes",
            "le porte-parole de la police",
        ),
    ],
)
def test_attribution_source_of_the_sentence(pipe: Any, text: str, anchor: str, source: str) -> None:
    doc = run(pipe, text)
    at = doc.text.index(anchor)
    found = source_at(doc, at, at + len(anchor))
    assert found is not None and shown(found.source) == source
    assert found.carried is False
    assert doc.text[found.scope.start : found.scope.end] == found.scope.text


def test_attribution_carried_in_the_same_paragraph(pipe: Any) -> None:
    doc = run(
        pipe,
        "Depuis le 15 novembre, plus de 300 civils ont été tués à Alep-Est, selon l'OSDH. "
        "Les rebelles ont parallèlement tué au moins 48 civils en bombardant Alep-Ouest.",
    )
    at = doc.text.index("48 civils")
    found = source_at(doc, at)
    assert found is not None and shown(found.source) == "OSDH" and found.carried


def test_attribution_not_carried_to_the_next_paragraph(pipe: Any) -> None:
    doc = run(
        pipe,
        "Au moins 26 civils ont été tués par des tirs d'artillerie, selon l'OSDH.\n"
        "Alep-Est comptait récemment 250.000 civils.",
    )
    assert source_at(doc, doc.text.index("250.000")) is None


def test_attribution_opening_clause_is_the_article_voice(pipe: Any) -> None:
    doc = run(
        pipe,
        "Alors qu'Alep-Est comptait récemment 250.000 civils, plus de 50.000 selon l'OSDH ont fui "
        "ces quatre derniers jours.",
    )
    assert source_at(doc, doc.text.index("250.000")) is None
    found = source_at(doc, doc.text.index("50.000 selon"))
    assert found is not None and shown(found.source) == "OSDH"


def test_attribution_continuation_points_back(pipe: Any) -> None:
    doc = run(
        pipe,
        "Au moins 26 civils ont été tués, selon l'Observatoire syrien des droits de l'Homme.\n"
        "La ville est encerclée depuis juillet.\n"
        "Toujours selon cette ONG, 30 personnes ont été blessées.",
    )
    found = source_at(doc, doc.text.index("30 personnes"))
    assert found is not None and found.carried
    assert shown(found.source) == "Observatoire syrien des droits de l'Homme"


def test_attribution_pronoun_source(pipe: Any) -> None:
    doc = run(
        pipe,
        "Le général Paul Martin est arrivé à Gao.\nSelon lui, 40 rebelles ont été capturés.",
    )
    found = source_at(doc, doc.text.index("40 rebelles"))
    assert found is not None and shown(found.source) == "Paul Martin"


@pytest.mark.parametrize(
    "text",
    [
        "Au moins 26 civils ont été tués dans le bombardement du marché.",
        "Les forces du régime ont lancé une offensive sur la ville.",
        "Une réunion urgente demandée par la France s'est tenue à New York.",
    ],
)
def test_attribution_article_voice_has_no_source(pipe: Any, text: str) -> None:
    doc = run(pipe, text)
    assert doc.attributions == []


def test_attribution_seed_sources(pipe: Any, seed_text: str) -> None:
    doc = run(pipe, seed_text)
    expected = {
        "plusieurs dizaines de milliers de personnes": "Stephen O'Brien",
        "au moins 26 civils ont été tués": "OSDH",
        "le corps sans vie d'une fillette": "un correspondant de l'AFP",
        "tué au moins 48 civils": "OSDH",
        "huit habitants de ces quartiers": "Sana",
    }
    for anchor, source in expected.items():
        at = doc.text.index(anchor)
        found = source_at(doc, at, at + len(anchor))
        assert found is not None and shown(found.source) == source, anchor
    assert source_at(doc, doc.text.index("comptait récemment 250.000")) is None


@pytest.mark.parametrize(
    ("text", "anchor", "source"),
    [
        (  # a document named as the source: its author is
            "Au moins 45 personnes ont péri dans l'incendie, selon un bilan communiqué jeudi par "
            "la protection civile.",
            "45 personnes",
            "la protection civile",
        ),
        (
            "Trois civils ont été blessés, selon le dernier décompte du ministère de la Santé.",
            "Trois civils",
            "ministère de la Santé",
        ),
        (  # "des" after a name opens the inverted subject
            "Douze soldats ont été tués dans l'embuscade, ont indiqué à l'AFP des sources "
            "sécuritaires.",
            "Douze soldats",
            "sources sécuritaires",
        ),
        (  # a definite phrase closing the sentence after an incise verb, agreeing with it
            "Vingt personnes ont péri dans le naufrage, a annoncé vendredi la marine marocaine.",
            "Vingt personnes",
            "la marine marocaine",
        ),
        (  # a place before the verb does not agree with "ont": the subject comes after
            "Trente maisons ont été détruites près de Kasese, dans l'ouest de l'Ouganda, ont "
            "affirmé les autorités locales.",
            "Trente maisons",
            "les autorités locales",
        ),
        (
            "Selon le chef de la police régionale, Paul Kagame Mugisha, six assaillants ont été "
            "arrêtés.",
            "six assaillants",
            "Paul Kagame Mugisha",
        ),
    ],
)
def test_attribution_source_named_generally(pipe: Any, text: str, anchor: str, source: str) -> None:
    doc = run(pipe, text)
    at = doc.text.index(anchor)
    found = source_at(doc, at, at + len(anchor))
    assert found is not None and shown(found.source) == source


def test_attribution_pronoun_source_is_no_place(pipe: Any) -> None:
    doc = run(
        pipe,
        "Le gouverneur de la province est arrivé sur place. Le Niger compte selon lui 12 morts.",
    )
    found = source_at(doc, doc.text.index("12 morts"))
    assert found is not None and shown(found.source) == "Le gouverneur de la province"


def test_attribution_clause_before_the_speakers_subject_is_not_theirs(pipe: Any) -> None:
    doc = run(
        pipe,
        "Grève : 40 interpellations en marge du défilé, la préfecture dénonce des « violences ».",
    )
    assert source_at(doc, doc.text.index("40 interpellations")) is None
    found = source_at(doc, doc.text.index("violences"))
    assert found is not None and shown(found.source) == "la préfecture"
