"""Finding the words that announce a siege, trapped people or an access fact (spaCy Matcher).

The patterns are access.yaml's ``cues``; this module only runs them, drops overlaps (the cue
listed first wins, then the longer match) and applies the two context checks: ``needs: aid``
(the sentence speaks of aid: "camions" alone is a lorry) and ``needs: people`` (the word
qualifies people: "civils bloqués", not "routes bloquées").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilan.access.lexicon import AccessLexicon, CueRule, person_nouns
from bilan.counts.nouns import is_in, word_keys
from bilan.counts.sentences import sentence_of

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab


@dataclass(frozen=True)
class Cue:
    """A matched cue: its rule, its tokens and the token that carries its syntax."""

    rule: CueRule
    span: Span
    anchor: Token

    @property
    def sentence(self) -> Span:
        return sentence_of(self.anchor)


def build_matcher(vocab: Vocab, lex: AccessLexicon) -> Matcher:
    from spacy.matcher import Matcher

    matcher = Matcher(vocab, validate=True)
    for rule in lex.cues:
        matcher.add(rule.name, [list(rule.pattern)])
    return matcher


def _aid_context(sentence: Span, lex: AccessLexicon) -> bool:
    for token in sentence:
        keys = word_keys(token)
        if keys & lex.not_aid_context:
            continue
        if keys & lex.aid_context:
            return True
    return False


def _qualifies_people(token: Token, lex: AccessLexicon) -> bool:
    """ "civils bloqués" (amod of a person noun), "ils sont bloqués" (a person subject)."""
    words = person_nouns() | lex.people_words
    candidates = [token.head] if token.dep_ in ("amod", "acl") else []
    candidates += [c for c in token.children if c.dep_.startswith("nsubj")]
    if token.dep_ in ("ROOT", "conj") or token.pos_ in ("VERB", "ADJ"):
        candidates += [c for c in token.head.children if c.dep_.startswith("nsubj")]
    return any(is_in(c, words) for c in candidates)


def _allowed(rule: CueRule, span: Span, anchor: Token, lex: AccessLexicon) -> bool:
    if rule.needs == "aid":
        return _aid_context(sentence_of(anchor), lex)
    if rule.needs == "people":
        return _qualifies_people(anchor, lex)
    return True


def find_cues(doc: Doc, matcher: Matcher, lex: AccessLexicon) -> list[Cue]:
    """Cues in text order, without overlaps (earlier rule first, then the longer match)."""
    order = {r.name: i for i, r in enumerate(lex.cues)}
    found: list[Cue] = []
    for match_id, start, end in matcher(doc):
        rule = lex.rule(doc.vocab.strings[match_id])
        span = doc[start:end]
        anchor = span[rule.anchor]
        if _allowed(rule, span, anchor, lex):
            found.append(Cue(rule, span, anchor))
    found.sort(key=lambda c: (order[c.rule.name], -len(c.span), c.span.start))
    kept: list[Cue] = []
    taken: set[int] = set()
    for cue in found:
        tokens = set(range(cue.span.start, cue.span.end))
        if tokens & taken or any(_same_fact(cue, other) for other in kept):
            continue
        taken |= tokens
        kept.append(cue)
    return sorted(kept, key=lambda c: c.span.start)


def _same_fact(a: Cue, b: Cue) -> bool:
    """Two cues of one kind where one governs the other: "pré-positionné des stocks de
    médicaments" is one aid stock, not two."""
    return a.rule.kind == b.rule.kind and (a.anchor.head == b.anchor or b.anchor.head == a.anchor)
