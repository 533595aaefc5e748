"""Is a trigger reported as something that happened, or only named, wanted, denied or feared?

A trigger is *unreal* (no event) when, within its own sentence:

* it is negated: a negation on the trigger itself, or on a verb it is the object or complement
  of ("n'a pas été arrêté", "n'a fait état d'aucune victime"); a trigger that is the *subject*
  of a negated verb still happened ("l'afflux de réfugiés ne faiblit pas"), unless the verb is
  one of ``occurrence_verbs`` ("la manifestation n'a pas eu lieu");
* it depends on a verb of wanting, fearing, denying ("les autorités ont démenti toute
  arrestation"), or on a verb in the future tense;
* it is an infinitive that no verb of ``realis_verbs`` carries ("pour libérer le nord"), or a
  noun that is the object of such an infinitive ("permettant de comparer les naufrages");
* it is a generic mention ("de telles manifestations"), a word cited in quotation marks
  (« suicide » as a page title), a participle or noun used as a description for the lemmas of
  ``descriptive_only`` ("des familles déplacées", "un camp de déplacés", "un train arrêté"),
  a capitalized noun inside the sentence (part of a name: "le Rassemblement national"), a noun
  after a preposition of ``reference_prepositions`` ("avant l'offensive") or the complement of
  an adjective ("responsable de l'enlèvement"), a verb of ``with_infinitive_not`` followed by an infinitive ("ils m'ont arrêtée de
  travailler": stop, not arrest), or a weapon of ``weapon_modifiers`` named as a complement of
  a noun that is no attack ("des dépôts de missiles", but "des frappes de missiles").

The parse of spaCy may run across bilan's sentence boundaries: every walk up the tree stops at
the edge of the sentence, so that a future tense in the next sentence does not cancel a trigger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilan.events.rules import EventRules, Rule

QUOTES = frozenset({'"', "«", "»", "“", "”"})
#: dependency labels of a word that is what its head verb acts on, rather than its subject
_ARGUMENTS = frozenset({"obj", "obl", "obl:arg", "obl:mod", "xcomp", "ccomp", "iobj", "nmod"})


def has(token: Token, feature: str, value: str) -> bool:
    return value in token.morph.get(feature, [])


def within(token: Token, sent: Span | None) -> bool:
    return sent is None or sent.start <= token.i < sent.end


def ancestors(token: Token, levels: int, sent: Span | None = None) -> list[Token]:
    """``token`` and its heads, up to ``levels`` steps, stopping above a relative clause or a
    coordinated verb (its own clause: "se préparent à … et ont miné …") and at the edge of
    ``sent``."""
    chain = [token]
    while (
        len(chain) <= levels
        and token.head.i != token.i
        and token.dep_ not in ("acl:relcl", "conj")
        and within(token.head, sent)
    ):
        token = token.head
        chain.append(token)
    return chain


def unreal(token: Token, rule: Rule, rules: EventRules, sent: Span | None = None) -> bool:
    """The trigger headed by ``token`` is negated, wanted, planned, future or only a label."""
    lemma = token.lemma_.lower()
    if lemma in rule.transitive_not and any(c.dep_ == "obj" for c in token.children):
        return True
    if _descriptive(token, rules) or _stops(token, rules) or _weapon_named(token, rules):
        return True
    if _unreal_infinitive(token, rules) or _object_of_infinitive(token, rules, sent):
        return True
    if any(c.lower_ in rules.generic_markers for c in token.children):
        return True
    if _quoted_alone(token) or _named(token, sent) or _reference(token, rules):
        return True
    return _negated_or_irrealis(token, rules, sent)


def _negated_or_irrealis(token: Token, rules: EventRules, sent: Span | None) -> bool:
    chain = ancestors(token, 4, sent)
    for n, t in enumerate(chain):
        if t.pos_ in ("VERB", "AUX") and has(t, "Tense", "Fut"):
            return True
        if t is not token and t.lemma_.lower() in rules.irrealis_verbs:
            return True
        if any(c.dep_.startswith("aux") and has(c, "Tense", "Fut") for c in t.children):
            return True
        # a negation counts on the trigger and on the verbs it is an argument of, not on a verb
        # the trigger (or the phrase holding it) is the subject of
        below = chain[n - 1] if n else None
        subject = (
            below is not None
            and below.dep_.startswith("nsubj")
            and t.lemma_.lower() not in rules.occurrence_verbs
        )
        if not subject and any(c.lower_ in rules.negations for c in t.children):
            return True
        if subject:
            break
    return False


def _unreal_infinitive(token: Token, rules: EventRules) -> bool:
    """An infinitive no verb of ``realis_verbs`` carries (directly, or through its object:
    "ont poussé des milliers d'habitants à fuir")."""
    if token.pos_ != "VERB" or not has(token, "VerbForm", "Inf"):
        return False
    carrier = token.head
    if carrier.pos_ not in ("VERB", "AUX") and token.dep_ == "acl":
        carrier = carrier.head
    return carrier.lemma_.lower() not in rules.realis_verbs


def _object_of_infinitive(token: Token, rules: EventRules, sent: Span | None) -> bool:
    """A noun trigger that an unreported infinitive acts on ("de comparer les naufrages")."""
    if token.pos_ != "NOUN" or token.dep_ != "obj" or not within(token.head, sent):
        return False
    return _unreal_infinitive(token.head, rules)


def _descriptive(token: Token, rules: EventRules) -> bool:
    """A participle or noun describing people or things, not reporting what happened to them."""
    if token.lemma_.lower() not in rules.descriptive_only:
        return False
    if token.pos_ in ("NOUN", "ADJ", "PROPN"):
        return True
    if token.dep_ in ("acl", "amod", "xcomp", "nmod") and not any(
        c.dep_.startswith("aux") for c in token.children
    ):
        return has(token, "Tense", "Past") or has(token, "VerbForm", "Part")
    return False


def _weapon_named(token: Token, rules: EventRules) -> bool:
    """A weapon named as what another thing holds ("des dépôts de missiles"), not fired."""
    if token.lemma_.lower() not in rules.modifier_not or token.dep_ != "nmod":
        return False
    return token.head.lemma_.lower() not in rules.attack_heads


def _named(token: Token, sent: Span | None) -> bool:
    """A capitalized noun inside a sentence, recognized as the name of an organization, a person
    or a place, is part of that name ("le Rassemblement national"; but "un Sommet sur
    l'enseignement" is an event)."""
    first = sent.start if sent is not None else 0
    named = token.ent_type_ in ("ORG", "PER", "LOC")
    return token.pos_ in ("NOUN", "PROPN") and token.is_title and token.i > first and named


def _reference(token: Token, rules: EventRules) -> bool:
    """A noun named as a time mark ("avant l'offensive") or as what someone is known for
    ("déjà responsable de l'enlèvement de 17 missionnaires")."""
    if token.pos_ != "NOUN":
        return False
    if any(c.dep_ == "case" and c.lower_ in rules.reference_prepositions for c in token.children):
        return True
    return token.head.pos_ == "ADJ" and token.dep_ in ("obl", "obl:arg", "nmod")


def _stops(token: Token, rules: EventRules) -> bool:
    """ "arrêter de faire": to stop doing, not to arrest."""
    if token.lemma_.lower() not in rules.with_infinitive_not:
        return False
    return any(
        c.dep_ in ("xcomp", "ccomp", "advcl") and has(c, "VerbForm", "Inf") for c in token.children
    )


def _quoted_alone(token: Token) -> bool:
    """The word is cited, not used: « suicide » as a page title (a quoted verb is still used:
    l'armée affirme avoir « éliminé » des combattants)."""
    doc = token.doc
    if token.pos_ in ("VERB", "AUX") or token.i == 0 or token.i + 1 >= len(doc):
        return False
    return doc[token.i - 1].text in QUOTES and doc[token.i + 1].text in QUOTES
