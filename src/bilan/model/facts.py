"""Facts extracted from an article, each with its evidence span."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from bilan.model.vocab import AccessKind, AccessStatus, Category, Group, Qualifier


class Evidence(BaseModel):
    """A character span of the article text: ``text == article.text[start:end]``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Evidence:
        return cls(start=start, end=end, text=text[start:end])


class EntityRef(BaseModel):
    """A mention of a person, organization, place-as-actor or description.

    ``text`` is the words in the article; ``name`` the canonical name when known (alias table,
    or the proper name inside a description); ``role`` an apposition or title ("le patron des
    opérations humanitaires de l'ONU"); ``kind`` person/organization/group/media/state/description.
    ``gender`` (Masc/Fem) and ``number`` (Sing/Plur) are the mention's grammatical agreement, used
    to resolve pronouns ("a-t-il souligné"); None when the text does not show it.
    """

    text: str
    name: str | None = None
    role: str | None = None
    kind: str | None = None
    actor_type: str | None = None
    inter: int | None = None
    country: str | None = None
    gender: str | None = None
    number: str | None = None
    evidence: Evidence | None = None


class Place(BaseModel):
    """A toponym mention, geocoded when the gazetteer knows it.

    ``precision`` follows UCDP's where_prec: 1 exact place, 2 within 25 km, 3 second-order
    division, 4 first-order division, 5 linear/larger area, 6 country, 7 international waters;
    None when the place is in no gazetteer (kept as a name, never placed at a wrong point).
    ``name`` is the name a French reader uses, as the article writes it ("Alep", "Téhéran");
    ``geoname`` the gazetteer's canonical name of the place it resolved to ("Aleppo").
    ``feature`` is the kind of place (country, admin1, admin2, city, district, village, region,
    other); ``role`` says how the text uses the name: ``location`` (where something is or
    happens), ``actor`` (metonymy: "Moscou a dénoncé", a capital or country standing for its
    government) or ``speaker_location`` ("s'adressant depuis Londres"): only ``location``
    places are event locations.
    """

    text: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None
    feature: str | None = None
    country: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    geoname: str | None = None
    parents: list[str] = Field(default_factory=list)
    role: str = "location"  # location | actor | speaker_location
    evidence: Evidence | None = None


class Period(BaseModel):
    """A resolved time interval (one day when start == end)."""

    start: date | None = None
    end: date | None = None
    precision: str | None = None  # day | days | week | month | year
    text: str | None = None
    evidence: Evidence | None = None


class DateMention(BaseModel):
    """A time expression found in the text, resolved against the publication date."""

    id: str
    text: str
    start: date | None = None
    end: date | None = None
    precision: str | None = None
    kind: str | None = None  # absolute | relative | weekday | interval | since | duration
    evidence: Evidence


class NumberMention(BaseModel):
    """A number read from the text with its qualifier (before deciding whether it counts people)."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    evidence: Evidence
    head_token: int | None = None  # index of the numeric token in the spaCy Doc


class Attribution(BaseModel):
    """Who a stretch of text is attributed to: "selon l'OSDH", "a indiqué l'agence Sana".

    ``scope`` is the span the source governs (a sentence or a clause); ``carried`` is True when the
    source was inherited from a previous sentence of the same report.
    """

    source: EntityRef
    cue: str
    scope: Evidence
    carried: bool = False


class Count(BaseModel):
    """A count of people affected (GOLD.md §3)."""

    id: str
    category: Category
    group: Group = "people"
    qualifier: Qualifier = "exact"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    hedged: bool = False
    part_of: str | None = None
    source: EntityRef | None = None
    perpetrator: EntityRef | None = None
    cause: str | None = None
    period: Period | None = None
    place: Place | None = None
    origin: Place | None = None
    destination: Place | None = None
    evidence: Evidence


class Quote(BaseModel):
    """A direct quotation. ``evidence`` spans the quoted words with their marks."""

    id: str
    text: str
    speaker: EntityRef | None = None
    verb: str | None = None
    polarity: str | None = None
    partial: bool = False
    evidence: Evidence


class Statement(BaseModel):
    """Indirect speech without quotation marks: "X a affirmé que …"."""

    id: str
    speaker: EntityRef | None = None
    verb: str | None = None
    content: Evidence
    evidence: Evidence


class Event(BaseModel):
    """One incident the article reports, typed with ACLED's vocabulary (plus disasters, displacement)."""

    id: str
    event_type: str
    sub_event_type: str | None = None
    actor1: EntityRef | None = None
    actor2: EntityRef | None = None
    interaction: int | None = None
    place: Place | None = None
    period: Period | None = None
    fatalities: int | None = None
    count_ids: list[str] = Field(default_factory=list)
    sources: list[EntityRef] = Field(default_factory=list)
    notes: str | None = None
    evidence: Evidence
    #: where ``place`` comes from: "sentence" (a place of the reporting sentence), "count" (a
    #: linked count's place) or "article" (the article's main place, with a precision no finer
    #: than 2: the event is somewhere in or near it)
    place_basis: str | None = None
    #: where ``period`` comes from: "sentence", "count" or "publication" (no date in the text:
    #: the article's publication date, with ``period.precision`` "publication")
    date_basis: str | None = None


class AccessFact(BaseModel):
    """A besieged or trapped population, or a humanitarian access fact (issue 12).

    ``kind`` says what it is about (a siege, people trapped, aid stocks, an aid convoy, access, a
    corridor); ``status`` what the text says of it ("assiégée depuis quatre mois" → ongoing,
    "camions prêts à entrer" → ready, "appelant le gouvernement à autoriser" → requested,
    "accès refusé" → denied); None when the text does not say. ``actor`` is who besieges,
    provides, grants or refuses (for a request: who is asked); ``source`` who reports or asks;
    ``count_ids`` the counts of people it concerns ("comptait 250.000 civils", "pour ravitailler
    plusieurs dizaines de milliers de personnes"); ``cue`` the words that made it a fact.
    """

    id: str
    kind: AccessKind
    status: AccessStatus | None = None
    place: Place | None = None
    period: Period | None = None
    actor: EntityRef | None = None
    source: EntityRef | None = None
    count_ids: list[str] = Field(default_factory=list)
    cue: str
    evidence: Evidence
