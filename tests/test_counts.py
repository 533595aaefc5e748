"""Counts of people: category, group, qualifier, traps, subsets, agents, hedging (bilan.counts).

Documents are built by hand (spaCy parse + the numbers reader) so that each rule is tested
without the other stages; sources are linked from hand-built attributions.
"""

from __future__ import annotations

from datetime import date

import pytest

from bilan.counts.extract import build_counts
from bilan.counts.numerals import read_numbers
from bilan.model import Article, Attribution, Count, Document, EntityRef, Evidence, Place


def extract(  # type: ignore[no-untyped-def]
    nlp, text: str, attributions: list[Attribution] | None = None, places: list[str] | None = None
) -> list[Count]:
    doc = Document(article=Article(text=text, published=date(2016, 11, 30)), spacy=nlp(text))
    doc.numbers = read_numbers(text, doc.spacy)
    doc.attributions = attributions or []
    doc.places = [
        Place(
            text=name,
            name=name,
            evidence=Evidence.of(text, text.index(name), text.index(name) + len(name)),
        )
        for name in places or []
    ]
    return build_counts(doc)


@pytest.mark.parametrize(
    ("text", "category", "group", "value"),
    [
        ("Au moins 26 civils ont été tués par des tirs d'artillerie.", "killed", "civilians", 26),
        (
            "Les rebelles ont tué au moins 48 civils en bombardant la ville.",
            "killed",
            "civilians",
            48,
        ),
        ("Quinze personnes ont péri dans l'incendie.", "killed", "people", 15),
        ("Au moins quinze personnes ont perdu la vie près d'une église.", "killed", "people", 15),
        ("Une avalanche a causé la mort de neuf personnes.", "killed", "people", 9),
        ("Guyane : deux militaires tués dans une embuscade", "killed", "security_forces", 2),
        ("Il a vu le corps sans vie d'une fillette au milieu d'une rue.", "killed", "children", 1),
        ("Six soldats ont été blessés lors de l'attaque.", "injured", "security_forces", 6),
        ("L'incendie a fait 2 blessés légers.", "injured", "people", 2),
        ("Quatre personnes sont toujours recherchées.", "missing", "people", 4),
        ("Trois journalistes ont été enlevés mardi à Bamako.", "kidnapped", "journalists", 3),
        ("Ils ont pris 52 diplomates américains en otages.", "kidnapped", "other", 52),
        ("Quatre manifestants ont été interpellés par la police.", "arrested", "protesters", 4),
        ("Plus de 50.000 personnes ont fui la ville.", "displaced", "people", 50000),
        ("Plus de 20.000 ont trouvé refuge à Alep-Ouest.", "displaced", "people", 20000),
        ("Plus de 80 000 personnes ont été évacuées.", "evacuated", "people", 80000),
        ("La ville comptait récemment 250.000 civils.", "population", "civilians", 250000),
        ("L'avion transportait 147 passagers.", "population", "people", 147),
        ("Un avion avec 153 personnes à bord s'est écrasé.", "population", "people", 153),
        ("Des stocks pour ravitailler 30 000 personnes sont prêts.", "affected", "people", 30000),
        ("L'attentat a coûté la vie à 12 personnes.", "killed", "people", 12),
        ("Cinq enfants figurent parmi les victimes.", "killed", "children", 5),
        ("Le naufrage a fait 200 disparus.", "missing", "people", 200),
        ("Neuf mineurs sont morts dans un coup de grisou.", "killed", "children", 9),
        ("Plus d'un million de Syriens ont fui leur pays.", "displaced", "people", 1000000),
        ("Le typhon a fait des milliers de sans-abri.", "affected", "people", None),
        ("Quelque 300 000 personnes sont privées d'électricité.", "affected", "people", 300000),
        ("Il a été condamné pour le meurtre de deux policiers.", "killed", "security_forces", 2),
    ],
)
def test_counts_category_and_group_from_the_parse(
    nlp, text: str, category: str, group: str, value: float
) -> None:  # type: ignore[no-untyped-def]
    counts = extract(nlp, text)
    assert [(c.category, c.group, c.value) for c in counts] == [(category, group, value)]
    ev = counts[0].evidence
    assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    "text",
    [
        "Fawwaz al-Achaari, 56 ans, a quitté son quartier de Sakhour.",  # age
        "Le camp se trouve à une dizaine de km au nord d'Alep.",  # distance
        "Les forces du régime ont conquis près de 40% d'Alep-Est.",  # territory share
        "La zone est assiégée depuis quatre mois.",  # duration
        "Les quinze ambassadeurs du Conseil de sécurité discutaient d'Alep.",  # officials
        "Ils se sont rencontrés à plusieurs reprises à Ankara.",  # frequency
        "L'ONU a envoyé 20 camions d'aide humanitaire.",  # objects
        "Le parti a obtenu 120 sièges et 2 millions de voix.",  # seats and votes
        "Le 15 novembre 2012, le président a parlé pendant deux heures.",  # date, duration
        "Égypte : une journaliste de France 24 victime d'une agression",  # a name, not a number
        "Le contrat s'élève à 300 millions de dollars.",  # money
        "Tous les jeunes hommes de moins de 40 ans sont arrêtés.",  # an age bound
        "Les 27 pays membres de l'Union européenne se réunissent.",  # countries
        "Il a été élu avec 52% des voix.",  # a vote share
        "Les deux hommes ont été condamnés à 10 ans de prison.",  # a sentence length
        "L'entreprise emploie 3 000 salariés.",  # jobs
    ],
)
def test_counts_never_emits_the_traps(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert extract(nlp, text) == []


def test_counts_active_subject_is_a_perpetrator_not_a_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = extract(nlp, "Trois rebelles ont tué deux soldats près de Homs.")
    assert [(c.value, c.group) for c in counts] == [(2, "security_forces")]
    assert counts[0].perpetrator is not None
    assert "rebelles" in counts[0].perpetrator.text


@pytest.mark.parametrize(
    ("text", "perpetrator", "cause"),
    [
        (
            "Au moins 26 civils ont été tués par des tirs d'artillerie du régime.",
            "régime",
            "artillery",
        ),
        ("Les rebelles ont tué au moins 48 civils.", "rebelles", None),
        ("Huit habitants ont été tués par des tirs de roquette.", None, "rocket"),
        ("Une avalanche a causé la mort de neuf personnes.", None, "avalanche"),
    ],
)
def test_counts_perpetrator_and_cause(
    nlp, text: str, perpetrator: str | None, cause: str | None
) -> None:  # type: ignore[no-untyped-def]
    (count,) = extract(nlp, text)
    assert count.cause == cause
    if perpetrator is None:
        assert count.perpetrator is None
    else:
        assert count.perpetrator is not None and perpetrator in count.perpetrator.text


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("Pas moins de neuf autres personnes auraient été blessées dans cet accident.", True),
        ("Neuf autres personnes ont été blessées dans cet accident.", False),
    ],
)
def test_counts_hedging_from_the_conditional(nlp, text: str, hedged: bool) -> None:  # type: ignore[no-untyped-def]
    (count,) = extract(nlp, text)
    assert count.hedged is hedged


def test_counts_subset_with_dont_is_part_of_the_total(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = extract(
        nlp, "Depuis le 15 novembre, plus de 300 civils, dont 33 enfants, ont été tués."
    )
    assert [(c.id, c.value, c.group, c.category, c.part_of) for c in counts] == [
        ("c1", 300, "civilians", "killed", None),
        ("c2", 33, "children", "killed", "c1"),
    ]


def test_counts_enumeration_after_a_semicolon_spells_the_total_out(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Quatre personnes ont été arrêtées ces derniers jours ; il s'agit de deux Polonais "
        "et de deux Russes."
    )
    counts = extract(nlp, text)
    assert [(c.value, c.category, c.part_of) for c in counts] == [
        (4, "arrested", None),
        (2, "arrested", "c1"),
        (2, "arrested", "c1"),
    ]


def test_counts_split_of_a_total_keeps_part_of_and_destinations(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Plus de 50.000 personnes ont fui Alep-Est. Selon l'OSDH, sur les 50.000 déplacés, "
        "plus de 20.000 ont trouvé refuge à Alep-Ouest et 30.000 dans l'enclave de Cheikh Maqsoud."
    )
    counts = extract(nlp, text)
    assert [(c.value, c.category, c.part_of) for c in counts] == [
        (50000, "displaced", None),
        (50000, "displaced", None),
        (20000, "displaced", "c2"),
        (30000, "displaced", "c2"),
    ]
    assert counts[3].destination is not None
    assert counts[3].destination.text == "Cheikh Maqsoud"


def test_counts_parts_that_add_up_to_an_earlier_count(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Un avion avec 153 personnes à bord s'est écrasé. "
        "Il transportait 147 passagers et 6 membres d'équipage."
    )
    counts = extract(nlp, text)
    assert [(c.value, c.group, c.part_of) for c in counts] == [
        (153, "people", None),
        (147, "people", "c1"),
        (6, "other", "c1"),
    ]


def test_counts_gapped_and_elliptic_counts_inherit_the_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trois jeunes femmes sont mortes piétinées et deux autres ont été grièvement blessées."
    counts = extract(nlp, text)
    assert [(c.value, c.category, c.group) for c in counts] == [
        (3, "killed", "women"),
        (2, "injured", "women"),
    ]


def test_counts_source_is_the_innermost_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Selon l'OSDH, au moins 26 civils ont été tués. Trois soldats ont été blessés."
    first = text.index(".") + 1
    osdh = EntityRef(text="l'OSDH", name="OSDH", evidence=Evidence.of(text, 6, 12))
    article = EntityRef(text="le journal", name="Le journal")
    attributions = [
        Attribution(source=article, cue="selon", scope=Evidence.of(text, 0, len(text))),
        Attribution(source=osdh, cue="selon", scope=Evidence.of(text, 0, first)),
    ]
    counts = extract(nlp, text, attributions)
    assert [c.source.name if c.source else None for c in counts] == ["OSDH", "Le journal"]


def test_counts_without_attribution_speak_in_the_article_voice(nlp) -> None:  # type: ignore[no-untyped-def]
    (count,) = extract(nlp, "Quatre personnes sont toujours recherchées.")
    assert count.source is None


def test_counts_others_take_the_group_of_the_count_before(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = extract(nlp, "Un soldat français a été tué et deux autres blessés.")
    assert [(c.value, c.category, c.group) for c in counts] == [
        (1, "killed", "security_forces"),
        (2, "injured", "security_forces"),
    ]


@pytest.mark.parametrize(
    ("text", "places", "origin", "destination"),
    [
        ("Plus de 50.000 personnes ont fui Alep-Est.", ["Alep-Est"], "Alep-Est", None),
        (
            "Plus de 2 000 habitants ont quitté Homs vers le Liban.",
            ["Homs", "Liban"],
            "Homs",
            "Liban",
        ),
        (
            "La ville de Fukushima est loin de la zone d'exclusion, d'où ont été évacuées "
            "plus de 80 000 personnes.",
            ["Fukushima"],
            "Fukushima",
            None,
        ),
        ("Plus de 20.000 ont trouvé refuge à Alep-Ouest.", ["Alep-Ouest"], None, "Alep-Ouest"),
    ],
)
def test_counts_origin_and_destination_of_displacement(
    nlp, text: str, places: list[str], origin: str | None, destination: str | None
) -> None:  # type: ignore[no-untyped-def]
    (count,) = extract(nlp, text, places=places)
    assert (count.origin.text if count.origin else None) == origin
    assert (count.destination.text if count.destination else None) == destination


@pytest.mark.parametrize(
    ("text", "places", "place"),
    [
        ("Au moins 26 civils ont été tués à Alep-Est.", ["Alep-Est"], "Alep-Est"),
        (  # the speaker's location is not the event's
            "Trois soldats ont été tués, a déclaré le ministre s'adressant depuis Londres.",
            ["Londres"],
            None,
        ),
        (  # an anaphor points back to the place named before
            "Les rebelles ont bombardé Alep-Ouest. Huit habitants de ces quartiers ont été tués "
            "par des tirs de roquette provenant d'Alep-Est.",
            ["Alep-Ouest", "Alep-Est"],
            "Alep-Ouest",
        ),
    ],
)
def test_counts_place_of_the_event(nlp, text: str, places: list[str], place: str | None) -> None:  # type: ignore[no-untyped-def]
    (count,) = extract(nlp, text, places=places)
    assert (count.place.text if count.place else None) == place
