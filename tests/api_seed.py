"""Test data for the API, export and browser tests: the seed article's gold as stored facts.

The facts are the seed gold's (GOLD.md format), placed at their anchors in the real seed text,
so every evidence span satisfies ``text == article.text[start:end]``. Coordinates and the flow's
origin/destination (issue 12: 50,000 leave Alep-Est, 20,000 reach Alep-Ouest, 30,000 Cheikh
Maqsoud) are test data given here, not extraction output.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bilan.contract import ContractArticle, ContractDocument
from bilan.model import Article, Count, EntityRef, Event, Evidence, Period, Place, Quote

SEED_ID = "afp-alep-2016-11-30"
#: test coordinates (WGS84) of the seed's places
COORDS: dict[str, tuple[float, float, str]] = {
    "Alep-Est": (36.2, 37.17, "SY"),
    "Alep-Ouest": (36.21, 37.13, "SY"),
    "Cheikh Maqsoud": (36.228, 37.157, "SY"),
}
ORIGINS = {4: "Alep-Est", 5: "Alep-Est"}
DESTINATIONS = {6: "Alep-Ouest", 7: "Cheikh Maqsoud"}


def place(name: str, text: str) -> Place:
    lat, lon, country = COORDS[name]
    start = text.find(name)
    evidence = Evidence.of(text, start, start + len(name)) if start >= 0 else None
    return Place(
        text=name, name=name, lat=lat, lon=lon, precision=1, country=country,
        admin1="Alep", evidence=evidence,
    )  # fmt: skip


def entity(aliases: list[str] | None, text: str) -> EntityRef | None:
    if not aliases:
        return None
    for alias in aliases:
        start = text.find(alias)
        if start >= 0:
            return EntityRef(
                text=alias, name=aliases[-1], evidence=Evidence.of(text, start, start + len(alias))
            )
    return EntityRef(text=aliases[0], name=aliases[-1])


def period(raw: dict[str, Any] | None) -> Period | None:
    if not raw:
        return None
    return Period(start=raw["start"], end=raw["end"])


def count(i: int, g: dict[str, Any], text: str) -> Count:
    start = text.find(g["anchor"])
    assert start >= 0, g["anchor"]
    places = g.get("place") or []
    return Count(
        id=f"c{i}",
        category=g["category"],
        group=g.get("group", "people"),
        qualifier=g.get("qualifier", "exact"),
        value=g.get("value"),
        low=g.get("low"),
        high=g.get("high"),
        part_of=f"c{g['part_of']}" if g.get("part_of") is not None else None,
        source=entity(g.get("source"), text),
        perpetrator=entity(g.get("perpetrator"), text),
        period=period(g.get("period")),
        place=place(places[0], text) if places else None,
        origin=place(ORIGINS[i], text) if i in ORIGINS else None,
        destination=place(DESTINATIONS[i], text) if i in DESTINATIONS else None,
        evidence=Evidence.of(text, start, start + len(g["anchor"])),
    )


def quote(i: int, g: dict[str, Any], text: str) -> Quote:
    start = text.find(g["text"])
    assert start >= 0, g["text"]
    return Quote(
        id=f"q{i}",
        text=g["text"],
        speaker=entity(g.get("speaker"), text),
        evidence=Evidence.of(text, start, start + len(g["text"])),
    )


def seed_document(text: str, gold_path: Path) -> tuple[Article, ContractDocument]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    counts = [count(i, g, text) for i, g in enumerate(gold["counts"])]
    quotes = [quote(i, g, text) for i, g in enumerate(gold["quotes"])]
    killed = counts[1]
    event = Event(
        id="e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        actor1=EntityRef(text="régime", name="Military Forces of Syria", inter=1),
        actor2=EntityRef(text="civils", name="Civilians (Syria)", inter=7), interaction=17,
        place=killed.place, period=killed.period, fatalities=26, count_ids=[killed.id],
        sources=[killed.source] if killed.source else [], evidence=killed.evidence,
    )  # fmt: skip
    title = "Alep-Est : des dizaines de milliers de civils fuient (AFP)"
    article = Article(text=text, id=SEED_ID, title=title, published=date(2016, 11, 30))
    meta = ContractArticle(id=SEED_ID, title=title, published=date(2016, 11, 30))
    places = [place(n, text) for n in COORDS]
    doc = ContractDocument(
        article=meta, counts=counts, quotes=quotes, places=places, events=[event]
    )
    return article, doc
