"""Running an evaluation: predictions for each gold article, then the scores.

Predictions come from a :class:`Predictor`: :class:`PipelinePredictor` runs one
:class:`~bilan.pipeline.Pipeline` over every article text (``nlp.pipe``) and reads its output
back through the contract (so that what is scored is exactly what ``bilan extract`` prints);
:class:`SavedPredictor` reads contract JSON saved earlier. Tests pass their own predictor.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pydantic import ValidationError

from bilan.contract import ContractArticle, ContractDocument, from_contract, to_contract
from bilan.errors import BilanError, FormatError, UnreadableInputError
from bilan.evaluate.counts import score_counts
from bilan.evaluate.gold import GoldDocument
from bilan.evaluate.quotes import score_quotes
from bilan.evaluate.results import ArticleScore, Report
from bilan.evaluate.sections import score_dates, score_events, score_places
from bilan.evaluate.sentences import SentenceIndex, blank_sentencizer
from bilan.ingest.readers import make_article
from bilan.model import Evidence

if TYPE_CHECKING:
    from spacy.language import Language

    from bilan.pipeline import Pipeline

Prediction = ContractDocument | BilanError


class Predictor(Protocol):
    """Gives one prediction (or the typed error that prevented it) per gold article, in order."""

    def predict(self, golds: Sequence[GoldDocument]) -> list[Prediction]: ...


class PipelinePredictor:
    """Extraction with one pipeline over all the articles (``Pipeline.pipe``)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def predict(self, golds: Sequence[GoldDocument]) -> list[Prediction]:
        articles = [
            make_article(g.text, id=g.id, published=g.article.published, source=str(g.path))
            for g in golds
        ]
        out: list[Prediction] = []
        for result in self.pipeline.pipe(articles):
            out.append(
                result if isinstance(result, BilanError) else from_contract(to_contract(result))
            )
        return out


class SavedPredictor:
    """Contract JSON saved in a directory: ``*.json`` (one document) or ``*.jsonl`` (one a line).

    A prediction is found by its ``article.id``, else by its file name (``45644.json`` for the
    gold id ``45644`` or ``wikinews-fr-45644``).
    """

    def __init__(self, directory: Path) -> None:
        if not directory.is_dir():
            raise UnreadableInputError(
                "the predictions directory does not exist", source=str(directory)
            )
        self.directory = directory
        self.by_id: dict[str, ContractDocument] = {}
        for path in sorted(directory.iterdir()):
            if path.suffix in (".json", ".jsonl"):
                docs = _read_predictions(path)
                for doc in docs:
                    self.by_id.setdefault(doc.article.id or path.stem, doc)
                if path.suffix == ".json" and docs:
                    self.by_id.setdefault(path.stem, docs[0])

    def predict(self, golds: Sequence[GoldDocument]) -> list[Prediction]:
        out: list[Prediction] = []
        for g in golds:
            short = g.id.rsplit("-", 1)[-1]
            doc = self.by_id.get(g.id) or self.by_id.get(short)
            if doc is None:
                out.append(
                    UnreadableInputError(
                        f"no prediction for article {g.id!r} in {self.directory}", source=g.id
                    )
                )
            else:
                out.append(doc)
        return out


def _read_predictions(path: Path) -> list[ContractDocument]:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UnreadableInputError(f"cannot read: {exc.strerror}", source=str(path)) from exc
    lines = [raw] if path.suffix == ".json" else [ln for ln in raw.splitlines() if ln.strip()]
    docs: list[ContractDocument] = []
    for n, line in enumerate(lines, 1):
        try:
            data = json.loads(line)
            if "error" in data:  # an article `bilan extract` could not process
                continue
            docs.append(from_contract(data))
        except (json.JSONDecodeError, ValidationError, TypeError) as exc:
            raise FormatError(f"line {n} is not contract JSON: {exc}", source=str(path)) from exc
    return docs


def misaligned_evidence(text: str, prediction: ContractDocument) -> list[str]:
    """Facts whose evidence text is not the article text at its offsets (wrong text or offsets)."""
    found: list[str] = []
    facts: list[tuple[str, Evidence]] = [
        *((c.id, c.evidence) for c in prediction.counts),
        *((q.id, q.evidence) for q in prediction.quotes),
        *((e.id, e.evidence) for e in prediction.events),
        *((d.id, d.evidence) for d in prediction.dates),
    ]
    for fact_id, ev in facts:
        if text[ev.start : ev.end] != ev.text:
            found.append(f"{fact_id}: evidence {ev.text!r} is not the text at {ev.start}:{ev.end}")
    return found


def empty_prediction(gold: GoldDocument) -> ContractDocument:
    return ContractDocument(article=ContractArticle(id=gold.id, published=gold.article.published))


def score_article(
    gold: GoldDocument, prediction: Prediction, sentencizer: Language
) -> ArticleScore:
    """Every score of one article. An extraction error scores as an empty prediction."""
    out = ArticleScore(id=gold.id, path=str(gold.path))
    if isinstance(prediction, BilanError):
        out.error = f"{prediction.code}: {prediction.message}"
        prediction = empty_prediction(gold)
    out.warnings = misaligned_evidence(gold.text, prediction)
    sents = SentenceIndex(gold.text, sentencizer)
    score_counts(gold, prediction, sents, out)
    score_quotes(gold, prediction, sents, out)
    score_places(gold, prediction, sents, out)
    score_dates(gold, prediction, sents, out)
    score_events(gold, prediction, sents, out)
    return out


def evaluate(
    golds: Sequence[GoldDocument],
    predictor: Predictor,
    *,
    sentencizer: Language | None = None,
) -> Report:
    """Score the predictor's output against the gold documents."""
    predictions = predictor.predict(golds)
    if len(predictions) != len(golds):
        raise BilanError(
            f"the predictor gave {len(predictions)} predictions for {len(golds)} articles"
        )
    nlp = sentencizer if sentencizer is not None else blank_sentencizer()
    return Report.of([score_article(g, p, nlp) for g, p in zip(golds, predictions, strict=True)])
