"""Stage `places`: a name is a place only with real evidence; French names; province points."""

from __future__ import annotations

import math

import pytest
from benchmarks.places_heldout import load_heldout, score

from bilan import Pipeline, Settings
from bilan.gazetteer.centroids import division_key
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
    ("sentence", "not_place"),
    [
        ("Principal soutien de Damas, Moscou a dénoncé la cécité des Occidentaux.", "Principal"),
        ("Pas moins de 20 personnes ont été tuées dans l'attaque.", "Pas"),
        ("La police a arrêté trois suspects dans la nuit.", "La"),
        ("Sud Ouest a publié mardi une longue enquête sur les incendies.", "Sud Ouest"),
        ("Le typhon a touché terre à 10 h UTC, a précisé l'agence.", "UTC"),
        ("Lundi soir, les actions du groupe étaient en repli de 7 %.", "Lundi"),
        ("Fawwaz al-Achaari, 56 ans, a quitté son quartier avec ses enfants.", "Fawwaz al-Achaari"),
        ("Le ministère de la Santé du Hamas a fait état de 45 morts.", "Hamas"),
        ("Il s'agit de deux Polonais et de deux Russes qui servaient de mules.", "Russes"),
        ("La question a été posée par deux Länder à la Cour constitutionnelle.", "Länder"),
        ("Tout le monde a cru que c'était l'OAS qui provoquait ces événements.", "OAS"),
        ("À Montréal, la Ville a ouvert des haltes chaleur pour les sans-abri.", "Ville"),
    ],
)  # fmt: skip
def test_places_precision_common_words_people_and_groups_are_not_places(
    places_pipeline: Pipeline, sentence: str, not_place: str
) -> None:
    texts = [p.text for p in _places(places_pipeline, sentence)]
    assert not any(not_place in t for t in texts), texts


@pytest.mark.parametrize(
    ("sentence", "mention", "name", "geoname", "country"),
    [
        ("Des obus sont tombés sur Alep, dans le nord de la Syrie.", "Alep", "Alep", "Aleppo", "SY"),
        ("Washington a dénoncé la prise d'otages à Téhéran.", "Téhéran", "Téhéran", "Tehran", "IR"),
        ("Il s'adressait depuis Londres au Conseil de sécurité.", "Londres", "Londres", "London", "GB"),
        ("Neuf personnes ont été blessées à Madrid vendredi.", "Madrid", "Madrid", "Madrid", "ES"),
        ("Les dégâts sont importants au Caire après la tempête.", "Caire", "Caire", "Cairo", "EG"),
    ],
)  # fmt: skip
def test_places_precision_name_is_the_french_name_and_geoname_the_gazetteer_s(
    places_pipeline: Pipeline, sentence: str, mention: str, name: str, geoname: str, country: str
) -> None:
    place = _one(_places(places_pipeline, sentence), mention)
    assert (place.name, place.geoname, place.country) == (name, geoname, country)


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Madrid a condamné l'attaque, qui a fait neuf blessés à Barcelone.", "Madrid", "ES"),
        ("Des frappes ont visé Kharkiv et Odessa dans la nuit.", "Odessa", "UA"),
        ("Un glissement de terrain a enseveli des chalets près de Sion, en Suisse.", "Sion", "CH"),
        ("Le choléra a fait 150 morts dans le Kasaï depuis janvier.", "Kasaï", "CD"),
        ("Sept millions de personnes sont déplacées en RDC, selon l'ONU.", "RDC", "CD"),
        ("Les chefs d'État ont condamné le coup d'État de Niamey.", "Niamey", "NE"),
    ],
)  # fmt: skip
def test_places_precision_exonyms_prefer_the_well_known_place(
    places_pipeline: Pipeline, sentence: str, mention: str, country: str
) -> None:
    assert _one(_places(places_pipeline, sentence), mention).country == country


@pytest.mark.parametrize(
    ("sentence", "mention", "country", "lat", "lon"),
    [
        ("La province de Luxembourg a été placée en alerte orange.", "province de Luxembourg", "BE", 49.95, 5.45),
        ("Un postier d'Ille-et-Vilaine a été retrouvé mort.", "Ille-et-Vilaine", "FR", 48.17, -1.65),
        ("Des perquisitions ont eu lieu dans les Hauts-de-Seine.", "Hauts-de-Seine", "FR", 48.85, 2.22),
        ("Quatre soldats ont été tués dans la province de Kapisa.", "province de Kapisa", "AF", 34.98, 69.62),
        ("Les feux de forêt ont ravagé la Gironde cet été.", "Gironde", "FR", 44.85, -0.60),
    ],
)  # fmt: skip
def test_places_precision_provinces_and_departments_get_a_point(
    places_pipeline: Pipeline, sentence: str, mention: str, country: str, lat: float, lon: float
) -> None:
    place = _one(_places(places_pipeline, sentence), mention)
    assert place.country == country
    assert _km(place, lat, lon) < 40
    assert place.precision in {3, 4}


@pytest.mark.parametrize(
    ("sentence", "mention", "name"),
    [
        ("Les milices contrôlent désormais le nord du pays, au Mali.", "nord du pays", "Nord du Mali"),
        ("La Syrie est en guerre ; les combats font rage dans le nord du pays.", "nord du pays", "Nord de la Syrie"),
    ],
)  # fmt: skip
def test_places_precision_country_regions_are_named_after_the_country(
    places_pipeline: Pipeline, sentence: str, mention: str, name: str
) -> None:
    assert _one(_places(places_pipeline, sentence), mention).name == name


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Des obus sont tombés à Saraqeb, une ville de la province d'Idleb en Syrie.", "Saraqeb"),
        ("Les rebelles tiennent le village de Kfar Zoubeidat.", "Kfar Zoubeidat"),
        ("Le camion a chuté du pont Mathilde, à Rouen.", "pont Mathilde"),
        ("La CEDEAO a réuni les chefs d'État d'Afrique de l'Ouest à Abuja.", "Afrique de l'Ouest"),
    ],
)  # fmt: skip
def test_places_precision_context_keeps_small_or_unknown_places(
    places_pipeline: Pipeline, sentence: str, mention: str
) -> None:
    assert any(p.text == mention for p in _places(places_pipeline, sentence))


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Departement d'Ille-et-Vilaine", "ille et vilaine"),
        ("Province du Luxembourg", "luxembourg"),
        ("Kāpīsā", "kapisa"),
        ("Bezirk Winterthur", "winterthur"),
    ],
)
def test_places_precision_division_names_match_across_sources(raw: str, key: str) -> None:
    assert division_key(raw) == key


def test_places_precision_heldout_sentences(places_pipeline: Pipeline) -> None:
    """Sentences written for bilan (tests/golden/places_heldout.yaml), never tuned on."""
    fig = score(places_pipeline, load_heldout())
    assert fig.precision >= 0.95, fig.issues
    assert fig.recall >= 0.90, fig.issues
    assert fig.location >= 0.90, fig.issues
