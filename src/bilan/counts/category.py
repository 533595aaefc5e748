"""What happened to the people counted, read from the dependency parse.

:func:`predicate_of` climbs from the counted noun (or the bare number) to the word that governs
it and checks, in order: the noun itself ("Neuf morts"), a participle on the noun ("deux
militaires tués"), an event noun ("la mort de neuf personnes"), the governing verb with the
count's role (passive subject or object of "tuer", subject of "mourir"/"fuir", never the active
subject of "tuer"), verb + object idioms ("ont perdu la vie", "pris … en otages"), state
adjectives ("retrouvé mort"), population phrases ("à bord"). When the parse attaches the count
nowhere useful, a cue verb right before the number ("ont été évacuées plus de 80 000 personnes")
or the first verb of the clause after it is read instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilan.counts.lexicon import CountLexicon
from bilan.counts.nouns import Counted, is_in, lookup
from bilan.counts.sentences import sentence_of
from bilan.model.vocab import Category
from bilan.parsing import text_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SUBJECT = frozenset({"nsubj", "nsubj:pass", "csubj"})
_OBJECT = frozenset({"obj", "obl:arg", "iobj", "xcomp"})
_OBLIQUE = frozenset({"obl", "obl:mod", "obl:arg", "iobj"})
_CLIMB = frozenset({"conj", "appos", "flat", "flat:name", "fixed", "nummod", "det", "amod"})


@dataclass(frozen=True)
class Predicate:
    """The category of a count and the word that says it."""

    category: Category
    head: Token | None  # the verb or noun that carries the category (for hedging, agents, places)
    via: str  # noun | modifier | event_noun | verb | idiom | state | phrase | left | scan


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"aux:pass", "expl:pass"} for c in verb.children) or (
        "Pass" in verb.morph.get("Voice", [])
    )


def _is_reflexive(verb: Token) -> bool:
    return any(c.dep_.startswith("expl") and c.lower_ in {"se", "s'", "s’"} for c in verb.children)


def _role(anchor: Token, verb: Token) -> str:
    """subject (victim of a passive or intransitive), agent (active subject), object, oblique."""
    dep = anchor.dep_
    if dep == "nsubj:pass" or (dep in _SUBJECT and (_is_passive(verb) or _is_reflexive(verb))):
        return "subject"
    if dep in _SUBJECT:
        return "agent"
    if dep in _OBJECT:
        return "object"
    return "oblique" if dep in _OBLIQUE else "other"


def _argument(anchor: Token, span: Span) -> Token:
    """Climb over coordination, apposition and the number's own words to the argument token."""
    token = anchor
    for _ in range(6):
        head = token.head
        if head is token:
            break
        if token.dep_ in _CLIMB or (token.dep_ == "nmod" and span.start <= head.i < span.end):
            token = head
            continue
        break
    return token


def _verb_category(verb: Token, role: str, lex: CountLexicon) -> Category | None:
    category = lookup(verb, lex.category_verbs)
    if category is None:
        return None
    lemma = verb.lemma_.lower()
    if role == "subject" or (role == "agent" and lemma in lex.intransitive_verbs):
        return category  # type: ignore[return-value]
    if role == "object" and lemma in lex.agentive_verbs:
        return category  # type: ignore[return-value]
    if role == "agent" and lemma not in lex.agentive_verbs:
        return category  # type: ignore[return-value]
    return None


def _idiom_category(verb: Token, anchor: Token, role: str, lex: CountLexicon) -> Category | None:
    deps = {"obj", "obl", "obl:arg", "obl:mod", "xcomp", "nmod"}
    children = [c for c in (*verb.children, *anchor.children) if c.dep_ in deps]
    for idiom in lex.idioms:
        if verb.lemma_.lower() != idiom.verb:
            continue
        if not any(is_in(c, frozenset({idiom.object})) for c in children):
            continue
        wanted = {
            "subject": {"subject", "agent"},
            "object": {"object"},
            "oblique": {"oblique", "object"},  # "a coûté la vie à 12 personnes" (obl:arg)
        }
        if role in wanted[idiom.victim]:
            return idiom.category
    return None


def _state_category(verb: Token, lex: CountLexicon) -> Category | None:
    for child in verb.children:
        if child.dep_ in {"xcomp", "acl", "amod", "advmod", "obl:mod"} and child.i > verb.i:
            category = lookup(child, lex.state_adjectives)
            if category is not None:
                return category  # type: ignore[return-value]
    return None


def _from_verb(anchor: Token, verb: Token, lex: CountLexicon) -> Predicate | None:
    role = _role(anchor, verb)
    for candidate in (verb, *[c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]):
        idiom = _idiom_category(candidate, anchor, role, lex)
        if idiom is not None:
            return Predicate(idiom, candidate, "idiom")
        category = _verb_category(candidate, role, lex)
        if category is not None:
            return Predicate(category, candidate, "verb")
    if role in {"subject", "agent"} and verb.lemma_.lower() in lex.membership_verbs:
        among = _among_victims(verb, lex)
        if among is not None:
            return Predicate(among, verb, "verb")
    if role in {"subject", "agent"} and verb.pos_ in {"ADJ", "NOUN"}:
        own = lookup(verb, lex.state_adjectives)  # "9 mineurs sont morts", "sont blessés"
        if own is not None:
            return Predicate(own, verb, "state")
    if role in {"subject", "agent"} and verb.lemma_.lower() not in lex.agentive_verbs:
        state = _state_category(verb, lex)
        if state is not None:
            return Predicate(state, verb, "state")
    return None


def _among_victims(verb: Token, lex: CountLexicon) -> Category | None:
    """ "Cinq enfants figurent parmi les victimes": the category of the "parmi" complement."""
    for child in verb.children:
        if any(c.dep_ == "case" and c.lower_ == "parmi" for c in child.children):
            return lookup(child, lex.category_nouns)
    return None


def _acts_as_verb(token: Token) -> bool:
    """A predicate the tagger called a noun: "Le pays compte …", "sont morts"."""
    return token.pos_ == "NOUN" and any(
        c.dep_ in {"nsubj", "nsubj:pass", "aux", "aux:pass", "aux:tense", "cop"}
        for c in token.children
    )


def _on_noun(noun: Token, span: Span, lex: CountLexicon) -> Predicate | None:
    for child in noun.children:
        if child.dep_ in {"acl", "amod", "acl:relcl"} and child.i > noun.i:
            category = lookup(child, lex.category_verbs) or lookup(child, lex.state_adjectives)
            if category is not None and child.dep_ != "acl:relcl":
                return Predicate(category, child, "modifier")  # type: ignore[arg-type]
    head = noun.head
    if noun.dep_ == "nmod" and head.i < noun.i:
        category = lookup(head, lex.event_nouns)
        if category is not None:
            return Predicate(category, head, "event_noun")  # type: ignore[arg-type]
    return _event_noun_before(noun, span, lex)


def _event_noun_before(noun: Token, span: Span, lex: CountLexicon) -> Predicate | None:
    """ "le corps sans vie d'une fillette", "l'exécution, jeudi, par les rebelles, de 28
    soldats": an event noun before the "de" complement the parse attached elsewhere."""
    doc = noun.doc
    i = min(span.start, noun.i) - 1
    if i < 0 or doc[i].lower_ not in {"de", "d'", "d’", "des", "du"}:
        return None
    for j in range(i - 1, max(sentence_of(noun).start, i - 10) - 1, -1):
        token = doc[j]
        if token.pos_ in {"VERB", "AUX"} or token.text in {";", ":", "."}:
            return None
        if token.pos_ == "NOUN":
            category = lookup(token, lex.event_nouns)
            if category is not None:
                return Predicate(category, token, "event_noun")  # type: ignore[arg-type]
    return None


def _left_verb(span: Span, lex: CountLexicon) -> Predicate | None:
    """ "ont été évacuées plus de 80 000 personnes", "pour ravitailler plusieurs … personnes"."""
    doc = span.doc
    for i in range(span.start - 1, max(sentence_of(span).start, span.start - 3) - 1, -1):
        token = doc[i]
        if token.pos_ in {"VERB", "ADJ", "NOUN"}:  # infinitives are sometimes tagged NOUN
            category = lookup(token, lex.category_verbs)
            if category is not None and token.lemma_.lower() in lex.agentive_verbs:
                return Predicate(category, token, "left")  # type: ignore[arg-type]
            return None
        if token.is_punct:
            return None
    return None


def _scan_right(anchor: Token, span: Span, lex: CountLexicon) -> Predicate | None:
    """The first verb of the clause after a count the parse left unattached."""
    doc = anchor.doc
    for i in range(anchor.i + 1, min(sentence_of(anchor).end, anchor.i + 16)):
        token = doc[i]
        if token.text in {";", ":", "."} or token.lower_ in {"qui", "que", "qu'", "qu’"}:
            return None
        if token.pos_ == "VERB":
            category = lookup(token, lex.category_verbs)
            if category is None:
                return None
            role = "subject" if _is_passive(token) else "agent"
            found = _verb_category(token, role, lex)
            return Predicate(found, token, "scan") if found else None
    return None


def predicate_of(counted: Counted, span: Span, lex: CountLexicon) -> Predicate | None:
    """The category of a count, or None when nothing in its clause says what happened."""
    anchor = counted.noun if counted.noun is not None else span[-1]
    if counted.noun is not None:
        on_noun = _on_noun(counted.noun, span, lex)
        if on_noun is not None and counted.category is None:
            return on_noun
    argument = _argument(anchor, span)
    head = argument.head
    from_verb = None
    if head is not argument and (head.pos_ in {"VERB", "AUX", "ADJ"} or _acts_as_verb(head)):
        from_verb = _from_verb(argument, head, lex)
        if (
            from_verb is None
            and _role(argument, head) == "agent"
            and head.lemma_.lower() in lex.agentive_verbs
        ):
            return None  # "les rebelles ont tué …": the active subject of "tuer" is no victim
    if counted.category is not None:
        return Predicate(counted.category, from_verb.head if from_verb else counted.noun, "noun")
    if from_verb is not None:
        return from_verb
    left = _left_verb(span, lex)
    if left is not None:
        return left
    after = text_of(anchor.doc)[anchor.idx + len(anchor.text) : anchor.idx + 80]
    if counted.noun is not None and any(p.match(after) for p in lex.population_phrases):
        return Predicate("population", counted.noun, "phrase")
    if head.pos_ not in {"VERB", "AUX", "NOUN", "PROPN"} or argument.dep_ == "ROOT":
        return _scan_right(anchor, span, lex)
    return None
