"""The typed hand-offs between the extraction components: mentions, entities, relations.

Components store these on the spaCy Doc (doc._.kg_*); convert.py turns them into the
project's ExtractedDocument, so no spaCy object leaves the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from graph_schema.vocabulary import EntityType, RelationType, Subtype
from loaders.extraction.lexicon import Title

if TYPE_CHECKING:
    from loaders.extraction.gazetteer import Entry


class Source(StrEnum):
    """Which rule found a mention (what it is says how sure it is and how it joins others)."""

    RULE = ""  # a rule that names no source of its own
    ROLE = "role"  # a role reference ("the company", "der Region")
    NOUN = "noun"
    NAMED = "named"
    DESIGNATED = "designated"
    WIDENED = "widened"
    TITLE = "title"
    SURNAME = "surname"
    SUFFIX = "suffix"
    SUBJECT = "subject"
    REPEAT = "repeat"
    QUOTED = "quoted"
    PLURAL = "plural"
    PARTNER = "partner"
    OWNER = "owner"
    NER = "ner"
    NAME_NOUN = "name-noun"
    NAME = "name"
    LISTED = "listed"
    LATIN = "latin"
    GOVERNMENT = "government"
    DOMAIN = "domain"
    CUE = "cue"
    APPOSED = "apposed"
    ACRONYM = "acronym"
    DESCRIBED = "described"
    GAZETTEER = "gazetteer"  # a name the gazetteer knows
    CAPITAL = "capital"
    ADJECTIVE = "adjective"
    REGION_ADJ = "region-adj"
    STRONG = "strong"  # a plant noun that always names a site
    WEAK = "weak"  # a plant noun that names a site with a production cue
    PART = "part"  # a part of a plant (workshop, line, цех)
    PRODUCTION = "production"  # a production noun alone: an activity


class PlantNoun(StrEnum):
    """How strongly a plant noun names a site (plant_nouns.tsv's strength)."""

    STRONG = "strong"  # always a site ("plant", "Werk", "завод")
    WEAK = "weak"  # a site with a production cue ("facility", "Anlage", "предприятие")
    PART = "part"  # a part of a plant ("workshop", "Linie", "цех")
    PRODUCTION = "production"  # a production noun alone: an activity, told as a site


@dataclass(frozen=True)
class MentionFeatures:
    """What one rule found out about a mention that a later rule reads. None of it is output
    (properties holds what is); every field names its reader's question."""

    title_span: tuple[int, int] | None = None  # persons: where their office is written
    portfolios: tuple[str, ...] = ()  # ministers: the English names of their portfolios
    alias_of: tuple[int, int] | None = None  # acronyms: the span of the name abbreviated
    noun: str | None = None  # companies: the company noun that introduced the name
    capital_of: str | None = None  # capitals: the gazetteer key of their country
    country_span: tuple[int, int] | None = None  # capitals: where their country is named
    country: str | None = None  # places: the ISO code of the country they are in
    region: Entry | None = None  # towns: the region of the same name ("Hokim von Namangan")
    body_place: str | None = None  # government bodies: the gazetteer key of their place
    body_place_span: tuple[int, int] | None = None  # ... and where it is named
    goods: bool = False  # companies: named as the goods' brand, not as a maker
    joint: bool = False  # plants: their company works on them with a partner
    running: bool = False  # plants: said to run now ("уже управляет фабрикой")
    by_product: bool = False  # plants: told only by what they make
    part: bool = False  # plants: a part of a plant (a workshop, a line)
    another: bool = False  # plants: "a second", "ein weiteres": not the one before
    descriptors: frozenset[str] = frozenset()  # plants: what tells them from another
    known: bool = False  # the gazetteer knows it (its key, name and ids are the gazetteer's)
    by_cue: bool = False  # organizations: found by a cue around the name ("Firma X", "X
    # Group", "(X)", "Werk von X"): written again without the cue, the bare name names them
    quoted: bool = False  # organizations: the name is in quotes after a company word
    name_before_noun: bool = False  # organizations: "the X carpet factory"
    reference: bool = False  # a role reference ("the company", "der Region", "das
    # Staatsoberhaupt"): it stands for an entity named elsewhere
    described: bool = False  # persons: an unnamed officer named by office and seat
    plant_noun: PlantNoun | None = None  # plants: the kind of plant noun that names them
    company_site: bool = False  # plants: a company told of as a site (visited, opened) is
    # its own plant; the company of the same span runs it


# what the rules that find a mention by a cue, in quotes or as a reference record
CUED = MentionFeatures(by_cue=True)
QUOTED_NAME = MentionFeatures(by_cue=True, quoted=True)
NAME_BEFORE_NOUN = MentionFeatures(by_cue=True, name_before_noun=True)
REFERENCE = MentionFeatures(reference=True)


@dataclass
class EntityFeatures:
    """What resolution found out about an entity that relation rules, naming and the
    conversion read. None of it is output."""

    weak: bool = False  # kept only where a relation uses it
    named: bool = False  # plants: named by the text or after their company, not described
    org: int | None = None  # plants: the entity index of their company
    places: list[int] = field(default_factory=list)  # plants: entity indices of their places
    descriptors: frozenset[str] = frozenset()  # plants: what tells them from another


@dataclass
class Mention:
    """A stretch of tokens [start, end) that names or refers to an entity."""

    start: int
    end: int
    type: EntityType
    subtype: Subtype | None = None
    key: str | None = None  # gazetteer key ("iso:UZ", "geonames:1216311", "org:kia")
    name: str | None = None  # canonical name when known
    properties: dict[str, Any] = field(default_factory=dict)  # output: ids, plant figures
    features: MentionFeatures = MentionFeatures()
    source: Source = Source.RULE  # which rule found it (for debugging: no rule reads it)
    weak: bool = False  # adjectives and role references: kept only when they resolve
    role: str | None = None  # role references: which kind of entity they stand for
    title: Title | None = None  # persons: the office stated next to the name
    title_text: str | None = None  # ... as written
    seats: list[int] = field(default_factory=list)  # mention indices where the office sits
    org: int | None = None  # plants: mention index of the organization named with them
    places: list[int] = field(default_factory=list)  # plants: mention indices of their places
    entity: int = -1  # index of the entity it resolved to

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass
class Entity:
    type: EntityType
    subtype: Subtype | None
    name: str
    key: str | None
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)  # output: plant figures
    mentions: list[int] = field(default_factory=list)
    features: EntityFeatures = field(default_factory=EntityFeatures)


@dataclass(frozen=True)
class Relation:
    type: RelationType
    source: int  # entity indices
    target: int
    sentence: int  # index of the evidence sentence
    confidence: float
    properties: tuple[tuple[str, Any], ...] = ()
