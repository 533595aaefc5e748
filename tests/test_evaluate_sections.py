"""Scoring the optional gold sections: places (25 km, country codes), dates (±1 day), events."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilan.evaluate import GoldDocument, score_article
from bilan.evaluate.sections import distance_km
from bilan.evaluate.sentences import blank_sentencizer
from bilan.model import DateMention, Event, Place
from tests.evaluate_helpers import GOLD, evidence, make_gold, prediction

SECTIONS = GOLD | {
    "places": [
        {"text": "Syrie", "name": "Syrie", "country": "SY", "kind": "country"},
        {
            "text": "Homs",
            "name": "Homs",
            "country": "SY",
            "lat": 34.73,
            "lon": 36.71,
            "kind": "city",
        },
        {
            "text": "Damas",
            "name": "Damas",
            "country": "SY",
            "lat": 33.51,
            "lon": 36.29,
            "kind": "city",
        },
    ],
    "dates": [
        {"text": "12 mars 2013", "start": "2013-03-12", "end": "2013-03-12"},
        {"text": "mardi", "start": "2013-03-12", "end": "2013-03-12"},
        {"text": "depuis dimanche", "start": "2013-03-10", "end": "2013-03-12"},
    ],
    "events": [
        {
            "anchor": "ont été tués mardi dans des bombardements sur Homs",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "place": ["Homs"],
        },
        {
            "anchor": "Plus de 2 000 personnes ont fui vers Damas",
            "event_type": "displacement",
        },
    ],
}


@pytest.fixture(scope="module")
def sentencizer():  # type: ignore[no-untyped-def]
    return blank_sentencizer()


@pytest.fixture
def gold(tmp_path: Path) -> GoldDocument:
    return make_gold(tmp_path, SECTIONS)


def place(text: str, **fields) -> Place:  # type: ignore[no-untyped-def]
    return Place(text=text, evidence=evidence(text), **fields)


def test_evaluate_distance_km_known_value() -> None:
    assert distance_km(34.73, 36.71, 33.51, 36.29) == pytest.approx(141, abs=3)  # Homs–Damas


@pytest.mark.parametrize(
    ("pred", "found", "located"),
    [
        (place("Homs", name="Homs", country="SY", lat=34.72, lon=36.72), True, True),
        (place("Homs", name="Hims", country="SY", lat=34.9, lon=36.8), True, True),  # 20 km
        (place("Homs", name="Homs", country="SY", lat=35.5, lon=36.7), True, False),  # 85 km
        (place("Homs", name="Hims", country="SY", lat=36.2, lon=37.16), True, False),  # at Alep
        (place("presse", name="Alep", country="SY", lat=36.2, lon=37.16), False, None),
        (place("Homs"), True, False),  # found by name, not geocoded
    ],
)
def test_evaluate_places_within_25_km(gold, sentencizer, pred, found, located) -> None:  # type: ignore[no-untyped-def]
    result = score_article(gold, prediction(places=[pred]), sentencizer)
    t = result.tallies["places"]
    assert (t.tp, t.fp, t.fn) == (int(found), int(not found), 3 - int(found))
    acc = result.accuracies.get("places.location")
    assert (acc.value if acc else None) == (None if located is None else float(located))


@pytest.mark.parametrize(
    ("pred", "found"),
    [
        (place("Syrie", name="Syria", country="SY", precision=6), True),
        (place("Syrie", name="Syrian Arab Republic", country="SY", feature="PCLI"), True),
        (place("Homs", name="Homs", country="SY", lat=34.72, lon=36.72, precision=1), True),
        (place("presse", name="Liban", country="LB", precision=6), False),
        (place("presse", name="Syria", country="SY", lat=35.0, lon=38.0), False),  # not a country
    ],
)
def test_evaluate_countries_by_code(gold, sentencizer, pred, found) -> None:  # type: ignore[no-untyped-def]
    t = score_article(gold, prediction(places=[pred]), sentencizer).tallies["places"]
    assert t.tp == int(found)


def test_evaluate_places_repeated_mentions_count_once(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    homs = dict(name="Homs", country="SY", lat=34.73, lon=36.71, geonameid=169577)
    preds = [
        Place(text="Homs", evidence=evidence("Homs", nth=0), **homs),
        Place(text="Homs", evidence=evidence("Homs", nth=1), **homs),
    ]
    t = score_article(gold, prediction(places=preds), sentencizer).tallies["places"]
    assert (t.tp, t.fp, t.fn) == (1, 0, 2)


def date(id: str, phrase: str, start: str, end: str, nth: int = 0) -> DateMention:
    return DateMention(id=id, text=phrase, start=start, end=end, evidence=evidence(phrase, nth=nth))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pred", "found", "right"),
    [
        (date("d1", "mardi", "2013-03-12", "2013-03-12"), True, True),
        (date("d1", "mardi", "2013-03-11", "2013-03-13"), True, True),  # within one day
        (date("d1", "mardi", "2013-03-05", "2013-03-05"), True, False),  # last week's Tuesday
        (date("d1", "depuis dimanche", "2013-03-10", "2013-03-12"), True, True),
        (date("d1", "2 000", "2000-01-01", "2000-12-31"), False, None),  # a number, not a date
    ],
)
def test_evaluate_dates_interval_within_one_day(gold, sentencizer, pred, found, right) -> None:  # type: ignore[no-untyped-def]
    result = score_article(gold, prediction(dates=[pred]), sentencizer)
    t = result.tallies["dates"]
    assert (t.tp, t.fp) == (int(found), int(not found))
    acc = result.accuracies.get("dates.interval")
    assert (acc.value if acc else None) == (None if right is None else float(right))


@pytest.mark.parametrize(
    ("pred", "ignored"),
    [
        (date("d9", "12 mars", "2013-03-12", "2013-03-12"), True),  # inside "12 mars 2013"
        (date("d9", "12 mars", "2013-03-19", "2013-03-19"), False),  # wrong interval
        (date("d9", "dimanche", "2013-03-10", "2013-03-10"), False),  # not the same words
    ],
)
def test_evaluate_dates_other_mention_of_an_expression(gold, sentencizer, pred, ignored) -> None:  # type: ignore[no-untyped-def]
    # a second mention elsewhere in the text: neither a hit nor, when it is the same expression,
    # a false alarm
    text = gold.text
    elsewhere = text.index("devant la presse")
    moved = pred.model_copy(
        update={
            "evidence": pred.evidence.model_copy(
                update={
                    "start": elsewhere,
                    "end": elsewhere + 5,
                    "text": text[elsewhere : elsewhere + 5],
                }
            )
        }
    )
    t = score_article(gold, prediction(dates=[moved]), sentencizer).tallies["dates"]
    assert (t.tp, t.fp) == (0, int(not ignored))


def event(id: str, phrase: str, event_type: str, sub: str | None = None) -> Event:
    return Event(id=id, event_type=event_type, sub_event_type=sub, evidence=evidence(phrase))


def test_evaluate_events_detection_and_types(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    preds = [
        event(
            "e1",
            "dans des bombardements sur Homs",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        event("e2", "ont fui vers Damas", "Displacement"),
        event("e3", "dénoncé une « provocation »", "Strategic developments"),
    ]
    result = score_article(gold, prediction(events=preds), sentencizer)
    t = result.tallies["events"]
    assert (t.tp, t.fp, t.fn) == (2, 1, 0)
    assert result.accuracies["events.event_type"].value == 1.0  # case does not matter
    assert result.accuracies["events.sub_event_type"].value == 0.0


def test_evaluate_sections_absent_from_gold_are_not_scored(tmp_path, sentencizer) -> None:  # type: ignore[no-untyped-def]
    gold = make_gold(tmp_path, GOLD)
    result = score_article(gold, prediction(places=[place("Homs")]), sentencizer)
    assert set(result.tallies) == {"counts", "quotes"}
