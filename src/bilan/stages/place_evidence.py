"""Is a capitalised name a toponym? The evidence the places stage asks for before keeping one.

A gazetteer knows hundreds of thousands of names, many of them also French words ("Principal",
"Pas", "Sud", "Ville"), first names or surnames, or foreign aliases of small towns ("Lundi" for
Lund, "Hamas" for Hamm). A mention is kept only with real evidence:

* the gazetteer match is *strong*: a country, province or curated place, a town under its own
  name (accents agreeing: "Ville" is not "Villé"), or a big town under an exonym ("Alep");
* and the name is not a common French word read at a sentence start, nor a word the parser reads
  as an adjective or a verb, nor an organisation of the actor dictionary ("Hamas");
* a weak match, or no match at all, needs a locative cue before it ("à Saraqeb", "dans le
  village de Kfar Zoubeidat") or a place noun inside it ("pont Mathilde").

Common words come from the French lemmatizer tables that ship with the spaCy model (forms and
lemmas of nouns, adjectives, adverbs and verbs), so no word list is kept by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilan.actors import ActorDictionary
from bilan.gazetteer import Gazetteer, GazetteerEntry, normalize
from bilan.gazetteer.resolve import BUILTIN_SOURCES, candidates_for, is_acronym, is_primary
from bilan.lang.fr import load
from bilan.model import Document
from bilan.stages.place_mentions import Mention

#: parts of speech that a common word read as a name cannot have ("Principal soutien", "Pas moins")
NOT_NAME_POS = frozenset({"ADJ", "ADV", "VERB", "AUX", "DET", "ADP", "CCONJ", "SCONJ", "NUM"})
AREA_KINDS = frozenset({"country", "admin1", "admin2", "region"})


@cache
def cues() -> dict[str, Any]:
    data = load("places")
    return {
        "locative": re.compile(data["locative_cue_pattern"], re.IGNORECASE),
        "coordinated": re.compile(data["coordinated_cue_pattern"]),
        "article_before": re.compile(data["article_before_pattern"], re.IGNORECASE),
        "place_nouns": frozenset(data["place_nouns"]),
        "big_town": int(data["big_town_population"]),
        "person_after": re.compile(data["person_after_pattern"]),
        "of_before": re.compile(data["of_before_pattern"], re.IGNORECASE),
        "toponym_shape": re.compile(data["toponym_shape_pattern"]),
    }


@dataclass(frozen=True)
class FrenchWords:
    """Forms and lemmas of French common words (the spaCy model's lemmatizer tables)."""

    words: frozenset[str]

    @classmethod
    def from_nlp(cls, nlp: Any) -> FrenchWords:
        words: set[str] = set()
        if "lemmatizer" in nlp.pipe_names:
            lookups = nlp.get_pipe("lemmatizer").lookups
            strings = nlp.vocab.strings
            if lookups.has_table("lemma_index"):
                for forms in lookups.get_table("lemma_index").values():
                    words.update(forms)
            if lookups.has_table("lemma_lookup"):
                table = lookups.get_table("lemma_lookup")
                words.update(strings[k] for k in table if k in strings)
        return cls(frozenset(w for w in words if w.isalpha() or "-" in w))

    def common(self, word: str) -> bool:
        return word.lower() in self.words


def strong(e: GazetteerEntry, query: str) -> bool:
    """A match that names a place by itself: an area, a curated place, a town under its own
    name, or a big town under an exonym ("Alep" → Aleppo, not "Hamas" → Hamm)."""
    if e.kind in AREA_KINDS or e.source not in BUILTIN_SOURCES:
        return True
    if is_primary(e, query):
        return True
    if normalize(e.name) == normalize(query):
        return False  # its own name with other accents: "Länder" is not Lander
    return e.population >= cues()["big_town"] and not is_acronym(query)


def big(e: GazetteerEntry) -> bool:
    return (
        e.kind in AREA_KINDS
        or e.source not in BUILTIN_SOURCES
        or e.population >= cues()["big_town"]
    )


def sentence_initial(doc: Document, start: int) -> bool:
    """The word opens a sentence, a line or a quotation (its capital proves nothing)."""
    before = doc.text[:start].rstrip(" \t«“\"'(—–-\u00a0\u202f")
    if not before or before[-1] in ".!?…\n":
        return True
    if doc.spacy is None:
        return False
    span = doc.spacy.char_span(start, start + 1, alignment_mode="expand")
    return bool(span is not None and len(span) and span[0].is_sent_start)


def named_elsewhere(doc: Document, text: str) -> bool:
    """The name also appears capitalised inside a sentence of the article."""
    for found in re.finditer(rf"\b{re.escape(text)}\b", doc.text):
        if not sentence_initial(doc, found.start()):
            return True
    return False


def locative_cue(doc: Document, start: int) -> bool:
    """ "à Saraqeb", "dans le village de", "près de", "vers": a word that announces a place;
    "à Cayenne et |Saint-Jean-du-Maroni": the second of two places after one such word."""
    before = doc.text[max(0, start - 60) : start]
    return bool(cues()["locative"].search(before) or cues()["coordinated"].search(before))


def of_before(doc: Document, start: int) -> bool:
    """ "la prise de Saraqeb": "de" before a name, a cue for a known place only."""
    return bool(cues()["of_before"].search(doc.text[max(0, start - 6) : start]))


def capitalised_compound(text: str) -> bool:
    """ "Proche-Orient", "Côte-Nord": every part of a hyphenated name has its capital."""
    parts = text.split("-")
    return len(parts) > 1 and " " not in text and all(p[:1].isupper() for p in parts)


def toponym_shape(text: str) -> bool:
    """ "Gonfreville-l'Orcher", "Saint-Jean-du-Maroni": the shape of a French place name."""
    return bool(cues()["toponym_shape"].search(text))


def article_before(doc: Document, start: int) -> bool:
    """ "le Kasaï", "du Darfour", "au Québec": a definite article, which areas take, towns not."""
    return bool(cues()["article_before"].search(doc.text[max(0, start - 12) : start]))


def has_place_noun(text: str) -> bool:
    """ "pont Mathilde", "aéroport international Murtala-Muhammed", "mont Maudit"."""
    return any(w.lower() in cues()["place_nouns"] for w in re.split(r"[\s'’-]+", text))


def person_after(doc: Document, end: int) -> bool:
    """ "Fawwaz al-Achaari, 56 ans," or "(56 ans)": an age after the name marks a person."""
    return bool(cues()["person_after"].match(doc.text[end : end + 20]))


def plain_word(token: Any, words: FrenchWords) -> bool:
    """A common French word the parser does not read as a name ("Principal", "Pas", "La")."""
    if token.is_stop and len(token.text) <= 4:
        return True
    return words.common(token.text) and token.pos_ in NOT_NAME_POS


@dataclass(frozen=True)
class ToponymJudge:
    """Keeps a mention only when the text and the gazetteer give real evidence of a place."""

    words: FrenchWords
    actors: ActorDictionary
    gazetteer: Gazetteer

    def keep(
        self, doc: Document, m: Mention, cands: list[GazetteerEntry], surnames: frozenset[str]
    ) -> bool:
        if m.direction is not None or m.dateline:
            return True
        text = doc.text[m.start : m.end]
        if _rejected_outright(doc, m, text, cands, surnames):
            return False
        tokens = _tokens(doc, m)
        if len(tokens) == 1 and plain_word(tokens[0], self.words):
            return False  # "Principal soutien", "Pas moins de", "La police"
        strongs = [c for c in cands if strong(c, m.name)]
        if self._organisation(text, strongs):
            return False  # "du Hamas", "d'Al-Qaïda": a group of the actor dictionary
        cue = locative_cue(doc, m.start) or m.kind_hint is not None
        common = bool(tokens) and all(self.words.common(t.text) or t.is_stop for t in tokens)
        if strongs:
            return cue or not common or self._common_name(doc, m, text, tokens, strongs)
        if has_place_noun(text) or toponym_shape(text) or self._holds_place(m.name):
            return True  # "pont Mathilde", "Saint-Jean-du-Maroni", "château de Saint-Cloud"
        if common and not cue:
            return False
        if cands:  # a small town under an alternate name: "à Saraqeb", "la prise de Saraqeb"
            return not common and (cue or of_before(doc, m.start))
        return cue

    def _common_name(
        self, doc: Document, m: Mention, text: str, tokens: list[Any], strongs: list[GazetteerEntry]
    ) -> bool:
        """Common words as a name: "Union européenne", "Liège", "Gaza"; not capitalised only
        because they open a sentence ("Sud Ouest a publié"); a single word must be the model's
        place and a big one."""
        if len(tokens) == 1 and not (m.from_ner and any(big(c) for c in strongs)):
            return False
        if capitalised_compound(text):
            return True  # "Proche-Orient", "Nord-Kivu": capitals inside a hyphenated name
        return not sentence_initial(doc, m.start) or named_elsewhere(doc, text)

    def _holds_place(self, name: str) -> bool:
        """ "château de Saint-Cloud", "musée de Pointe-à-Callière de Montréal": a known town
        after "de" inside the name."""
        for sep in load("places")["part_of_separators"]:
            head, found, tail = name.rpartition(sep)
            if not (found and head and tail[:1].isupper()):
                continue
            if any(strong(c, tail) for c in candidates_for(self.gazetteer, tail)):
                return True
        return False

    def _organisation(self, text: str, strongs: list[GazetteerEntry]) -> bool:
        found = self.actors.match(text)
        if found is None or found.via != "alias":
            return False
        return not any(c.kind in AREA_KINDS or c.source not in BUILTIN_SOURCES for c in strongs)


def _tokens(doc: Document, m: Mention) -> list[Any]:
    if doc.spacy is None:
        return []
    span = doc.spacy.char_span(m.start, m.end, alignment_mode="expand")
    return [t for t in span if t.is_alpha] if span is not None else []


def _rejected_outright(
    doc: Document, m: Mention, text: str, cands: list[GazetteerEntry], surnames: frozenset[str]
) -> bool:
    """A direction alone, "État", a code ("A3"), a demonym, a person's surname ("Romney") or a
    name followed by an age ("Fawwaz al-Achaari, 56 ans")."""
    data = load("places")
    if text.lower() in data["not_places"] or any(c.isdigit() for c in text):
        return True
    areas = any(c.kind in {"country", "admin1"} for c in cands)
    if text in surnames and not areas:
        return True
    if person_after(doc, m.end) and not areas:
        return True
    single = " " not in text
    return not cands and single and (text[:1].islower() or bool(_demonym().match(text)))


@cache
def _demonym() -> re.Pattern[str]:
    return re.compile(load("places")["demonym_pattern"])
