"""The events stage: hand-built documents (parse of real sentences + counts) and the seed article."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bilan import Pipeline, Settings
from bilan.events.assemble import fatalities, interaction
from bilan.events.rules import EventRules
from bilan.ingest.readers import make_article
from bilan.model import Article, Count, Document, EntityRef, Event, Evidence, Period, Place
from bilan.pipeline import StageContext
from bilan.stages.actors import ActorsStage
from bilan.stages.events import EventsStage

PUBLISHED = date(2016, 11, 30)


class ActorsThenEvents:
    """The actors and events stages alone, over hand-built documents."""

    def __init__(self, nlp: Any) -> None:
        context = StageContext(Settings(check_language=False), nlp)
        self.stages = [ActorsStage(context), EventsStage(context)]

    def run_stages(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc


@pytest.fixture(scope="module")
def events_only(nlp: Any) -> ActorsThenEvents:
    return ActorsThenEvents(nlp)


def run(pipe: ActorsThenEvents, nlp: Any, text: str, **facts: Any) -> list[Event]:
    doc = Document(article=Article(text=text, published=PUBLISHED), spacy=nlp(text), **facts)
    out = pipe.run_stages(doc).events
    for event in out:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    return out


def count(text: str, anchor: str, **fields: Any) -> Count:
    start = text.index(anchor)
    ev = Evidence.of(text, start, start + len(anchor))
    return Count(id=fields.pop("id", "c1"), evidence=ev, **fields)


def test_events_crash_with_place_and_actor(events_only: ActorsThenEvents, nlp: Any) -> None:
    text = "Un avion de ligne de la compagnie Dana Air s'est écrasé dimanche à Lagos."
    start = text.index("Lagos")
    lagos = Place(
        text="Lagos", name="Lagos", precision=1, evidence=Evidence.of(text, start, start + 5)
    )
    [event] = run(events_only, nlp, text, places=[lagos])
    assert (event.event_type, event.sub_event_type) == ("disaster", "crash")
    assert event.place is not None and event.place.name == "Lagos"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Des centaines de Tibétains manifestent contre l'occupation chinoise.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "Deux hommes ont été interpellés mardi soir par la police.",
            ("Strategic developments", "Arrests"),
        ),
        ("Une avalanche a emporté une cordée de douze alpinistes.", ("disaster", "avalanche")),
    ],
)
def test_events_trigger_without_count(
    events_only: ActorsThenEvents, nlp: Any, text: str, kind: tuple[str, str]
) -> None:
    [event] = run(events_only, nlp, text)
    assert (event.event_type, event.sub_event_type) == kind


def test_events_protest_actor_is_the_subject(events_only: ActorsThenEvents, nlp: Any) -> None:
    [event] = run(
        events_only, nlp, "Des centaines de Tibétains manifestent contre l'occupation chinoise."
    )
    assert event.actor1 is not None and "Tibétains" in event.actor1.text
    assert event.actor1.inter == 6 and event.interaction == 60


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement a présenté son budget pour l'année prochaine.",
        "Nous demandons la libération de notre pays.",
        "Les manifestants pourraient revenir si la loi n'est pas retirée.",
    ],
)
def test_events_none_in_non_event_sentences(
    events_only: ActorsThenEvents, nlp: Any, text: str
) -> None:
    assert run(events_only, nlp, text) == []


def test_events_killed_count_with_perpetrator_is_an_attack(
    events_only: ActorsThenEvents, nlp: Any
) -> None:
    text = "Au moins douze villageois ont été tués jeudi par des hommes armés."
    c = count(
        text,
        "Au moins douze villageois",
        category="killed",
        group="civilians",
        qualifier="at_least",
        value=12,
        perpetrator=EntityRef(text="des hommes armés"),
    )
    [event] = run(events_only, nlp, text, counts=[c])
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.fatalities == 12 and event.count_ids == ["c1"]
    assert event.actor1 is not None and event.actor1.name == "Rebel groups"


def test_events_attack_on_soldiers_is_a_battle(events_only: ActorsThenEvents, nlp: Any) -> None:
    text = "Une attaque contre une patrouille a tué trois soldats près de Gao."
    c = count(text, "trois soldats", category="killed", group="security_forces", value=3)
    [event] = run(events_only, nlp, text, counts=[c])
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_events_running_toll_without_trigger_is_no_event(
    events_only: ActorsThenEvents, nlp: Any
) -> None:
    text = "Depuis le 15 novembre, plus de 300 civils ont été tués à Alep-Est, selon l'OSDH."

    c = count(
        text,
        "plus de 300 civils",
        category="killed",
        group="civilians",
        qualifier="more_than",
        value=300,
        perpetrator=EntityRef(text="le régime"),
        period=Period(start=date(2016, 11, 15), end=PUBLISHED),
    )
    assert run(events_only, nlp, text, counts=[c]) == []


def test_events_kidnapped_count_makes_an_abduction(events_only: ActorsThenEvents, nlp: Any) -> None:
    text = "Trois humanitaires français sont toujours retenus par leurs ravisseurs dans le nord du pays."
    c = count(
        text, "Trois humanitaires français", category="kidnapped", group="aid_workers", value=3
    )
    [event] = run(events_only, nlp, text, counts=[c])
    assert event.sub_event_type == "Abduction/forced disappearance"


def test_events_same_incident_told_again_is_one_event(
    events_only: ActorsThenEvents, nlp: Any
) -> None:
    text = (
        "Le pont Mathilde subit un incendie de grande ampleur lundi.\n"
        "Les pompiers sont arrivés vers midi.\n"
        "L'incendie a été maîtrisé par plus de 80 pompiers."
    )
    [event] = run(events_only, nlp, text)
    assert event.sub_event_type == "fire"
    assert event.evidence.text.startswith("Le pont Mathilde")


def test_events_distinct_protests_stay_distinct(events_only: ActorsThenEvents, nlp: Any) -> None:
    text = (
        "Des centaines de Tibétains manifestent contre l'occupation chinoise. "
        "En moins de 48 heures, six Tibétains se sont immolés par le feu. "
        "Des étudiants tibétains sont descendus dans la rue à Rebkong."
    )
    assert len(run(events_only, nlp, text)) == 3


def test_events_continuation_joins_the_event(events_only: ActorsThenEvents, nlp: Any) -> None:
    text = (
        "Les forces du régime ont lancé le 15 novembre une offensive à Alep-Est.\n"
        "Elles ont depuis conquis près de 40% d'Alep-Est, selon l'OSDH."
    )
    [event] = run(events_only, nlp, text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Government regains territory")
    assert "40%" in event.evidence.text
    assert event.actor1 is not None and event.actor1.name == "Syrian government forces"
    assert event.actor1.inter == 1


def test_events_title_line_is_not_reported(nlp: Any, events_only: ActorsThenEvents) -> None:
    text = "Nigeria : crash d'un avion à Lagos\nLe gouvernement a décrété trois jours de deuil."
    article = make_article(text, published=PUBLISHED)
    doc = Document(article=article, spacy=nlp(text))
    assert events_only.run_stages(doc).events == []


def test_events_fatalities_most_conservative() -> None:
    rules = EventRules.load()
    text = "x" * 40
    ev = Evidence.of(text, 0, 1)
    reports = [
        Count(
            id="a",
            category="killed",
            group="civilians",
            qualifier="at_least",
            value=26,
            evidence=ev,
        ),
        Count(
            id="b", category="killed", group="civilians", qualifier="exact", value=30, evidence=ev
        ),
        Count(id="c", category="killed", group="children", value=2, part_of="a", evidence=ev),
        Count(
            id="d",
            category="killed",
            group="security_forces",
            qualifier="vague",
            low=20,
            high=99,
            evidence=ev,
        ),
        Count(id="e", category="injured", group="civilians", value=50, evidence=ev),
    ]
    assert fatalities(reports, rules) == 26 + 12
    assert fatalities(reports[4:], rules) is None


@pytest.mark.parametrize(
    ("inters", "code"),
    [((1, 2), 12), ((2, 1), 12), ((1, None), 10), ((6, 1), 16), ((None, None), None)],
)
def test_events_interaction_codes(inters: tuple[int | None, int | None], code: int | None) -> None:
    refs = [EntityRef(text="x", inter=i) if i is not None else None for i in inters]
    assert interaction(refs[0], refs[1]) == code


# -- the seed article (full pipeline) ------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_events(pipeline: Pipeline, seed_text: str) -> list[Event]:
    doc = pipeline(make_article(seed_text, published=PUBLISHED))
    return doc.events


def find(events: list[Event], words: str) -> Event:
    found = [e for e in events if words in e.evidence.text]
    assert len(found) == 1, f"{words!r}: {[e.evidence.text[:60] for e in found]}"
    return found[0]


@pytest.mark.parametrize(
    ("words", "kind", "actor1", "actor2"),
    [
        (
            "près de 40%",
            ("Battles", "Government regains territory"),
            "Syrian government forces",
            "Rebel groups",
        ),
        (
            "au moins 26 civils",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
            "Syrian government forces",
            "Civilians",
        ),
        (
            "tirs de roquette",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
            "Rebel groups",
            "Civilians",
        ),
        ("plus de 50.000", ("displacement", None), None, None),
        (
            "exécutions sommaires",
            ("Violence against civilians", "Attack"),
            "Syrian government forces",
            None,
        ),
        ("à Ankara", ("Strategic developments", "Agreement"), "Russia", "Syrian rebels"),
        ("réunion urgente", ("Strategic developments", "Other"), "UN Security Council", None),
    ],
)
def test_events_seed_incidents(
    seed_events: list[Event],
    words: str,
    kind: tuple[str, str | None],
    actor1: str | None,
    actor2: str | None,
) -> None:
    event = find(seed_events, words)
    assert (event.event_type, event.sub_event_type) == kind
    assert (event.actor1.name if event.actor1 else None) == actor1
    if actor2 is not None:
        assert event.actor2 is not None and event.actor2.name == actor2


def test_events_seed_fatalities_and_places(seed_events: list[Event]) -> None:
    artillery = find(seed_events, "au moins 26 civils")
    assert artillery.fatalities == 26
    rockets = find(seed_events, "tirs de roquette")
    assert rockets.fatalities == 8
    assert rockets.place is not None and rockets.place.name == "Alep-Ouest"
    talks = find(seed_events, "à Ankara")
    assert talks.place is not None and talks.place.name == "Ankara"
    council = find(seed_events, "réunion urgente")
    assert council.place is not None and council.place.text == "New York"


def test_events_seed_one_event_per_incident(seed_events: list[Event]) -> None:
    # the offensive and its territory share are one event; the flight of 50,000 and its split
    # between Alep-Ouest and Cheikh Maqsoud are one event
    assert not any("Elles poursuivent" in e.evidence.text[:20] for e in seed_events)
    assert not any(e.evidence.text.startswith("Selon l'OSDH, sur les 50.000") for e in seed_events)
    assert sum(e.event_type == "displacement" for e in seed_events) == 1
