"""Hand-made gold files and predictions for the scorer's tests (no extraction involved)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bilan.contract import ContractArticle, ContractDocument
from bilan.evaluate import GoldDocument, load_gold
from bilan.evaluate.gold import GoldDocument as _GoldDocument
from bilan.model import Count, DateMention, EntityRef, Event, Evidence, Period, Place, Quote

# A short dispatch written for these tests (not taken from any corpus).
TEXT = (
    "Syrie : violents bombardements sur Homs\n"
    "\n"
    "HOMS, 12 mars 2013 — Au moins 14 civils, dont trois enfants, ont été tués mardi dans des "
    "bombardements sur Homs, selon l'Observatoire syrien des droits de l'homme. "
    "« Les obus tombent sans arrêt sur les quartiers assiégés, personne ne peut sortir », "
    "a déclaré Ahmed Karim, un habitant joint par téléphone.\n"
    "Plus de 2 000 personnes ont fui vers Damas depuis dimanche. Le ministre de l'Information a "
    "dénoncé une « provocation ». Il a répété le mot « provocation » devant la presse.\n"
)

GOLD: dict[str, Any] = {
    "article": {"id": "test-homs", "text": "homs.txt", "published": "2013-03-12", "language": "fr"},
    "counts": [
        {
            "anchor": "Au moins 14 civils",
            "category": "killed",
            "group": "civilians",
            "qualifier": "at_least",
            "value": 14,
            "source": ["Observatoire syrien des droits de l'Homme", "OSDH"],
            "period": {"start": "2013-03-12", "end": "2013-03-12"},
            "place": ["Homs"],
            "part_of": None,
        },
        {
            "anchor": "dont trois enfants",
            "category": "killed",
            "group": "children",
            "qualifier": "exact",
            "value": 3,
            "source": ["Observatoire syrien des droits de l'Homme", "OSDH"],
            "place": ["Homs"],
            "part_of": 0,
        },
        {
            "anchor": "Plus de 2 000 personnes ont fui",
            "category": "displaced",
            "group": "people",
            "qualifier": "more_than",
            "value": 2000,
            "source": None,
            "period": {"start": "2013-03-10", "end": "2013-03-12"},
            "destination": ["Damas"],
        },
    ],
    "quotes": [
        {"text": "Les obus tombent sans arrêt", "speaker": ["Ahmed Karim"]},
        {"text": "provocation", "speaker": ["ministre de l'Information"]},
        {"text": "provocation", "speaker": ["ministre de l'Information"]},
    ],
}


def write_gold(directory: Path, gold: dict[str, Any] | None = None, text: str = TEXT) -> Path:
    gold = gold if gold is not None else GOLD
    directory.mkdir(parents=True, exist_ok=True)
    (directory / gold["article"]["text"]).write_text(text, encoding="utf-8")
    path = directory / f"{gold['article']['id']}.gold.yaml"
    path.write_text(yaml.safe_dump(gold, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def make_gold(
    directory: Path, gold: dict[str, Any] | None = None, text: str = TEXT
) -> GoldDocument:
    return load_gold(write_gold(directory, gold, text))


def evidence(phrase: str, text: str = TEXT, nth: int = 0) -> Evidence:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Evidence.of(text, start, start + len(phrase))


def count(
    id: str, category: str, value: float | None, phrase: str, *, nth: int = 0, **fields: Any
) -> Count:
    return Count.model_validate(
        {"id": id, "category": category, "value": value, "evidence": evidence(phrase, nth=nth)}
        | fields
    )


def quote(id: str, phrase: str, speaker: str | None, *, nth: int = 0) -> Quote:
    ev = evidence(phrase, nth=nth)
    return Quote(
        id=id,
        text=phrase.strip("«» "),
        speaker=EntityRef(text=speaker) if speaker else None,
        evidence=ev,
    )


def perfect_counts() -> list[Count]:
    osdh = EntityRef(text="l'Observatoire syrien des droits de l'homme", name="OSDH")
    day = Period(start="2013-03-12", end="2013-03-12")  # type: ignore[arg-type]
    homs = Place(text="Homs", name="Homs")
    return [
        count("c1", "killed", 14, "Au moins 14 civils", group="civilians", qualifier="at_least",
              source=osdh, period=day, place=homs),
        count("c2", "killed", 3, "dont trois enfants", group="children", source=osdh,
              place=homs, part_of="c1"),
        count("c3", "displaced", 2000, "Plus de 2 000 personnes ont fui", group="people",
              qualifier="more_than", period=Period(start="2013-03-10", end="2013-03-12"),  # type: ignore[arg-type]
              destination=Place(text="Damas", name="Damas")),
    ]  # fmt: skip


def perfect_quotes() -> list[Quote]:
    return [
        quote(
            "q1",
            "« Les obus tombent sans arrêt sur les quartiers assiégés, personne ne peut sortir »",
            "Ahmed Karim",
        ),
        quote("q2", "« provocation »", "Le ministre de l'Information"),
        quote("q3", "« provocation »", "Le ministre de l'Information", nth=1),
    ]


def prediction(
    counts: list[Count] | None = None,
    quotes: list[Quote] | None = None,
    places: list[Place] | None = None,
    dates: list[DateMention] | None = None,
    events: list[Event] | None = None,
) -> ContractDocument:
    return ContractDocument(
        article=ContractArticle(id="test-homs"),
        counts=counts or [],
        quotes=quotes or [],
        places=places or [],
        dates=dates or [],
        events=events or [],
    )


class FakePredictor:
    """Returns the given predictions, one per gold article."""

    def __init__(self, *predictions: ContractDocument) -> None:
        self.predictions = list(predictions)

    def predict(self, golds: list[_GoldDocument]) -> list[ContractDocument]:
        assert len(golds) == len(self.predictions)
        return list(self.predictions)
