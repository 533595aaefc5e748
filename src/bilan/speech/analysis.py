"""One pass over a document that finds quotes, statements and attributions together.

Quote speakers and count sources are the same kind of entity, found by the same frames and the
same :class:`SpeakerResolver`, so the work is done once per document and cached in
``doc.extra["speech"]``; the ``attribution`` and ``quotes`` stages both read it.

Attribution scope: the sentence a source governs, minus an opening clause of the article's own
voice ("Alors qu'Alep-Est comptait 250.000 civils, plus de 50.000 selon l'OSDH ont fui"), or the
reported content of "X a indiqué que …". A sentence with no source of its own inherits the last
source of the same paragraph (``carried``) until another source speaks; "Toujours selon cette
ONG", "selon la même source" point back to the last source wherever it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from bilan.model import Attribution, Document, EntityRef, Evidence, Quote, Statement
from bilan.speech.frames import Frame, find_frames
from bilan.speech.lexicon import lexicon
from bilan.speech.marks import QuoteSpan, find_quotes
from bilan.speech.quoting import (
    QuoteTokens,
    choose_frame,
    is_floating,
    is_name_not_speech,
    is_short,
)
from bilan.speech.resolver import SpeakerResolver, speech_verb
from bilan.speech.sentences import Sentence, split_sentences

KEY = "speech"


@dataclass
class SpeechAnalysis:
    """Everything the speech pass found in one document."""

    quotes: list[Quote] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class _Pending:
    """A quotation whose speaker is decided after its neighbours are seen."""

    q: QuoteTokens
    sentence: Sentence
    speaker: EntityRef | None
    frame: Frame | None
    floating: bool
    cued: bool = False  # a source cue whose source is unresolved: speech, speaker unknown


def speech_analysis(doc: Document) -> SpeechAnalysis:
    """The cached analysis of ``doc`` (computed on first use)."""
    cached = doc.extra.get(KEY)
    if isinstance(cached, SpeechAnalysis):
        return cached
    result = _analyse(doc)
    doc.extra[KEY] = result
    return result


def _tokens_of(sp: Doc, start: int, end: int) -> tuple[int, int]:
    span = sp.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0, 0
    return span.start, span.end


def _analyse(doc: Document) -> SpeechAnalysis:
    text = doc.text
    sp = doc.spacy
    if sp is None:
        return SpeechAnalysis()
    spans = find_quotes(text)
    sentences = split_sentences(text, spans)
    resolver = SpeakerResolver(doc, sentences, [(q.start, q.end) for q in spans])
    quote_tokens = [QuoteTokens(q, *_bounds(sp, q)) for q in spans]
    inside: set[int] = set()
    for qt in quote_tokens:
        inside.update(range(qt.first, qt.last + 1))
    starts = {qt.first for qt in quote_tokens}
    result = SpeechAnalysis(sentences=sentences)
    pending: list[_Pending] = []
    last_source: Attribution | None = None
    subjects: dict[int, EntityRef | None] = {}
    for sent in sentences:
        rng = _tokens_of(sp, sent.start, sent.end)
        frames = find_frames(resolver, rng, inside, starts)
        in_sent = [qt for qt in quote_tokens if sent.contains(qt.span.start)]
        for qt in in_sent:
            pending.append(
                _quote_speaker(text, sp, resolver, qt, sent, rng, frames, in_sent, inside)
            )
        own = _attributions(text, sp, sent, frames, last_source)
        if not own and last_source is not None and _same_paragraph(last_source, sent, sentences):
            own = [_carry(last_source, sent, text)]
        result.attributions.extend(own)
        if own:
            last_source = own[-1]
        subjects[sent.index] = _sentence_subject(resolver, rng, frames, inside)
        result.statements.extend(
            _statements(text, sp, sent, frames, inside, len(result.statements))
        )
    result.quotes = _finish_quotes(text, pending, resolver, subjects)
    return result


def _bounds(sp: Doc, q: QuoteSpan) -> tuple[int, int]:
    first, end = _tokens_of(sp, q.start, q.end)
    return first, max(first, end - 1)


def _quote_speaker(
    text: str,
    sp: Doc,
    resolver: SpeakerResolver,
    qt: QuoteTokens,
    sent: Sentence,
    rng: tuple[int, int],
    frames: list[Frame],
    in_sent: list[QuoteTokens],
    inside: set[int],
) -> _Pending:
    frame = (
        _agent_frame(resolver, qt, rng)
        or choose_frame(sp, qt, frames, rng[0])
        or _colon_frame(resolver, qt, rng, inside)
    )
    speaker = frame.speaker if frame else None
    cued = frame is None and _cued(sp, rng, inside)
    floating = frame is None and is_floating(sp, qt, rng, in_sent) and not cued
    if speaker is None and not floating:
        speaker = _clause_subject(resolver, qt, rng)
    if speaker is not None:
        speaker = resolver.named(speaker, qt.span.start)
        resolver.remember(speaker, qt.span.start)
    return _Pending(qt, sent, speaker, frame, floating, cued)


def _cued(sp: Doc, rng: tuple[int, int], inside: set[int]) -> bool:
    """Whether the sentence names its own source ("Selon lui, « … »"), resolved or not: such a
    quotation does not float to the speaker of the sentence before."""
    cues = lexicon().prepositions
    return any(
        sp[k].lower_ in cues and cues[sp[k].lower_] == "strong"
        for k in range(rng[0], rng[1])
        if k not in inside
    )


def _agent_frame(resolver: SpeakerResolver, qt: QuoteTokens, rng: tuple[int, int]) -> Frame | None:
    """ "un plan jugé « crédible » par les analystes de la banque ING": a speech participle just
    before the quotation and its agent after it ("qualifié de « … » par X")."""
    sp = resolver.sp
    k = qt.first - 1
    while k >= rng[0] and (sp[k].is_space or sp[k].lower_ in lexicon().words("agent_links")):
        k -= 1
    if k < rng[0] or "Part" not in sp[k].morph.get("VerbForm", []):
        return None
    if resolver.verb_start(sp[k]) != k:
        return None  # "s'est dit « choqué » par l'ampleur": a compound verb has its own subject
    verb = speech_verb(sp[k])
    after = qt.last + 1
    while after < rng[1] and sp[after].is_space:
        after += 1
    if verb is None or after >= rng[1] or sp[after].lower_ != "par":
        return None
    speaker = resolver.after_preposition(after + 1, rng[1])
    if speaker is None:
        return None
    return Frame("verb", sp[k].text, k, k, speaker, verb)


def _colon_frame(
    resolver: SpeakerResolver, qt: QuoteTokens, rng: tuple[int, int], inside: set[int]
) -> Frame | None:
    """ "Denis Baupin a ensuite défendu sa décision : « … »": the subject before the colon."""
    sp = resolver.sp
    k = qt.first - 1
    while k >= rng[0] and (sp[k].is_space or sp[k].lower_ in lexicon().words("que")):
        k -= 1
    if k < rng[0] or sp[k].text != ":":
        return None
    colon = k
    verbs = [t for t in sp[rng[0] : colon] if t.pos_ == "VERB" and t.i not in inside]
    speaker = resolver.subject(verbs[-1], rng) if verbs else None
    if speaker is None and colon - 1 >= rng[0]:
        speaker = resolver.phrase_at(sp[colon - 1], rng[0], colon)
    if speaker is None:
        return None
    return Frame("colon", ":", colon, colon, speaker)


def _clause_subject(
    resolver: SpeakerResolver, qt: QuoteTokens, rng: tuple[int, int]
) -> EntityRef | None:
    """The subject of the clause around a partial quotation ("Copé déplora un « … »"): up the
    parse from the quoted words to the first verb outside them whose subject can speak."""
    sp = resolver.sp
    tok = sp[min(qt.first + 1, qt.last)]
    for _ in range(12):
        if not (qt.first <= tok.i <= qt.last) and tok.pos_ in {"VERB", "AUX"}:
            speaker = resolver.subject(tok, rng)
            if speaker is not None and (
                speaker.name is not None or _has_role(speaker) or speaker.kind == "organization"
            ):
                return speaker
        if tok.head.i == tok.i or not rng[0] <= tok.head.i < rng[1]:
            return None
        tok = tok.head
    return None


def _has_role(ent: EntityRef) -> bool:
    lex = lexicon()
    return any(lex.is_role(w) for w in ent.text.lower().replace("'", "' ").split()[:3])


def _finish_quotes(
    text: str,
    pending: list[_Pending],
    resolver: SpeakerResolver,
    subjects: dict[int, EntityRef | None],
) -> list[Quote]:
    sp = resolver.sp
    out: list[Quote] = []
    for n, p in enumerate(pending):
        if p.speaker is None and p.floating:
            p.speaker, p.frame = _neighbour_speaker(pending, n, subjects)
        rng = _tokens_of(sp, p.sentence.start, p.sentence.end)
        introduced = p.frame is not None and (p.frame.kind == "colon" or p.frame.incise)
        verb_at = p.frame.last if p.frame is not None and p.frame.kind == "verb" else -1
        if not introduced and is_name_not_speech(text, sp, p.q, rng[0], verb_at):
            continue  # l'opération « Serval », raille « Coach » Romney
        if p.frame is None and is_short(text, p.q) and not p.floating and not p.cued:
            continue  # un « plan B »: a scare quote with no speech frame
        verb = p.frame.verb if p.frame else None
        out.append(
            Quote(
                id=f"q{len(out) + 1}",
                text=p.q.span.inner(text),
                speaker=p.speaker,
                verb=verb.lemma if verb else None,
                polarity=verb.polarity if verb else None,
                partial=p.q.first > rng[0] and not p.floating,
                evidence=Evidence.of(text, p.q.span.start, p.q.span.end),
            )
        )
    return out


def _neighbour_speaker(
    pending: list[_Pending], n: int, subjects: dict[int, EntityRef | None]
) -> tuple[EntityRef | None, Frame | None]:
    """A floating quotation's speaker: the sentence before's (its quotation, else its subject),
    else an earlier quotation's in the last three sentences, else the next quotation's."""
    me = pending[n]
    earlier = [p for p in pending[:n] if p.speaker is not None]
    previous = me.sentence.index - 1
    prev_quote = next((p for p in reversed(earlier) if p.sentence.index == previous), None)
    if prev_quote is not None:
        return prev_quote.speaker, prev_quote.frame
    if subjects.get(previous) is not None and _near(me, previous):
        return subjects[previous], None
    for prev in reversed(earlier):
        if (
            me.sentence.paragraph - prev.sentence.paragraph > 1
            or me.sentence.index - prev.sentence.index > 3
        ):
            break
        return prev.speaker, prev.frame
    if n + 1 < len(pending):
        nxt = pending[n + 1]
        if nxt.sentence.index - me.sentence.index <= 1 and nxt.speaker is not None:
            return nxt.speaker, nxt.frame
    return None, None


def _near(me: _Pending, previous: int) -> bool:
    return previous >= 0 and me.sentence.index - previous == 1


def _sentence_subject(
    resolver: SpeakerResolver, rng: tuple[int, int], frames: list[Frame], inside: set[int]
) -> EntityRef | None:
    """Who the sentence is about, for a floating quotation after it: a frame's speaker, else
    the subject of its first verb when that subject can speak."""
    for f in frames:
        if f.speaker is not None:
            return f.speaker
    sp = resolver.sp
    for k in range(rng[0], rng[1]):
        tok = sp[k]
        if k in inside or tok.dep_ not in {"nsubj", "nsubj:pass"}:
            continue
        head = tok.head
        if head.pos_ in {"VERB", "AUX", "NOUN", "ADJ"} and rng[0] <= head.i < rng[1]:
            ent = resolver.subject(head, rng) if head.pos_ in {"VERB", "AUX"} else None
            if ent is not None and (ent.name is not None or ent.kind != "description"):
                return ent
    return None


def _same_paragraph(last: Attribution, sent: Sentence, sentences: list[Sentence]) -> bool:
    return any(s.paragraph == sent.paragraph and s.contains(last.scope.start) for s in sentences)


def _carry(last: Attribution, sent: Sentence, text: str) -> Attribution:
    return Attribution(
        source=last.source,
        cue=last.cue,
        scope=Evidence.of(text, sent.start, sent.end),
        carried=True,
    )


def _scope(text: str, sp: Doc, sent: Sentence, frame: Frame) -> Evidence:
    """The stretch a frame governs: its que-content, else the sentence minus an opening clause."""
    start, end = sent.start, sent.end
    if frame.kind == "verb" and frame.que >= 0 and not frame.incise:
        start = sp[frame.que].idx
    elif _subject_after_comma(text, sp, sent, frame):
        # "62 interpellations en marge des cortèges, la CGT dénonce …": the CGT speaks from
        # its own clause on, not for the clause before the comma
        assert frame.speaker is not None and frame.speaker.evidence is not None
        start = frame.speaker.evidence.start
    low = text[start:end].lower()
    cue_at = sp[frame.first].idx
    for opener in lexicon().outside_scope_openers:
        if low.startswith(opener + " ") or (opener.endswith("'") and low.startswith(opener)):
            comma = text.find(",", start, end)
            if 0 <= comma < cue_at:
                start = comma + 1
                while start < end and text[start].isspace():
                    start += 1
            break
    return Evidence.of(text, start, end)


def _subject_after_comma(text: str, sp: Doc, sent: Sentence, frame: Frame) -> bool:
    """Whether a finite speech verb's subject stands after a comma of its own sentence, before
    its verb (no incise; a participle, "…, l'OSDH affirmant", keeps the whole sentence)."""
    speaker = frame.speaker
    if frame.kind != "verb" or frame.incise or speaker is None or speaker.evidence is None:
        return False
    verb = sp[frame.last]
    finite = "Fin" in verb.morph.get("VerbForm", []) or sp[frame.first].i != verb.i
    at = speaker.evidence.start
    if not finite or not sent.start < at < sp[frame.first].idx:
        return False
    return text.rfind(",", sent.start, at) >= 0


def _attributions(
    text: str, sp: Doc, sent: Sentence, frames: list[Frame], last: Attribution | None
) -> list[Attribution]:
    out: list[Attribution] = []
    for f in frames:
        if f.speaker is None:
            continue
        source, carried = f.speaker, False
        if last is not None and _points_back(f.speaker):
            source, carried = last.source, True
        out.append(
            Attribution(source=source, cue=f.cue, scope=_scope(text, sp, sent, f), carried=carried)
        )
    return out


def _points_back(ent: EntityRef) -> bool:
    """ "cette ONG", "la même source", "ce dernier": a source named before."""
    words = ent.text.lower().split()
    return bool(words) and (
        words[0] in lexicon().demonstratives or any(w in lexicon().words("same") for w in words[:3])
    )


def _statements(
    text: str, sp: Doc, sent: Sentence, frames: list[Frame], inside: set[int], offset: int
) -> list[Statement]:
    out: list[Statement] = []
    for f in frames:
        if f.kind != "verb" or f.speaker is None:
            continue
        content = _content(text, sp, sent, f, inside)
        if content is None:
            continue
        out.append(
            Statement(
                id=f"s{offset + len(out) + 1}",
                speaker=f.speaker,
                verb=f.lemma,
                content=content,
                evidence=Evidence.of(text, sent.start, sent.end),
            )
        )
    return out


def _content(text: str, sp: Doc, sent: Sentence, f: Frame, inside: set[int]) -> Evidence | None:
    """What was said, when it is not itself a quotation: "que …" or the text before an incise."""
    if f.que >= 0:
        lo = f.que + 1
        hi = _tokens_of(sp, sent.start, sent.end)[1]
        if lo >= hi or all(k in inside for k in range(lo, hi) if not sp[k].is_punct):
            return None
        start, end = sp[lo].idx, sent.end
    elif f.incise:
        end_tok = f.first - 1
        start = sent.start
        if end_tok < 0 or sp[end_tok].text != ",":
            return None
        first_tok = _tokens_of(sp, sent.start, sent.end)[0]
        if any(k in inside for k in range(first_tok, end_tok)):
            return None
        end = sp[end_tok].idx
    else:
        return None
    while end > start and (text[end - 1] in " .,;" or text[end - 1].isspace()):
        end -= 1
    return Evidence.of(text, start, end) if end > start else None
