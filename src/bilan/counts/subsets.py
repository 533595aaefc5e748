"""Subsets and splits: which count is part of which (``part_of``), and what gapped counts inherit.

- "300 civils, dont 33 enfants", "parmi eux 4 femmes", "notamment": the subset belongs to the
  previous count of the sentence and shares its category;
- enumerations: "Quatre personnes ont été arrêtées ; il s'agit de deux Polonais et de deux
  Russes", "2 blessés légers (un pompier …)": each item belongs to the count it spells out;
- splits of a restated total: "sur les 50.000 déplacés, plus de 20.000 … et 30.000 …";
- gapping: "… à Alep-Ouest et 30.000 dans l'enclave" (no verb of its own): the count takes the
  category, group and parent of the count before it;
- sums: counts of one sentence that add up to an earlier count ("147 passagers et 6 membres
  d'équipage" = "153 personnes") are its parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bilan.counts.category import Predicate
from bilan.counts.lexicon import CountLexicon
from bilan.counts.nouns import Counted
from bilan.counts.sentences import sentence_of
from bilan.model.vocab import Category, Group
from bilan.parsing import text_of

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass
class Candidate:
    """A number that may count people, while the stage decides (mutable on purpose)."""

    span: Span  # the number expression ("au moins 26", "une fillette"'s "une")
    start: int
    end: int  # end of the evidence (the counted noun when there is one)
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    counted: Counted
    predicate: Predicate | None
    category: Category | None = None
    group: Group | None = None
    parent: int | None = None  # index into the kept list
    relation: str | None = None  # subset | enumeration | split | gapping | sum
    is_base: bool = False
    children: list[int] = field(default_factory=list)


def _before(cand: Candidate, width: int = 45) -> str:
    sent = sentence_of(cand.span)
    text = text_of(cand.span.doc)
    return text[max(sent.start_char, cand.start - width) : cand.start]


def _has_verb_after(cand: Candidate) -> bool:
    """Whether the count's own segment (up to the next comma/"et") has a verb."""
    doc = cand.span.doc
    for token in doc[cand.span.end : sentence_of(cand.span).end]:
        if token.is_punct or token.lower_ in {"et", "ou"}:
            return False
        if token.pos_ == "VERB":
            return True
    return False


def attach(cand: Candidate, kept: list[Candidate], lex: CountLexicon) -> None:
    """Set parent, relation and inherited category/group of ``cand`` from earlier counts."""
    same_sentence = [i for i, k in enumerate(kept) if sentence_of(k.span) == sentence_of(cand.span)]
    before = _before(cand)
    if lex.split_base.search(before):
        cand.is_base = True
    if not same_sentence and kept and any(p.search(before) for p in lex.enumeration_openers):
        previous = kept[-1]
        text = text_of(cand.span.doc)
        if "\n" not in text[previous.end : cand.start] and _adjacent(previous.span, cand.span):
            _link(cand, kept, len(kept) - 1, "enumeration")  # "… arrêtées ; il s'agit de …"
        return
    if not same_sentence:
        return
    last = same_sentence[-1]
    prev = kept[last]
    if any(p.search(before) for p in lex.subset_openers):
        roots = [i for i in same_sentence if kept[i].relation not in {"subset", "enumeration"}]
        _link(cand, kept, roots[-1] if roots else last, "subset")
    elif any(p.search(before) for p in lex.enumeration_openers):
        _link(cand, kept, last, "enumeration")
    elif prev.relation in {"enumeration", "split"} and lex.gapping_joiner.search(before):
        _link(cand, kept, prev.parent if prev.parent is not None else last, prev.relation)
        if cand.predicate is None:
            cand.category = cand.category or prev.category
        cand.group = cand.group or prev.group
    elif (
        cand.counted.noun is None
        and cand.predicate is None
        and lex.gapping_joiner.search(before)
        and not _has_verb_after(cand)
    ):
        cand.relation = "gapping"
        cand.parent = prev.parent
        cand.category = cand.category or prev.category
        cand.group = cand.group or prev.group
        if prev.parent is not None:
            kept[prev.parent].children.append(len(kept))
    bases = [i for i in same_sentence if kept[i].is_base]
    if cand.parent is None and bases and cand.relation is None:
        _link(cand, kept, bases[-1], "split")


def _adjacent(first: Span, second: Span) -> bool:
    """Whether ``second`` is in the sentence right after ``first``'s."""
    return sentence_of(first).end == sentence_of(second).start


def _own_clause(cand: Candidate, parent: Candidate) -> bool:
    """ "26 453 sinistrés, dont 12 105 ont trouvé refuge": the subset has a verb of its own."""
    own, theirs = cand.predicate, parent.predicate
    return (
        own is not None
        and own.via in {"verb", "idiom", "state"}
        and own.head is not None
        and (theirs is None or own.head != theirs.head)
    )


def _link(cand: Candidate, kept: list[Candidate], parent: int, relation: str) -> None:
    cand.parent = parent
    cand.relation = relation
    inherits = relation in {"subset", "enumeration"} and kept[parent].category is not None
    if inherits and not _own_clause(cand, kept[parent]):
        cand.category = kept[parent].category
    kept[parent].children.append(len(kept))


def _refers_back(cand: Candidate) -> bool:
    """ "Parmi les morts figurent …", "7 des blessés": a part of victims counted before."""
    via = cand.predicate.via if cand.predicate is not None else None
    return via == "among" or (cand.counted.partitive and cand.counted.category is not None)


def link_back(cand: Candidate, kept: list[Candidate]) -> None:
    """Link a part of earlier victims ("Parmi les blessés, trois …") to the last total of its
    category."""
    if cand.parent is not None or cand.category is None or not _refers_back(cand):
        return
    for j in range(len(kept) - 1, -1, -1):
        earlier = kept[j]
        if earlier.category == cand.category and earlier.relation not in {"subset", "enumeration"}:
            _link(cand, kept, j, "subset")
            return


def link_sums(kept: list[Candidate]) -> None:
    """Counts of one sentence that add up to an earlier count become its parts."""
    by_sentence: dict[int, list[int]] = {}
    for i, cand in enumerate(kept):
        by_sentence.setdefault(sentence_of(cand.span).start, []).append(i)
    for members in by_sentence.values():
        free = [i for i in members if kept[i].parent is None and kept[i].value is not None]
        if len(free) < 2:
            continue
        total = sum(kept[i].value or 0 for i in free)
        first = min(free)
        for j in range(first - 1, -1, -1):
            earlier = kept[j]
            if earlier.value == total and earlier.category in {kept[first].category, "population"}:
                for i in free:
                    kept[i].parent = j
                    kept[i].relation = "sum"
                    earlier.children.append(i)
                break
