"""Dates: French time expressions resolved against the publication date (never today)."""

from __future__ import annotations

from datetime import date

import pytest

from bilan import Pipeline, Settings
from bilan.model import Article
from bilan.temporal import timexes

D = date


def _resolve(text: str, published: date) -> list[tuple[str, date, date, str]]:
    return [(m.text, r.start, r.end, r.precision) for m, r in timexes(text, published)]


@pytest.mark.parametrize(
    ("sentence", "published", "expression", "start", "end", "precision"),
    [
        ("L'avion s'est écrasé le 3 juin 2012 à Lagos.", D(2012, 6, 5), "le 3 juin 2012", D(2012, 6, 3), D(2012, 6, 3), "day"),
        ("L'offensive a été lancée le 15 novembre.", D(2016, 11, 30), "le 15 novembre", D(2016, 11, 15), D(2016, 11, 15), "day"),
        ("Depuis le 15 novembre, 300 civils ont été tués.", D(2016, 11, 30), "Depuis le 15 novembre", D(2016, 11, 15), D(2016, 11, 30), "days"),
        ("50.000 ont fui ces quatre derniers jours.", D(2016, 11, 30), "ces quatre derniers jours", D(2016, 11, 27), D(2016, 11, 30), "days"),
        ("Huit habitants ont été tués mercredi.", D(2016, 11, 30), "mercredi", D(2016, 11, 30), D(2016, 11, 30), "day"),
        ("Moscou avait dénoncé mardi la cécité des Occidentaux.", D(2016, 11, 30), "mardi", D(2016, 11, 29), D(2016, 11, 29), "day"),
        ("Il est arrivé vendredi dernier.", D(2012, 8, 7), "vendredi dernier", D(2012, 8, 3), D(2012, 8, 3), "day"),
        ("Le bateau a chaviré hier.", D(2012, 7, 4), "hier", D(2012, 7, 3), D(2012, 7, 3), "day"),
        ("Des tirs ont été entendus cette nuit.", D(2012, 8, 19), "cette nuit", D(2012, 8, 18), D(2012, 8, 19), "days"),
        ("La police a été appelée la semaine dernière.", D(2012, 11, 10), "La semaine dernière", D(2012, 10, 29), D(2012, 11, 4), "week"),
        ("L'usine a fermé il y a trois jours.", D(2012, 7, 4), "il y a trois jours", D(2012, 7, 1), D(2012, 7, 1), "day"),
        ("Les combats ont repris la nuit de mardi à mercredi.", D(2012, 7, 5), "la nuit de mardi à mercredi", D(2012, 7, 3), D(2012, 7, 4), "days"),
        ("La Syrie est en guerre depuis mars 2011.", D(2012, 7, 3), "depuis mars 2011", D(2011, 3, 1), D(2012, 7, 3), "year"),
        ("Le rapport a été publié en mai 2011.", D(2012, 9, 1), "en mai 2011", D(2011, 5, 1), D(2011, 5, 31), "month"),
        ("Le pont a été construit en 1945.", D(2012, 6, 23), "en 1945", D(1945, 1, 1), D(1945, 12, 31), "year"),
        ("La conférence aura lieu du 6 au 15 septembre l'an prochain.", D(2012, 7, 4), "du 6 au 15 septembre l'an prochain", D(2013, 9, 6), D(2013, 9, 15), "days"),
        ("Les prix ont grimpé entre novembre 2011 et mai 2012.", D(2012, 6, 26), "entre novembre 2011 et mai 2012", D(2011, 11, 1), D(2012, 5, 31), "month"),
        ("Le Mali est divisé depuis trois mois.", D(2012, 7, 4), "depuis trois mois", D(2012, 4, 4), D(2012, 7, 4), "month"),
        ("Les travaux seront achevés fin 2013.", D(2012, 10, 29), "fin 2013", D(2013, 10, 1), D(2013, 12, 31), "month"),
        ("Le drame a eu lieu à Halloween.", D(2012, 11, 1), "Halloween", D(2012, 10, 31), D(2012, 10, 31), "day"),
    ],
)  # fmt: skip
def test_dates_resolve_against_publication(
    sentence: str, published: date, expression: str, start: date, end: date, precision: str
) -> None:
    found = {text.lower(): (s, e, p) for text, s, e, p in _resolve(sentence, published)}
    assert found[expression.lower()] == (start, end, precision)


def test_dates_anaphora_follow_the_last_date() -> None:
    text = "Le 28 juin dernier, un incendie a éclaté. Le même jour, la police a arrêté un homme. Il a été libéré le lendemain."
    found = _resolve(text, D(2012, 8, 7))
    assert [(t, s) for t, s, _, _ in found] == [
        ("Le 28 juin dernier", D(2012, 6, 28)),
        ("Le même jour", D(2012, 6, 28)),
        ("le lendemain", D(2012, 6, 29)),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Un homme âgé de 40 ans a été blessé.",
        "Plus de 2000 personnes ont manifesté.",
        "Tous les jeunes hommes de moins de 40 ans sont arrêtés.",
        "Le bilan s'élève à 1500 morts.",
        "Il a marché pendant quatre heures.",
    ],
)
def test_dates_ignore_ages_counts_and_durations(sentence: str) -> None:
    assert _resolve(sentence, D(2012, 7, 4)) == []


@pytest.fixture(scope="module")
def dates_pipeline(nlp):  # type: ignore[no-untyped-def]
    return Pipeline(Settings(stages=("dates",), check_language=False), nlp=nlp)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Il est attendu mercredi à Charlotte, où s'ouvre la convention.", D(2012, 9, 5)),
        ("Le président se rendra jeudi à Charlotte.", D(2012, 9, 6)),
        ("Le président s'est rendu jeudi à Charlotte.", D(2012, 8, 30)),
    ],
)
def test_dates_stage_bare_weekday_looks_ahead_in_future_sentences(
    dates_pipeline: Pipeline, sentence: str, expected: date
) -> None:
    doc = dates_pipeline(Article(text=sentence, published=D(2012, 9, 4)))
    assert [d.start for d in doc.dates] == [expected]
    assert (
        doc.dates[0].evidence.text
        == doc.text[doc.dates[0].evidence.start : doc.dates[0].evidence.end]
    )


def test_dates_stage_uses_the_dateline_when_no_date_is_given(dates_pipeline: Pipeline) -> None:
    doc = dates_pipeline(Article(text="29 mai 2012. - Un postier a été agressé hier à Rennes."))
    assert [(d.text, d.start) for d in doc.dates] == [
        ("29 mai 2012", D(2012, 5, 29)),
        ("hier", D(2012, 5, 28)),
    ]


def test_dates_stage_without_any_date_warns_and_assigns_nothing(dates_pipeline: Pipeline) -> None:
    doc = dates_pipeline(Article(text="Un postier a été agressé hier à Rennes."))
    assert doc.dates == []
    assert [w.code for w in doc.warnings] == ["W_NO_DATE"]


def test_dates_stage_seed_article(dates_pipeline: Pipeline, seed_text: str) -> None:
    doc = dates_pipeline(Article(text=seed_text, published=D(2016, 11, 30)))
    found = {d.text: (d.start, d.end) for d in doc.dates}
    assert found["le 15 novembre"] == (D(2016, 11, 15), D(2016, 11, 15))
    assert found["ces quatre derniers jours"] == (D(2016, 11, 27), D(2016, 11, 30))
    assert found["Depuis le 15 novembre"] == (D(2016, 11, 15), D(2016, 11, 30))
    assert found["mercredi"] == (D(2016, 11, 30), D(2016, 11, 30))
