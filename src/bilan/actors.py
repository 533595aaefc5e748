"""The actor dictionary: canonical actors (forces, groups, organizations, media) and their names.

>>> actors = ActorDictionary.load()
>>> actors.lookup("l'agence officielle Sana").name
'SANA'
>>> actors.lookup("cette ONG") is None
True

Two ways in:

* :meth:`ActorDictionary.lookup` resolves a phrase already known to designate an actor (a count's
  source or perpetrator, a quote's speaker): it drops leading prepositions and determiners
  ("selon l'OSDH"), title nouns ("l'agence officielle Sana"), apposition after a comma and
  parentheses ("l'Observatoire syrien des droits de l'Homme (OSDH)"), and reads place names used
  for a government ("Damas", "Moscou").
* :meth:`ActorDictionary.find` scans running text for every actor name, with character offsets
  into it; place names are left to the gazetteer there ("à Damas" is a place).

Matching folds case and accents, hyphens and apostrophes ("Etat islamique" = "État
islamique", "Croix Rouge" = "Croix-Rouge"); short all-capital aliases ("AP", "HCR") match only in
capitals. The data is ``lang/fr/actors.yaml``; users add a file of the same shape
(``Settings.user_actors``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from bilan.errors import ConfigError
from bilan.lang.fr import load
from bilan.model import EntityRef, Evidence

Via = Literal["alias", "description", "member", "metonym", "title"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_TOKEN = re.compile(r"\w+'|\w+|[^\w\s]")


def fold(text: str, *, lower: bool = True) -> str:
    """Same-length folding: accents dropped, apostrophes unified, hyphens as spaces, lower case.

    The result has exactly one character per input character, so offsets found in it index the
    original text.
    """
    return text.translate(_FOLD_LOWER if lower else _FOLD_CASE)


def _fold_char(ch: str, lower: bool) -> str:
    base = unicodedata.normalize("NFD", ch.translate(_APOSTROPHES))[0]
    if lower:
        low = base.lower()
        base = low if len(low) == 1 else base
    return " " if base in "-‐‑–" else base


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table of :func:`_fold_char`, filled as characters are first seen."""

    def __init__(self, *, lower: bool) -> None:
        super().__init__()
        self.lower = lower

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code), self.lower)
        return folded


_FOLD_LOWER = _FoldTable(lower=True)
_FOLD_CASE = _FoldTable(lower=False)


def tokens(text: str) -> list[str]:
    """Folded tokens, elided articles kept whole ("l'osdh" → ["l'", "osdh"])."""
    return _TOKEN.findall(fold(text))


def key(text: str) -> str:
    """The normalized form compared by :meth:`ActorDictionary.lookup`."""
    return " ".join(tokens(text))


@dataclass(frozen=True)
class Actor:
    """One canonical actor. ``inter`` is ACLED's actor-type code (see actors.yaml)."""

    name: str
    type: str
    inter: int | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    generic: bool = False
    adjectives: tuple[str, ...] = ()

    def ref(
        self, text: str, evidence: Evidence | None = None, *, role: str | None = None
    ) -> EntityRef:
        """An :class:`EntityRef` for a mention of this actor."""
        return EntityRef(
            text=text,
            name=self.name,
            role=role,
            kind="group" if self.generic else _KIND.get(self.type, "organization"),
            actor_type=self.type,
            inter=self.inter,
            country=self.country,
            evidence=evidence,
        )

    def merged(self, other: Actor) -> Actor:
        """This actor with the names of ``other`` (a user extension of the same name) added."""

        def union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
            return a + tuple(x for x in b if x not in a)

        return Actor(
            name=self.name,
            type=other.type or self.type,
            inter=other.inter if other.inter is not None else self.inter,
            country=other.country or self.country,
            aliases=union(self.aliases, other.aliases),
            descriptions=union(self.descriptions, other.descriptions),
            members=union(self.members, other.members),
            metonyms=union(self.metonyms, other.metonyms),
            generic=self.generic or other.generic,
            adjectives=union(self.adjectives, other.adjectives),
        )


_KIND = {
    "state_forces": "state",
    "government": "state",
    "media": "media",
    "civilians": "group",
    "protesters": "group",
    "rioters": "group",
}


@dataclass(frozen=True)
class ActorMatch:
    """How a phrase resolved: the actor, and which of its names matched."""

    actor: Actor
    via: Via
    matched: str


@dataclass(frozen=True)
class ActorMention:
    """An actor name found in running text; ``text == source[start:end]``."""

    actor: Actor
    via: Via
    start: int
    end: int
    text: str

    def evidence(self) -> Evidence:
        return Evidence(start=self.start, end=self.end, text=self.text)


@dataclass(frozen=True)
class _Grammar:
    prepositions: frozenset[str]
    determiners: frozenset[str]
    demonstratives: frozenset[str]
    title_heads: frozenset[str]
    max_title_words: int

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> _Grammar:
        def words(name: str) -> frozenset[str]:
            return frozenset(key(w) for w in data.get(name, []))

        return cls(
            prepositions=words("prepositions"),
            determiners=words("determiners"),
            demonstratives=words("demonstratives"),
            title_heads=words("title_heads"),
            max_title_words=int(data.get("max_title_words", 6)),
        )


def parse_actors(entries: Iterable[Mapping[str, Any]], *, source: str) -> list[Actor]:
    """Actors from YAML entries; a malformed entry is a ConfigError naming it."""
    out: list[Actor] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, Mapping) or not entry.get("name") or not entry.get("type"):
            raise ConfigError(
                f"actor #{i} needs at least a name and a type: {entry!r}", source=source
            )
        try:
            out.append(
                Actor(
                    name=str(entry["name"]),
                    type=str(entry["type"]),
                    inter=int(entry["inter"]) if entry.get("inter") is not None else None,
                    country=entry.get("country"),
                    aliases=tuple(str(a) for a in entry.get("aliases") or ()),
                    descriptions=tuple(str(a) for a in entry.get("descriptions") or ()),
                    members=tuple(str(a) for a in entry.get("members") or ()),
                    metonyms=tuple(str(a) for a in entry.get("metonyms") or ()),
                    generic=bool(entry.get("generic", False)),
                    adjectives=tuple(str(a) for a in entry.get("adjectives") or ()),
                )
            )
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"actor {entry.get('name')!r}: {exc}", source=source) from exc
    return out


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return len(letters) <= 5 and letters.isalpha() and letters.isupper()


@dataclass
class ActorDictionary:
    """Canonical actors and every name they go by. Build with :meth:`load`."""

    actors: list[Actor]
    grammar: _Grammar
    _index: dict[str, tuple[Actor, Via]] = field(init=False, repr=False)
    _metonyms: dict[str, Actor] = field(init=False, repr=False)
    _scan: re.Pattern[str] = field(init=False, repr=False)
    _scan_caps: re.Pattern[str] = field(init=False, repr=False)
    _by_form: dict[tuple[bool, str], tuple[Actor, Via]] = field(init=False, repr=False)
    _adjectives: dict[str, Actor] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {}
        self._metonyms = {}
        self._by_form = {}
        self._adjectives = {}
        for actor in self.actors:
            for via, names in (
                ("alias", actor.aliases),
                ("description", actor.descriptions),
                ("member", actor.members),
            ):
                for name in names:
                    self._index.setdefault(key(name), (actor, via))  # type: ignore[arg-type]
                    caps = via == "alias" and _is_acronym(name)
                    form = fold(name, lower=not caps)
                    self._by_form.setdefault((caps, " ".join(form.split())), (actor, via))  # type: ignore[arg-type]
            for name in actor.metonyms:
                self._metonyms.setdefault(key(name), actor)
            for word in actor.adjectives:
                self._adjectives.setdefault(fold(word), actor)
        self._scan = _alternation(form for caps, form in self._by_form if not caps)
        self._scan_caps = _alternation(form for caps, form in self._by_form if caps)

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def load(cls, user_actors: str | Path | None = None) -> ActorDictionary:
        """The bundled dictionary, extended by the YAML file ``user_actors`` when given."""
        data = load("actors")
        actors = parse_actors(data["actors"], source="lang/fr/actors.yaml")
        if user_actors is not None:
            actors = _extend(actors, _read_user(Path(user_actors)))
        return cls(actors, _Grammar.from_data(data))

    def __getitem__(self, name: str) -> Actor:
        for actor in self.actors:
            if actor.name == name:
                return actor
        raise KeyError(name)

    # -- look-up of a phrase known to be an actor -----------------------------------------------
    def lookup(self, text: str) -> Actor | None:
        """The actor a phrase designates, or None when no name, title or description fits."""
        found = self.match(text)
        return found.actor if found is not None else None

    def match(self, text: str) -> ActorMatch | None:
        """Like :meth:`lookup`, saying which name matched."""
        words, anaphoric = self._strip_head(tokens(text))
        for candidate in _candidates(words):
            found = self._match_words(candidate)
            if found is not None and (found.actor.generic or not anaphoric):
                return found
        return None

    def _strip_head(self, words: list[str]) -> tuple[list[str], bool]:
        g = self.grammar
        anaphoric = False
        while words and (
            words[0] in g.prepositions or words[0] in g.determiners or words[0] in g.demonstratives
        ):
            anaphoric = anaphoric or words[0] in g.demonstratives
            words = words[1:]
        return words, anaphoric

    def _match_words(self, words: list[str]) -> ActorMatch | None:
        if not words:
            return None
        phrase = " ".join(words)
        if phrase in self._index:
            actor, via = self._index[phrase]
            return ActorMatch(actor, via, phrase)
        if phrase in self._metonyms:
            return ActorMatch(self._metonyms[phrase], "metonym", phrase)
        if words[0] not in self.grammar.title_heads:
            return None
        for cut in range(1, min(len(words), self.grammar.max_title_words + 1)):
            rest, _ = self._strip_head(words[cut:])
            name = " ".join(rest)
            if name in self._index:
                actor, via = self._index[name]
                if via != "member":
                    return ActorMatch(actor, "title", name)
        return None

    def by_adjective(self, word: str) -> Actor | None:
        """The actor a relational adjective stands for ("des frappes russes" → Russia), looked up
        by the adjective's lemma or form; None for any other adjective."""
        return self._adjectives.get(fold(word))

    def affiliation(self, text: str) -> Actor | None:
        """The named actor a person's description belongs to, or None.

        "un correspondant de l'AFP" → AFP, "le patron des opérations humanitaires de l'ONU" →
        United Nations: the first named (non-generic) actor mentioned in the phrase.
        """
        direct = self.lookup(text)
        if direct is not None:
            return direct
        for mention in self.find(text):
            if not mention.actor.generic:
                return mention.actor
        return None

    # -- scan of running text -------------------------------------------------------------------
    def find(self, text: str, *, start: int = 0, end: int | None = None) -> list[ActorMention]:
        """Every actor name in ``text[start:end]``, leftmost-longest, offsets into ``text``."""
        stop = len(text) if end is None else end
        # only the range is folded (not the whole text per sentence), with the character before
        # it that the patterns' word-edge look-behind reads
        lo = min(max(0, start - 1), stop)
        window = text[lo:stop]
        hits: list[ActorMention] = []
        for pattern, lower in ((self._scan, True), (self._scan_caps, False)):
            folded = fold(window, lower=lower)
            for m in pattern.finditer(folded, max(0, start - lo)):
                form = " ".join(m.group(0).split())
                actor, via = self._by_form[(not lower, form)]
                a, b = m.start() + lo, m.end() + lo
                hits.append(ActorMention(actor, via, a, b, text[a:b]))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[ActorMention] = []
        for hit in hits:
            if not kept or hit.start >= kept[-1].end:
                kept.append(hit)
        return kept


def _candidates(words: list[str]) -> list[list[str]]:
    """The phrase, then its part before a comma or parenthesis, then a parenthesized name."""
    out = [words]
    for stop in (",", "(", ":"):
        if stop in words:
            out.append(words[: words.index(stop)])
    if "(" in words:
        inside = words[words.index("(") + 1 :]
        out.append(inside[: inside.index(")")] if ")" in inside else inside)
    return out


def _alternation(forms: Iterable[str]) -> re.Pattern[str]:
    parts = sorted(set(forms), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in f.split(" ")) for f in parts)
    return re.compile(rf"(?<!\w)(?:{body or '(?!)'})(?!\w)")


def _read_user(path: Path) -> list[Actor]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the user actors file: {exc}", source=str(path)) from exc
    entries = data.get("actors", []) if isinstance(data, Mapping) else data
    if not isinstance(entries, list):
        raise ConfigError(
            "expected a list of actors (or a mapping with `actors:`)", source=str(path)
        )
    return parse_actors(entries, source=str(path))


def _extend(base: list[Actor], extra: list[Actor]) -> list[Actor]:
    by_name = {a.name: i for i, a in enumerate(base)}
    out = list(base)
    for actor in extra:
        if actor.name in by_name:
            out[by_name[actor.name]] = out[by_name[actor.name]].merged(actor)
        else:
            by_name[actor.name] = len(out)
            out.append(actor)
    return out
