"""One-to-one matching of gold entries with predictions.

Each gold entry matches at most one prediction and each prediction at most one gold entry. The
matching maximizes the number of matched pairs (scipy's ``linear_sum_assignment``, the Hungarian
method), and among maximal matchings the sum of a per-pair ``bonus`` in [0, 1) (e.g. the share
of attributes that agree), so that a duplicate or a worse prediction never steals a better one's
gold. Required entries are matched first; optional ones then take from what is left (GOLD.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

Allowed = Callable[[int, int], bool]
Bonus = Callable[[int, int], float]

#: weight of any allowed pair; bonuses stay below 1 so cardinality always wins
_BASE = 1_000_000.0


def assign(
    golds: Sequence[int], preds: Sequence[int], allowed: Allowed, bonus: Bonus
) -> list[tuple[int, int]]:
    """Maximum matching of gold indices with prediction indices, as (gold, pred) pairs."""
    if not golds or not preds:
        return []
    weights = np.zeros((len(golds), len(preds)))
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            if allowed(g, p):
                weights[i, j] = _BASE + min(max(bonus(g, p), 0.0), 0.999)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted(
        (golds[int(r)], preds[int(c)]) for r, c in zip(rows, cols, strict=True) if weights[r, c] > 0
    )


@dataclass
class Matching:
    """Result of matching one article's gold list with its predictions."""

    pairs: list[tuple[int, int]] = field(default_factory=list)  # required gold ↔ prediction
    optional_pairs: list[tuple[int, int]] = field(default_factory=list)
    misses: list[int] = field(default_factory=list)  # required gold entries left unmatched
    false_alarms: list[int] = field(default_factory=list)  # predictions left unmatched

    def pred_of(self, gold: int) -> int | None:
        for g, p in (*self.pairs, *self.optional_pairs):
            if g == gold:
                return p
        return None


def match(
    optional: Sequence[bool],
    n_pred: int,
    allowed: Allowed,
    bonus: Bonus,
    *,
    ignored: Callable[[int], bool] | None = None,
) -> Matching:
    """Match required gold entries first, then optional ones with the remaining predictions.

    ``ignored(p)`` marks an unmatched prediction that is neither a hit nor a false alarm.
    """
    required = [i for i, opt in enumerate(optional) if not opt]
    optionals = [i for i, opt in enumerate(optional) if opt]
    preds = list(range(n_pred))
    pairs = assign(required, preds, allowed, bonus)
    used = {p for _, p in pairs}
    optional_pairs = assign(optionals, [p for p in preds if p not in used], allowed, bonus)
    used |= {p for _, p in optional_pairs}
    matched_gold = {g for g, _ in pairs}
    return Matching(
        pairs=pairs,
        optional_pairs=optional_pairs,
        misses=[g for g in required if g not in matched_gold],
        false_alarms=[
            p for p in preds if p not in used and not (ignored is not None and ignored(p))
        ],
    )
