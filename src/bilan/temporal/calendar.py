"""Calendar arithmetic for resolving time expressions (no French here)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def shift(day: date, amount: int, unit: str) -> date:
    """``day`` moved by ``amount`` units (day, week, month, year, hour, decade, century)."""
    if unit == "hour":
        return day + timedelta(days=round(amount / 24))
    if unit in {"day", "week"}:
        return day + timedelta(days=amount * (7 if unit == "week" else 1))
    if unit == "month":
        return add_months(day, amount)
    factor = {"year": 1, "decade": 10, "century": 100}[unit]
    return add_years(day, amount * factor)


def week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def nearest_year(anchor: date, month: int, day: int = 1, *, window_months: int = 6) -> int:
    """The year that puts month/day closest to ``anchor`` (a month named without its year)."""
    best = anchor.year
    best_gap = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            gap = abs((date(year, month, day) - anchor).days)
        except ValueError:
            gap = abs((date(year, month, 28) - anchor).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def weekday_before(anchor: date, weekday: int, *, strictly: bool = False) -> date:
    """The last given weekday on or before ``anchor`` (strictly before when asked)."""
    back = (anchor.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def weekday_after(anchor: date, weekday: int, *, strictly: bool = True) -> date:
    ahead = (weekday - anchor.weekday()) % 7
    if strictly and ahead == 0:
        ahead = 7
    return anchor + timedelta(days=ahead)
