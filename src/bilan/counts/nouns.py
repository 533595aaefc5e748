"""The counted noun of a number, its group, and the traps that are not counts of people.

The gate is positive: a number counts people only when the noun it quantifies names people
("26 civils", "deux Polonais"), says what happened to them ("Neuf morts", "50.000 déplacés"),
or when there is no noun at all ("plus de 50.000 ont fui", decided by the verb later). Ages,
durations, distances, money and objects fall out because their nouns are not people.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from bilan.counts.lexicon import CountLexicon
from bilan.counts.sentences import sentence_of
from bilan.model.vocab import Category, Group
from bilan.parsing import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

#: parts of speech a counted noun may carry (participles used as nouns: "50.000 déplacés")
_NOUNISH = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
#: tokens allowed between a number and its noun: "neuf autres personnes", "trois jeunes femmes"
_BETWEEN = frozenset(
    {
        "de",
        "d'",
        "d’",
        "autres",
        "autre",
        "jeunes",
        "jeune",
        "nouveaux",
        "nouvelles",
        "premiers",
        "premières",
        "derniers",
        "dernières",
    }
)


def word_keys(token: Token) -> set[str]:
    """Forms a lexicon may list for a token: lemma, text, singular and masculine forms."""
    lower = token.text.lower()
    keys = {token.lemma_.lower(), lower}
    for form in (lower, token.lemma_.lower()):
        base = form[:-1] if form.endswith(("s", "x")) and len(form) > 3 else form
        keys.add(base)
        if base.endswith("e") and len(base) > 3:
            keys.add(base[:-1])
    return keys


def lookup(token: Token, table: Mapping[str, T]) -> T | None:
    for key in sorted(word_keys(token)):
        if key in table:
            return table[key]
    return None


def is_in(token: Token, words: frozenset[str]) -> bool:
    return bool(word_keys(token) & words)


@dataclass(frozen=True)
class Counted:
    """What a number quantifies. ``noun`` is None for an elliptic number ("plus de 50.000 ont fui")."""

    noun: Token | None
    group: Group | None
    category: Category | None = None  # set when the noun says what happened ("morts")
    partitive: bool = False  # "7 des blessés", "deux d'entre eux": a part of people named before
    whole: bool = False  # "2 000 des 3 550 soldats": the partitive names the number of the whole


def _partitive_end(doc: Doc, i: int, lex: CountLexicon) -> int | None:
    """The token after a partitive marker starting at ``i`` ("des", "d'entre"), else None."""
    if i >= len(doc):
        return None
    if doc[i].lower_ in lex.partitive_markers:
        return i + 1
    if i + 1 < len(doc) and doc[i].lower_ + doc[i + 1].lower_ in lex.partitive_markers:
        return i + 2
    return None


def _is_number_word(token: Token) -> bool:
    """A token of a number expression: "31", "2,4", "millions"."""
    return token.like_num or token.pos_ == "NUM" or "Card" in token.morph.get("NumType", [])


def _partitive_noun_start(doc: Doc, number_span: Span, lex: CountLexicon) -> int | None:
    """ "7 des blessés", "22 des 31 drones", "1,7 million des 2,4 millions d'habitants": where the
    noun search resumes after the partitive (and the number of the whole), else None."""
    i = _partitive_end(doc, number_span.end, lex)
    if i is None:
        return None
    while i < len(doc) and (_is_number_word(doc[i]) or doc[i].lower_ in _BETWEEN):
        i += 1
    return i


def is_partitive_whole(number_span: Span, lex: CountLexicon) -> bool:
    """ "des 2,4 millions d'habitants" after "1,7 million": the whole a part is taken from."""
    doc = number_span.doc
    start = number_span.start
    for width in (1, 2):
        marker = start - width
        if marker < 1 or _partitive_end(doc, marker, lex) != start:
            continue
        if _is_number_word(doc[marker - 1]):
            return True
    return False


def find_noun(doc: Doc, number_span: Span, lex: CountLexicon) -> tuple[Token | None, bool]:
    """The noun after the number expression ("26 civils", "dizaines de milliers de personnes",
    "7 des blessés") and whether it is read through a partitive."""
    sent_end = sentence_of(number_span).end
    resume = _partitive_noun_start(doc, number_span, lex)
    i = number_span.end if resume is None else resume
    limit = i + 4
    while i < sent_end and i < limit:
        token = doc[i]
        if token.lower_ in _BETWEEN:
            i += 1
            continue
        if token.lower_ in lex.degree_adverbs:
            return None, False  # "dont trois grièvement": no noun
        if token.pos_ in _NOUNISH and not token.is_punct:
            return token, resume is not None
        if (
            lookup(token, lex.category_nouns) is not None
            or lookup(token, lex.person_nouns) is not None
        ):
            return token, resume is not None  # "des milliers de sans-abri" (a missed noun)
        return None, resume is not None
    return None, resume is not None


def _after_autres(noun: Token, number_span: Span) -> bool:
    """ "deux autres blessés": the group is the one of the count before."""
    return any(t.lower_ in {"autres", "autre"} for t in noun.doc[number_span.end : noun.i])


def group_of(token: Token, doc: Doc, lex: CountLexicon) -> Group | None:
    """The group a counted noun names, or None when it does not name people."""
    after = text_of(doc)[token.idx : token.idx + 60].lower()
    for phrase, phrase_group in lex.group_phrases:
        if after.startswith(phrase):
            return phrase_group
    group = lookup(token, lex.person_nouns)
    if group is None and lex.demonym.match(token.text):
        group = lex.demonym_group
    if group in (None, "people"):
        for child in token.children:
            if child.dep_ in {"amod", "acl"}:
                adjective = lookup(child, lex.group_adjectives)
                if adjective is not None:
                    return adjective  # type: ignore[return-value]
    return group  # type: ignore[return-value]


def is_trap(token: Token, lex: CountLexicon) -> bool:
    """Ages, durations, distances, money, votes, shares and objects ("56 ans", "40%")."""
    return is_in(token, lex.trap_nouns) or token.text in lex.trap_nouns


def counted(doc: Doc, number_span: Span, lex: CountLexicon) -> Counted | None:
    """The counted noun and its group; None when the number does not count people."""
    noun, partitive = find_noun(doc, number_span, lex)
    if noun is None:
        after = doc[number_span.end] if number_span.end < len(doc) else None
        if after is not None and (after.text in lex.trap_nouns or after.like_num) and not partitive:
            return None
        return Counted(None, None, partitive=partitive)
    if is_trap(noun, lex):
        return None
    category = lookup(noun, lex.category_nouns)
    group = group_of(noun, doc, lex)
    if category is None and group is None:
        if noun.pos_ in {"VERB", "ADJ"} and not partitive:
            return Counted(None, None)  # "plus de 50.000 ont fui": no noun, the verb decides
        return None
    if category is not None and group is None:
        group = _group_of_modifier(noun, doc, lex)
        if group is None and not _after_autres(noun, number_span):
            group = "people"
    whole = partitive and any(_is_number_word(t) for t in doc[number_span.end : noun.i])
    return Counted(noun, group, category, partitive, whole)  # type: ignore[arg-type]


def _group_of_modifier(noun: Token, doc: Doc, lex: CountLexicon) -> Group | None:
    """ "2 blessés parmi les soldats" / "morts civils": a group named next to a category noun."""
    for child in noun.children:
        if child.dep_ in {"amod", "nmod"}:
            group = lookup(child, lex.group_adjectives) or lookup(child, lex.person_nouns)
            if group is not None:
                return group  # type: ignore[return-value]
    return None
