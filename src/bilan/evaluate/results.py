"""Typed results of an evaluation: tallies, accuracies, issues, per-article and summary scores.

Metric names are flat strings: ``counts``, ``quotes``, ``places``, ``dates``, ``events`` for
detection tallies (precision/recall/F1), and ``<section>.<field>`` for accuracies over matched
pairs (``counts.group``, ``quotes.speaker``, ``places.location``…). ``Report.metrics()`` gives
them as one flat mapping, the shape the quality gate pins.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, computed_field

#: detection sections in display order
SECTIONS = ("counts", "quotes", "places", "dates", "events")


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


class Tally(BaseModel):
    """Hits, false alarms and misses of one detection task."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


class Accuracy(BaseModel):
    """Share of matched pairs where one field is right."""

    correct: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> float | None:
        return _ratio(self.correct, self.total)

    def record(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total


IssueKind = Literal["miss", "false_alarm", "mismatch"]


class Issue(BaseModel):
    """Something for a developer to look at: a miss, a false alarm, or a wrong field."""

    article: str
    section: str
    kind: IssueKind
    what: str  # one line: "killed 26 (at_least) «au moins 26 civils»"
    detail: str | None = None  # for mismatches: "group: gold civilians, predicted people"
    sentence: str
    start: int
    end: int


def issue(
    article: str,
    section: str,
    kind: IssueKind,
    what: str,
    span: tuple[int, int],
    sentence: str,
    detail: str | None = None,
) -> Issue:
    return Issue(
        article=article,
        section=section,
        kind=kind,
        what=what,
        detail=detail,
        sentence=sentence,
        start=span[0],
        end=span[1],
    )


class ArticleScore(BaseModel):
    id: str
    path: str
    error: str | None = None  # the extraction error, when the prediction could not be made
    warnings: list[str] = Field(default_factory=list)
    tallies: dict[str, Tally] = Field(default_factory=dict)
    accuracies: dict[str, Accuracy] = Field(default_factory=dict)
    issues: list[Issue] = Field(default_factory=list)

    def accuracy(self, name: str) -> Accuracy:
        return self.accuracies.setdefault(name, Accuracy())


class Summary(BaseModel):
    articles: int = 0
    errors: int = 0
    tallies: dict[str, Tally] = Field(default_factory=dict)
    accuracies: dict[str, Accuracy] = Field(default_factory=dict)


class Report(BaseModel):
    """An evaluation over a set of gold files."""

    summary: Summary
    articles: list[ArticleScore]

    @classmethod
    def of(cls, articles: list[ArticleScore]) -> Report:
        summary = Summary(articles=len(articles), errors=sum(a.error is not None for a in articles))
        for a in articles:
            for name, tally in a.tallies.items():
                summary.tallies.setdefault(name, Tally()).add(tally)
            for name, acc in a.accuracies.items():
                summary.accuracies.setdefault(name, Accuracy()).add(acc)
        summary.tallies = {k: summary.tallies[k] for k in SECTIONS if k in summary.tallies}
        summary.accuracies = dict(sorted(summary.accuracies.items()))
        return cls(summary=summary, articles=articles)

    def metrics(self) -> dict[str, float | None]:
        """Flat scores: ``counts.f1``, ``counts.precision``…, ``counts.group``, ``quotes.speaker``."""
        out: dict[str, float | None] = {}
        for name, tally in self.summary.tallies.items():
            out[f"{name}.precision"] = tally.precision
            out[f"{name}.recall"] = tally.recall
            out[f"{name}.f1"] = tally.f1
        for name, acc in self.summary.accuracies.items():
            out[name] = acc.value
        return out
