"""Event detection on new French sentences, through the whole pipeline: what is an incident,
what only sets the scene, and who started it.

Each sentence is written for these tests (none comes from a corpus); negatives are sentences
that name an event word without reporting an incident.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bilan.model import Article, Event

PUBLISHED = date(2024, 3, 20)


def events(pipeline: Any, text: str) -> list[Event]:
    doc = pipeline(Article(text=text, published=PUBLISHED))
    for event in doc.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    return list(doc.events)


def kinds(found: list[Event]) -> list[tuple[str, str | None]]:
    return [(e.event_type, e.sub_event_type) for e in found]


@pytest.mark.parametrize(
    "text",
    [
        # tallies and states of affairs over a time window
        "Les insurgés ont revendiqué depuis janvier plus de trente embuscades contre l'armée.",
        "Plusieurs naufrages meurtriers ont eu lieu ces dernières années au large de la Libye.",
        "Depuis 2019, les violences ont fait plus de 5 000 morts et un million de déplacés.",
        # denials
        "La préfecture a démenti toute interpellation dans le cortège.",
        # participles and nouns that describe, weapons held, names
        "Les familles déplacées réclament de l'aide au gouvernement.",
        "Un nouveau camp de déplacés a ouvert ses portes à Kaya.",
        "L'armée a présenté à la presse un dépôt de roquettes saisi dans la forêt.",
        "Les élus du Rassemblement national ont quitté l'hémicycle mardi.",
        # possible, prepared, stopped
        "Les rebelles se préparent à d'éventuelles contre-offensives dans la région.",
        "Elle dit qu'ils l'ont arrêtée de travailler pendant des mois.",
    ],
)
def test_events_precision_no_incident(pipeline: Any, text: str) -> None:
    assert events(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Les affrontements ont contraint des milliers d'habitants à fuir vers la frontière.",
            ("displacement", None),
        ),
        (
            "Les forces de l'ordre ont tiré des grenades lacrymogènes sur la foule à Conakry.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "L'explosion d'un engin artisanal a tué trois soldats sur la route de Gao lundi.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "Le naufrage d'une pirogue a fait vingt morts au large de Dakar dimanche.",
            ("disaster", "other"),
        ),
        (
            "La police a interpellé douze personnes lors d'une manifestation à Nantes samedi.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "L'afflux de déplacés ne faiblit pas à la frontière tchadienne.",
            ("displacement", None),
        ),
        (
            "Un tireur a ouvert le feu dans une école de Memphis, tuant deux enseignants.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Les rebelles resserrent leur étau autour de la ville de Rutshuru.",
            ("Battles", "Armed clash"),
        ),
        (
            "Une flambée de choléra a fait douze morts dans le camp de Kakuma.",
            ("disaster", "other"),
        ),
    ],
)
def test_events_precision_incident_type(
    pipeline: Any, text: str, kind: tuple[str, str | None]
) -> None:
    assert kinds(events(pipeline, text)) == [kind]


def test_events_precision_future_of_next_sentence_does_not_cancel(pipeline: Any) -> None:
    text = (
        "Six gardiens de la prison ont été placés en garde à vue lundi. "
        "Ils seront présentés à un juge jeudi, a indiqué le parquet."
    )
    assert kinds(events(pipeline, text)) == [("Strategic developments", "Arrests")]


def test_events_precision_pluperfect_incident_stays_distinct(pipeline: Any) -> None:
    text = (
        "Un séisme de magnitude 5,9 a frappé mardi la province de Van, faisant onze morts. "
        "En 2011, un séisme avait fait plus de 600 morts dans la même province."
    )
    assert kinds(events(pipeline, text)) == [("disaster", "earthquake")] * 2


def test_events_precision_quoted_restatement_joins(pipeline: Any) -> None:
    text = (
        "Un homme armé a été interpellé mardi dans une gare de Marseille, a annoncé la police. "
        "« Il a été arrêté sans violence sur le quai », a précisé un policier."
    )
    assert len(events(pipeline, text)) == 1


def test_events_precision_evacuation_after_incident_joins(pipeline: Any) -> None:
    text = (
        "Un incendie a ravagé mardi un immeuble de Lille, faisant deux morts. "
        "Une quarantaine d'habitants ont été évacués vers un gymnase."
    )
    assert kinds(events(pipeline, text)) == [("disaster", "fire")]


def test_events_precision_arrests_at_protest_join(pipeline: Any) -> None:
    text = (
        "Des milliers de personnes ont manifesté samedi à Rennes contre la réforme. "
        "Quinze personnes y ont été interpellées, selon la préfecture."
    )
    assert kinds(events(pipeline, text)) == [("Protests", "Protest with intervention")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Des bombardements russes ont touché un hôpital de Kherson mardi.", "Russia"),
        ("Un suspect a été interpellé mardi par la police à Lyon.", "Police forces"),
        ("Des tirs d'obus houthis ont tué quatre civils à Taëz mercredi.", "Houthis"),
    ],
)
def test_events_precision_actor1_initiator(pipeline: Any, text: str, name: str) -> None:
    found = events(pipeline, text)
    assert len(found) == 1
    assert found[0].actor1 is not None and found[0].actor1.name == name


def test_events_precision_passive_arrest_takes_earlier_force(pipeline: Any) -> None:
    text = (
        "Les gendarmes sont intervenus mardi dans un village du Tarn. "
        "Le fugitif a été interpellé sans résistance dans une grange."
    )
    arrests = [e for e in events(pipeline, text) if e.sub_event_type == "Arrests"]
    assert len(arrests) == 1
    actor1 = arrests[0].actor1
    assert actor1 is not None and actor1.actor_type == "state_forces"
    assert actor1.text != "Le fugitif"


def test_events_precision_protest_actor1_is_the_crowd(pipeline: Any) -> None:
    text = "À Abidjan, la police a dispersé à coups de matraque des centaines de manifestants."
    found = events(pipeline, text)
    assert len(found) == 1
    assert found[0].actor1 is not None and found[0].actor1.actor_type == "protesters"
    assert found[0].actor2 is not None and found[0].actor2.name == "Police forces"


def test_events_precision_disaster_has_no_actor1(pipeline: Any) -> None:
    found = events(pipeline, "Un glissement de terrain a enseveli mardi un village du Népal.")
    assert kinds(found) == [("disaster", "other")]
    assert found[0].actor1 is None


def test_events_precision_date_and_place_fallbacks(pipeline: Any) -> None:
    text = (
        "Des pluies diluviennes s'abattent sur Lima depuis trois jours. "
        "Des coulées de boue ont emporté plusieurs maisons."
    )
    found = events(pipeline, text)
    assert found, "a flood is reported"
    last = found[-1]
    assert last.period is not None and last.period.start is not None
    assert last.place is not None
    no_date = [e for e in found if e.date_basis == "publication"]
    for event in no_date:
        assert event.period is not None and event.period.start == PUBLISHED
        assert event.period.precision == "publication"
    for event in found:
        if event.place_basis == "article":
            assert event.place is not None and (event.place.precision or 0) >= 2
