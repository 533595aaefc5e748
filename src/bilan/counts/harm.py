"""The author of an attack, read on the attack noun a count is told with.

A count often names no agent of its own ("17 morts dans des frappes russes", "28 civils tués
dans des bombardements des FSR", "une attaque attribuée à des jihadistes"): its perpetrator is
said by the attack noun (``harm_nouns`` in ``lang/fr/counts.yaml``) of its clause, through

- an adjective of the noun or of its "de" complements: "frappes russes", "tirs d'obus houthis",
  "frappes aériennes américaines et britanniques" (``perpetrator_adjectives``);
- a "de" complement naming an actor: a proper name, an actor noun ("l'armée", "des gangs") or a
  person noun of an armed group or security force ("des rebelles");
- "attribuée à X", "imputée à X" (``harm_attribution_verbs``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilan.counts.lexicon import CountLexicon
from bilan.counts.nouns import is_in, lookup

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_DE = frozenset({"de", "d'", "d’", "du", "des"})
_ACTOR_GROUPS = frozenset({"armed_groups", "security_forces"})
_MAX_DEPTH = 3


def is_harm(token: Token, lex: CountLexicon) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and is_in(token, lex.harm_nouns)


def _case(token: Token) -> str:
    return " ".join(c.lower_ for c in token.children if c.dep_ == "case")


def _is_actor(token: Token, lex: CountLexicon, places: frozenset[int]) -> bool:
    if token.idx in places:
        return False  # "l'attaque de Kharkiv": a place, not an author
    if token.pos_ == "PROPN" and token.text[:1].isupper():
        return True
    return is_in(token, lex.actor_nouns) or lookup(token, lex.person_nouns) in _ACTOR_GROUPS


def _adjectives(token: Token, lex: CountLexicon) -> Span | None:
    """ "russes", "américaines et britanniques": author adjectives with their conjuncts."""
    for child in token.children:
        if child.dep_ == "amod" and is_in(child, lex.perpetrator_adjectives):
            conj = [c for c in child.subtree if c.dep_ == "conj" and c.pos_ == "ADJ"]
            end = max([child.i, *[c.i for c in conj]])
            return token.doc[child.i : end + 1]
    return None


def _attributed(token: Token, lex: CountLexicon) -> Token | None:
    """ "une attaque attribuée à des jihadistes" → jihadistes."""
    for child in token.children:
        if child.dep_ in {"acl", "amod"} and is_in(child, lex.harm_attribution_verbs):
            for target in child.children:
                if target.dep_.startswith("obl") and "à" in _case(target).split():
                    return target
    return None


def harm_actor(noun: Token, lex: CountLexicon, places: frozenset[int]) -> Span | Token | None:
    """The author named on an attack noun, or None."""
    frontier = [noun]
    for _ in range(_MAX_DEPTH):
        following: list[Token] = []
        for token in frontier:
            adjectives = _adjectives(token, lex)
            if adjectives is not None:
                return adjectives
            attributed = _attributed(token, lex)
            if attributed is not None:
                return attributed
            for child in token.children:
                if (
                    child.dep_ != "nmod"
                    or child.i < token.i
                    or not (set(_case(child).split()) & _DE)
                ):
                    continue
                if _is_actor(child, lex, places):
                    return child
                following.append(child)  # "tirs d'obus houthis": look one complement further
        frontier = following
    return None


def harm_nouns_of(
    head: Token | None, anchor: Token, sentence: Span, lex: CountLexicon
) -> list[Token]:
    """Attack nouns of a count's clause: the governing word's complements and subject, the counted
    noun's complements, then any attack noun of the sentence (titles: "12 morts dans des
    frappes russes")."""
    near: list[Token] = []
    for word in (head, anchor):
        if word is None:
            continue
        near += [c for c in word.children if is_harm(c, lex)]
        near += [c for c in word.subtree if c.dep_ == "conj" and is_harm(c, lex) and c not in near]
    rest = [t for t in sentence if is_harm(t, lex) and t not in near]
    return near + rest
