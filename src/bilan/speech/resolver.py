"""The one speaker/source resolver that quotes and count attributions share.

Given a speech verb, it finds the verb's subject the way French writes it: before the verb
("Le syndicat SUD estime que"), inverted in an incise (", a indiqué l'agence officielle Sana"),
as a clitic ("a-t-il souligné"), through a relative ("l'OSDH qui comptabilise") or from the verb
governing a participle or an infinitive ("a dit espérer", "en se félicitant"). Given "selon X",
"d'après X" or "de source X", it reads X. Pronouns resolve to the last compatible person or
organization (gender and number agree), preferring earlier speakers and subjects; when nothing
agrees the answer is None, never a guess.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from bilan.model import Document, EntityRef
from bilan.speech.lexicon import lexicon
from bilan.speech.phrases import (
    entity,
    is_name_token,
    left_edge,
    name_runs,
    read_right,
    with_apposition,
)
from bilan.speech.sentences import Sentence

_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
_CLOSERS = frozenset({"»", '"', "”", "›", ","})


def _w(name: str) -> frozenset[str]:
    return lexicon().words(name)


@dataclass
class Candidate:
    """A mention that a later pronoun may point to."""

    entity: EntityRef
    start: int
    sentence: int
    speaker: bool
    subject: bool


@dataclass
class SpeakerResolver:
    """Finds speakers in one document; remembers them so pronouns can point back."""

    doc: Document
    sentences: list[Sentence]
    quoted: list[tuple[int, int]] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]
        for ent in self.doc.entities:
            if ent.evidence is None or ent.kind not in {
                "person",
                "organization",
                "state",
                "description",
            }:
                continue
            if any(s <= ent.evidence.start < e for s, e in self.quoted):
                continue  # "… des Fabius », explique-t-il": words inside a quotation do not speak
            tok = self._token_at(ent.evidence.start)
            subj = tok is not None and self._is_subject(tok, ent.evidence.end)
            self.candidates.append(
                Candidate(
                    ent, ent.evidence.start, self.sentence_index(ent.evidence.start), False, subj
                )
            )
        self.candidates.sort(key=lambda c: c.start)

    # -- positions ------------------------------------------------------------------------
    @property
    def sp(self) -> Doc:
        assert self.doc.spacy is not None
        return self.doc.spacy

    def sentence_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def _token_at(self, char: int) -> Token | None:
        span = self.sp.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _is_subject(self, tok: Token, end_char: int) -> bool:
        if (
            tok.idx == self.sentences[self.sentence_index(tok.idx)].start
            if self.sentences
            else False
        ):
            return True  # a mention that opens its sentence is its subject in news prose
        k = tok.i
        while k < len(self.sp) and self.sp[k].idx < end_char:
            if self.sp[k].dep_ in _SUBJECT_DEPS:
                return True
            k += 1
        return False

    def remember(self, ent: EntityRef, start: int, *, subject: bool = True) -> None:
        """Record a speaker found at ``start`` (it becomes the preferred antecedent)."""
        cand = Candidate(ent, start, self.sentence_index(start), True, subject)
        bisect.insort(self.candidates, cand, key=lambda c: c.start)

    def named(self, ent: EntityRef, at: int) -> EntityRef:
        """A short definite organization description takes the last organization name before it.

        "l'ONG précise que …" after "Human Rights Watch" → name "Human Rights Watch"; the text
        stays "l'ONG". Longer descriptions and person descriptions stay as they are.
        """
        if ent.name is not None:
            return ent
        words = ent.text.lower().replace("'", "' ").replace("’", "' ").split()
        if len(words) == 2 and words[0] in _w("definite") and lexicon().is_role(words[1]):
            return self._last_named_speaker(ent, at)
        if ent.kind != "organization" or not 2 <= len(words) <= 3 or words[0] not in _w("definite"):
            return ent
        if words[1] not in lexicon().anaphoric_org_heads:
            return ent
        for cand in reversed(self.candidates):
            other = cand.entity
            if cand.start < at and other.kind == "organization" and other.name:
                return ent.model_copy(update={"name": other.name})
        return ent

    def _last_named_speaker(self, ent: EntityRef, at: int) -> EntityRef:
        """ "poursuit l'expert" after V. Sapounov spoke: the last named person speaking nearby."""
        here = self.sentence_index(at)
        for cand in reversed(self.candidates):
            other = cand.entity
            if cand.start >= at or not cand.speaker or other.name is None:
                continue
            if here - cand.sentence > 3:
                break
            if other.kind == "person" and (
                ent.gender is None or other.gender in {None, ent.gender}
            ):
                return ent.model_copy(update={"name": other.name})
        return ent

    # -- pronouns -------------------------------------------------------------------------
    def pronoun(self, word: str, at: int) -> EntityRef | None:
        """The antecedent of the subject pronoun ``word`` written at char ``at``, or None."""
        features = lexicon().pronouns.get(word.lower().lstrip("-").removeprefix("t-"))
        if features is None:
            return None
        gender, number = features
        here = self.sentence_index(at)
        best: tuple[float, int, EntityRef] | None = None
        for cand in self.candidates:
            if cand.start >= at or here - cand.sentence > 4:
                continue
            ent = cand.entity
            if ent.gender is not None and ent.gender != gender:
                continue
            if ent.number is not None and ent.number != number:
                continue
            score = (here - cand.sentence) - 0.8 * cand.speaker - 0.6 * cand.subject
            score -= 0.2 * min(self._mentions_before(ent, at) - 1, 2)
            if ent.kind == "person" and ent.name is not None:
                score -= 0.7  # people speak more often than the organizations they belong to
            if ent.text.lower().split()[0] in _w("possessives"):
                score += 1.0  # "Son parti lui faisait grief": the possessor is the topic
            if best is None or (score, cand.start) <= (best[0], best[1]):
                best = (score, cand.start, ent)
        return best[2] if best else None

    def _mentions_before(self, ent: EntityRef, at: int) -> int:
        """How often the entity's name was mentioned before ``at`` (at least 1)."""
        if ent.name is None:
            return 1
        last = ent.name.split()[-1]
        return max(
            1,
            sum(
                1
                for c in self.candidates
                if c.start < at and c.entity.name and last in c.entity.name and not c.speaker
            ),
        )

    # -- verbs ----------------------------------------------------------------------------
    def verb_start(self, verb: Token) -> int:
        """Index of the first token of the verb group (its auxiliaries and clitics)."""
        first = verb.i
        for child in verb.children:
            if (child.dep_.startswith("aux") or child.dep_ == "cop") and child.i < first:
                between = self.sp[child.i : verb.i]
                if verb.i - child.i <= 4 and not any(t.is_punct for t in between):
                    first = child.i
        while first - 1 >= 0 and self.sp[first - 1].lower_ in _w("clitic_objects"):
            first -= 1
        return first

    def clitic_subject(self, verb: Token) -> Token | None:
        """The inverted clitic of "a-t-il souligné" / "explique-t-elle", if any."""
        lo = self.verb_start(verb)
        for k in range(lo, min(verb.i + 3, len(self.sp))):
            tok = self.sp[k]
            if tok.text.startswith("-") and tok.text.lower().lstrip("-") in _w("inverted_clitics"):
                return tok
        return None

    def is_incise(self, verb: Token, sent: tuple[int, int]) -> bool:
        """Whether the verb opens an incise: ", a indiqué l'agence Sana" after a comma or a quote.

        Present participles and infinitives never do ("…, appelant le gouvernement à …").
        """
        first = self.verb_start(verb)
        if first <= sent[0] or not _finite(verb):
            return False
        prev = self.sp[first - 1]
        if (
            prev.text not in _CLOSERS
            and not prev.is_space
            and prev.lower_ not in _w("incise_openers")
        ):
            return False
        if self.clitic_subject(verb) is not None:
            return True
        if lexicon().verb(verb.lemma_) is None:
            return False
        inverted = self.inverted_subject(verb, sent[1])
        return inverted is not None and _speaker_like(inverted)

    def subject(self, verb: Token, sent: tuple[int, int], depth: int = 0) -> EntityRef | None:
        """The speaker of a speech verb; sent is the sentence's token range [start, end)."""
        clitic = self.clitic_subject(verb)
        if clitic is not None:
            return self.pronoun(clitic.text, clitic.idx)
        if self.is_incise(verb, sent):
            inverted = self.inverted_subject(verb, sent[1])
            if inverted is not None:
                return inverted
        subj = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i), None)
        if subj is not None and any(
            c.dep_ == "case" and c.lower_ in _w("np_stop_prepositions") for c in subj.children
        ):
            # "Sur Twitter, Philippe Gosselin a dénoncé": a prepositional phrase is no subject
            subj = next((c for c in subj.children if c.dep_ == "appos"), None)
        if subj is not None and sent[0] <= subj.i:
            found = self._from_subject_token(subj, verb, sent)
            if found is not None or subj.pos_ == "PRON":
                return found
        if (
            depth < 3
            and verb.dep_ in {"xcomp", "conj", "advcl", "acl", "ccomp"}
            and verb.head.i != verb.i
        ):
            head = verb.head
            if sent[0] <= head.i < sent[1] and head.pos_ in {"VERB", "AUX"}:
                return self.subject(head, sent, depth + 1)
        return self._left_fallback(verb, sent)

    def inverted_subject(self, verb: Token, limit: int) -> EntityRef | None:
        k = verb.i + 1
        while k < limit:
            tok = self.sp[k]
            low = tok.lower_
            if (
                tok.is_space
                or tok.text.startswith("-")
                or tok.pos_ == "ADV"
                or (low in _w("incise_fillers") and low not in _w("incise_prepositions"))
            ):
                k += 1
            elif low in _w("incise_prepositions"):
                end = read_right(self.sp, k + 1, limit)
                runs = name_runs(self.sp, k + 1, end)
                if len(runs) >= 2:  # "déclare à l'AFP Jean-Philippe Magnen": the PP ends at AFP
                    end = runs[0][1]
                if end >= limit or self.sp[end].text in {".", ",", "\n"}:
                    return None
                k = end
            else:
                break
        if k >= limit or not _starts_np(self.sp[k]):
            return None
        end = read_right(self.sp, k, limit)
        if end <= k or not any(
            t.pos_ in {"NOUN", "PROPN"} or is_name_token(t) for t in self.sp[k:end]
        ):
            return None
        return entity(self.sp, with_apposition(self.sp, k, end, limit))

    def _from_subject_token(
        self, subj: Token, verb: Token, sent: tuple[int, int]
    ) -> EntityRef | None:
        low = subj.lower_
        lex = lexicon()
        if (
            low in _w("relative_subjects")
            and verb.dep_ == "acl:relcl"
            and verb.head.pos_ in {"NOUN", "PROPN"}
        ):
            return self.phrase_at(verb.head, sent[0], verb.i)
        if subj.pos_ == "PRON" and low not in _w("quantifier_pronouns"):
            if low in lex.pronouns:
                return self.pronoun(low, subj.idx)
            return None
        return self.phrase_at(subj, sent[0], self.verb_start(verb))

    def phrase_at(self, head: Token, floor: int, limit: int) -> EntityRef | None:
        """The noun phrase around ``head`` (determiners left, complements right)."""
        start = left_edge(self.sp, head.i, floor)
        end = read_right(self.sp, start, limit)
        if end <= head.i:
            end = min(read_right(self.sp, head.i, limit), limit)
        if end <= start:
            return None
        ent = entity(self.sp, with_apposition(self.sp, start, end, limit))
        if ent.name is None and start - 2 >= floor and self.sp[start - 1].text == ",":
            # "Jean-Luc Mélenchon, le candidat du Front de gauche, avait appelé …"
            runs = name_runs(self.sp, max(floor, start - 6), start - 1)
            if runs and runs[-1][1] == start - 1:
                named = entity(self.sp, with_apposition(self.sp, runs[-1][0], start - 1, end))
                if named.name is not None:
                    return named
        return ent if _speaker_like(ent) else None

    def _left_fallback(self, verb: Token, sent: tuple[int, int]) -> EntityRef | None:
        """The noun phrase just before the verb group, past an apposition or a parenthesis:
        "Bruno Le Roux, président du groupe socialiste, est ensuite intervenu"."""
        k = self._skip_left(self.verb_start(verb) - 1, sent[0])
        if k >= sent[0] and self.sp[k].text in {",", ")"}:
            opener = "," if self.sp[k].text == "," else "("
            j = k - 1
            while j >= sent[0] and self.sp[j].text != opener:
                j -= 1
            if j < sent[0]:
                return None
            k = self._skip_left(j - 1, sent[0])
        if k < sent[0]:
            return None
        tok = self.sp[k]
        if tok.pos_ == "PRON" and tok.lower_ in lexicon().pronouns:
            return self.pronoun(tok.lower_, tok.idx)
        if tok.pos_ not in {"NOUN", "PROPN"} and not is_name_token(tok):
            return None
        head = tok
        while head.i - 1 >= sent[0] and is_name_token(self.sp[head.i - 1]) and is_name_token(head):
            head = self.sp[head.i - 1]
        if (
            self.sp[head.i - 1].lower_ in _w("articles")
            and head.i - 2 >= sent[0]
            and is_name_token(self.sp[head.i - 2])
        ):
            head = self.sp[head.i - 2]  # "Bruno Le Roux"
            while head.i - 1 >= sent[0] and is_name_token(self.sp[head.i - 1]):
                head = self.sp[head.i - 1]
        return self.phrase_at(head, sent[0], self.verb_start(verb))

    def _skip_left(self, k: int, floor: int) -> int:
        while k >= floor and (
            self.sp[k].pos_ in {"ADV", "AUX"}
            or self.sp[k].lower_ in _w("clitic_objects")
            or self.sp[k].is_space
        ):
            k -= 1
        return k

    # -- prepositions ---------------------------------------------------------------------
    def after_preposition(self, first: int, limit: int) -> EntityRef | None:
        """X in "selon X" / "d'après X" / "pour X", where ``first`` is X's first token."""
        if first >= limit:
            return None
        tok = self.sp[first]
        if tok.pos_ == "PRON" and tok.lower_ in lexicon().pronouns:
            return self.pronoun(tok.lower_, tok.idx)
        if not _starts_np(tok):
            return None
        end = read_right(self.sp, first, limit)
        if end <= first:
            return None
        return entity(self.sp, with_apposition(self.sp, first, end, limit))


def _finite(verb: Token) -> bool:
    forms = verb.morph.get("VerbForm", [])
    return "Fin" in forms or any(c.dep_.startswith("aux") for c in verb.children) or not forms


def _starts_np(tok: Token) -> bool:
    return tok.pos_ in {"DET", "PROPN", "NOUN", "ADJ", "NUM"} or is_name_token(tok)


def _speaker_like(ent: EntityRef) -> bool:
    """A subject that can speak: a name, a role noun or an organization noun."""
    return ent.name is not None or (
        ent.kind in {"organization", "description", "person", "state"}
        and (ent.kind != "description" or _has_role_word(ent.text))
    )


def _has_role_word(text: str) -> bool:
    lex = lexicon()
    words = text.lower().replace("'", "' ").split()
    return any(lex.is_role(w) or lex.is_org_head(w) for w in words[:4])
