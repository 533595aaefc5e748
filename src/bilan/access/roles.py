"""What the parse says around a cue: the fact's status and who acts.

Status: the cue's own words and modifiers ("convoi bloqué"), then its governors up the parse
(nearest first, within its sentence). A request or a refusal anywhere above decides ("appelant le
gouvernement à autoriser un tel déploiement" is requested, "a refusé l'accès" denied); otherwise
the nearest word of readiness, delivery or permission does, turned into a refusal when negated
("n'ont pas pu accéder") and into a request when it is only a purpose ("pour permettre l'accès").
Sieges and trapped people keep their cue's status (a request to lift a siege is requested).

Actor: for a request, who is asked ("appelant le gouvernement syrien à …"); otherwise the agent of
the deciding word ("L'ONU a pré-positionné", "refusé par le régime", "assiégée par les forces du
régime", "sous le siège des forces gouvernementales"). Pronouns are no actor (no coreference).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilan.access.cues import Cue
from bilan.access.lexicon import AccessLexicon
from bilan.counts.nouns import word_keys

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: how far up the parse a cue's status may be decided
MAX_GOVERNORS = 6
#: modifiers of a cue word that may carry its status ("convoi bloqué", "accès refusé")
MODIFIER_DEPS = ("amod", "acl", "acl:relcl", "xcomp")
#: an actor's words: its whole subtree up to this length, else the word with its modifiers
MAX_ACTOR_TOKENS = 8
#: how many words after a siege cue its agent ("par les forces …") may start
AGENT_WINDOW = 6
#: endings of a sentence-initial imperative the tagger missed ("Laissez", "Ouvrons")
IMPERATIVE_ENDINGS = ("ez", "ons")
#: statuses a request or a refusal overrides
WEAK = ("ready", "delivered", "granted")


@dataclass(frozen=True)
class Reading:
    """The status a cue's context gives, and the word that decided it (None: the cue's own)."""

    status: str | None
    decider: Token | None
    negated: bool = False  # "n'ont pas pu accéder": who refused is not said


def _category(token: Token, lex: AccessLexicon) -> str | None:
    keys = word_keys(token)
    for status, words in lex.status_words:
        if keys & words:
            return status
    return None


def _negated(token: Token, lex: AccessLexicon) -> bool:
    """A negation on the word or on the verb it completes ("n'ont pas pu accéder")."""
    for t in (token, token.head):
        if any(c.dep_ == "advmod" and c.lower_ in lex.negations for c in t.children):
            return True
    return False


def _purpose(token: Token, lex: AccessLexicon) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in lex.purpose_marks for c in token.children)


def _chain(cue: Cue, sentence: Span) -> list[Token]:
    """The cue's words and modifiers, then its governors (nearest first) inside its sentence."""
    near = [t for t in cue.span if t != cue.anchor] + [cue.anchor]
    near += [c for c in cue.anchor.children if c.dep_ in MODIFIER_DEPS]
    up: list[Token] = []
    current = cue.anchor
    for _ in range(MAX_GOVERNORS):
        if current.head is current or not (sentence.start <= current.head.i < sentence.end):
            break
        current = current.head
        up.append(current)
    return near + up


def _imperative(token: Token) -> bool:
    """ "Laissez les civils sortir", "mettez en place un couloir sûr": a request. The tagger
    misses some sentence-initial imperatives: a first word in -ez/-ons without subject counts."""
    if "Imp" in token.morph.get("Mood", []):
        return True
    first = next((t for t in token.sent if not t.is_punct), None)
    return (
        token == first
        and token.lower_.endswith(IMPERATIVE_ENDINGS)
        and not any(c.dep_.startswith("nsubj") for c in token.children)
    )


def _strong(token: Token, lex: AccessLexicon) -> str | None:
    category = _category(token, lex)
    if category in ("requested", "denied"):
        return category
    return "requested" if _imperative(token) else None


def read_status(cue: Cue, lex: AccessLexicon) -> Reading:
    """The status of a cue's fact and the word that decided it."""
    chain = _chain(cue, cue.sentence)
    strong = [(t, c) for t in chain if (c := _strong(t, lex)) is not None]
    if cue.rule.kind in ("siege", "trapped"):
        if cue.rule.status == "ended" and strong and strong[0][1] == "requested":
            return Reading("requested", strong[0][0])
        return Reading(cue.rule.status, None)
    if strong:
        return Reading(strong[0][1], strong[0][0])
    pending = False
    for token in chain:
        category = _category(token, lex)
        purpose = _purpose(token, lex)
        if category in WEAK:
            if _negated(token, lex):
                return Reading("denied", token, negated=True)
            if not (purpose or pending):
                return Reading(category, token)
        pending = pending or purpose
    return Reading("requested" if pending else cue.rule.status, None)


def _is_actor_word(token: Token, lex: AccessLexicon) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lower_ not in lex.not_actors


def _dependents(word: Token) -> list[Token]:
    """A word's dependents, and those the parser hung on its auxiliary ("L'ONU a pré-positionné"
    is sometimes parsed with "ONU" under "a")."""
    out = list(word.children)
    for aux in [c for c in word.children if c.dep_.startswith("aux")]:
        out += list(aux.children)
    return out


def _passive(word: Token) -> bool:
    """ "est assiégée", "a été refusé": its subject undergoes, it does not act."""
    participle = "Part" in word.morph.get("VerbForm", []) or word.pos_ in ("NOUN", "ADJ")
    return participle and any(c.dep_ in ("cop", "aux:pass") for c in word.children)


def _agents(word: Token, cue: Cue) -> list[Token]:
    """Candidates for who acts on ``word``, best first: the agent of a passive ("par le
    régime"), the subject of an active verb, the owner of a siege ("le siège des forces …")."""
    children = _dependents(word)
    out = [c for c in children if c.dep_ == "obl:agent"]
    if not _passive(word) and (cue.rule.kind != "siege" or word.pos_ == "VERB"):
        out += [c for c in children if c.dep_ == "nsubj"]
    if cue.rule.kind == "siege" and word.pos_ == "NOUN":
        out += [
            c
            for c in children
            if c.dep_ == "nmod"
            and any(k.lower_ in ("des", "du", "de") for k in c.children if k.dep_ == "case")
        ]
    return out


def actor_token(
    cue: Cue, reading: Reading, lex: AccessLexicon, counted: frozenset[int] = frozenset()
) -> Token | None:
    """The head word of who acts (see the module docstring); never a counted word (``counted``
    holds the token indices of the sentence's counts: "ravitailler 20.000 personnes")."""
    decider = reading.decider
    if reading.negated or (decider is not None and _imperative(decider)):
        return None
    if decider is not None and reading.status == "requested":
        return _asked(cue, decider, lex, counted)
    for word in (decider, cue.anchor):
        if word is None:
            continue
        for child in _agents(word, cue):
            if child not in cue.span and child.i not in counted and _is_actor_word(child, lex):
                return child
    return _agent_after(cue, lex) if cue.rule.kind == "siege" else None


def requester_token(reading: Reading, lex: AccessLexicon) -> Token | None:
    """The subject of the verb that made a fact a request ("L'ONU a demandé …")."""
    decider = reading.decider
    if reading.status != "requested" or decider is None or _imperative(decider):
        return None
    subjects = [c for c in _dependents(decider) if c.dep_ == "nsubj"]
    return next((t for t in subjects if _is_actor_word(t, lex)), None)


def _asked(cue: Cue, request: Token, lex: AccessLexicon, counted: frozenset[int]) -> Token | None:
    """Who a request is made to: "appelant le gouvernement syrien à autoriser …" (not what is
    asked for: "a demandé l'ouverture d'un couloir")."""
    for child in request.children:
        if child.dep_ not in ("obj", "iobj", "obl:arg") or child.i in counted:
            continue
        governs_cue = child.left_edge.i <= cue.anchor.i <= child.right_edge.i
        if not governs_cue and _is_actor_word(child, lex):
            return child
    return None


def _agent_after(cue: Cue, lex: AccessLexicon) -> Token | None:
    """ "assiégée depuis juillet par les forces gouvernementales": the first noun after "par"
    a few words after the cue (the parser often hangs the agent elsewhere)."""
    doc, sentence = cue.anchor.doc, cue.sentence
    end = min(cue.span.end + AGENT_WINDOW, sentence.end)
    for i in range(cue.span.end, end):
        token = doc[i]
        if token.is_punct:
            return None
        if token.lower_ == "par":
            nouns = [t for t in doc[i + 1 : end] if t.pos_ in ("NOUN", "PROPN")]
            return nouns[0] if nouns and _is_actor_word(nouns[0], lex) else None
    return None


def actor_phrase(token: Token) -> Span:
    """The words naming an actor: its subtree when short ("le gouvernement syrien"), else the
    word with its determiners and adjectives."""
    doc = token.doc
    subtree = doc[token.left_edge.i : token.right_edge.i + 1]
    if len(subtree) > MAX_ACTOR_TOKENS or any(t.is_punct for t in subtree):
        keep = [t.i for t in token.children if t.dep_ in {"det", "amod", "flat:name"}]
        subtree = doc[min([token.i, *keep]) : max([token.i, *keep]) + 1]
    start = subtree.start
    while start < token.i and doc[start].dep_ == "case":
        start += 1  # "par les forces …" → "les forces …"
    return doc[start : subtree.end]
