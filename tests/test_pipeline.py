"""Pipeline: stage registry, order checks, batches that survive bad articles, pickling."""

from __future__ import annotations

import pickle
from datetime import date
from typing import ClassVar

import pytest

from bilan import Article, Pipeline, Settings
from bilan.errors import EmptyInputError, LanguageError, PipelineError, TooLargeError
from bilan.model import Document
from bilan.pipeline import check_order, registered_stages


class _Needs:
    name: ClassVar[str] = "needs"
    requires: ClassVar[tuple[str, ...]] = ("counts",)
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __call__(self, doc: Document) -> Document:
        return doc


class _Gives:
    name: ClassVar[str] = "gives"
    requires: ClassVar[tuple[str, ...]] = ("spacy",)
    assigns: ClassVar[tuple[str, ...]] = ("counts",)

    def __call__(self, doc: Document) -> Document:
        return doc


def test_pipeline_order_check_accepts_dependencies_in_order() -> None:
    check_order([_Gives(), _Needs()])


def test_pipeline_order_check_rejects_a_stage_before_its_inputs() -> None:
    with pytest.raises(PipelineError, match="requires \\['counts'\\]"):
        check_order([_Needs(), _Gives()])


def test_pipeline_default_stages_are_registered_and_ordered(nlp) -> None:  # type: ignore[no-untyped-def]
    registry = registered_stages()
    assert set(Settings().stages) <= set(registry)
    Pipeline(Settings(), nlp=nlp)  # raises when the default order is broken


def test_pipeline_unknown_stage_is_a_typed_error(nlp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PipelineError, match="unknown stages"):
        Pipeline(Settings(stages=("numbers", "nonesuch")), nlp=nlp)


def test_pipeline_runs_on_french_text(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Au moins 26 civils ont été tués mercredi à Alep, selon l'OSDH."
    doc = pipeline(Article(text=text, published=date(2016, 11, 30)))
    assert doc.spacy is not None and doc.spacy.text == text
    assert isinstance(doc.counts, list) and isinstance(doc.quotes, list)


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_pipeline_rejects_empty_text(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EmptyInputError):
        pipeline(Article(text=text))


def test_pipeline_rejects_text_over_the_size_limit(nlp) -> None:  # type: ignore[no-untyped-def]
    small = Pipeline(Settings(max_chars=100), nlp=nlp)
    with pytest.raises(TooLargeError, match="over the limit"):
        small(Article(text="Les rebelles ont avancé. " * 10))


def test_pipeline_rejects_english_text(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "At least 26 civilians were killed by regime artillery fire in eastern Aleppo on "
        "Wednesday, according to the Syrian Observatory for Human Rights."
    )
    with pytest.raises(LanguageError, match="'en'"):
        pipeline(Article(text=text))


def test_pipeline_batch_keeps_order_and_survives_bad_articles(pipeline) -> None:  # type: ignore[no-untyped-def]
    articles = [
        Article(id="a", text="Huit habitants ont été tués mercredi, selon l'agence Sana."),
        Article(id="b", text="  "),
        Article(id="c", text="The regime forces launched a large offensive on the city yesterday."),
        Article(id="d", text="Plus de 50.000 personnes ont fui ces quatre derniers jours."),
    ]
    out = list(pipeline.pipe(articles))
    assert [type(x).__name__ for x in out] == [
        "Document",
        "EmptyInputError",
        "LanguageError",
        "Document",
    ]
    assert isinstance(out[3], Document) and out[3].article.id == "d"


def test_pipeline_pickles_as_its_settings(nlp) -> None:  # type: ignore[no-untyped-def]
    pipe = Pipeline(Settings(stages=("numbers",)), nlp=nlp)
    reduced = pipe.__reduce__()
    assert reduced[0] is Pipeline and reduced[1] == (pipe.settings,)
    assert pickle.loads(pickle.dumps(pipe.settings)) == pipe.settings
