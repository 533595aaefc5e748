"""Scoring the optional gold sections of gold/README.md: places, dates and events.

- places: one gold entry per distinct place; predicted mentions are grouped into distinct places
  (by geonameid, else by name and country). A predicted place is found when its name (else text)
  equals the gold name or text after normalization, or it lies within 25 km of the gold point, or
  both are countries with the same ISO code. ``places.location``: within 25 km when the gold has
  a point, else the same country code.
- dates: a prediction is found when its evidence overlaps the gold expression; ``dates.interval``:
  both bounds within one day. The gold lists each expression once: a prediction on another
  mention of an annotated expression (the same words, or words inside or around them resolving
  to the same interval) is neither a hit nor a false alarm.
- events: a prediction is found when its evidence overlaps the sentence of the gold anchor;
  accuracy of ``event_type`` and ``sub_event_type`` over matched events.
"""

from __future__ import annotations

import math
from datetime import date

from bilan.contract import ContractDocument
from bilan.evaluate.gold import GoldDate, GoldDocument, GoldPlace
from bilan.evaluate.locate import occurrences
from bilan.evaluate.matching import match
from bilan.evaluate.names import normalize_name
from bilan.evaluate.results import ArticleScore, Tally, issue
from bilan.evaluate.sentences import SentenceIndex, overlaps
from bilan.model import DateMention, Place

Span = tuple[int, int]
EARTH_RADIUS_KM = 6371.0088
PLACE_RADIUS_KM = 25.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def is_country(p: Place) -> bool:
    feature = (p.feature or "").upper()
    return p.precision == 6 or feature.startswith("PCL") or feature == "COUNTRY"


def _same_country(g: GoldPlace, p: Place) -> bool:
    return g.country is not None and (p.country or "").upper() == g.country.upper()


def _near(g: GoldPlace, p: Place) -> bool:
    if g.lat is None or g.lon is None or p.lat is None or p.lon is None:
        return False
    return distance_km(g.lat, g.lon, p.lat, p.lon) <= PLACE_RADIUS_KM


def place_found(g: GoldPlace, p: Place) -> bool:
    names = {normalize_name(x) for x in (g.name, g.text) if x}
    if normalize_name(p.name or p.text) in names or normalize_name(p.text) in names:
        return True
    if g.kind == "country":
        return is_country(p) and _same_country(g, p)
    return _near(g, p)


def location_right(g: GoldPlace, p: Place) -> bool | None:
    if g.lat is not None and g.lon is not None:
        return _near(g, p)
    if g.kind == "country":
        return is_country(p) and _same_country(g, p)
    return _same_country(g, p) if g.country else None


def distinct_places(places: list[Place]) -> list[Place]:
    """First mention of each distinct predicted place."""
    seen: set[object] = set()
    out: list[Place] = []
    for p in places:
        key: object = p.geonameid or (normalize_name(p.name or p.text), p.country)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _place_span(p: Place) -> Span:
    return (p.evidence.start, p.evidence.end) if p.evidence else (0, 0)


def score_places(
    gold: GoldDocument, pred: ContractDocument, sents: SentenceIndex, out: ArticleScore
) -> None:
    if gold.places is None:
        return
    golds, preds = gold.places, distinct_places(pred.places)

    def bonus(i: int, j: int) -> float:
        return 0.9 * bool(location_right(golds[i], preds[j]))

    m = match([False] * len(golds), len(preds), lambda i, j: place_found(golds[i], preds[j]), bonus)
    out.tallies["places"] = Tally(tp=len(m.pairs), fp=len(m.false_alarms), fn=len(m.misses))
    for i, j in m.pairs:
        ok = location_right(golds[i], preds[j])
        if ok is None:
            continue
        out.accuracy("places.location").record(ok)
        if not ok:
            g, p = golds[i], preds[j]
            detail = (
                f"location: gold {g.country} {g.lat},{g.lon}; predicted {p.country} {p.lat},{p.lon}"
            )
            span = _place_span(p)
            what = f"{p.name or p.text}"
            out.issues.append(
                issue(out.id, "places", "mismatch", what, span, sents.sentence_text(*span), detail)
            )
    for i in m.misses:
        g = golds[i]
        what = f"{g.name or g.text} ({g.kind}, {g.country})"
        out.issues.append(
            issue(out.id, "places", "miss", what, g.span, sents.sentence_text(*g.span))
        )
    for j in m.false_alarms:
        p, span = preds[j], _place_span(preds[j])
        what = f"{p.name or p.text} ({p.country}, {p.lat},{p.lon})"
        out.issues.append(
            issue(out.id, "places", "false_alarm", what, span, sents.sentence_text(*span))
        )


def _within_day(g: date | None, p: date | None) -> bool:
    return g is None or (p is not None and abs((p - g).days) <= 1)


def interval_right(g: GoldDate, p: DateMention) -> bool:
    return _within_day(g.start, p.start) and _within_day(g.end, p.end)


def _same_expression(g: GoldDate, p: DateMention) -> bool:
    """Another mention of an annotated expression: same interval, one text inside the other."""
    gold, pred = normalize_name(g.text), normalize_name(p.text)
    return bool(pred) and interval_right(g, p) and (pred in gold or gold in pred)


def score_dates(
    gold: GoldDocument, pred: ContractDocument, sents: SentenceIndex, out: ArticleScore
) -> None:
    if gold.dates is None:
        return
    golds, preds = gold.dates, pred.dates
    spans = [(p.evidence.start, p.evidence.end) for p in preds]
    annotated = {g.span for g in golds}
    repeated = [
        (i, i + len(g.text))
        for g in golds
        for i in occurrences(gold.text, g.text)
        if (i, i + len(g.text)) not in annotated
    ]

    def allowed(i: int, j: int) -> bool:
        return overlaps(golds[i].span, spans[j])

    m = match(
        [False] * len(golds),
        len(preds),
        allowed,
        lambda i, j: 0.9 * interval_right(golds[i], preds[j]),
        ignored=lambda j: (
            any(overlaps(spans[j], r) for r in repeated)
            or any(_same_expression(g, preds[j]) for g in golds)
        ),
    )
    out.tallies["dates"] = Tally(tp=len(m.pairs), fp=len(m.false_alarms), fn=len(m.misses))
    for i, j in m.pairs:
        g, p = golds[i], preds[j]
        ok = interval_right(g, p)
        out.accuracy("dates.interval").record(ok)
        if not ok:
            detail = f"interval: gold {g.start}…{g.end}, predicted {p.start}…{p.end}"
            out.issues.append(
                issue(
                    out.id,
                    "dates",
                    "mismatch",
                    f"«{p.text}»",
                    spans[j],
                    sents.sentence_text(*spans[j]),
                    detail,
                )
            )
    for i in m.misses:
        g = golds[i]
        what = f"«{g.text}» {g.start}…{g.end}"
        out.issues.append(
            issue(out.id, "dates", "miss", what, g.span, sents.sentence_text(*g.span))
        )
    for j in m.false_alarms:
        p = preds[j]
        what = f"«{p.text}» {p.start}…{p.end}"
        out.issues.append(
            issue(out.id, "dates", "false_alarm", what, spans[j], sents.sentence_text(*spans[j]))
        )


def _same_type(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().lower() == b.strip().lower()


def score_events(
    gold: GoldDocument, pred: ContractDocument, sents: SentenceIndex, out: ArticleScore
) -> None:
    if gold.events is None:
        return
    golds, preds = gold.events, pred.events
    regions = [sents.region(*g.span) for g in golds]
    spans = [(p.evidence.start, p.evidence.end) for p in preds]

    def bonus(i: int, j: int) -> float:
        g, p = golds[i], preds[j]
        return 0.6 * _same_type(g.event_type, p.event_type) + 0.3 * _same_type(
            g.sub_event_type, p.sub_event_type
        )

    m = match([False] * len(golds), len(preds), lambda i, j: overlaps(regions[i], spans[j]), bonus)
    out.tallies["events"] = Tally(tp=len(m.pairs), fp=len(m.false_alarms), fn=len(m.misses))
    for i, j in m.pairs:
        g, p = golds[i], preds[j]
        checks: list[tuple[str, str, str | None]] = [("event_type", g.event_type, p.event_type)]
        if g.sub_event_type is not None:
            checks.append(("sub_event_type", g.sub_event_type, p.sub_event_type))
        for name, gv, pv in checks:
            ok = _same_type(gv, pv)
            out.accuracy(f"events.{name}").record(ok)
            if not ok:
                what = f"{p.id} {p.event_type} / {p.sub_event_type}"
                detail = f"{name}: gold {gv}, predicted {pv}"
                sentence = sents.sentence_text(*spans[j])
                out.issues.append(
                    issue(out.id, "events", "mismatch", what, spans[j], sentence, detail)
                )
    for i in m.misses:
        g = golds[i]
        what = f"{g.event_type} / {g.sub_event_type} «{g.anchor}»"
        out.issues.append(
            issue(out.id, "events", "miss", what, g.span, sents.sentence_text(*g.span))
        )
    for j in m.false_alarms:
        p = preds[j]
        what = f"{p.id} {p.event_type} / {p.sub_event_type} «{p.evidence.text}»"
        out.issues.append(
            issue(out.id, "events", "false_alarm", what, spans[j], sents.sentence_text(*spans[j]))
        )
