"""Who did it and how: perpetrator, cause and hedging of a count, from its predicate.

- the agent of a passive ("tués par les rebelles"), the subject of an active verb ("les rebelles
  ont tué au moins 48 civils"), the "par" complement of an event noun ("l'exécution, jeudi, par
  les rebelles, de 28 soldats");
- when that agent is a weapon or a disaster ("par des tirs d'artillerie du régime"), it is the
  cause and its "de" complement the perpetrator; otherwise the nearest cause word of the sentence;
- hedging: a conditional verb ("auraient été blessées") or a hedging adverb ("n'a apparemment
  survécu") in the count's clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from bilan.counts.category import Predicate
from bilan.counts.harm import harm_actor, harm_nouns_of, is_harm
from bilan.counts.lexicon import CountLexicon
from bilan.model import EntityRef, Evidence
from bilan.parsing import text_of

if TYPE_CHECKING:
    from spacy.tokens import Span

_MAX_ACTOR_TOKENS = 8
#: categories whose author an attack noun of the clause may name
VIOLENT = frozenset({"killed", "injured", "kidnapped", "missing", "displaced"})
#: indefinite determiners dropped from an actor's words (names compare without them)
_INDEFINITE = frozenset({"des", "un", "une", "de", "d'", "d’"})


def cause_of_text(text: str, lex: CountLexicon) -> str | None:
    for pattern, cause in lex.causes:
        if pattern.search(text):
            return cause
    return None


def _phrase(token: Token) -> Span:
    """The words of an actor: its subtree when short, else the token with its modifiers."""
    doc = token.doc
    subtree = doc[token.left_edge.i : token.right_edge.i + 1]
    if len(subtree) <= _MAX_ACTOR_TOKENS:
        return subtree
    keep = [t.i for t in token.children if t.dep_ in {"case", "det", "amod", "flat:name"}]
    start = min([token.i, *keep])
    end = max([token.i, *[k for k in keep if k > token.i]])
    return doc[start : end + 1]


def _entity(span: Span) -> EntityRef:
    if len(span) > 1 and span[0].pos_ == "ADP" and span[0].dep_ == "case":
        span = span[1:]  # "par les assaillants" → "les assaillants"
    if len(span) > 1 and span[0].pos_ == "DET" and span[0].lower_ in _INDEFINITE:
        span = span[1:]  # "des partisans radicaux" → "partisans radicaux"
    text = text_of(span.doc)
    return EntityRef(
        text=span.text, evidence=Evidence.of(text, span.start_char, span.end_char), kind="group"
    )


def _is_gerund(verb: Token) -> bool:
    """ "a ouvert le feu, tuant deux élèves": a present participle whose subject is its head's."""
    return "Part" in verb.morph.get("VerbForm", []) and "Pres" in verb.morph.get("Tense", [])


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with ("ont envahi … et pris"), or
    of the clause a present participle hangs on ("a ouvert le feu, tuant …")."""
    upper = verb.dep_ == "conj" or (verb.dep_ in {"advcl", "acl"} and _is_gerund(verb))
    for candidate in (verb, verb.head if upper else None):
        if candidate is None:
            continue
        for child in candidate.children:
            if child.dep_ == "nsubj" and child.pos_ in {"NOUN", "PROPN"} and child.is_alpha:
                return child
    return None


def _par_between(head: Token, count_token: Token) -> Token | None:
    """ "l'exécution, jeudi, par les rebelles, de 28 soldats": "par X" between noun and count."""
    doc = head.doc
    for i in range(head.i + 1, count_token.i - 1):
        if doc[i].lower_ == "par":
            for j in range(i + 1, min(i + 4, count_token.i)):
                if doc[j].pos_ in {"NOUN", "PROPN"}:
                    return doc[j]
    return None


def _agent_token(pred: Predicate, count_token: Token) -> Token | None:
    head = pred.head
    if head is None:
        return None
    if pred.via == "event_noun" and head.i < count_token.i:
        return _par_between(head, count_token)
    for child in head.children:
        if child.dep_ == "obl:agent" or (
            child.dep_.startswith(("obl", "nmod"))
            and any(c.dep_ == "case" and c.lower_ == "par" for c in child.children)
        ):
            return child
    if head.pos_ == "VERB" and count_token.dep_ in {"obj", "obl:arg"}:
        return _subject(head)
    return None


def _as_ref(found: Span | Token) -> EntityRef:
    """An author read on an attack noun: adjectives as written, a noun with its phrase."""
    if isinstance(found, Token):
        return _entity(_phrase(found))
    return _entity(found)


def agents(
    pred: Predicate,
    count_token: Token,
    sentence: Span,
    lex: CountLexicon,
    places: frozenset[int] = frozenset(),
) -> tuple[EntityRef | None, str | None]:
    """(perpetrator, cause) of a count."""
    agent = _agent_token(pred, count_token)
    perpetrator: EntityRef | None = None
    cause: str | None = None
    if agent is not None:
        cause = cause_of_text(agent.doc[agent.left_edge.i : agent.right_edge.i + 1].text, lex)
        if cause is None and not is_harm(agent, lex):
            perpetrator = _entity(_phrase(agent))
        else:
            actor = harm_actor(agent, lex, places)  # "par des tirs d'artillerie du régime"
            perpetrator = _as_ref(actor) if actor is not None else None
    if perpetrator is None and pred.category in VIOLENT:
        for noun in harm_nouns_of(pred.head, count_token, sentence, lex):
            actor = harm_actor(noun, lex, places)
            if actor is not None:
                perpetrator = _as_ref(actor)
                break
    if cause is None:
        cause = cause_of_text(sentence.text, lex)
    return perpetrator, cause


def is_hedged(pred: Predicate, lex: CountLexicon) -> bool:
    head = pred.head
    if head is None:
        return False
    words = [head, *head.children]
    if head.dep_ in {"acl", "amod", "xcomp"}:
        words += [head.head, *head.head.children]
    for word in words:
        if "Cnd" in word.morph.get("Mood", []) and word.pos_ in {"AUX", "VERB"}:
            return True
        if word.lower_ in lex.hedge_adverbs:
            return True
    clause = head.doc[head.left_edge.i : head.right_edge.i + 1].text
    return any(p.search(clause) for p in lex.hedge_phrases)
