"""The output contract (GOLD.md §3) and its JSON Schema."""

from __future__ import annotations

import json
from datetime import date

import jsonschema
import pytest

from bilan import Article
from bilan.contract import from_contract, schema, to_contract
from bilan.model import Count, Document, EntityRef, Evidence, Quote

TEXT = (
    "Dans un quartier proche, au moins 26 civils ont été tués par des tirs d'artillerie du "
    "régime, selon l'OSDH. « C'est une véritable pluie d'obus », a témoigné un correspondant."
)


def _doc() -> Document:
    article = Article(id="t1", text=TEXT, published=date(2016, 11, 30))
    start = TEXT.index("au moins 26")
    end = TEXT.index(" par des")
    count = Count(
        id="c1",
        category="killed",
        group="civilians",
        qualifier="at_least",
        value=26,
        source=EntityRef(text="l'OSDH", name="Observatoire syrien des droits de l'Homme"),
        evidence=Evidence.of(TEXT, start, end),
    )
    qs = TEXT.index("«")
    qe = TEXT.index("»") + 1
    quote = Quote(
        id="q1",
        text=TEXT[qs + 2 : qe - 2],
        speaker=EntityRef(text="un correspondant", name=None),
        evidence=Evidence.of(TEXT, qs, qe),
    )
    return Document(article=article, counts=[count], quotes=[quote])


def test_contract_output_validates_against_the_schema() -> None:
    data = json.loads(json.dumps(to_contract(_doc())))
    jsonschema.validate(data, schema())
    [count] = data["counts"]
    assert count["value"] == 26 and count["low"] == 26 and count["high"] is None
    assert count["evidence"]["text"] == "au moins 26 civils ont été tués"
    assert data["article"]["published"] == "2016-11-30"


def test_contract_schema_rejects_a_missing_field() -> None:
    data = to_contract(_doc())
    del data["counts"][0]["evidence"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema())


def test_contract_schema_rejects_an_unknown_category() -> None:
    data = to_contract(_doc())
    data["counts"][0]["category"] = "hurt"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema())


def test_contract_round_trips_through_typed_records() -> None:
    data = to_contract(_doc())
    back = from_contract(json.loads(json.dumps(data)))
    assert back.counts[0].source is not None and back.counts[0].source.text == "l'OSDH"
    assert back.quotes[0].evidence.text.startswith("«")


def test_contract_evidence_slices_the_text() -> None:
    doc = _doc()
    for fact in [*doc.counts, *doc.quotes]:
        ev = fact.evidence
        assert TEXT[ev.start : ev.end] == ev.text
