"""Person and organization mentions: names, roles, kinds, agreement for pronouns."""

from __future__ import annotations

from typing import Any

import pytest

from tests.speech_helpers import run, speech_pipeline


@pytest.fixture(scope="module")
def pipe(nlp: Any) -> Any:
    return speech_pipeline(nlp)


@pytest.mark.parametrize(
    ("text", "name", "role", "kind"),
    [
        (
            "Pawel Krysiek, responsable de la communication de la Croix-Rouge, est arrivé à Alep.",
            "Pawel Krysiek",
            "responsable de la communication de la Croix-Rouge",
            "person",
        ),
        (
            "Le ministre de l'Intérieur, Manuel Valls, apportait son soutien au projet.",
            "Manuel Valls",
            "Le ministre de l'Intérieur",
            "person",
        ),
        (
            "Le patron des opérations humanitaires de l'ONU Stephen O'Brien est arrivé à Londres.",
            "Stephen O'Brien",
            "Le patron des opérations humanitaires de l'ONU",
            "person",
        ),
        (  # the acronym in the role is no name: the apposition is
            "La présidente du groupe EELV, Claire Fontaine, a quitté l'hémicycle.",
            "Claire Fontaine",
            "La présidente du groupe EELV",
            "person",
        ),
        (  # a person's name after an occupation noun the role list lacks
            "L'urbaniste Paul Girard a présenté le projet aux habitants.",
            "Paul Girard",
            "L'urbaniste",
            "person",
        ),
    ],
)
def test_entities_name_and_role(pipe: Any, text: str, name: str, role: str, kind: str) -> None:
    doc = run(pipe, text)
    found = [e for e in doc.entities if e.name == name]
    assert found, [(e.text, e.name) for e in doc.entities]
    assert found[0].role == role and found[0].kind == kind
    ev = found[0].evidence
    assert ev is not None and doc.text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    ("text", "mention", "gender", "number"),
    [
        ("L'ONU a pré-positionné des stocks de médicaments.", "L'ONU", "Fem", "Sing"),
        (
            "La porte-parole de la fédération a répondu à la RTBF.",
            "La porte-parole de la fédération",
            "Fem",
            "Sing",
        ),
        ("Le syndicat SUD estime que la direction a menti.", "Le syndicat SUD", "Masc", "Sing"),
        ("Les secouristes ont retrouvé trois corps.", "Les secouristes", None, "Plur"),
        (  # an epicene role noun takes its determiner's gender
            "La ministre de la Culture a inauguré le musée.",
            "La ministre de la Culture",
            "Fem",
            "Sing",
        ),
    ],
)
def test_entities_agreement_for_pronouns(
    pipe: Any, text: str, mention: str, gender: str | None, number: str
) -> None:
    doc = run(pipe, text)
    found = [e for e in doc.entities if e.text == mention]
    assert found, [e.text for e in doc.entities]
    assert (found[0].gender, found[0].number) == (gender, number)


def test_entities_none_in_a_sentence_without_actors(pipe: Any) -> None:
    doc = run(pipe, "Il a plu toute la journée sur la région.")
    assert doc.entities == []
