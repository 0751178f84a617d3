"""The typed hand-offs between the extraction components: mentions, entities, relations.

Components store these on the spaCy Doc (doc._.kg_*); convert.py turns them into the
project's ExtractedDocument, so no spaCy object leaves the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from loaders.extraction.lexicon import Title


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


@dataclass
class Mention:
    """A stretch of tokens [start, end) that names or refers to an entity."""

    start: int
    end: int
    type: str  # EntityType value
    subtype: str | None = None
    key: str | None = None  # gazetteer key ("iso:UZ", "geonames:1216311", "org:kia")
    name: str | None = None  # canonical name when known
    properties: dict[str, Any] = field(default_factory=dict)
    source: Source = Source.RULE  # which rule found it
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
    type: str
    subtype: str | None
    name: str
    key: str | None
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    mentions: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Relation:
    type: str
    source: int  # entity indices
    target: int
    sentence: int  # index of the evidence sentence
    confidence: float
    properties: tuple[tuple[str, Any], ...] = ()
