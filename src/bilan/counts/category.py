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
    via: str  # noun | modifier | event_noun | verb | idiom | state | among | phrase | left | scan


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
    if dep in _SUBJECT or _bare_oblique_subject(anchor, verb):
        return "agent"
    if dep in _OBJECT:
        return "object"
    return "oblique" if dep in _OBLIQUE else "other"


def _bare_oblique_subject(anchor: Token, verb: Token) -> bool:
    """ "Au moins huit pêcheurs, dont deux adolescents, ont péri": a subject the parser took for
    an oblique (no preposition, before the verb)."""
    return (
        anchor.dep_ in _OBLIQUE
        and anchor.i < verb.i
        and anchor.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}
        and not any(c.dep_ == "case" for c in anchor.children)
        and not any(c.dep_ in {"nsubj", "nsubj:pass"} and c.i < anchor.i for c in verb.children)
    )


def _argument(anchor: Token, span: Span) -> Token:
    """Climb over coordination, apposition and the number's own words to the argument token."""
    token = anchor
    for _ in range(6):
        head = token.head
        if head is token:
            break
        if token.dep_ == "conj" and head.pos_ in {"VERB", "AUX"} and token.pos_ != "VERB":
            break  # a count parsed as a conjunct of the previous clause's verb: its own clause
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
    wanted = {
        "subject": {"subject", "agent"},
        "object": {"object"},
        "oblique": {"oblique", "object"},  # "a coûté la vie à 12 personnes" (obl:arg)
    }
    roles = {role}
    if role == "subject" and _is_passive(verb):
        roles.add("object")  # "8 personnes ont été placées en garde à vue": the active's object
    for idiom in lex.idioms:
        if verb.lemma_.lower() != idiom.verb:
            continue
        if not any(is_in(c, frozenset({idiom.object})) for c in children):
            continue
        if roles & wanted[idiom.victim]:
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
    controls = role == "object" and verb.lemma_.lower() in lex.control_verbs
    for candidate in (verb, *[c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]):
        # "ont poussé des milliers de villageois à fuir": the object is the one who flees
        as_role = "subject" if controls and candidate != verb else role
        idiom = _idiom_category(candidate, anchor, as_role, lex)
        if idiom is not None:
            return Predicate(idiom, candidate, "idiom")
        category = _verb_category(candidate, as_role, lex)
        if category is not None:
            return Predicate(category, candidate, "verb")
    if role != "oblique" and verb.lemma_.lower() in lex.membership_verbs:
        among = _among_victims(verb, lex)  # "Parmi les morts figurent trois policiers" (inverted)
        if among is not None:
            return Predicate(among, verb, "among")
    transfer = _abduction_transfer(verb, role, lex)
    if transfer is not None:
        return transfer
    if role in {"subject", "agent"} and verb.pos_ in {"ADJ", "NOUN"}:
        own = lookup(verb, lex.state_adjectives)  # "9 mineurs sont morts", "sont blessés"
        if own is not None:
            return Predicate(own, verb, "state")
    if role in {"subject", "agent"} and verb.lemma_.lower() not in lex.agentive_verbs:
        state = _state_category(verb, lex)
        if state is not None:
            return Predicate(state, verb, "state")
    return None


def _abduction_transfer(verb: Token, role: str, lex: CountLexicon) -> Predicate | None:
    """ "cinq villageois ont été emmenés" right after an abduction is told: kidnapped."""
    if verb.lemma_.lower() not in lex.abduction_transfer_verbs:
        return None
    if not (role == "object" or (role == "subject" and _is_passive(verb))):
        return None
    doc = verb.doc
    start = sentence_of(verb).start
    for _ in range(2):  # the verb's sentence and the two before it
        if start > 0:
            start = sentence_of(doc[start - 1]).start
    for token in doc[start : verb.i]:
        told = (
            lookup(token, lex.category_verbs)
            if token.pos_ in {"VERB", "ADJ"}
            else lookup(token, lex.event_nouns) or lookup(token, lex.category_nouns)
        )
        if told == "kidnapped":
            return Predicate("kidnapped", verb, "verb")
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


def _agrees(participle: Token, noun: Token) -> bool:
    number = participle.morph.get("Number", [])
    return bool(number) and number == noun.morph.get("Number", [])


def _participles(noun: Token) -> list[Token]:
    """Participles on the noun, or on its "de" complement when they agree with the noun and not
    with the complement ("une vingtaine de fidèles d'une église enlevés")."""
    found = [c for c in noun.children if c.dep_ in {"acl", "amod"} and c.i > noun.i]
    for nmod in noun.children:
        if nmod.dep_ != "nmod" or nmod.i < noun.i:
            continue
        for child in nmod.children:
            on_noun = _agrees(child, noun) and not _agrees(child, nmod)
            if child.dep_ in {"acl", "amod"} and child.i > nmod.i and on_noun:
                found.append(child)
    return found


def _on_noun(noun: Token, span: Span, lex: CountLexicon) -> Predicate | None:
    for child in _participles(noun):
        category = lookup(child, lex.category_verbs) or lookup(child, lex.state_adjectives)
        if category is not None:
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
    for i in range(anchor.i + 1, min(len(doc), anchor.i + 16)):
        token = doc[i]
        if token.text in {";", ":", ".", "!", "?"} or token.lower_ in {"qui", "que", "qu'", "qu’"}:
            return None
        if "\n" in doc[i - 1].whitespace_ + token.text:
            return None  # the parser's sentence may end without a stop: the clause goes on
        if token.pos_ == "VERB":
            role = "subject" if _is_passive(token) else "agent"
            found = _idiom_category(token, anchor, role, lex) or _verb_category(token, role, lex)
            return Predicate(found, token, "scan") if found else None
    return None


def _crosses_conj(anchor: Token, argument: Token) -> bool:
    token = anchor
    while token != argument and token.head != token:
        if token.dep_ == "conj":
            return True
        token = token.head
    return False


def number_anchor(span: Span) -> Token:
    """The token of a number without noun that carries its role: "2 100" may be parsed as a
    subject "2" and an object "100"; the subject wins, else the last token attached outside."""
    outside = [t for t in span if not (span.start <= t.head.i < span.end)]
    subjects = [t for t in outside if t.dep_ in _SUBJECT or t.dep_ == "nsubj:pass"]
    if subjects:
        return subjects[0]
    return outside[-1] if outside else span[-1]


def predicate_of(counted: Counted, span: Span, lex: CountLexicon) -> Predicate | None:
    """The category of a count, or None when nothing in its clause says what happened."""
    anchor = counted.noun if counted.noun is not None else number_anchor(span)
    if counted.noun is not None and not counted.whole:  # "2 000 des 3 550 soldats présents"
        on_noun = _on_noun(counted.noun, span, lex)
        if on_noun is not None and counted.category is None:
            return on_noun
    argument = _argument(anchor, span)
    head = argument.head
    if _crosses_conj(anchor, argument):
        left = _left_verb(span, lex)  # "tuant trois fidèles et blessant deux autres personnes"
        if left is not None and left.head is not None and left.head.i > argument.i:
            return left
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
    present = any(p.match(after) for p in lex.population_phrases)
    if counted.noun is not None and present and not counted.whole:
        return Predicate("population", counted.noun, "phrase")
    if head.pos_ not in {"VERB", "AUX", "NOUN", "PROPN"} or argument.dep_ in {"ROOT", "conj"}:
        return _scan_right(anchor, span, lex)
    return None
