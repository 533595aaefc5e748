"""Resolving a matched time expression to an interval and a precision.

Everything resolves against an anchor passed in: ``pub`` (the publication date) or ``ref`` (the
last date the article mentioned before: "le lendemain", "ce jour-là"), never ``today``.
Precision follows ACLED/UCDP: day, days (a few days), week, month, year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from bilan.errors import BilanError
from bilan.lang.fr import load
from bilan.lang.fr.datelines import month_number
from bilan.temporal.calendar import (
    month_end,
    nearest_year,
)
from bilan.temporal.grammar import TimexMatch


class Unresolvable(BilanError):
    """The expression was found but names no interval we can compute (kept out of doc.dates)."""

    code = "E_TIMEX"


@dataclass(frozen=True)
class Resolved:
    start: date
    end: date
    precision: str
    kind: str


@dataclass
class Context:
    pub: date
    ref_start: date
    ref_end: date
    future: bool = False  # the sentence speaks of the future (bare weekdays look ahead)


@cache
def _data() -> dict[str, Any]:
    return dict(load("dates"))


def _precision(start: date, end: date) -> str:
    days = (end - start).days
    if days == 0:
        return "day"
    if days <= 6:
        return "days" if start.weekday() != 0 or days != 6 else "week"
    if start.day == 1 and end == month_end(end.year, end.month) and start.month == end.month:
        return "month"
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return "year"
    return "days" if days < 28 else ("month" if days < 365 else "year")


def _out(start: date, end: date, kind: str) -> Resolved:
    if end < start:
        start, end = end, start
    return Resolved(start, end, _precision(start, end), kind)


def _num(groups: dict[str, str], key: str = "num") -> int:
    raw = groups[key].lower()
    return int(raw) if raw.isdigit() else int(_data()["number_words"][raw])


def _unit(groups: dict[str, str]) -> str:
    return str(_data()["units"][groups["unit"].lower()])


def _month(groups: dict[str, str], key: str = "month") -> int:
    number = month_number(groups[key].lower().rstrip("."))
    if number is None:
        raise Unresolvable(f"unknown month {groups[key]!r}")
    return number


def _day(groups: dict[str, str], key: str = "day") -> int:
    raw = groups[key].lower()
    return 1 if raw == "premier" else int(raw)


def _weekday(groups: dict[str, str], key: str = "weekday") -> int:
    return int(_data()["weekdays"][groups[key].lower()])


def _month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), month_end(year, month)


def _year_of(groups: dict[str, str], ctx: Context, month: int, day: int, key: str = "year") -> int:
    if key in groups:
        return int(groups[key])
    rel = groups.get("rel", "").lower()
    year = nearest_year(ctx.pub, month, day)
    if rel == "dernier" and date(year, month, min(day, 28)) > ctx.pub:
        year -= 1
    if rel == "prochain" and date(year, month, min(day, 28)) < ctx.pub:
        year += 1
    return year


Resolver = Callable[[TimexMatch, Context], Resolved]
RESOLVERS: dict[str, Resolver] = {}


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    def register(fn: Resolver) -> Resolver:
        RESOLVERS[name] = fn
        return fn

    return register


def resolve(match: TimexMatch, ctx: Context) -> Resolved:
    """Resolve one match; raises :class:`Unresolvable` when it names no computable interval."""
    try:
        return RESOLVERS[match.name](match, ctx)
    except (ValueError, KeyError, OverflowError) as exc:
        raise Unresolvable(f"cannot resolve {match.text!r}: {exc}") from exc


# ----------------------------------------------------------------------------- absolute dates
@resolver("day_month")
def _day_month(m: TimexMatch, ctx: Context) -> Resolved:
    g = m.groups
    month, day = _month(g), _day(g)
    year = _year_of(g, ctx, month, day)
    return _out(date(year, month, day), date(year, month, day), "absolute")


@resolver("day_range")
def _day_range(m: TimexMatch, ctx: Context) -> Resolved:
    g = m.groups
    month2, day2 = _month(g, "month2"), _day(g, "day2")
    if "year2" in g:
        year2 = int(g["year2"])
    elif "nextyear" in g:
        year2 = ctx.pub.year + 1
    else:
        year2 = _year_of({}, ctx, month2, day2)
    month1 = _month(g) if "month" in g else month2
    year1 = int(g["year"]) if "year" in g else (year2 if month1 <= month2 else year2 - 1)
    return _out(date(year1, month1, _day(g)), date(year2, month2, day2), "interval")


@resolver("month_range")
def _month_range(m: TimexMatch, ctx: Context) -> Resolved:
    g = m.groups
    m1, m2, y2 = _month(g), _month(g, "month2"), int(g["year2"])
    y1 = int(g["year"]) if "year" in g else (y2 if m1 <= m2 else y2 - 1)
    return _out(date(y1, m1, 1), month_end(y2, m2), "interval")


@resolver("month_year")
def _month_year(m: TimexMatch, ctx: Context) -> Resolved:
    start, end = _month_interval(int(m.groups["year"]), _month(m.groups))
    return _out(start, end, "absolute")


@resolver("month_only")
def _month_only(m: TimexMatch, ctx: Context) -> Resolved:
    month = _month(m.groups)
    start, end = _month_interval(nearest_year(ctx.pub, month, 15), month)
    return _out(start, end, "absolute")


@resolver("year")
def _year(m: TimexMatch, ctx: Context) -> Resolved:
    year = int(m.groups.get("year") or m.groups["year2"])
    return _out(date(year, 1, 1), date(year, 12, 31), "absolute")


@resolver("part_of_period")
def _part_of_period(m: TimexMatch, ctx: Context) -> Resolved:
    g, data = m.groups, _data()
    part = g["part"].lower().rstrip("-")
    year = int(g["year"])
    if "month" in g:
        month = _month(g)
        first, last = data["month_parts"][part]
        last = min(last, month_end(year, month).day)
        return _out(date(year, month, first), date(year, month, last), "absolute")
    first_month, last_month = data["year_parts"][part]
    return _out(date(year, first_month, 1), month_end(year, last_month), "absolute")


@resolver("season")
def _season(m: TimexMatch, ctx: Context) -> Resolved:
    g = m.groups
    m1, d1, m2, d2 = _data()["seasons"][g["season"].lower()]
    year = int(g["year"]) if "year" in g else ctx.pub.year
    rel = g.get("rel", "").lower()
    year += {"dernier": -1, "prochain": 1}.get(rel, 0)
    end_year = year + 1 if m2 < m1 else year
    return _out(date(year, m1, d1), date(end_year, m2, d2), "absolute")


@resolver("holiday")
def _holiday(m: TimexMatch, ctx: Context) -> Resolved:
    key = " ".join(m.groups["holiday"].lower().split())
    month, day = _data()["holidays"][key]
    year = nearest_year(ctx.pub, month, day)
    return _out(date(year, month, day), date(year, month, day), "absolute")
