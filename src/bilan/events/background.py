"""Triggers that set the scene rather than report an incident, and marks of an earlier incident.

* A *running* trigger belongs to a clause with a time window reaching the publication date and
  longer than ``running_days`` ("les rebelles ont revendiqué depuis novembre plus de 40
  attaques", "plus de 380 fusillades ont eu lieu depuis le début de l'année", "plusieurs
  accidents meurtriers ces dernières années"): a tally or a state of affairs, not one incident.
  A window is a date of kind ``since`` or ``duration``, a date after "depuis", or an interval
  ("entre juillet 2022 et juin 2023"); floods and storms (``running.exempt``) last by nature.
* A *tally* is a noun trigger with a number or a quantifier of ``tally_quantifiers`` in a
  sentence holding such a window ("le passage de quatre cyclones en six semaines").
* A *prior* trigger is told in the pluperfect ("avait fait 602 morts", "s'était écrasé",
  "avaient été enlevés"): an earlier incident recalled next to the main one, which must not
  be merged with it.
* A *quoted* trigger lies inside a direct quotation: witnesses restate the incident in their
  own words ("« Il a été arrêté dans un couloir », a déclaré le shérif").
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from bilan.events.reality import has, within
from bilan.model import DateMention, Document

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilan.events.rules import EventRules, Rule


#: dependency labels of the head of a clause (even one the tagger took for an adjective:
#: "qui contrôlent le nord depuis trois mois")
CLAUSE_HEADS = frozenset({"acl:relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})


def clause_verb(token: Token, sent: Span) -> Token:
    """The verb of the clause holding ``token`` (``token`` itself when it is a verb)."""
    for _ in range(8):
        if (
            token.pos_ in ("VERB", "AUX")
            or token.dep_ in CLAUSE_HEADS
            or token.head.i == token.i
            or not within(token.head, sent)
        ):
            return token
        token = token.head
    return token


def window_days(mention: DateMention, doc: Document, after_since: bool) -> int:
    """Length in days of a time window reaching publication; 0 for a date that is not one."""
    published = doc.article.published
    if mention.start is None or published is None:
        return 0
    if mention.kind in ("since", "duration") or after_since:
        return (published - mention.start).days
    end: date = mention.end or mention.start
    if mention.kind == "interval":
        return (end - mention.start).days
    return 0


def windows(sent: Span, doc: Document, rules: EventRules) -> list[Token]:
    """Root tokens of the time windows of ``sent`` longer than ``rules.running_days``."""
    spacy_doc = sent.doc
    out: list[Token] = []
    for mention in doc.dates:
        ev = mention.evidence
        if not sent.start_char <= ev.start < sent.end_char:
            continue
        span = spacy_doc.char_span(ev.start, ev.end, alignment_mode="expand")
        if span is None:
            continue
        before = {t.lower_ for t in spacy_doc[max(sent.start, span.start - 2) : span.start]}
        after_since = bool(before & rules.since_words)  # "depuis la mi-mai"
        if window_days(mention, doc, after_since) > rules.running_days:
            out.append(span.root)
    return out


def running(token: Token, rule: Rule, sent: Span, doc: Document, rules: EventRules) -> bool:
    """The trigger's clause holds a time window, or the trigger counts incidents over one."""
    if rule.id in rules.running_exempt:
        return False
    found = windows(sent, doc, rules)
    verb = clause_verb(token, sent)
    if any(clause_verb(root, sent).i == verb.i for root in found):
        return True
    said = sent.text.lower()
    recent = any(phrase in said for phrase in rules.window_phrases)
    return (bool(found) or recent) and tally(token, rules)


def tally(token: Token, rules: EventRules) -> bool:
    """A plural noun with a number or a quantifier: "quatre cyclones", "plusieurs accidents"."""
    if token.pos_ != "NOUN" or not has(token, "Number", "Plur"):
        return False
    return any(c.dep_ == "nummod" or c.lower_ in rules.tally_quantifiers for c in token.children)


def prior(token: Token, sent: Span) -> bool:
    """The trigger's verb is in the pluperfect ("avait fait", "s'était écrasé")."""
    verb = clause_verb(token, sent)
    return any(
        c.dep_.startswith("aux") and has(c, "Tense", "Imp") and c.lemma_ in ("avoir", "être")
        for c in verb.children
    ) and not has(verb, "VerbForm", "Inf")


def quoted(doc: Document, start_char: int) -> bool:
    """``start_char`` lies inside a direct quotation of the article."""
    return any(q.evidence.start < start_char < q.evidence.end for q in doc.quotes)
