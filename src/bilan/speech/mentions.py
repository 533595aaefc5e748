"""Person and organization mentions for the ``entities`` stage.

spaCy's NER gives PER and ORG names; its French model also tags many people as LOC or MISC
(Fawwaz al-Achaari, Sana), so a proper name that is the subject of a verb is kept too, and so are
subject noun phrases headed by a role or organization noun ("le patron des opérations
humanitaires de l'ONU Stephen O'Brien", "la porte-parole de la fédération"). Each mention carries
its role (apposition or title), kind, gender and number for pronoun resolution.
"""

from __future__ import annotations

from spacy.tokens import Doc

from bilan.model import EntityRef
from bilan.speech.lexicon import lexicon
from bilan.speech.phrases import entity, left_edge, name_runs, read_right, with_apposition

_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


def _candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    lex = lexicon()
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ in {"PER", "ORG"} or any(t.dep_ in _SUBJECTS for t in ent):
            start = left_edge(doc, ent.start, max(0, ent.start - 8))
            spans.append((start, max(ent.end, start + 1)))
    for start, end in name_runs(doc, 0, len(doc)):
        # names the NER missed ("Stephen O'Brien" as MISC), with the title before them
        if end - start >= 2 and doc[start].ent_type_ != "LOC":
            spans.append((_title_start(doc, start), end))
    for tok in doc:
        if tok.dep_ in _SUBJECTS and tok.pos_ == "NOUN":
            low = tok.lower_
            if lex.is_role(low) or lex.is_role(low.split("-")[0]) or lex.is_org_head(low):
                start = left_edge(doc, tok.i, max(0, tok.i - 6))
                spans.append((start, read_right(doc, start, min(len(doc), tok.i + 15))))
    return spans


def _title_start(doc: Doc, start: int) -> int:
    """Start of "le patron des opérations humanitaires | Stephen O'Brien" when a role noun
    stands just before the name."""
    lex = lexicon()
    k = start - 1
    floor = max(0, start - 8)
    while (
        k >= floor
        and doc[k].pos_ in {"NOUN", "ADJ", "ADP", "DET", "PROPN"}
        and doc[k].text not in {",", "."}
    ):
        if lex.is_role(doc[k].lower_) and (k == 0 or doc[k - 1].pos_ == "DET"):
            return k - 1 if k > 0 else k
        k -= 1
    return start


def find_mentions(doc: Doc) -> list[EntityRef]:
    """Mentions in text order; overlapping candidates keep the longest."""
    spans = sorted(set(_candidate_spans(doc)), key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[EntityRef] = []
    last_end = -1
    for start, end in spans:
        if start < last_end or end <= start:
            continue
        limit = min(len(doc), end + 25)
        ent = entity(doc, with_apposition(doc, start, end, limit))
        out.append(ent)
        last_end = end
    return out
