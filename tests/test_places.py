"""Stage `places`: toponym mentions, resolution, roles (metonymy, speaker's location)."""

from __future__ import annotations

import math

import pytest

from bilan import Pipeline, Settings
from bilan.model import Article, Document, Place


@pytest.fixture(scope="module")
def places_pipeline(nlp):  # type: ignore[no-untyped-def]
    return Pipeline(Settings(stages=("places",), check_language=False), nlp=nlp)


def _places(pipe: Pipeline, text: str) -> list[Place]:
    doc: Document = pipe(Article(text=text))
    for p in doc.places:
        assert p.evidence is not None and p.evidence.text == text[p.evidence.start : p.evidence.end]
    return doc.places


def _one(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text]
    assert found, [p.text for p in places]
    return found[0]


def _km(p: Place, lat: float, lon: float) -> float:
    assert p.lat is not None and p.lon is not None
    dy, dx = p.lat - lat, (p.lon - lon) * math.cos(math.radians(lat))
    return 111.2 * math.hypot(dx, dy)


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("Des affrontements ont fait trois morts à Tripoli, dans le nord du Liban.", "Tripoli", "LB"),
        ("À Tripoli, capitale de la Libye, des milices se sont affrontées.", "Tripoli", "LY"),
        ("Une manifestation a eu lieu à Paris, devant l'Assemblée nationale française.", "Paris", "FR"),
        ("Le cyclone a frappé Saint-Denis, chef-lieu de La Réunion.", "Saint-Denis", "RE"),
        ("Les pompiers de la Seine-Saint-Denis sont intervenus à Saint-Denis, en France.", "Saint-Denis", "FR"),
    ],
)  # fmt: skip
def test_places_ambiguous_names_follow_the_article_country(
    places_pipeline: Pipeline, sentence: str, name: str, country: str
) -> None:
    assert _one(_places(places_pipeline, sentence), name).country == country


@pytest.mark.parametrize(
    ("sentence", "mention", "lat", "lon"),
    [
        ("Le diplomate s'est rendu à Londres mardi.", "Londres", 51.51, -0.13),
        ("Des obus sont tombés sur Alep, dans le nord de la Syrie.", "Alep", 36.2, 37.16),
        ("Un attentat a frappé Damas jeudi.", "Damas", 33.51, 36.29),
        ("Plus de 20.000 civils ont trouvé refuge à Alep-Ouest.", "Alep-Ouest", 36.21, 37.13),
    ],
)
def test_places_french_exonyms_are_geocoded(
    places_pipeline: Pipeline, sentence: str, mention: str, lat: float, lon: float
) -> None:
    place = _one(_places(places_pipeline, sentence), mention)
    assert _km(place, lat, lon) < 25
    assert place.precision == 1


def test_places_district_has_parents(places_pipeline: Pipeline) -> None:
    place = _one(
        _places(places_pipeline, "Les rebelles tiennent le quartier de Cheikh Maqsoud."),
        "Cheikh Maqsoud",
    )
    assert place.parents == ["Alep", "Syrie"] and place.feature == "district"


@pytest.mark.parametrize(
    ("sentence", "mention", "role"),
    [
        ("Moscou a dénoncé les frappes aériennes.", "Moscou", "actor"),
        ("Principal soutien de Damas, Moscou a dénoncé la cécité des Occidentaux.", "Damas", "actor"),
        ("Un attentat a fait dix morts à Moscou.", "Moscou", "location"),
        ("Il s'adressait depuis Londres au Conseil de sécurité.", "Londres", "speaker_location"),
        ("Joint à Genève par l'AFP, le porte-parole a confirmé le bilan.", "Genève", "speaker_location"),
        ("Des combats ont eu lieu à Genève.", "Genève", "location"),
    ],
)  # fmt: skip
def test_places_roles_mark_metonymy_and_speaker_location(
    places_pipeline: Pipeline, sentence: str, mention: str, role: str
) -> None:
    place = _one(_places(places_pipeline, sentence), mention)
    assert place.role == role
    assert place.lat is not None  # marked, not dropped


def test_places_unknown_place_is_kept_without_a_point(places_pipeline: Pipeline) -> None:
    place = _one(
        _places(places_pipeline, "Le village de Kfar Zoubeidat a été bombardé par l'aviation."),
        "Kfar Zoubeidat",
    )
    assert place.precision is None and place.lat is None and place.lon is None
    assert place.name == "Kfar Zoubeidat"


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Boko Haram a attaqué une église dans le nord-est du Nigeria.", "nord-est du Nigeria", "NG"),
        ("Les combats se poursuivent dans le nord du pays, au Mali.", "nord du pays", "ML"),
    ],
)  # fmt: skip
def test_places_directions_make_regions(
    places_pipeline: Pipeline, sentence: str, mention: str, country: str
) -> None:
    place = _one(_places(places_pipeline, sentence), mention)
    assert place.country == country and place.precision == 5 and place.lat is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Soutenues par des bombardements intensifs, les forces ont avancé.",
        "La situation reste tendue selon les observateurs.",
    ],
)
def test_places_ordinary_capitalised_words_are_not_places(
    places_pipeline: Pipeline, sentence: str
) -> None:
    assert [p for p in _places(places_pipeline, sentence) if p.lat is not None] == []


def test_places_seed_article(places_pipeline: Pipeline, seed_text: str) -> None:
    places = _places(places_pipeline, seed_text)
    by_text = {p.text: p for p in places}
    assert by_text["Alep-Est"].parents == ["Alep", "Syrie"]
    assert by_text["Londres"].role == "speaker_location"
    assert by_text["Moscou"].role == "actor"
    assert by_text["Jibrine"].country == "SY" and by_text["Sakhour"].country == "SY"
    assert by_text["Cheikh Saïd"].precision == 1
