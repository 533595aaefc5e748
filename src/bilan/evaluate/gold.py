"""Gold annotations (../shared/spec/GOLD.md and gold/README.md) read into typed records.

``load_gold(path)`` parses one ``*.gold.yaml`` file, reads the article text it points to (relative
to the gold file, decoded exactly as ``bilan extract`` decodes it, so that offsets agree), checks
that every anchor and quotation is a verbatim substring of that text, and locates each one:
``GoldCount.span``, ``GoldQuote.span``… hold character offsets. Any departure from the format
raises :class:`~bilan.errors.GoldError` naming the file and the entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bilan.errors import BilanError, GoldError
from bilan.evaluate.locate import locate_anchors, locate_quotes
from bilan.ingest.readers import decode_bytes
from bilan.model.vocab import Category, Group, Qualifier

Span = tuple[int, int]

SECTIONS = ("counts", "quotes", "places", "dates", "events")


def _aliases(value: Any) -> list[str] | None:
    """``[a, b]`` or a bare ``a`` → list of strings; null stays None (meaning "none")."""
    if value is None:
        return None
    if isinstance(value, str | int | float):
        return [str(value)]
    if isinstance(value, list) and value and all(isinstance(v, str | int | float) for v in value):
        return [str(v) for v in value]
    raise ValueError(f"expected an alias or a list of aliases, got {value!r}")


class GoldModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


M = TypeVar("M", bound=GoldModel)


class GoldPeriod(GoldModel):
    start: date | None = None
    end: date | None = None


class GoldArticle(GoldModel):
    id: str
    text: str
    published: date | None = None
    language: str = "fr"
    title: str | None = None
    url: str | None = None


class GoldCount(GoldModel):
    anchor: str = Field(min_length=1)
    category: Category
    group: Group | None = None
    qualifier: Qualifier | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    source: list[str] | None = None
    perpetrator: list[str] | None = None
    period: GoldPeriod | None = None
    place: list[str] | None = None
    origin: list[str] | None = None
    destination: list[str] | None = None
    part_of: int | None = None
    hedged: bool | None = None
    optional: bool = False
    #: the YAML keys this entry gives (a field absent from gold is not scored)
    present: frozenset[str] = frozenset()
    span: Span = (0, 0)

    _aliases = field_validator(
        "source", "perpetrator", "place", "origin", "destination", mode="before"
    )(_aliases)


class GoldQuote(GoldModel):
    text: str = Field(min_length=1)
    speaker: list[str] | None = None
    optional: bool = False
    present: frozenset[str] = frozenset()
    #: where ``text`` occurs in the article
    span: Span = (0, 0)

    _aliases = field_validator("speaker", mode="before")(_aliases)


class GoldPlace(GoldModel):
    text: str = Field(min_length=1)
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None
    span: Span = (0, 0)


class GoldDate(GoldModel):
    text: str = Field(min_length=1)
    start: date | None = None
    end: date | None = None
    span: Span = (0, 0)


class GoldEvent(GoldModel):
    anchor: str = Field(min_length=1)
    event_type: str
    sub_event_type: str | None = None
    actor1: list[str] | None = None
    actor2: list[str] | None = None
    date: GoldPeriod | None = None
    place: list[str] | None = None
    span: Span = (0, 0)

    _aliases = field_validator("actor1", "actor2", "place", mode="before")(_aliases)


class GoldDocument(BaseModel):
    """One gold file with its article text; optional sections are None when the file lacks them."""

    path: Path
    article: GoldArticle
    text: str
    counts: list[GoldCount]
    quotes: list[GoldQuote]
    places: list[GoldPlace] | None = None
    dates: list[GoldDate] | None = None
    events: list[GoldEvent] | None = None

    @property
    def id(self) -> str:
        return self.article.id


def gold_paths(paths: Iterable[Path]) -> list[Path]:
    """Expand directories into their ``*.gold.yaml`` files (sorted); files are kept as given."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.gold.yaml"))
            if not found:
                raise GoldError("the directory holds no *.gold.yaml file", source=str(path))
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise GoldError("no such gold file or directory", source=str(path))
    return out


def load_golds(paths: Iterable[Path]) -> list[GoldDocument]:
    golds = [load_gold(p) for p in gold_paths(paths)]
    seen: dict[str, Path] = {}
    for g in golds:
        if g.id in seen:
            raise GoldError(f"article id {g.id!r} is also used by {seen[g.id]}", source=str(g.path))
        seen[g.id] = g.path
    return golds


def load_gold(path: Path) -> GoldDocument:
    """Parse, validate and locate one gold file. Raises GoldError on any problem."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"cannot read the gold file: {exc}", source=str(path)) from exc
    if not isinstance(raw, dict) or "article" not in raw:
        raise GoldError("a gold file is a mapping with an `article` section", source=str(path))
    unknown = set(raw) - {"article", *SECTIONS}
    if unknown:
        raise GoldError(f"unknown top-level keys {sorted(unknown)}", source=str(path))
    for required in ("counts", "quotes"):
        if required not in raw:
            raise GoldError(
                f"the `{required}` section is missing (write `{required}: []`)", source=str(path)
            )
    try:
        return _build(path, raw)
    except ValidationError as exc:
        raise GoldError(f"invalid article: {_validation_message(exc)}", source=str(path)) from exc
    except ValueError as exc:
        raise GoldError(str(exc), source=str(path)) from exc


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err["loc"])
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def _section(raw: dict[str, Any], name: str) -> list[dict[str, Any]]:
    items = raw.get(name) or []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ValueError(f"`{name}` must be a list of mappings")
    return items


def _entries(raw: dict[str, Any], name: str, model: type[M]) -> list[M]:
    """Validate each entry of a section; errors name the section, the index and the field."""
    out: list[M] = []
    for i, item in enumerate(_section(raw, name)):
        data = {**item, "present": frozenset(item)} if "present" in model.model_fields else item
        try:
            out.append(model.model_validate(data))
        except ValidationError as exc:
            raise ValueError(f"{name}[{i}]: {_validation_message(exc)}") from exc
    return out


def _read_text(path: Path, article: GoldArticle) -> str:
    text_path = path.parent / article.text
    try:
        data = text_path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read the article text {text_path}: {exc.strerror}") from exc
    try:
        text, _warnings = decode_bytes(data, source=str(text_path))
    except BilanError as exc:
        raise ValueError(f"cannot decode the article text {text_path}: {exc.message}") from exc
    return text


def _build(path: Path, raw: dict[str, Any]) -> GoldDocument:
    article = GoldArticle.model_validate(raw["article"])
    text = _read_text(path, article)
    counts = _entries(raw, "counts", GoldCount)
    quotes = _entries(raw, "quotes", GoldQuote)
    _check_counts(counts)
    counts = [
        c.model_copy(update={"span": s})
        for c, s in zip(
            counts, locate_anchors(text, [c.anchor for c in counts], "count"), strict=True
        )
    ]
    quotes = [
        q.model_copy(update={"span": s})
        for q, s in zip(quotes, locate_quotes(text, [q.text for q in quotes]), strict=True)
    ]
    return GoldDocument(
        path=path,
        article=article,
        text=text,
        counts=counts,
        quotes=quotes,
        places=_places(raw, text),
        dates=_dates(raw, text),
        events=_events(raw, text),
    )


def _check_counts(counts: list[GoldCount]) -> None:
    for i, c in enumerate(counts):
        where = f"counts[{i}] ({c.anchor!r})"
        if c.qualifier in ("range", "vague"):
            if c.low is None or c.high is None:
                raise ValueError(f"{where}: qualifier {c.qualifier} needs `low` and `high`")
        elif c.value is None and (c.low is None or c.high is None):
            raise ValueError(f"{where}: give `value` (or `low` and `high`)")
        if c.part_of is not None and not (0 <= c.part_of < len(counts) and c.part_of != i):
            raise ValueError(f"{where}: part_of {c.part_of} is not the index of another count")


def _places(raw: dict[str, Any], text: str) -> list[GoldPlace] | None:
    if "places" not in raw:
        return None
    places = _entries(raw, "places", GoldPlace)
    spans = locate_anchors(text, [p.text for p in places], "place")
    return [p.model_copy(update={"span": s}) for p, s in zip(places, spans, strict=True)]


def _dates(raw: dict[str, Any], text: str) -> list[GoldDate] | None:
    if "dates" not in raw:
        return None
    dates = _entries(raw, "dates", GoldDate)
    spans = locate_anchors(text, [d.text for d in dates], "date")
    return [d.model_copy(update={"span": s}) for d, s in zip(dates, spans, strict=True)]


def _events(raw: dict[str, Any], text: str) -> list[GoldEvent] | None:
    if "events" not in raw:
        return None
    events = _entries(raw, "events", GoldEvent)
    spans = locate_anchors(text, [e.anchor for e in events], "event")
    return [e.model_copy(update={"span": s}) for e, s in zip(events, spans, strict=True)]
