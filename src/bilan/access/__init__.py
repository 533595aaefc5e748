"""Besieged or trapped populations and humanitarian access, as typed facts (issue 12).

- :mod:`bilan.access.lexicon`: the cues and word lists of ``lang/fr/access.yaml``.
- :mod:`bilan.access.cues`: spaCy Matcher over the cues, with their context checks.
- :mod:`bilan.access.roles`: the fact's status and actor, read off the parse.
- :mod:`bilan.access.build`: place, period, source and counts; the :class:`AccessFact`.

The stage :mod:`bilan.stages.access` runs :func:`build_access` after ``counts``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilan.access.build import build_fact, context
from bilan.access.cues import Cue, build_matcher, find_cues
from bilan.access.lexicon import AccessLexicon, lexicon
from bilan.model import AccessFact, Document

if TYPE_CHECKING:
    from spacy.matcher import Matcher

__all__ = ["AccessLexicon", "Cue", "build_access", "build_matcher", "find_cues", "lexicon"]


def build_access(doc: Document, matcher: Matcher) -> list[AccessFact]:
    """Every access fact of ``doc`` (requires its parse, places, dates, attributions, counts)."""
    if doc.spacy is None:
        return []
    lex = lexicon()
    cues = find_cues(doc.spacy, matcher, lex)
    if not cues:
        return []
    ctx = context(doc, lex)
    starts = [c.span.start_char for c in cues[1:]] + [len(doc.text)]
    return [build_fact(i + 1, cue, ctx, starts[i]) for i, cue in enumerate(cues)]
