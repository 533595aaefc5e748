"""Speech frames in one sentence: the words that say who is speaking.

A frame is a speech verb with its subject ("X a déclaré", ", a-t-il souligné", "X estime que"),
a reporting predicate ("X fait état de"), a source preposition ("selon X", "d'après X",
"de source X", a sentence-initial "Pour X,") or a colon introduction ("X : « … »"). Verbs marked
``strict`` in speech_verbs.yaml ("ajouter", "lancer", "appeler") count only inside a speech frame:
governing a quotation, a colon or a que-clause, or standing in an incise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from bilan.model import EntityRef
from bilan.speech.lexicon import Verb, lexicon
from bilan.speech.resolver import SpeakerResolver, linear_aux, speech_verb

_SPLIT = re.compile(r"\w+'|\w+|[-’]")


@dataclass
class Frame:
    """Who speaks (``speaker`` may be None when unresolved), through which words, where."""

    kind: str  # verb | preposition | colon
    cue: str
    first: int  # first token of the cue
    last: int  # token of the verb, or last token of the preposition
    speaker: EntityRef | None
    verb: Verb | None = None
    incise: bool = False
    que: int = -1  # token index of the "que" that opens reported content, if any

    @property
    def lemma(self) -> str | None:
        return self.verb.lemma if self.verb else None


PrepositionKey = tuple[tuple[str, ...], str, str]


@cache
def _preposition_keys() -> dict[str, tuple[PrepositionKey, ...]]:
    """The preposition keys by their first word, longest first (one look-up per token)."""
    keys = [
        (tuple(_SPLIT.findall(k.lower())), k, strength)
        for k, strength in lexicon().prepositions.items()
    ]
    ordered = sorted(keys, key=lambda k: -len(k[0]))
    firsts = {words[0] for words, _, _ in ordered if words}
    # a key without words would match anywhere: it stays in every list, in its place
    return {
        first: tuple(k for k in ordered if not k[0] or k[0][0] == first) for first in (*firsts, "")
    }


def _match_preposition(doc: Doc, i: int, end: int) -> tuple[int, str, str] | None:
    by_first = _preposition_keys()
    keys = by_first.get(doc[i].lower_.lstrip(".!?…")) if i < end else None
    for words, key, strength in keys if keys is not None else by_first[""]:
        n = len(words)
        # ".Pour" when a sentence is glued to the one before: "… mal-formé ».Pour le collectif"
        if i + n <= end and tuple(doc[i + k].lower_.lstrip(".!?…") for k in range(n)) == words:
            return i + n, key, strength
    return None


def _verb_of(doc: Doc, tok: Token) -> tuple[Verb, str] | None:
    """The speech verb a token stands for (including "faire état"), with its cue text."""
    lex = lexicon()
    faire = tok.lemma_ == "faire" and tok.i + 1 < len(doc)
    verb = None if faire else speech_verb(tok)
    if verb is None and not faire:
        return None  # the look-ups first: most words are no speech verb
    verbal = any(
        c.dep_.startswith("aux") or c.dep_ in {"nsubj", "nsubj:pass"} for c in tok.children
    )
    if tok.pos_ not in {"VERB", "AUX"} and not verbal:
        return None  # "a nuancé", "Michel Guay … raconte :" tagged ADJ keep an auxiliary or subject
    if faire:
        for pred in lex.predicates:
            words = pred.split()
            if len(words) >= 2 and doc[tok.i + 1].lower_ == words[1]:
                return Verb(pred, "neutral", "assert", False), f"{tok.text} {doc[tok.i + 1].text}"
        return None
    if verb is None or (
        tok.dep_ == "acl"
        and "Part" in tok.morph.get("VerbForm", [])
        and "Pres" not in tok.morph.get("Tense", [])
        and linear_aux(tok) is None
    ):
        return None  # "une réunion demandée par la France": an adjective, not speech
    return verb, tok.text


def _incise_form(
    resolver: SpeakerResolver, tok: Token, sent: tuple[int, int]
) -> tuple[Verb, str] | None:
    """A speech verb the tagger read as an adjective or a noun, in an incise with its inverted
    subject: "« … », raconte Ghulam Rasool" ("raconte" tagged ADJ)."""
    if tok.pos_ not in {"ADJ", "NOUN"}:
        return None
    verb = speech_verb(tok)
    if verb is None or not resolver.is_incise(tok, sent):
        return None
    return verb, tok.text


def _que_after(doc: Doc, verb: Token, end: int, inside: set[int]) -> int:
    for k in range(verb.i + 1, min(verb.i + 5, end)):
        tok = doc[k]
        if k in inside or tok.text in {".", ";"}:
            return -1
        if tok.lower_ in lexicon().words("que") and tok.pos_ in {"SCONJ", "PRON"}:
            return k
    return -1


def _governs(doc: Doc, verb: Token, end: int, inside: set[int], quote_starts: set[int]) -> bool:
    """Whether a strict verb opens a quotation or a colon within its next few tokens."""
    for k in range(verb.i + 1, end):
        tok = doc[k]
        if k in quote_starts or (tok.text == ":" and k < verb.i + 8):
            return True
        if tok.text in {".", ";"} or (k in inside):
            return False
    return False


def find_frames(
    resolver: SpeakerResolver, sent: tuple[int, int], inside: set[int], quote_starts: set[int]
) -> list[Frame]:
    """Frames of the sentence token range ``sent`` (tokens in ``inside`` are quoted words)."""
    doc = resolver.sp
    frames: list[Frame] = []
    i = sent[0]
    while i < sent[1]:
        if i in inside:
            i += 1
            continue
        prep = _match_preposition(doc, i, sent[1])
        if prep is not None:
            frame = _preposition_frame(resolver, sent, i, prep)
            if frame is not None:
                frame.speaker = _named(resolver, frame)
                frames.append(frame)
                i = prep[0]
                continue
        found = _verb_of(doc, doc[i]) or _incise_form(resolver, doc[i], sent)
        if found is not None:
            frame = _verb_frame(resolver, sent, doc[i], found, inside, quote_starts)
            if frame is not None:
                frame.speaker = _named(resolver, frame)
                frames.append(frame)
        elif doc[i].pos_ == "VERB" and resolver.is_incise(doc[i], sent):
            clitic = resolver.clitic_subject(doc[i])
            if clitic is not None:  # « … », tente-t-il de corriger: any verb in a clitic incise
                speaker = resolver.pronoun(clitic.text, clitic.idx)
                first = resolver.verb_start(doc[i])
                frames.append(Frame("verb", doc[first : i + 1].text, first, i, speaker, None, True))
        i += 1
    return frames


def _preposition_frame(
    resolver: SpeakerResolver, sent: tuple[int, int], i: int, prep: tuple[int, str, str]
) -> Frame | None:
    doc = resolver.sp
    after, key, strength = prep
    if strength == "weak":
        lead = sent[0]
        while lead < i and (
            doc[lead].lower_ in lexicon().words("leaders")
            or doc[lead].is_space
            or doc[lead].is_punct
        ):
            lead += 1
        colon = next((k for k in range(i - 1, sent[0] - 1, -1) if doc[k].text == ":"), -1)
        if colon >= 0 and colon == i - 1:
            lead = i  # "France : pour Montebourg, le nucléaire est une « filière d'avenir »"
        if lead != i:
            return None
    if key in lexicon().noun_cues:
        after -= 1  # "de source policière": the source is "source policière"
    speaker = resolver.after_preposition(after, sent[1])
    if speaker is None:
        return None
    if strength == "weak":
        end = speaker.evidence.end if speaker.evidence else 0
        text = doc.text
        while end < len(text) and text[end].isspace():
            end += 1  # "Pour la déléguée …, Nathalie Deprez : « … »"
        nxt = resolver._token_at(end)
        if (
            nxt is None
            or nxt.text not in {",", ":"}
            or (speaker.kind == "description" and speaker.name is None)
        ):
            return None
    cue = doc[i : prep[0]].text
    return Frame("preposition", cue, i, prep[0] - 1, speaker)


def _verb_frame(
    resolver: SpeakerResolver,
    sent: tuple[int, int],
    tok: Token,
    found: tuple[Verb, str],
    inside: set[int],
    quote_starts: set[int],
) -> Frame | None:
    doc = resolver.sp
    verb, _cue = found
    que = _que_after(doc, tok, sent[1], inside)
    incise = resolver.is_incise(tok, sent) or resolver.clitic_subject(tok) is not None
    if (
        verb.strict
        and que < 0
        and not incise
        and not _governs(doc, tok, sent[1], inside, quote_starts)
    ):
        return None
    speaker = resolver.subject(tok, sent)
    first = resolver.verb_start(tok)
    return Frame("verb", doc[first : tok.i + 1].text, first, tok.i, speaker, verb, incise, que)


def _named(resolver: SpeakerResolver, frame: Frame) -> EntityRef | None:
    """The frame's speaker with its name completed; remembered as a speaker for pronouns."""
    if frame.speaker is None:
        return None
    at = resolver.sp[frame.first].idx
    speaker = resolver.named(frame.speaker, at)
    resolver.remember(speaker, at, subject=frame.kind == "verb")
    return speaker
