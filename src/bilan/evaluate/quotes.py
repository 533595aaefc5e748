"""Scoring quotes (GOLD.md §2): character spans with the half-of-the-longer overlap rule.

The gold span is the whole quotation that contains the gold ``text`` (just inside its marks);
the predicted span is its evidence with quotation marks and spaces trimmed. They match when they
overlap by at least half of the longer span. Speaker accuracy over matched required quotes.
"""

from __future__ import annotations

from bilan.contract import ContractDocument
from bilan.evaluate.gold import GoldDocument, GoldQuote
from bilan.evaluate.locate import enclosing_quotation, quote_marks, trim
from bilan.evaluate.matching import match
from bilan.evaluate.names import entity_matches, predicted_name
from bilan.evaluate.results import ArticleScore, Tally, issue
from bilan.evaluate.sentences import SentenceIndex, overlap_length
from bilan.model import Quote

Span = tuple[int, int]


def predicted_span(q: Quote) -> Span:
    """The quote's evidence without its quotation marks and surrounding spaces."""
    ev = q.evidence
    lo, hi = trim(ev.text, 0, len(ev.text), quote_marks())
    return ev.start + lo, ev.start + hi


def spans_match(gold: Span, pred: Span) -> bool:
    longest = max(gold[1] - gold[0], pred[1] - pred[0])
    return longest > 0 and 2 * overlap_length(gold, pred) >= longest


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _speaker_ok(g: GoldQuote, p: Quote) -> bool | None:
    """Speaker agreement, or None when the gold entry does not give a speaker."""
    if "speaker" not in g.present:
        return None
    return entity_matches(g.speaker, p.speaker)


def score_quotes(
    gold: GoldDocument, pred: ContractDocument, sents: SentenceIndex, out: ArticleScore
) -> None:
    golds, preds = gold.quotes, pred.quotes
    gold_spans = [enclosing_quotation(gold.text, *g.span) for g in golds]
    pred_spans = [predicted_span(p) for p in preds]

    def allowed(i: int, j: int) -> bool:
        return spans_match(gold_spans[i], pred_spans[j])

    def bonus(i: int, j: int) -> float:
        g, p = gold_spans[i], pred_spans[j]
        ratio = overlap_length(g, p) / max(g[1] - g[0], p[1] - p[0])
        return 0.5 * bool(_speaker_ok(golds[i], preds[j])) + 0.4 * ratio

    m = match([g.optional for g in golds], len(preds), allowed, bonus)
    out.tallies["quotes"] = Tally(tp=len(m.pairs), fp=len(m.false_alarms), fn=len(m.misses))
    acc = out.accuracy("quotes.speaker")
    for i, j in m.pairs:
        ok = _speaker_ok(golds[i], preds[j])
        if ok is None:
            continue
        acc.record(ok)
        if not ok:
            what = f"{preds[j].id} «{_short(preds[j].text)}»"
            detail = (
                f"speaker: gold {golds[i].speaker}, predicted {predicted_name(preds[j].speaker)}"
            )
            sentence = sents.sentence_text(*pred_spans[j])
            out.issues.append(
                issue(out.id, "quotes", "mismatch", what, pred_spans[j], sentence, detail)
            )
    for i in m.misses:
        span = gold_spans[i]
        what = f"«{_short(gold.text[span[0] : span[1]])}» — {golds[i].speaker}"
        out.issues.append(issue(out.id, "quotes", "miss", what, span, sents.sentence_text(*span)))
    for j in m.false_alarms:
        p, span = preds[j], pred_spans[j]
        what = f"{p.id} «{_short(p.text)}» — {predicted_name(p.speaker)}"
        out.issues.append(
            issue(out.id, "quotes", "false_alarm", what, span, sents.sentence_text(*span))
        )
