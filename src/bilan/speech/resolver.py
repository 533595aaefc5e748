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
from bilan.speech.lexicon import Verb, lexicon
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
    def pronoun(
        self, word: str, at: int, *, disjunctive: bool = False, not_at: int = -1
    ) -> EntityRef | None:
        """The antecedent of the pronoun ``word`` written at char ``at``, or None.

        A disjunctive pronoun after a preposition ("selon lui", "d'après elle") stands for a
        person or an organization, never a place, and not for the subject of its own clause
        (starting at char ``not_at``): "Le Pakistan paie selon lui …" is someone else's view.
        """
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
            if disjunctive and (
                (ent.kind == "state" and not cand.speaker) or _starts_within(ent, not_at)
            ):
                continue
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
        aux = linear_aux(verb)
        if aux is not None:
            first = min(first, aux.i)
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
        if speech_verb(verb) is None:
            return False
        inverted = self.inverted_subject(verb, sent[1])
        if inverted is None:
            return False
        # ", ont annoncé jeudi les chemins de fer indiens.": a phrase that closes the sentence
        # after a speech verb, agreeing with it, is its subject whatever its head noun
        return _speaker_like(inverted) or (
            inverted.text.lower().startswith(tuple(_w("articles")))
            and _subject_child(verb) is None
            and self._closes(inverted, sent[1])
            and self.agrees(verb, inverted)
        )

    def _closes(self, ent: EntityRef, limit: int) -> bool:
        """Whether the mention ends its sentence (or its clause, before a parenthesis)."""
        if ent.evidence is None:
            return False
        text = self.sp.text
        end = ent.evidence.end
        while end < len(text) and text[end] in " \u00a0":
            end += 1
        tok = self._token_at(end) if end < len(text) else None
        return tok is None or tok.i >= limit or tok.text in {".", "!", "?", "\n", ";"}

    def agrees(self, verb: Token, ent: EntityRef) -> bool:
        """Whether the verb group's finite word agrees in number with the mention
        ("…, dans la province du Soum, ont indiqué": "Soum" is no subject of "ont")."""
        finite = self.sp[self.verb_start(verb)]
        if "Fin" not in finite.morph.get("VerbForm", []):
            finite = verb
        number = finite.morph.get("Number", [])
        return not number or ent.number is None or number[0] == ent.number

    def subject(self, verb: Token, sent: tuple[int, int], depth: int = 0) -> EntityRef | None:
        """The speaker of a speech verb; sent is the sentence's token range [start, end)."""
        clitic = self.clitic_subject(verb)
        if clitic is not None:
            return self.pronoun(clitic.text, clitic.idx)
        if self.is_incise(verb, sent):
            inverted = self.inverted_subject(verb, sent[1])
            if inverted is not None:
                return inverted
        subj = _subject_child(verb)
        if subj is not None and any(
            c.dep_ == "case" and c.lower_ in _w("np_stop_prepositions") for c in subj.children
        ):
            # "Sur Twitter, Philippe Gosselin a dénoncé": a prepositional phrase is no subject
            subj = next((c for c in subj.children if c.dep_ == "appos"), None)
        if subj is not None and any(t.text == ":" for t in self.sp[subj.i : verb.i]):
            subj = None  # "Grève : 40 interpellations, la préfecture dénonce": a title label
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
            inserted = insertion_end(self.sp, k, limit)
            if inserted > k:  # "précise pour sa part le maire"
                k = inserted
            elif (
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
                split = self._partitive_after_name(k + 1, end)
                if split >= 0:
                    end = split
                elif end >= limit or self.sp[end].text in {".", ",", "\n"}:
                    return self._name_closing_pp(k + 1, end, limit)
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

    def _partitive_after_name(self, start: int, end: int) -> int:
        """ "a indiqué à l'AFP des sources locales": a name takes no complement, so "des" after
        it opens the subject; the index of the subject's first noun word, or -1."""
        for j in range(start + 1, end - 1):
            tok = self.sp[j]
            if (
                tok.pos_ == "ADP"
                and tok.lower_ in _w("affiliation_openers")
                and self.sp[j - 1].pos_ == "PROPN"
                and self.sp[j + 1].pos_ in {"NOUN", "ADJ"}
            ):
                return j + 1  # the subject reads from its noun: "sources locales"
        return -1

    def _name_closing_pp(self, start: int, end: int, limit: int) -> EntityRef | None:
        """ "a raconté depuis son lit d'hôpital Juma, 19 ans": the phrase read after the
        preposition swallowed the subject; a name glued to its last noun is the subject."""
        runs = name_runs(self.sp, start, end)
        if not runs or runs[-1][1] != end or runs[-1][0] <= start:
            return None
        first = runs[-1][0]
        if self.sp[first - 1].pos_ != "NOUN" or _linked_before(self.sp, first, start):
            return None
        return entity(self.sp, with_apposition(self.sp, first, end, limit))

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
        if subj.pos_ == "PRON" and low not in _w("quantifier_pronouns") and not is_name_token(subj):
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
        found = self.phrase_at(head, sent[0], self.verb_start(verb))
        return found if found is not None and self.agrees(verb, found) else None

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
            here = self.sentences[self.sentence_index(tok.idx)].start if self.sentences else 0
            subj = _subject_child(tok.head) if tok.head.i != tok.i else None
            not_at = self.sp[left_edge(self.sp, subj.i, 0)].idx if subj is not None else -1
            if not_at < here:
                not_at = -1  # the parse tied the pronoun to the sentence before
            return self.pronoun(tok.lower_, tok.idx, disjunctive=True, not_at=not_at)
        if not _starts_np(tok):
            return None
        end = read_right(self.sp, first, limit)
        if end <= first:
            return None
        author = self._document_author(first, end, limit)
        if author is not None:
            return author
        return entity(self.sp, with_apposition(self.sp, first, end, limit))

    def _document_author(self, first: int, end: int, limit: int) -> EntityRef | None:
        """The author of a document named as a source: "selon un bilan publié mardi par le
        BNGRC" → le BNGRC, "selon le dernier bilan du ministère" → ministère. None when the
        phrase names no document or its author is not given."""
        head = next((t for t in self.sp[first:end] if t.pos_ in {"NOUN", "PROPN"}), None)
        if head is None or head.lower_ not in lexicon().document_nouns:
            return None
        for k in range(head.i + 1, min(limit, end + 5)):
            tok = self.sp[k]
            if tok.lower_ == "par" and k > head.i + 1:  # "un bilan publié (mardi) par X"
                return self.after_preposition(k + 1, limit)
            if tok.pos_ not in {"VERB", "ADJ", "NOUN", "ADV"} or tok.lower_ in _w("name_links"):
                break
        for j in range(head.i + 1, end - 1):
            nxt = self.sp[j + 1]
            if self.sp[j].lower_ in _w("affiliation_openers") and nxt.pos_ in {
                "DET",
                "NOUN",
                "PROPN",
            }:
                start = j + 1
                stop = read_right(self.sp, start, limit)
                return entity(self.sp, with_apposition(self.sp, start, stop, limit))
        return None


def speech_verb(tok: Token) -> Verb | None:
    """The speech verb a token stands for, by lemma or, when the lemmatizer missed it, by form."""
    return lexicon().verb(tok.lemma_) or lexicon().verb_of_form(tok.lower_)


def insertion_end(doc: Doc, k: int, limit: int) -> int:
    """End of an inserted phrase ("de son côté", "pour sa part") starting at token k, or k."""
    for words in lexicon().insertions:
        n = len(words)
        if k + n <= limit and all(_low(doc[k + j]) == words[j] for j in range(n)):
            return k + n
    return k


def _insertion_start(doc: Doc, k: int, floor: int) -> int:
    """Start of an inserted phrase ending at token k (inclusive), or k + 1 when none does."""
    for words in lexicon().insertions:
        n = len(words)
        lo = k - n + 1
        if lo >= floor and all(_low(doc[lo + j]) == words[j] for j in range(n)):
            return lo
    return k + 1


def _low(tok: Token) -> str:
    return tok.lower_.replace("’", "'")


def linear_aux(verb: Token) -> Token | None:
    """The auxiliary of a past participle that the parse lost across an insertion:
    "Le ministère a de son côté assuré" (parsed with "a" as the main verb), "a pour sa part
    évoqué". None when the participle has its auxiliary as a child or none stands before it."""
    doc = verb.doc
    if "Part" not in verb.morph.get("VerbForm", []) or any(
        c.dep_.startswith("aux") for c in verb.children
    ):
        return None
    k = verb.i - 1
    floor = max(0, verb.i - 8)
    skipped = False
    while k >= floor:
        tok = doc[k]
        if tok.pos_ == "ADV" or tok.is_space:
            k -= 1
            continue
        lo = _insertion_start(doc, k, floor)
        if lo <= k:
            k, skipped = lo - 1, True
            continue
        break
    if not skipped or k < floor:
        return None
    tok = doc[k]
    if tok.lemma_ in lexicon().words("auxiliaries") and "Fin" in tok.morph.get("VerbForm", []):
        return tok
    return None


def _subject_child(verb: Token) -> Token | None:
    """The verb's subject in the parse, else its auxiliary's: the parse may hang the subject on
    the auxiliary ("Un responsable local a pour sa part évoqué") or lose the auxiliary across an
    insertion ("Le ministère a de son côté assuré")."""
    holders = [verb, *(c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i)]
    aux = linear_aux(verb)
    if aux is not None:
        holders.append(aux)
    for holder in holders:
        for c in holder.children:
            if c.dep_ in _SUBJECT_DEPS and c.i < holder.i:
                return c
    return None


def _starts_within(ent: EntityRef, char: int) -> bool:
    """Whether the mention covers char (the start of a clause's subject)."""
    return ent.evidence is not None and ent.evidence.start <= char < ent.evidence.end


def _linked_before(doc: Doc, first: int, floor: int) -> bool:
    k = first - 1
    while k >= floor and doc[k].lower_ in lexicon().words("articles"):
        k -= 1
    return k >= floor and doc[k].lower_ in lexicon().words("name_links")


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
    return any(lex.looks_like_role(w) or lex.is_org_head(w) for w in words[:4])
