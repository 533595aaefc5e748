"""How a toponym is used: where something happens, a government (metonymy) or a speaker's seat.

* ``actor``: the name is the subject of a verb of saying or deciding ("Moscou a dénoncé",
  "Washington a annoncé") or depends on a noun like "soutien", "allié" ("principal soutien de
  Damas"): it stands for a government, not for where an event took place;
* ``speaker_location``: "s'adressant depuis Londres", "joint à Paris": where the speaker is;
* ``location`` otherwise.

Cues live in ``lang/fr/places.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from bilan.lang.fr import load
from bilan.model import Document

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})


@cache
def _cues() -> dict[str, Any]:
    data = load("places")
    return {
        "verbs": frozenset(data["actor_verbs"]),
        "nouns": frozenset(data["actor_nouns"]),
        "speaker": re.compile(data["speaker_location_pattern"], re.IGNORECASE),
    }


def role_of(doc: Document, start: int, end: int) -> str:
    cues = _cues()
    if cues["speaker"].search(doc.text[max(0, start - 80) : start]):
        return "speaker_location"
    if doc.spacy is None:
        return "location"
    span = doc.spacy.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "location"
    root = span.root
    head = root.head
    if root.dep_ in SUBJECT_DEPS and head.lemma_ in cues["verbs"]:
        return "actor"
    if root.dep_ in {"nmod", "obl:arg"} and head.lemma_.lower() in cues["nouns"]:
        return "actor"
    return "location"
