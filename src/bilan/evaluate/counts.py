"""Scoring counts (GOLD.md §2 scoring rules).

A prediction matches a gold count when the category is equal, the numbers are equal (``value``,
or ``low`` and ``high`` for range and vague) and its evidence overlaps the sentence that holds the
gold anchor. Over matched required pairs, each field the gold gives is scored: qualifier, group,
source, perpetrator, part_of, period (bounds within one day), place, origin, destination, hedged.
``part_of`` is an index in the gold list and the parent's ``id`` in predictions: it is right when
the predicted parent is the prediction matched to the gold parent.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from bilan.contract import ContractDocument
from bilan.evaluate.gold import GoldCount, GoldDocument, GoldPeriod
from bilan.evaluate.matching import Matching, match
from bilan.evaluate.names import entity_matches, predicted_name
from bilan.evaluate.results import ArticleScore, Issue, IssueKind, Tally, issue
from bilan.evaluate.sentences import SentenceIndex, overlaps
from bilan.model import Count, Period

#: fields scored over matched counts, in display order
COUNT_FIELDS = (
    "qualifier",
    "group",
    "source",
    "perpetrator",
    "part_of",
    "period",
    "place",
    "origin",
    "destination",
    "hedged",
)


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def numbers_equal(gold: GoldCount, pred: Count) -> bool:
    if gold.value is not None and gold.qualifier not in ("range", "vague"):
        return _same(gold.value, pred.value)
    return _same(gold.low, pred.low) and _same(gold.high, pred.high)


def period_matches(gold: GoldPeriod | None, pred: Period | None) -> bool:
    """Bounds within one day; a null gold period wants no predicted period."""
    if gold is None:
        return pred is None or (pred.start is None and pred.end is None)
    if pred is None:
        return False
    for g, p in ((gold.start, pred.start), (gold.end, pred.end)):
        if g is not None and (p is None or abs((p - g).days) > 1):
            return False
    return True


@dataclass
class _Context:
    golds: list[GoldCount]
    preds: list[Count]
    matching: Matching | None = None

    def part_of_ok(self, g: GoldCount, p: Count) -> bool:
        if g.part_of is None:
            return p.part_of is None
        if self.matching is None:
            return False
        parent = self.matching.pred_of(g.part_of)
        return parent is not None and self.preds[parent].id == p.part_of


_CHECKS: dict[str, Callable[[GoldCount, Count, _Context], bool]] = {
    "qualifier": lambda g, p, _: g.qualifier == p.qualifier,
    "group": lambda g, p, _: g.group == p.group,
    "source": lambda g, p, _: entity_matches(g.source, p.source),
    "perpetrator": lambda g, p, _: entity_matches(g.perpetrator, p.perpetrator),
    "part_of": lambda g, p, ctx: ctx.part_of_ok(g, p),
    "period": lambda g, p, _: period_matches(g.period, p.period),
    "place": lambda g, p, _: entity_matches(g.place, p.place),
    "origin": lambda g, p, _: entity_matches(g.origin, p.origin),
    "destination": lambda g, p, _: entity_matches(g.destination, p.destination),
    "hedged": lambda g, p, _: g.hedged == p.hedged,
}


def scored_fields(gold: GoldCount) -> list[str]:
    """The fields this gold entry gives (absent fields are not scored; ``hedged: null`` neither)."""
    return [
        f for f in COUNT_FIELDS if f in gold.present and not (f == "hedged" and gold.hedged is None)
    ]


def number_text(c: GoldCount | Count) -> str:
    if c.qualifier in ("range", "vague") or c.value is None:
        return f"{_num(c.low)}–{_num(c.high)}"
    return _num(c.value)


def _num(v: float | None) -> str:
    if v is None:
        return "?"
    return str(int(v)) if float(v).is_integer() else str(v)


def _gold_field(g: GoldCount, name: str) -> str:
    value = getattr(g, name)
    if isinstance(value, GoldPeriod):
        return f"{value.start}…{value.end}"
    return "null" if value is None else str(value)


def _pred_field(p: Count, name: str) -> str:
    value = getattr(p, name)
    if name in ("source", "perpetrator", "place", "origin", "destination"):
        return str(predicted_name(value))
    if isinstance(value, Period):
        return f"{value.start}…{value.end}"
    return "null" if value is None else str(value)


def score_counts(
    gold: GoldDocument, pred: ContractDocument, sents: SentenceIndex, out: ArticleScore
) -> None:
    golds, preds = gold.counts, pred.counts
    regions = [sents.region(*g.span) for g in golds]
    ctx = _Context(golds, preds)

    def allowed(i: int, j: int) -> bool:
        g, p = golds[i], preds[j]
        return (
            g.category == p.category
            and numbers_equal(g, p)
            and overlaps((p.evidence.start, p.evidence.end), regions[i])
        )

    def bonus(i: int, j: int) -> float:
        fields = [f for f in scored_fields(golds[i]) if f != "part_of"]
        right = sum(_CHECKS[f](golds[i], preds[j], ctx) for f in fields)
        near = overlaps((preds[j].evidence.start, preds[j].evidence.end), golds[i].span)
        return 0.9 * (right / len(fields) if fields else 1.0) + 0.09 * near

    ctx.matching = m = match([g.optional for g in golds], len(preds), allowed, bonus)
    out.tallies["counts"] = Tally(tp=len(m.pairs), fp=len(m.false_alarms), fn=len(m.misses))
    for i, j in m.pairs:
        g, p = golds[i], preds[j]
        for f in scored_fields(g):
            ok = _CHECKS[f](g, p, ctx)
            out.accuracy(f"counts.{f}").record(ok)
            if not ok:
                detail = f"{f}: gold {_gold_field(g, f)}, predicted {_pred_field(p, f)}"
                out.issues.append(_pred_issue(out.id, "mismatch", p, sents, detail))
    for i in m.misses:
        g = golds[i]
        what = f"{g.category} {number_text(g)} ({g.qualifier}) «{g.anchor}»"
        sentence = sents.sentence_text(*g.span)
        out.issues.append(issue(out.id, "counts", "miss", what, g.span, sentence))
    for j in m.false_alarms:
        out.issues.append(_pred_issue(out.id, "false_alarm", preds[j], sents))


def _pred_issue(
    article: str, kind: IssueKind, p: Count, sents: SentenceIndex, detail: str | None = None
) -> Issue:
    span = (p.evidence.start, p.evidence.end)
    what = f"{p.id} {p.category} {number_text(p)} ({p.qualifier}) «{p.evidence.text}»"
    return issue(article, "counts", kind, what, span, sents.sentence_text(*span), detail)
