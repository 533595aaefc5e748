"""Sieges, trapped people and humanitarian access (issue 12): the `access` stage.

Real French sentences in the style of crisis dispatches; each fact is checked for its kind,
status, place, actor or source, and the evidence offsets into the text. Negatives: lorries,
car bombs, blocked roads and headquarters are no access fact.
"""

from __future__ import annotations

from datetime import date

import jsonschema
import pytest

from bilan.access import lexicon
from bilan.contract import schema, to_contract
from bilan.model import AccessFact, Article, Document

PUBLISHED = date(2016, 11, 30)


@pytest.fixture(scope="module")
def run(pipeline):  # type: ignore[no-untyped-def]
    def extract(text: str) -> Document:
        return pipeline(Article(text=text, published=PUBLISHED))  # type: ignore[no-any-return]

    return extract


def _only(doc: Document, kind: str) -> AccessFact:
    facts = [f for f in doc.access if f.kind == kind]
    assert len(facts) == 1, [(f.kind, f.cue) for f in doc.access]
    return facts[0]


def _name(entity: object) -> str | None:
    return None if entity is None else (entity.name or entity.text)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", [r.name for r in lexicon().cues])
def test_access_every_cue_example_gives_its_kind(run, name: str) -> None:  # type: ignore[no-untyped-def]
    rule = lexicon().rule(name)
    doc = run(rule.example)
    assert rule.kind in [f.kind for f in doc.access], (rule.example, doc.access)


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        ("Le régime a refusé l'accès des convois humanitaires à Daraya.", "access", "denied"),
        ("Les humanitaires n'ont pas pu accéder aux quartiers assiégés de Homs.", "access", "denied"),
        ("L'ONU a demandé l'ouverture d'un couloir humanitaire pour évacuer les blessés de Ghouta.",
         "corridor", "requested"),
        ("Un couloir humanitaire a été ouvert mardi pour évacuer les blessés de Ghouta.",
         "corridor", "granted"),
        ("Un convoi humanitaire de 30 camions est entré dans la ville de Madaya.",
         "aid_convoy", "delivered"),
        ("Le convoi d'aide humanitaire est bloqué depuis trois jours à un barrage de l'armée.",
         "aid_convoy", "denied"),
        ("Des milliers de familles sont prises au piège dans la vieille ville de Mossoul.",
         "trapped", "ongoing"),
        ("Près de 200 habitants restent bloqués dans le quartier sans eau ni électricité.",
         "trapped", "ongoing"),
        ("L'armée a levé le siège de la ville après trois mois de combats.", "siege", "ended"),
        ("Le Programme alimentaire mondial a acheminé des vivres à Deir ez-Zor.",
         "access", "delivered"),
        ("Laissez les civils sortir, protégez les civils.", "access", "requested"),
    ],
)  # fmt: skip
def test_access_kind_and_status(run, text: str, kind: str, status: str) -> None:  # type: ignore[no-untyped-def]
    fact = _only(run(text), kind)
    assert fact.status == status
    assert fact.evidence.text == text[fact.evidence.start : fact.evidence.end]


@pytest.mark.parametrize(
    "text",
    [
        "Un camion frigorifique a percuté la glissière centrale sur le pont Mathilde.",
        "Les routes sont bloquées par la neige dans les Alpes.",
        "Une voiture piégée a explosé devant le siège de la police à Bagdad.",
        "Les négociations sur l'accès à la propriété reprendront en mars.",
        "Le siège social de l'entreprise sera transféré à Lyon l'an prochain.",
        "Les gestes déplacés sont un phénomène courant dans les rues de la capitale.",
        "Le convoi présidentiel a traversé la ville sous les acclamations.",
    ],
)
def test_access_no_fact_in_ordinary_sentences(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert run(text).access == []


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        ("Le régime a refusé l'accès des convois humanitaires à Daraya.", "access", "régime"),
        ("La ville de Madaya est assiégée depuis juillet par les forces gouvernementales.",
         "siege", "forces gouvernementales"),
        ("L'ONU a pré-positionné des stocks de médicaments pour ravitailler 20.000 personnes.",
         "aid_stock", "ONU"),
        ("Il a appelé le gouvernement syrien à autoriser la livraison de l'aide humanitaire.",
         "access", "gouvernement syrien"),
    ],
)  # fmt: skip
def test_access_actor(run, text: str, kind: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    fact = _only(run(text), kind)
    assert fact.actor is not None and actor in fact.actor.text
    assert fact.actor.evidence is not None
    ev = fact.actor.evidence
    assert ev.text == text[ev.start : ev.end]


def test_access_negated_delivery_names_no_actor(run) -> None:  # type: ignore[no-untyped-def]
    fact = _only(run("Les humanitaires n'ont pas pu accéder aux quartiers de Homs."), "access")
    assert (fact.status, fact.actor) == ("denied", None)


def test_access_request_source_is_who_asks(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'ONU a demandé l'ouverture d'un couloir humanitaire pour évacuer les blessés de Ghouta."
    )
    fact = _only(run(text), "corridor")
    assert _name(fact.source) == "ONU"
    assert fact.actor is None  # what is asked for is no actor


def test_access_siege_period_runs_to_publication(run) -> None:  # type: ignore[no-untyped-def]
    text = "La ville de Madaya est assiégée depuis juillet par les forces gouvernementales."
    fact = _only(run(text), "siege")
    assert fact.period is not None
    assert (fact.period.start, fact.period.end) == (date(2016, 7, 1), PUBLISHED)
    assert fact.place is not None and fact.place.text == "Madaya"
    assert "assiégée depuis juillet" in fact.evidence.text


def test_access_convoy_takes_no_date_of_another_clause(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Un convoi humanitaire est entré dans la ville de Madaya, assiégée depuis juillet par "
        "les forces gouvernementales."
    )
    doc = run(text)
    assert _only(doc, "aid_convoy").period is None
    assert _only(doc, "siege").period is not None


def test_access_trapped_links_the_people_counted(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Près de 200 habitants restent bloqués dans le quartier sans eau ni électricité.")
    fact = _only(doc, "trapped")
    counted = {c.id: c.value for c in doc.counts}
    assert [counted[i] for i in fact.count_ids] == [200]


def test_access_speaker_location_is_not_the_place(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"Mettez en place un couloir sûr pour qu\'ils puissent partir", a réclamé le maire '
        "d'Alep-Est, lors d'une visite à Paris."
    )
    fact = _only(run(text), "corridor")
    assert fact.status == "requested"
    assert fact.place is None or fact.place.text != "Paris"


@pytest.fixture(scope="module")
def seed_doc(run, seed_text: str) -> Document:  # type: ignore[no-untyped-def]
    return run(seed_text)  # type: ignore[no-any-return]


def test_access_seed_siege_of_alep_est_with_its_population(seed_doc: Document) -> None:
    sieges = [f for f in seed_doc.access if f.kind == "siege" and f.period is not None]
    assert len(sieges) == 1
    siege = sieges[0]
    assert siege.evidence.text == "assiégée depuis quatre mois"
    assert siege.place is not None and siege.place.text == "Alep-Est"
    assert (siege.period.start, siege.period.end) == (date(2016, 7, 30), PUBLISHED)  # type: ignore[union-attr]
    populations = {c.id: c.value for c in seed_doc.counts if c.category == "population"}
    assert [populations.get(i) for i in siege.count_ids] == [250000]
    assert _name(siege.source) == "OSDH"


def test_access_seed_un_stocks_trucks_and_request(seed_doc: Document) -> None:
    by_kind = {(f.kind, f.status): f for f in seed_doc.access}
    stock = by_kind[("aid_stock", "ready")]
    assert _name(stock.actor) == "ONU"
    affected = {c.id: c.low for c in seed_doc.counts if c.category == "affected"}
    assert [affected.get(i) for i in stock.count_ids] == [20000]
    trucks = by_kind[("aid_convoy", "ready")]
    assert trucks.evidence.text == "camions sont prêts à entrer à Alep-Est"
    assert trucks.place is not None and trucks.place.text == "Alep-Est"
    request = [f for f in seed_doc.access if f.kind == "access" and f.actor is not None]
    assert [(f.status, f.actor.text) for f in request] == [("requested", "le gouvernement syrien")]  # type: ignore[union-attr]
    assert all(_name(f.source) == "Stephen O'Brien" for f in (stock, trucks, request[0]))


def test_access_seed_corridor_requested_by_brita_hagi_hassan(seed_doc: Document) -> None:
    corridor = _only(seed_doc, "corridor")
    assert (corridor.status, corridor.cue) == ("requested", "couloir sûr")
    assert _name(corridor.source) == "Brita Hagi Hassan"
    assert corridor.place is None or corridor.place.text != "Paris"


def test_access_contract_lists_access_and_validates(seed_doc: Document) -> None:
    data = to_contract(seed_doc)
    assert len(data["access"]) == len(seed_doc.access) > 0
    jsonschema.validate(data, schema())
    text = seed_doc.text
    for fact in data["access"]:
        ev = fact["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
