"""The scorer: compares extraction output with gold annotations (../shared/spec/GOLD.md).

>>> golds = load_golds([Path("gold/dev")])                          # doctest: +SKIP
>>> report = evaluate(golds, PipelinePredictor(Pipeline()))          # doctest: +SKIP
>>> report.metrics()["counts.f1"]                                    # doctest: +SKIP

Modules: :mod:`~bilan.evaluate.gold` (reading and checking gold files),
:mod:`~bilan.evaluate.locate` (anchors and quotations in the text),
:mod:`~bilan.evaluate.sentences`, :mod:`~bilan.evaluate.names`, :mod:`~bilan.evaluate.matching`
(the shared rules), :mod:`~bilan.evaluate.counts`, :mod:`~bilan.evaluate.quotes`,
:mod:`~bilan.evaluate.sections` (places, dates, events), :mod:`~bilan.evaluate.results` (typed
scores), :mod:`~bilan.evaluate.run` (predictors and :func:`evaluate`),
:mod:`~bilan.evaluate.gate` (the quality gate over pinned floors).
"""

from bilan.evaluate.gold import GoldDocument, gold_paths, load_gold, load_golds
from bilan.evaluate.results import Accuracy, ArticleScore, Issue, Report, Tally
from bilan.evaluate.run import (
    PipelinePredictor,
    Prediction,
    Predictor,
    SavedPredictor,
    evaluate,
    score_article,
)

__all__ = [
    "Accuracy",
    "ArticleScore",
    "GoldDocument",
    "Issue",
    "PipelinePredictor",
    "Prediction",
    "Predictor",
    "Report",
    "SavedPredictor",
    "Tally",
    "evaluate",
    "gold_paths",
    "load_gold",
    "load_golds",
    "score_article",
]
