"""The filters every read endpoint, export and dashboard view shares, and how records match them.

``Filters`` is the one options object (place, period, category, group, source, actor); the
``match_*`` functions decide whether a typed record passes. Names are compared the way GOLD.md
compares sources and places: lower-cased, accents stripped, leading article dropped, and a
match when one contains the other ("osdh" finds "l'OSDH").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bilan.errors import InputError
from bilan.model import (
    CATEGORIES,
    GROUPS,
    Count,
    EntityRef,
    Event,
    Flow,
    Incident,
    Period,
    Place,
    Quote,
)
from bilan.reconcile.keys import name_key

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
#: C0 controls and DEL: a NUL truncates SQLite's LIKE patterns and PostgreSQL refuses it
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class FilterError(InputError):
    """A filter value that cannot be read (a malformed period, an unknown category)."""

    code = "E_FILTER"
    exit_code = 2


def normalize(name: str) -> str:
    """'L'Observatoire Syrien' → 'observatoire syrien' (the store's GOLD.md name key)."""
    return name_key(name)


def names_match(wanted: str, names: Iterable[str | None]) -> bool:
    key = normalize(wanted)
    if not key:
        return False  # "l'" or "  " names nothing (and is inside every name)
    for name in names:
        if name:
            other = normalize(name)
            if other and (key in other or other in key):
                return True
    return False


def _bounds(part: str, *, end: bool) -> date:
    if _YEAR.match(part):
        return date(int(part), 12, 31) if end else date(int(part), 1, 1)
    month = _MONTH.match(part)
    if month:
        year, mon = int(month.group(1)), int(month.group(2))
        if end:
            nxt = date(year + mon // 12, mon % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(year, mon, 1)
    return date.fromisoformat(part)


def parse_period(raw: str) -> Period:
    """An ISO date, month, year or interval ``start/end`` (either side may be empty)."""
    start_raw, sep, end_raw = raw.strip().partition("/")
    if not sep:
        end_raw = start_raw
    try:
        start = _bounds(start_raw, end=False) if start_raw else None
        end = _bounds(end_raw, end=True) if end_raw else None
    except ValueError as exc:
        raise FilterError(
            f"period {raw!r} is not YYYY, YYYY-MM, YYYY-MM-DD or START/END of those: {exc}"
        ) from exc
    if start is None and end is None:
        raise FilterError(f"period {raw!r} has neither a start nor an end")
    if start and end and end < start:
        raise FilterError(f"period {raw!r} ends before it starts")
    return Period(start=start, end=end, text=raw)


@dataclass(frozen=True, kw_only=True)
class Filters:
    """What the user asked for; None means no constraint."""

    place: str | None = None
    period: Period | None = None
    category: str | None = None
    group: str | None = None
    source: str | None = None
    actor: str | None = None
    article_id: str | None = None
    event_type: str | None = None


def make_filters(
    *,
    place: str | None = None,
    period: str | None = None,
    category: str | None = None,
    group: str | None = None,
    source: str | None = None,
    actor: str | None = None,
    article_id: str | None = None,
    event_type: str | None = None,
) -> Filters:
    """Filters from raw user strings (query parameters, CLI flags), checked; '' means none."""
    values = (place, period, category, group, source, actor, article_id, event_type)
    if any(v and CONTROL.search(v) for v in values):
        raise FilterError("filter values cannot hold control characters (NUL, escapes…)")
    if category and category not in CATEGORIES:
        raise FilterError(f"category {category!r} is not one of {', '.join(CATEGORIES)}")
    if group and group not in GROUPS:
        raise FilterError(f"group {group!r} is not one of {', '.join(GROUPS)}")
    return Filters(
        place=place or None,
        period=parse_period(period) if period else None,
        category=category or None,
        group=group or None,
        source=source or None,
        actor=actor or None,
        article_id=article_id or None,
        event_type=event_type or None,
    )


def place_names(place: Place | None) -> list[str | None]:
    if place is None:
        return []
    return [place.name, place.text, place.admin1, place.country, *place.parents]


def entity_names(entity: EntityRef | None) -> list[str | None]:
    if entity is None:
        return []
    return [entity.name, entity.text]


def period_overlaps(wanted: Period | None, got: Period | None, fallback: date | None) -> bool:
    """True when ``got`` (or the fallback day) overlaps ``wanted``; unknown dates never match."""
    if wanted is None:
        return True
    start = got.start if got and got.start else fallback
    end = got.end if got and got.end else start
    if start is None or end is None:
        return False
    if wanted.start and end < wanted.start:
        return False
    return not (wanted.end and start > wanted.end)


def match_count(f: Filters, count: Count, published: date | None = None) -> bool:
    places = [*place_names(count.place), *place_names(count.origin)]
    places += place_names(count.destination)
    return (
        (f.category is None or count.category == f.category)
        and (f.group is None or count.group == f.group)
        and (f.place is None or names_match(f.place, places))
        and (f.source is None or names_match(f.source, entity_names(count.source)))
        and (f.actor is None or names_match(f.actor, entity_names(count.perpetrator)))
        and period_overlaps(f.period, count.period, published)
    )


def match_quote(f: Filters, quote: Quote, published: date | None = None) -> bool:
    """Quotes have a speaker (source and actor both look at it) and the article's date."""
    speaker = entity_names(quote.speaker)
    return (
        (f.source is None or names_match(f.source, speaker))
        and (f.actor is None or names_match(f.actor, speaker))
        and period_overlaps(f.period, None, published)
    )


def match_event(f: Filters, event: Event, counts: list[Count], published: date | None) -> bool:
    """``counts`` are the event's own counts (its count_ids): category and group look at them."""
    kinds = [c.category for c in counts]
    types = [event.event_type, event.sub_event_type]
    actors = [*entity_names(event.actor1), *entity_names(event.actor2)]
    sources = [n for s in event.sources for n in entity_names(s)]
    sources += [n for c in counts for n in entity_names(c.source)]
    return (
        (f.category is None or f.category in kinds)
        and (f.event_type is None or names_match(f.event_type, types))
        and (f.group is None or any(c.group == f.group for c in counts))
        and (f.place is None or names_match(f.place, place_names(event.place)))
        and (f.source is None or names_match(f.source, sources))
        and (f.actor is None or names_match(f.actor, actors))
        and period_overlaps(f.period, event.period, published)
    )


def match_incident(f: Filters, incident: Incident | Flow) -> bool:
    if isinstance(incident, Flow):
        places = [*place_names(incident.origin), *place_names(incident.destination)]
    else:
        places = place_names(incident.place)
    sources = [n for c in incident.claims for n in entity_names(c.source)]
    actors = [n for c in incident.claims for n in entity_names(c.perpetrator)]
    return (
        (f.category is None or incident.category == f.category)
        and (f.group is None or incident.group == f.group)
        and (f.place is None or names_match(f.place, places))
        and (f.source is None or names_match(f.source, sources))
        and (f.actor is None or names_match(f.actor, actors))
        and period_overlaps(f.period, incident.period, None)
        and (f.article_id is None or any(c.article_id == f.article_id for c in incident.claims))
    )
