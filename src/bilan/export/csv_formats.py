"""CSV exports in the layouts of ACLED, UCDP GED and IDMC (stdlib ``csv``, UTF-8, RFC 4180)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any, BinaryIO

from bilan.contract import ContractArticle
from bilan.export.columns import (
    ACLED_GEO_PRECISION,
    acled_time_precision,
    country_iso3,
    country_name,
    entity_name,
    iso,
    joined,
    number,
    period_or_published,
    period_text,
    place_name,
    ucdp_date_prec,
)
from bilan.export.selection import Selection
from bilan.model import EventItem, Flow, Incident

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "interaction", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)  # fmt: skip
UCDP_COLUMNS = (
    "id", "country", "adm_1", "where_coordinates", "latitude", "longitude", "where_prec",
    "date_start", "date_end", "date_prec", "best", "low", "high", "number_of_sources",
    "source_original", "source_article", "group",
)  # fmt: skip
IDMC_COLUMNS = (
    "origin", "destination", "figure", "qualifier", "period", "source",
    "flow_id", "category", "group", "low", "high", "part_of",
    "origin_latitude", "origin_longitude", "destination_latitude", "destination_longitude",
    "source_article",
)  # fmt: skip


def _write_rows(sink: BinaryIO, columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> int:
    text = io.TextIOWrapper(sink, encoding="utf-8", newline="", write_through=True)
    out = csv.DictWriter(text, fieldnames=columns, extrasaction="raise")
    out.writeheader()
    n = 0
    for row in rows:
        out.writerow(row)
        n += 1
    text.flush()
    text.detach()
    return n


def _interaction(event: EventItem) -> int | str:
    if event.interaction is not None:
        return event.interaction
    inters = sorted(i for i in (e.inter if e else None for e in (event.actor1, event.actor2)) if i)
    return int("".join(str(i) for i in inters)) if inters else ""


def acled_row(n: int, event: EventItem, article: ContractArticle | None) -> dict[str, Any]:
    place = event.place
    period = period_or_published(event.period, article)
    code = place.country if place else None
    return {
        "event_id_cnty": f"{country_iso3(code)}{n}",
        "event_date": iso(period.start if period else None),
        "time_precision": acled_time_precision(event.period or period),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type or "",
        "actor1": entity_name(event.actor1),
        "inter1": event.actor1.inter if event.actor1 and event.actor1.inter else "",
        "actor2": entity_name(event.actor2),
        "inter2": event.actor2.inter if event.actor2 and event.actor2.inter else "",
        "interaction": _interaction(event),
        "country": country_name(code),
        "admin1": place.admin1 or "" if place else "",
        "location": place_name(place),
        "latitude": number(place.lat) if place else "",
        "longitude": number(place.lon) if place else "",
        "geo_precision": ACLED_GEO_PRECISION.get(place.precision or 0, "") if place else "",
        "source": joined(entity_name(s) for s in event.sources),
        "notes": event.notes or event.evidence.text,
        "fatalities": event.fatalities or 0,
    }


def write_acled(selection: Selection, sink: BinaryIO) -> int:
    articles = selection.articles()
    rows = (
        acled_row(n, e, articles.get(e.article_id)) for n, e in enumerate(selection.events, start=1)
    )
    return _write_rows(sink, ACLED_COLUMNS, rows)


def source_articles(ids: Iterable[str], articles: dict[str, ContractArticle]) -> str:
    """UCDP's source_article: 'title (date) [id]' of each article the figures come from."""
    out = []
    for article_id in ids:
        meta = articles.get(article_id)
        if meta is None:
            out.append(f"[{article_id}]")
            continue
        day = f" ({meta.published.isoformat()})" if meta.published else ""
        out.append(f"{meta.title or ''}{day} [{article_id}]".strip())
    return joined(out)


def ucdp_row(incident: Incident, articles: dict[str, ContractArticle]) -> dict[str, Any]:
    place = incident.place
    best = incident.best if incident.best is not None else incident.low
    sources = [entity_name(c.source) for c in incident.claims]
    return {
        "id": incident.id,
        "country": country_name(place.country if place else None),
        "adm_1": place.admin1 or "" if place else "",
        "where_coordinates": place_name(place),
        "latitude": number(place.lat) if place else "",
        "longitude": number(place.lon) if place else "",
        "where_prec": place.precision or "" if place else "",
        "date_start": iso(incident.period.start if incident.period else None),
        "date_end": iso(incident.period.end if incident.period else None),
        "date_prec": ucdp_date_prec(incident.period) or "",
        "best": number(best),
        "low": number(incident.low if incident.low is not None else best),
        "high": number(incident.high if incident.high is not None else best),
        "number_of_sources": len({s for s in sources if s}) or len(incident.claims),
        "source_original": joined(sources),
        "source_article": source_articles((c.article_id for c in incident.claims), articles),
        "group": incident.group,
    }


def write_ucdp(selection: Selection, sink: BinaryIO) -> int:
    """UCDP GED counts deaths: one row per incident of people killed."""
    articles = selection.articles()
    rows = (ucdp_row(i, articles) for i in selection.incidents if i.category == "killed")
    return _write_rows(sink, UCDP_COLUMNS, rows)


def idmc_row(flow: Flow, articles: dict[str, ContractArticle]) -> dict[str, Any]:
    o, d = flow.origin, flow.destination
    return {
        "origin": place_name(o),
        "destination": place_name(d),
        "figure": number(flow.best),
        "qualifier": flow.qualifier,
        "period": period_text(flow.period),
        "source": joined(entity_name(c.source) for c in flow.claims),
        "flow_id": flow.id,
        "category": flow.category,
        "group": flow.group,
        "low": number(flow.low),
        "high": number(flow.high),
        "part_of": flow.part_of or "",
        "origin_latitude": number(o.lat) if o else "",
        "origin_longitude": number(o.lon) if o else "",
        "destination_latitude": number(d.lat) if d else "",
        "destination_longitude": number(d.lon) if d else "",
        "source_article": source_articles((c.article_id for c in flow.claims), articles),
    }


def write_idmc(selection: Selection, sink: BinaryIO) -> int:
    articles = selection.articles()
    return _write_rows(sink, IDMC_COLUMNS, (idmc_row(f, articles) for f in selection.flows))
