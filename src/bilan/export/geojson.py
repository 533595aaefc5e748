"""GeoJSON (RFC 7946): incidents as points sized by ``best``, flows as origin→destination lines.

Only geocoded records become features (a place the gazetteer does not know is never put at a
made-up point); the collection's ``skipped`` member says how many were left out.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from bilan.export.columns import entity_name, joined, number, period_text, place_name
from bilan.export.selection import Selection
from bilan.model import Flow, Incident, Place


def _point(place: Place | None) -> list[float] | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return [place.lon, place.lat]


def _figures(record: Incident | Flow) -> dict[str, Any]:
    return {
        "id": record.id,
        "category": record.category,
        "group": record.group,
        "low": number(record.low) if record.low is not None else None,
        "best": number(record.best) if record.best is not None else None,
        "high": number(record.high) if record.high is not None else None,
        "period": period_text(record.period) or None,
        "sources": joined(entity_name(c.source) for c in record.claims) or None,
        "articles": joined(c.article_id for c in record.claims) or None,
    }


def incident_feature(incident: Incident) -> dict[str, Any] | None:
    point = _point(incident.place)
    if point is None:
        return None
    props = {
        "kind": "incident",
        **_figures(incident),
        "place": place_name(incident.place),
        "disagreement": incident.disagreement,
    }
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": point},
        "properties": props,
    }


def flow_feature(flow: Flow) -> dict[str, Any] | None:
    start, end = _point(flow.origin), _point(flow.destination)
    if start is None or end is None:
        return None
    props = {
        "kind": "flow",
        **_figures(flow),
        "origin": place_name(flow.origin),
        "destination": place_name(flow.destination),
        "qualifier": flow.qualifier,
        "part_of": flow.part_of,
    }
    geometry = {"type": "LineString", "coordinates": [start, end]}
    return {"type": "Feature", "geometry": geometry, "properties": props}


def feature_collection(selection: Selection) -> dict[str, Any]:
    features = [incident_feature(i) for i in selection.incidents]
    features += [flow_feature(f) for f in selection.flows]
    kept = [f for f in features if f is not None]
    return {"type": "FeatureCollection", "features": kept, "skipped": len(features) - len(kept)}


def write_geojson(selection: Selection, sink: BinaryIO) -> int:
    collection = feature_collection(selection)
    sink.write(json.dumps(collection, ensure_ascii=False).encode("utf-8"))
    return len(collection["features"])
