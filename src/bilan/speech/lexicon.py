"""The French data the speech modules use, read once from ``bilan/lang/fr/*.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilan.lang.fr import load


@dataclass(frozen=True)
class Verb:
    """A speech verb: its lemma, polarity (neutral/positive/negative) and kind."""

    lemma: str
    polarity: str
    kind: str
    strict: bool


@dataclass(frozen=True)
class SpeechLexicon:
    verbs: dict[str, Verb]
    pronouns: dict[str, tuple[str, str]]
    impersonal: frozenset[str]
    person_roles: frozenset[str]
    role_suffixes: tuple[str, ...]
    document_nouns: frozenset[str]
    organization_heads: frozenset[str]
    anaphoric_org_heads: frozenset[str]
    role_openers: frozenset[str]
    prepositions: dict[str, str]
    noun_cues: frozenset[str]
    predicates: tuple[str, ...]
    continuation: frozenset[str]
    demonstratives: frozenset[str]
    outside_scope_openers: tuple[str, ...]
    pairs: dict[str, str]
    naming_cues: frozenset[str]
    sentence_end: re.Pattern[str]
    abbreviations: frozenset[str]
    short_quote_words: int
    grammar: dict[str, frozenset[str]]
    endings: tuple[tuple[str, str], ...]
    insertions: tuple[tuple[str, ...], ...]

    def words(self, name: str) -> frozenset[str]:
        """A named list of function words from lang/fr/grammar.yaml."""
        return self.grammar[name]

    def verb(self, lemma: str) -> Verb | None:
        """The speech verb with this lemma, or None when the lemma reports no speech."""
        return self.verbs.get(lemma.lower())

    def verb_of_form(self, form: str) -> Verb | None:
        """A first-group speech verb read from its form when the lemmatizer missed it
        ("raconte" tagged as an adjective, "traite" → traire): "raconte" → raconter."""
        low = form.lower()
        for suffix, ending in self.endings:
            if low.endswith(suffix):
                verb = self.verb(low[: -len(suffix)] + ending)
                if verb is not None:
                    return verb
        return None

    def is_role(self, word: str) -> bool:
        """Whether the word is a person's function or title, singular or plural
        ("manifestant", "manifestants", "généraux")."""
        return any(w in self.person_roles for w in _singulars(word))

    def looks_like_role(self, word: str) -> bool:
        """A role noun, or a noun with an occupation ending ("un sismologue", "la riveraine");
        used only where the context already says a person is meant (a speaker, a title)."""
        low = word.lower()
        return self.is_role(low) or (
            len(low) > 5
            and any(s.endswith(suffix) for s in _singulars(low) for suffix in self.role_suffixes)
        )

    def is_org_head(self, word: str) -> bool:
        """Whether the word names an organization by type, singular or plural ("syndicats")."""
        return any(w in self.organization_heads for w in _singulars(word))


def _singulars(word: str) -> tuple[str, ...]:
    """The word and the singulars its plural may stand for: "syndicats" → syndicat,
    "généraux" → général."""
    low = word.lower()
    if low.endswith("aux") and len(low) > 4:
        return (low, low[:-3] + "al", low[:-1])
    if low.endswith(("s", "x")) and len(low) > 3:
        return (low, low[:-1])
    return (low,)


_WORD = re.compile(r"\w+['’]|\w+")


def phrase_words(text: str) -> tuple[str, ...]:
    """Lower-cased words of a phrase as the tokenizer splits them: "jusqu'ici" → (jusqu', ici)."""
    return tuple(_WORD.findall(text.lower()))


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@cache
def lexicon() -> SpeechLexicon:
    """The lexicon, built once per process from the YAML files."""
    verbs_data: dict[str, dict[str, object]] = load("speech_verbs")
    speakers = load("speakers")
    attribution = load("attribution")
    quotes = load("quotes")
    grammar = load("grammar")
    verbs = {
        lemma: Verb(
            lemma=lemma,
            polarity=str(v.get("polarity", "neutral")),
            kind=str(v.get("kind", "assert")),
            strict=bool(v.get("strict", False)),
        )
        for lemma, v in verbs_data.items()
    }
    return SpeechLexicon(
        verbs=verbs,
        pronouns={k: (v["gender"], v["number"]) for k, v in speakers["pronouns"].items()},
        impersonal=_words(speakers["impersonal"]),
        person_roles=_words(speakers["person_roles"]),
        role_suffixes=tuple(speakers["role_suffixes"]),
        document_nouns=_words(speakers["document_nouns"]),
        organization_heads=_words(speakers["organization_heads"]),
        anaphoric_org_heads=_words(speakers["anaphoric_organization_heads"]),
        role_openers=_words(speakers["role_openers"]),
        prepositions={k.lower(): v["strength"] for k, v in attribution["prepositions"].items()},
        noun_cues=frozenset(
            k.lower() for k, v in attribution["prepositions"].items() if v.get("keeps_noun")
        ),
        predicates=tuple(attribution["predicates"]),
        continuation=_words(attribution["continuation"]),
        demonstratives=_words(attribution["demonstratives"]),
        outside_scope_openers=tuple(attribution["outside_scope_openers"]),
        pairs=dict(quotes["pairs"]),
        naming_cues=_words(quotes["naming_cues"]),
        sentence_end=re.compile(quotes["sentence_end"]),
        abbreviations=frozenset(quotes["abbreviations"]),
        short_quote_words=int(quotes["short_quote_words"]),
        grammar={
            k: _words(v)
            for k, v in grammar.items()
            if k not in {"first_group_endings", "insertions"}
        },
        endings=tuple((a, b) for a, b in grammar["first_group_endings"]),
        insertions=tuple(
            sorted((phrase_words(p) for p in grammar["insertions"]), key=len, reverse=True)
        ),
    )
