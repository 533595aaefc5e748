"""Resolvers for relative expressions: weekdays, "hier", "il y a trois jours", "depuis…".

Registered into :data:`bilan.temporal.resolve.RESOLVERS` on import.
"""

from __future__ import annotations

from datetime import date, timedelta

from bilan.temporal.calendar import (
    add_months,
    month_end,
    nearest_year,
    shift,
    week_of,
    weekday_after,
    weekday_before,
)
from bilan.temporal.grammar import TimexMatch
from bilan.temporal.resolve import (
    Context,
    Resolved,
    Unresolvable,
    _data,
    _day,
    _month,
    _num,
    _out,
    _unit,
    _weekday,
    resolver,
)


@resolver("weekday")
def _bare_weekday(m: TimexMatch, ctx: Context) -> Resolved:
    """Last such day on or before publication; "dernier" strictly before; the next one when
    the sentence speaks of the future or says "prochain"."""
    wd, rel = _weekday(m.groups), m.groups.get("rel", "").lower()
    if rel == "prochain":
        day = weekday_after(ctx.pub, wd)
    elif rel == "dernier":
        day = weekday_before(ctx.pub, wd, strictly=True)
    elif ctx.future:
        day = weekday_after(ctx.pub, wd, strictly=False)
    else:
        day = weekday_before(ctx.pub, wd)
    return _out(day, day, "weekday")


@resolver("this_weekday")
def _this_weekday(m: TimexMatch, ctx: Context) -> Resolved:
    """ "ce mercredi": the nearest such day (the past one on a tie)."""
    wd = _weekday(m.groups)
    before, after = weekday_before(ctx.pub, wd), weekday_after(ctx.pub, wd, strictly=False)
    day = after if (after - ctx.pub) < (ctx.pub - before) else before
    return _out(day, day, "weekday")


@resolver("night_between")
def _night_between(m: TimexMatch, ctx: Context) -> Resolved:
    second = weekday_before(ctx.pub, _weekday(m.groups, "weekday2"))
    return _out(second - timedelta(days=1), second, "interval")


@resolver("until_weekday")
def _until_weekday(m: TimexMatch, ctx: Context) -> Resolved:
    return _out(ctx.pub, weekday_after(ctx.pub, _weekday(m.groups)), "interval")


@resolver("relative")
def _relative(m: TimexMatch, ctx: Context) -> Resolved:
    key = " ".join(m.groups["word"].lower().replace("’", "'").split())
    start_off, end_off, unit, anchor_name = _data()["relative"][key]
    anchor = ctx.pub if anchor_name == "pub" else ctx.ref_start
    if unit == "day":
        return _out(shift(anchor, start_off, "day"), shift(anchor, end_off, "day"), "relative")
    if unit == "week":
        monday, sunday = week_of(shift(anchor, start_off, "week"))
        return _out(monday, sunday, "relative")
    if unit == "rest_of_week":
        return _out(anchor + timedelta(days=1), week_of(anchor)[1], "relative")
    if unit == "month":
        first = add_months(anchor.replace(day=1), start_off)
        return _out(first, month_end(first.year, first.month), "relative")
    year = anchor.year + start_off
    return _out(date(year, 1, 1), date(year, 12, 31), "relative")


@resolver("ago")
def _ago(m: TimexMatch, ctx: Context) -> Resolved:
    day = shift(ctx.pub, -_num(m.groups), _unit(m.groups))
    return _out(day, day, "relative")


@resolver("after_n")
def _after_n(m: TimexMatch, ctx: Context) -> Resolved:
    n, unit = _num(m.groups), _unit(m.groups)
    if unit == "year" and ctx.ref_start.month == 1 and ctx.ref_start.day == 1:
        year = ctx.ref_start.year + n
        return _out(date(year, 1, 1), date(year, 12, 31), "relative")
    if unit == "year" and ctx.ref_start != ctx.ref_end:
        year = ctx.ref_start.year + n
        return _out(date(year, 1, 1), date(year, 12, 31), "relative")
    day = shift(ctx.ref_start, n, unit)
    return _out(day, day, "relative")


# ------------------------------------------------------------------------------- intervals
@resolver("since_day")
def _since_day(m: TimexMatch, ctx: Context) -> Resolved:
    g = m.groups
    month, day = _month(g), _day(g)
    year = int(g["year"]) if "year" in g else nearest_year(ctx.pub, month, day)
    start = date(year, month, day)
    if start > ctx.pub:
        start = date(year - 1, month, day)
    return _out(start, ctx.pub, "since")


@resolver("since_month")
def _since_month(m: TimexMatch, ctx: Context) -> Resolved:
    month = _month(m.groups)
    year = int(m.groups["year"]) if "year" in m.groups else ctx.pub.year
    if date(year, month, 1) > ctx.pub:
        year -= 1
    return _out(date(year, month, 1), ctx.pub, "since")


@resolver("since_event_month")
def _since_event_month(m: TimexMatch, ctx: Context) -> Resolved:
    return _out(date(int(m.groups["year"]), _month(m.groups), 1), ctx.pub, "since")


@resolver("since_year")
def _since_year(m: TimexMatch, ctx: Context) -> Resolved:
    return _out(date(int(m.groups["year"]), 1, 1), ctx.pub, "since")


@resolver("since_start_of")
def _since_start_of(m: TimexMatch, ctx: Context) -> Resolved:
    start = ctx.pub.replace(month=1, day=1) if "year_unit" in m.groups else ctx.pub.replace(day=1)
    return _out(start, ctx.pub, "since")


@resolver("since_duration")
def _since_duration(m: TimexMatch, ctx: Context) -> Resolved:
    return _out(shift(ctx.pub, -_num(m.groups), _unit(m.groups)), ctx.pub, "since")


@resolver("within_n")
def _within_n(m: TimexMatch, ctx: Context) -> Resolved:
    return _out(shift(ctx.pub, -_num(m.groups), _unit(m.groups)), ctx.pub, "duration")


@resolver("last_n")
def _last_n(m: TimexMatch, ctx: Context) -> Resolved:
    """ "ces quatre derniers jours" → the four days up to publication; "les trois dernières
    années" → the three full calendar years before the current one."""
    n, unit = _num(m.groups), _unit(m.groups)
    if unit == "year":
        return _out(date(ctx.pub.year - n, 1, 1), date(ctx.pub.year - 1, 12, 31), "duration")
    if unit == "month":
        first = add_months(ctx.pub.replace(day=1), -n)
        last = add_months(ctx.pub.replace(day=1), -1)
        return _out(first, month_end(last.year, last.month), "duration")
    return _out(
        shift(ctx.pub, -(n - 1), unit) if unit == "day" else shift(ctx.pub, -n, unit),
        ctx.pub,
        "duration",
    )


resolver("last_n_after")(_last_n)


@resolver("first_n_months")
def _first_n_months(m: TimexMatch, ctx: Context) -> Resolved:
    n = _num(m.groups)
    if not 1 <= n <= 12:
        raise Unresolvable(f"{n} months in a year")
    return _out(date(ctx.pub.year, 1, 1), month_end(ctx.pub.year, n), "interval")


@resolver("fortnight")
def _fortnight(m: TimexMatch, ctx: Context) -> Resolved:
    month = _month(m.groups)
    year = int(m.groups["year"]) if "year" in m.groups else nearest_year(ctx.pub, month, 15)
    if m.groups["ord"].lower().startswith("prem"):
        return _out(date(year, month, 1), date(year, month, 15), "interval")
    return _out(date(year, month, 16), month_end(year, month), "interval")


@resolver("half_month")
def _half_month(m: TimexMatch, ctx: Context) -> Resolved:
    year, month = ctx.pub.year, ctx.pub.month
    if m.groups["ord"].lower().startswith("prem"):
        return _out(date(year, month, 1), date(year, month, 15), "interval")
    return _out(date(year, month, 16), month_end(year, month), "interval")


@resolver("until_end_of_year")
def _until_end_of_year(m: TimexMatch, ctx: Context) -> Resolved:
    year = int(m.groups["year"]) if "year" in m.groups else ctx.pub.year
    return _out(ctx.pub, date(year, 12, 31), "interval")


@resolver("until_year")
def _until_year(m: TimexMatch, ctx: Context) -> Resolved:
    """ "jusqu'en 2014" from 2012 → publication to the end of 2014; of a past year, that year."""
    year = int(m.groups["year"])
    if year >= ctx.pub.year:
        return _out(ctx.pub, date(year, 12, 31), "interval")
    return _out(date(year, 1, 1), date(year, 12, 31), "absolute")


@resolver("start_end_of")
def _start_end_of(m: TimexMatch, ctx: Context) -> Resolved:
    """ "au début de l'année" → its first month; "à la fin du mois" → its last ten days."""
    part = m.groups["part"].lower()
    if "year_unit" in m.groups:
        month = {"début": 1, "milieu": 6, "fin": 12}[part]
        return _out(date(ctx.pub.year, month, 1), month_end(ctx.pub.year, month), "relative")
    first, last = _data()["month_parts"]["mi" if part == "milieu" else part]
    last = min(last, month_end(ctx.pub.year, ctx.pub.month).day)
    return _out(ctx.pub.replace(day=first), ctx.pub.replace(day=last), "relative")
