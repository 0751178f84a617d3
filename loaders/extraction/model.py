"""The typed hand-offs between the extraction components: mentions, entities, relations.

Components store these on the spaCy Doc (doc._.kg_*); convert.py turns them into the
project's ExtractedDocument, so no spaCy object leaves the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from loaders.extraction.lexicon import Title


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
    source: str = ""  # which rule found it (for debugging and confidence)
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
