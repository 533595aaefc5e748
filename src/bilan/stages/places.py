"""Stage `places`: one Place per toponym mention, geocoded with the embedded gazetteer.

Mentions come from the spaCy model's place entities, plus capitalised names the gazetteer knows
well (countries, provinces, regions, curated places, sizeable towns) and "nord du pays"-style
regions. Each mention is resolved with :mod:`bilan.gazetteer.resolve` (preposition, country
focus, kind, population), then given a role: ``location``, ``actor`` (metonymy) or
``speaker_location``. A name no gazetteer knows is kept with ``precision=None`` and no point.
"""

from __future__ import annotations

from typing import Any, ClassVar

from bilan.actors import ActorDictionary
from bilan.gazetteer import Gazetteer, GazetteerEntry, open_gazetteer
from bilan.gazetteer.resolve import TOWN_KINDS, Focus, best, candidates_for, focus_vote
from bilan.model import Document, Evidence, Place
from bilan.pipeline import StageContext, register_stage
from bilan.stages.place_evidence import FrenchWords, ToponymJudge, article_before, strong
from bilan.stages.place_mentions import (
    Mention,
    _cues,
    _strip_head,
    dateline_mentions,
    extra_mentions,
    generic_head_before,
    head_start_before,
    ner_mentions,
    with_direction,
)
from bilan.stages.place_roles import role_of


def _prep(doc: Document, start: int) -> str | None:
    cues = _cues()
    words = doc.text[max(0, start - 12) : start].split()
    word = words[-1].lower() if words else ""
    if word in cues["town_prepositions"]:
        return "town"
    if word in cues["area_prepositions"] or article_before(doc, start):
        return "area"
    return None


def _place(doc: Document, m: Mention, entry: GazetteerEntry | None, **extra: Any) -> Place:
    """``name`` is the name as the article writes it (generic head and leading article
    dropped: "Alep", "Téhéran"); ``geoname`` the gazetteer's own name ("Aleppo")."""
    ev = Evidence.of(doc.text, m.start, m.end)
    if entry is None:
        return Place(text=ev.text, name=m.name or ev.text, evidence=ev, **extra)
    values: dict[str, Any] = {
        "text": ev.text,
        "name": _french_name(m.name or ev.text, entry),
        "geoname": entry.name,
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
        words = context.service("french_words", lambda: FrenchWords.from_nlp(context.nlp))
        actors = context.service(
            "actors", lambda: ActorDictionary.load(context.settings.user_actors)
        )
        self.judge = ToponymJudge(words, actors, self.gazetteer)

    def __call__(self, doc: Document) -> Document:
        mentions = ner_mentions(doc, self.gazetteer)
        extra = extra_mentions(doc, mentions, self.gazetteer)
        mentions = [m for m in mentions if not any(_holds(e, m) for e in extra)] + extra
        datelines = dateline_mentions(doc)
        mentions = [m for m in mentions if not any(_overlap(d, m) for d in datelines)]
        mentions += datelines
        mentions = sorted((with_direction(doc, m) for m in mentions), key=lambda m: m.start)
        found = {id(m): self._candidates(doc, m) for m in mentions}
        surnames = _surnames(doc)
        mentions = [m for m in mentions if self.judge.keep(doc, m, found[id(m)], surnames)]
        focus = Focus()
        for m in mentions:
            focus.add(*focus_vote([c for c in found[id(m)] if strong(c, m.name)], m.name))
        doc.places = []
        for m in mentions:
            if m.direction is not None and not m.name:  # "nord du pays": the last country named
                focus.last = _last_country(doc.places)
            doc.places.append(self._resolve(doc, m, _usable(m, found[id(m)], focus), focus))
        return doc

    def _candidates(self, doc: Document, m: Mention) -> list[GazetteerEntry]:
        """Candidates for the whole mention, else for it without its generic head noun
        ("ville de Homs" → "Homs", keeping only towns); a head just before the mention
        ("la province de |Luxembourg") also keeps only places of its kind."""
        if not m.name:
            return []
        cands = candidates_for(self.gazetteer, m.name)  # "province de Luxembourg" first
        name, hint = _strip_head(m.name)
        if hint is not None:  # named without its head noun: "Luxembourg", "Artibonite"
            m.name, m.kind_hint = name, hint
            cands = cands or candidates_for(self.gazetteer, name)
        elif not cands:
            return []
        else:
            m.kind_hint = generic_head_before(doc, m.start)
            m.head_start = head_start_before(doc, m.start)
        if m.kind_hint is None:
            return cands
        return [c for c in cands if _kind_fits(c.kind, m.kind_hint)] or cands

    def _resolve(
        self, doc: Document, m: Mention, cands: list[GazetteerEntry], focus: Focus
    ) -> Place:
        role = role_of(doc, m.start, m.end)
        if m.direction is not None:
            return self._region(doc, m, cands, focus, role)
        prep = "town" if m.dateline else _prep(doc, m.start)
        entry = best(cands, focus, prep=prep, query=m.name)
        if entry is not None:
            if entry.kind not in TOWN_KINDS and m.head_start is not None:
                m.start = m.head_start  # "province du Kurdistan", as the gold writes it
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
        if not m.name and m.direction is not None:  # "nord du pays": named after the country
            country_code = _top(focus)
            country_entry = self.gazetteer.country(country_code) if country_code else None
            if country_entry is not None:
                name = region_name(m.direction, country_entry.name)
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
                geoname=None,
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


def _french_name(written: str, entry: GazetteerEntry) -> str:
    """The name as written, without a leading article that is not part of the place's own
    name: "Le Luxembourg" → "Luxembourg", "La Syrie" → "Syrie", but "Le Havre", "La Paz"."""
    words = written.split(" ", 1)
    article = words[0].lower()
    own = entry.name.lower().startswith(article + " ")
    if len(words) == 2 and article in _cues()["name_articles"] and not own:
        return words[1]
    for elided in ("l'", "l’"):
        if written.lower().startswith(elided) and len(written) > 2:
            return written[2:]
    return written


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _holds(run: Mention, m: Mention) -> bool:
    """A longer well-known name found in the text holds the model's shorter place."""
    return run.start <= m.start and m.end <= run.end and (run.end - run.start) > (m.end - m.start)


def _usable(m: Mention, cands: list[GazetteerEntry], focus: Focus) -> list[GazetteerEntry]:
    """Strong candidates, and weak ones (a small town under an alternate name) in a country
    the article is about ("à Saraqeb" in an article on Syria)."""
    return [c for c in cands if strong(c, m.name) or focus.share(c.country) > 0]


def region_name(direction: str, country: str) -> str:
    """ "Nord du Mali", "Sud-est de la Syrie", "Nord de l'Irak", "Est des États-Unis"."""
    cues = _cues()
    if country in cues["plural_countries"]:
        of = "des"
    elif country[:1].lower() in "aeiouyéèêâîôû":
        of = "de l'"
    elif country.endswith("e") and country not in cues["masculine_e_countries"]:
        of = "de la"
    else:
        of = "du"
    text = cues["country_region_name"].format(direction=direction, of=of, country=country)
    return (text[:1].upper() + text[1:]).replace("' ", "'")


def _kind_fits(kind: str, hint: str) -> bool:
    if hint in {"city", "village", "district"}:
        return kind in TOWN_KINDS
    return kind == hint or (hint == "admin1" and kind in {"admin2", "region"})


def _last_country(places: list[Place]) -> str | None:
    for p in reversed(places):
        if p.feature == "country" and p.country:
            return p.country
    return None


def _top(focus: Focus) -> str | None:
    if focus.last:
        return focus.last
    common = focus.countries.most_common(1)
    return common[0][0] if common else None
