"""Figures 1 and 2 (full extraction vs bare ``nlp.pipe``; tokens per second per core) and the
profile of where the time goes, all in one process on one thread, on the same texts."""

from __future__ import annotations

from collections.abc import Callable
from time import process_time
from typing import TYPE_CHECKING

from benchmarks.report import Figure
from bilan.config import Settings
from bilan.contract import to_contract
from bilan.errors import BilanError
from bilan.model import Article, Document
from bilan.pipeline import Pipeline

if TYPE_CHECKING:
    from spacy.language import Language

BATCH_SIZES = (8, 32, 128)


def _timed(run: Callable[[], object]) -> float:
    """CPU seconds of this process (wall time swings with the other load on a shared machine)."""
    start = process_time()
    run()
    return process_time() - start


def _full(pipeline: Pipeline, articles: list[Article]) -> None:
    for result in pipeline.pipe(articles):
        if not isinstance(result, BilanError):
            to_contract(result)


def batch_size_sweep(nlp: Language, texts: list[str]) -> dict[int, float]:
    """Bare ``nlp.pipe`` tokens per second at a few batch sizes (one pass each)."""
    sweep: dict[int, float] = {}
    for size in BATCH_SIZES:
        start = process_time()
        tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=size))
        sweep[size] = round(tokens / (process_time() - start))
    return sweep


def throughput(nlp: Language, articles: list[Article], *, rounds: int = 3) -> list[Figure]:
    """Interleaves bare and full passes ``rounds`` times and keeps the best of each (in CPU
    seconds of this single-threaded process)."""
    pipeline = Pipeline(Settings(), nlp=nlp)
    texts = [a.text for a in articles]
    size = pipeline.settings.batch_size
    _full(pipeline, articles[:2])  # warm-up: lazy lexicons, services, the language model
    list(nlp.pipe(texts, batch_size=size))  # warm-up: the first pass allocates
    bare_times, full_times = [], []
    for _ in range(rounds):
        bare_times.append(_timed(lambda: list(nlp.pipe(texts, batch_size=size))))
        full_times.append(_timed(lambda: _full(pipeline, articles)))
    bare, full = min(bare_times), min(full_times)
    tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=size))
    ratio = bare / full
    return [
        Figure(
            1,
            "full extraction ÷ bare nlp.pipe throughput",
            ratio,
            "ratio",
            goal="≥ 0.75",
            met=ratio >= 0.75,
            detail={
                "articles": len(articles),
                "tokens": tokens,
                "rounds": rounds,
                "bare_cpu_seconds": round(bare, 3),
                "full_cpu_seconds": round(full, 3),
                "batch_size": size,
                "bare_tokens_per_second_by_batch_size": batch_size_sweep(nlp, texts),
                "stages": list(pipeline.settings.stages),
                "spacy_components": list(nlp.pipe_names),
            },
            note="the stages' Python work on top of the parse (see the profile)",
        ),
        Figure(
            2,
            "tokens per second per core (full extraction)",
            tokens / full,
            "tokens/s",
            detail={"bare_tokens_per_second": round(tokens / bare)},
            note="spaCy's parser and tok2vec on one thread; the bare parse bounds it",
        ),
    ]


def profile(nlp: Language, articles: list[Article]) -> dict[str, float]:
    """CPU seconds per step over all the articles: language check, each spaCy component, each
    bilan stage, serialization. Steps run one after the other over the whole set."""
    pipeline = Pipeline(Settings(), nlp=nlp)
    size = pipeline.settings.batch_size
    seconds: dict[str, float] = {}
    _full(pipeline, articles[:2])  # warm-up: lazy lexicons, services, the language model
    start = process_time()
    for article in articles:
        pipeline.validate(article)
    seconds["check: language (py3langid)"] = process_time() - start
    start = process_time()
    docs = [nlp.make_doc(a.text) for a in articles]
    seconds["spacy: tokenizer"] = process_time() - start
    for name, component in nlp.pipeline:
        start = process_time()
        docs = list(component.pipe(docs, batch_size=size))  # type: ignore[attr-defined]
        seconds[f"spacy: {name}"] = process_time() - start
    documents = [Document(article=a, spacy=d) for a, d in zip(articles, docs, strict=True)]
    for stage in pipeline.stages:
        start = process_time()
        documents = [stage(doc) for doc in documents]
        seconds[f"stage: {stage.name}"] = process_time() - start
    start = process_time()
    for doc in documents:
        to_contract(doc)
    seconds["contract: to_contract"] = process_time() - start
    return {k: round(v, 4) for k, v in seconds.items()}


def length_scaling(nlp: Language, articles: list[Article], *, factor: int = 8) -> list[Figure]:
    """Stage time per token on an article made ``factor`` times longer (its body repeated),
    over the same on the article itself: about 1 when no step is quadratic in article length."""
    pipeline = Pipeline(Settings(), nlp=nlp)
    _full(pipeline, articles[:2])
    base = max(articles, key=lambda a: len(a.text))
    body = base.text[base.body_start :].strip()
    per_token: dict[int, float] = {}
    for times in (1, factor):
        text = base.text[: base.body_start] + "\n\n".join([body] * times)
        article = base.model_copy(update={"text": text})
        parsed = nlp(text)
        start = process_time()
        pipeline.run_stages(Document(article=article, spacy=parsed))
        per_token[times] = (process_time() - start) / len(parsed)
    ratio = per_token[factor] / per_token[1]
    return [
        Figure(
            7,
            f"stage time per token, {factor}× longer article ÷ original",
            ratio,
            "ratio",
            goal="≈ 1 (linear)",
            met=ratio < 2,
            detail={
                "article": base.id,
                "tokens_original": len(nlp.make_doc(base.text)),
                "ms_per_1000_tokens": {k: round(v * 1e6, 2) for k, v in per_token.items()},
            },
            note="steps that redo whole-document work per mention (e.g. spaCy's Doc.text)",
        )
    ]
