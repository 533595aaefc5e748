"""Figure 5: reconciliation time for two sizes of synthetic claims, and their ratio.

Synthetic claims mimic wire coverage: incidents (a category, a place in a country, a day, a toll)
each reported by one to six sources whose figures drift upward and carry qualifiers. The archive
grows at a fixed rate of incidents per day, so ten times the claims span ten times the days
(``dense`` keeps the days fixed instead, and shows how the work grows within one period).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from time import perf_counter, process_time

from benchmarks.report import Figure
from bilan.reconcile import Claim, PlaceKey, reconcile

CATEGORIES = ("killed", "killed", "killed", "injured", "injured", "displaced", "arrested")
QUALIFIERS = ("exact", "exact", "exact", "at_least", "about", "more_than")
COUNTRIES = tuple(f"C{i:02d}" for i in range(60))
START = date(2016, 1, 1)
INCIDENTS_PER_DAY = 60


def synthetic_claims(n: int, *, days: int | None = None, seed: int = 7) -> list[Claim]:
    """``n`` claims; incidents spread over ``days`` (default: a fixed rate per day)."""
    rng = random.Random(seed)
    span = days or max(1, n // (3 * INCIDENTS_PER_DAY))
    claims: list[Claim] = []
    report = 0
    while len(claims) < n:
        country = rng.choice(COUNTRIES)
        place = PlaceKey(
            name=f"{country}-p{rng.randrange(40)}",
            label="place",
            country=country,
            parents=(country,),
            precision=4,
        )
        day = START + timedelta(days=rng.randrange(span))
        category = rng.choice(CATEGORIES)
        toll = max(1, int(rng.lognormvariate(2.0, 1.2)))
        for _ in range(rng.randint(1, 6)):
            report += 1
            published = day + timedelta(days=rng.randint(0, 2))
            claims.append(
                Claim(
                    count_id=len(claims) + 1,
                    article_id=report,
                    report_id=report,
                    category=category,  # type: ignore[arg-type]
                    qualifier=rng.choice(QUALIFIERS),  # type: ignore[arg-type]
                    value=float(toll + rng.randint(0, max(1, toll // 4))),
                    source_key=f"s{rng.randrange(300)}",
                    source_name="source",
                    place=place if rng.random() < 0.9 else None,
                    period_start=day if rng.random() < 0.5 else None,
                    published=published,
                )
            )
    return claims[:n]


def _time(claims: list[Claim]) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, incidents) for one reconciliation."""
    cpu, wall = process_time(), perf_counter()
    incidents = reconcile(claims)
    return process_time() - cpu, perf_counter() - wall, len(incidents)


def reconciliation(small: int, large: int) -> list[Figure]:
    small_cpu, _, small_inc = _time(synthetic_claims(small))
    large_cpu, large_wall, large_inc = _time(synthetic_claims(large))
    dense_days = max(1, small // (3 * INCIDENTS_PER_DAY))
    dense_n = small // 10
    dense_small, _, _ = _time(synthetic_claims(dense_n, days=dense_days))
    dense_large, _, _ = _time(synthetic_claims(small, days=dense_days))
    ratio = large_cpu / small_cpu
    linear = large / small
    return [
        Figure(
            5,
            f"reconciliation {large:,} ÷ {small:,} claims (time ratio)",
            ratio,
            "ratio",
            goal=f"≈ {linear:.0f} (near-linear), {large:,} under 60 s",
            met=ratio <= 1.5 * linear and large_cpu < 60,
            detail={
                f"cpu_seconds_{small}": round(small_cpu, 2),
                f"cpu_seconds_{large}": round(large_cpu, 2),
                f"wall_seconds_{large}": round(large_wall, 2),
                f"incidents_{small}": small_inc,
                f"incidents_{large}": large_inc,
                "incidents_per_day": INCIDENTS_PER_DAY,
                f"dense_ratio_{small}_over_{dense_n}_same_{dense_days}_days": round(
                    dense_large / dense_small, 1
                ),
            },
            note="sweep per block (category): each claim is compared with every open incident "
            "of its block in its time window, whatever the place (see the dense ratio)",
        )
    ]
