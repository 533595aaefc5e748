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


def find_noun(doc: Doc, number_span: Span, lex: CountLexicon) -> Token | None:
    """The noun right after the number expression ("26 civils", "dizaines de milliers de personnes")."""
    sent_end = sentence_of(number_span).end
    i = number_span.end
    while i < sent_end and i < number_span.end + 4:
        token = doc[i]
        if token.lower_ in _BETWEEN:
            i += 1
            continue
        if token.pos_ in _NOUNISH and not token.is_punct:
            return token
        if (
            lookup(token, lex.category_nouns) is not None
            or lookup(token, lex.person_nouns) is not None
        ):
            return token  # "des milliers de sans-abri" when the tagger misses the noun
        return None
    return None


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
    noun = find_noun(doc, number_span, lex)
    if noun is None:
        after = doc[number_span.end] if number_span.end < len(doc) else None
        if after is not None and (after.text in lex.trap_nouns or after.like_num):
            return None
        return Counted(None, None)
    if is_trap(noun, lex):
        return None
    category = lookup(noun, lex.category_nouns)
    group = group_of(noun, doc, lex)
    if category is None and group is None:
        if noun.pos_ in {"VERB", "ADJ"}:
            return Counted(None, None)  # "plus de 50.000 ont fui": no noun, the verb decides
        return None
    if category is not None and group is None:
        group = _group_of_modifier(noun, doc, lex)
        if group is None and not _after_autres(noun, number_span):
            group = "people"
    return Counted(noun, group, category)  # type: ignore[arg-type]


def _group_of_modifier(noun: Token, doc: Doc, lex: CountLexicon) -> Group | None:
    """ "2 blessés parmi les soldats" / "morts civils": a group named next to a category noun."""
    for child in noun.children:
        if child.dep_ in {"amod", "nmod"}:
            group = lookup(child, lex.group_adjectives) or lookup(child, lex.person_nouns)
            if group is not None:
                return group  # type: ignore[return-value]
    return None
