"""Test data for the API, export and browser tests: gold annotations as stored facts.

The facts are a gold file's (GOLD.md format plus gold/README.md's places and events), placed at
their anchors in the real article text, so every evidence span satisfies
``text == article.text[start:end]``. The seed's coordinates and its flow (issue 12: 50,000
leave Alep-Est, 20,000 reach Alep-Ouest and 30,000 Cheikh Maqsoud) are test data given here,
not extraction output.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bilan.contract import ContractArticle, ContractDocument
from bilan.model import Article, Count, EntityRef, Event, Evidence, Period, Place, Quote

ROOT = Path(__file__).resolve().parents[1]
GUYANE_GOLD = ROOT / "gold" / "dev" / "44389.gold.yaml"
GUYANE_TEXT = ROOT / "corpora" / "wikinews-fr-2012" / "dev" / "44389.txt"
SEED_ID = "afp-alep-2016-11-30"
SEED_TITLE = "Alep-Est : des dizaines de milliers de civils fuient (AFP)"
#: test coordinates (WGS84) of the seed's places (its gold gives none)
SEED_PLACES: dict[str, dict[str, Any]] = {
    "Alep-Est": {"lat": 36.2, "lon": 37.17, "country": "SY"},
    "Alep-Ouest": {"lat": 36.21, "lon": 37.13, "country": "SY"},
    "Cheikh Maqsoud": {"lat": 36.228, "lon": 37.157, "country": "SY"},
}
SEED_ORIGINS = {4: "Alep-Est", 5: "Alep-Est"}
SEED_DESTINATIONS = {6: "Alep-Ouest", 7: "Cheikh Maqsoud"}


class Builder:
    """Turns one gold file into typed records with evidence in ``text``."""

    def __init__(self, text: str, places: dict[str, dict[str, Any]]) -> None:
        self.text = text
        self.places = places

    def span(self, words: str) -> Evidence | None:
        start = self.text.find(words)
        return Evidence.of(self.text, start, start + len(words)) if start >= 0 else None

    def place(self, aliases: list[str] | None) -> Place | None:
        if not aliases:
            return None
        name = next((a for a in aliases if a in self.places), aliases[0])
        known = self.places.get(name, {})
        return Place(
            text=name, name=name, lat=known.get("lat"), lon=known.get("lon"),
            precision=1 if known.get("lat") is not None else None, country=known.get("country"),
            evidence=self.span(name),
        )  # fmt: skip

    def entity(self, aliases: list[str] | None) -> EntityRef | None:
        if not aliases:
            return None
        found = next((a for a in aliases if a in self.text), aliases[0])
        return EntityRef(text=found, name=aliases[-1], evidence=self.span(found))

    def count(self, i: int, g: dict[str, Any], flows: tuple[dict[int, str], ...]) -> Count:
        evidence = self.span(g["anchor"])
        assert evidence is not None, g["anchor"]
        origins, destinations = flows
        return Count(
            id=f"c{i}", category=g["category"], group=g.get("group", "people"),
            qualifier=g.get("qualifier", "exact"), value=g.get("value"), low=g.get("low"),
            high=g.get("high"),
            part_of=f"c{g['part_of']}" if g.get("part_of") is not None else None,
            source=self.entity(g.get("source")), perpetrator=self.entity(g.get("perpetrator")),
            period=Period(**g["period"]) if g.get("period") else None,
            place=self.place(g.get("place")),
            origin=self.place([origins[i]]) if i in origins else None,
            destination=self.place([destinations[i]]) if i in destinations else None,
            evidence=evidence,
        )  # fmt: skip

    def quote(self, i: int, g: dict[str, Any]) -> Quote:
        evidence = self.span(g["text"])
        assert evidence is not None, g["text"]
        return Quote(
            id=f"q{i}", text=g["text"], speaker=self.entity(g.get("speaker")), evidence=evidence
        )

    def event(self, i: int, g: dict[str, Any], counts: list[Count]) -> Event:
        evidence = self.span(g["anchor"])
        assert evidence is not None, g["anchor"]
        period = Period(**g["date"]) if g.get("date") else None
        mine = [c for c in counts if c.category == "killed" and c.part_of is None][:1]
        return Event(
            id=f"e{i}", event_type=g["event_type"], sub_event_type=g.get("sub_event_type"),
            actor1=self.entity(g.get("actor1")), actor2=self.entity(g.get("actor2")),
            place=self.place(g.get("place")), period=period,
            fatalities=int(mine[0].value or 0) if mine else None,
            count_ids=[c.id for c in mine], sources=[c.source for c in mine if c.source],
            evidence=evidence,
        )  # fmt: skip


def gold_document(
    text: str,
    gold: dict[str, Any],
    *,
    title: str | None = None,
    places: dict[str, dict[str, Any]] | None = None,
    flows: tuple[dict[int, str], ...] = ({}, {}),
) -> tuple[Article, ContractDocument]:
    meta = gold["article"]
    known = {p["name"]: p for p in gold.get("places") or []}
    known.update(places or {})
    b = Builder(text, known)
    counts = [b.count(i, g, flows) for i, g in enumerate(gold["counts"])]
    quotes = [b.quote(i, g) for i, g in enumerate(gold.get("quotes") or [])]
    events = [
        b.event(i, g, counts if i == 0 else []) for i, g in enumerate(gold.get("events") or [])
    ]
    published = meta["published"] if isinstance(meta["published"], date) else None
    title = title or text.split("\n", 1)[0].strip()
    article = Article(text=text, id=meta["id"], title=title, published=published)
    doc = ContractDocument(
        article=ContractArticle(id=meta["id"], title=title, published=published),
        counts=counts,
        quotes=quotes,
        places=[p for p in (b.place([name]) for name in known) if p is not None],
        events=events,
    )
    return article, doc


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def seed_document(text: str, gold_path: Path) -> tuple[Article, ContractDocument]:
    """The seed with its flows (counts 4–5 leave Alep-Est; 6 and 7 reach their destinations)
    and one event: the shelling that killed at least 26 civilians."""
    gold = load_gold(gold_path)
    gold["events"] = [
        {
            "anchor": "au moins 26 civils ont été tués",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "actor1": ["régime", "Military Forces of Syria"],
            "date": {"start": date(2016, 11, 30), "end": date(2016, 11, 30)},
            "place": ["Alep-Est"],
        }
    ]
    return gold_document(
        text, gold, title=SEED_TITLE, places=SEED_PLACES, flows=(SEED_ORIGINS, SEED_DESTINATIONS)
    )


def guyane_document() -> tuple[Article, ContractDocument]:
    """Dev article 44389 (two soldiers killed in French Guiana) with its gold."""
    text = GUYANE_TEXT.read_text(encoding="utf-8")
    return gold_document(text, load_gold(GUYANE_GOLD))
