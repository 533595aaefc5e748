"""Event detection F1 and type accuracy on the dev gold (until `bilan evaluate` scores events).

    PYTHONPATH=src python scripts/eval_events.py [--gold gold/dev] [--show]

A predicted event matches a gold event when its evidence overlaps the sentence holding the gold
anchor (sentences from :func:`bilan.sentences.sentences`); each gold event matches at most one
prediction, same-type predictions first. Reports precision, recall, F1, then over matched pairs
the share with the right event_type, sub_event_type and actor1 (an alias contained either way
after folding case and accents).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import yaml

from bilan import Pipeline, Settings
from bilan.actors import key
from bilan.ingest.readers import make_article
from bilan.model import Event
from bilan.sentences import sentences


def _same_actor(event: Event, aliases: list[str]) -> bool:
    names = [key(n) for n in (event.actor1.name, event.actor1.text) if n] if event.actor1 else []
    wanted = [key(a) for a in aliases]
    return any(n and a and (a in n or n in a) for n in names for a in wanted)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", default="gold/dev")
    parser.add_argument("--show", action="store_true", help="print misses and false alarms")
    args = parser.parse_args()
    pipe = Pipeline(Settings(check_language=False))
    tp = n_pred = n_gold = 0
    right = {"type": 0, "sub": 0, "actor1": 0, "actor1_n": 0}
    for path in sorted(Path(args.gold).glob("*.gold.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = (path.parent / gold["article"]["text"]).read_text(encoding="utf-8")
        published = gold["article"].get("published")
        doc = pipe(make_article(text, published=published if isinstance(published, date) else None))
        assert doc.spacy is not None
        sents = sentences(doc.spacy)
        preds = list(doc.events)
        n_pred += len(preds)
        for g in gold.get("events") or []:
            n_gold += 1
            at = text.index(g["anchor"])
            sent = next((s for s in sents if s.start_char <= at < s.end_char), None)
            lo, hi = (sent.start_char, sent.end_char) if sent else (at, at + len(g["anchor"]))
            options = [p for p in preds if p.evidence.start < hi and lo < p.evidence.end]
            options.sort(
                key=lambda p: (
                    p.sub_event_type != g.get("sub_event_type"),
                    abs(p.evidence.start - lo),
                )
            )
            if not options:
                if args.show:
                    print(
                        f"MISS {path.stem}: {g['event_type']}/{g.get('sub_event_type')}: {g['anchor']}"
                    )
                continue
            p = options[0]
            preds.remove(p)
            tp += 1
            right["type"] += p.event_type == g["event_type"]
            right["sub"] += (p.event_type, p.sub_event_type) == (
                g["event_type"],
                g.get("sub_event_type"),
            )
            if g.get("actor1"):
                right["actor1_n"] += 1
                right["actor1"] += _same_actor(p, g["actor1"])
            if args.show and (p.event_type, p.sub_event_type) != (
                g["event_type"],
                g.get("sub_event_type"),
            ):
                print(
                    f"TYPE {path.stem}: gold {g['event_type']}/{g.get('sub_event_type')} pred {p.event_type}/{p.sub_event_type}: {g['anchor']}"
                )
        if args.show:
            for p in preds:
                print(
                    f"FALSE {path.stem}: {p.event_type}/{p.sub_event_type}: {p.evidence.text[:110]!r}"
                )
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    print(f"events: gold {n_gold} predicted {n_pred} matched {tp}")
    print(f"detection P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    if tp:
        print(
            f"event_type accuracy {right['type'] / tp:.3f}  sub_event_type accuracy {right['sub'] / tp:.3f}"
        )
    if right["actor1_n"]:
        print(
            f"actor1 accuracy {right['actor1'] / right['actor1_n']:.3f} (over {right['actor1_n']} matched with gold actor1)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
