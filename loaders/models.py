"""The extraction contract: one document's entities and relations (docs/FORMAT.md).

`kg extract` prints exactly this shape; `kg ingest` and `POST /documents/extracted` accept it,
so other extractors can feed the graph. `document_json_schema()` is its JSON Schema, generated
from these models (served at /schema/document.json, kept in docs/document.schema.json).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime
from typing import Any, Literal, cast, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from graph_schema.vocabulary import EntityType, RelationType

# The project's one language rule, used by the API, the CLI and the loaders alike:
# - Language: what the extractor reads (loaders.extraction). Text to extract -- POST /documents,
#   `kg ingest`/`kg extract` of .txt/.md/.jsonl or a .json without "entities", --lang -- must be
#   in one of these (or have its language detected as one of them).
# - DocumentLanguage: what a document extracted elsewhere may be in (FORMAT.md: "ISO 639-1: en,
#   de, ru, uz"). It is loaded as it is, never extracted here, so Uzbek is fine too; the graph
#   may therefore hold such documents, and GET /documents?lang= filters by any of these.
Language = Literal["de", "en", "ru"]
DocumentLanguage = Literal["de", "en", "ru", "uz"]
LANGUAGES: tuple[str, ...] = get_args(Language)
DOCUMENT_LANGUAGES: tuple[str, ...] = get_args(DocumentLanguage)


def normalise_text(text: str) -> str:
    """The form a document's identity is computed from: NFC, unified line ends, trimmed lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


def document_id(text: str) -> str:
    """sha256 of the normalised text: the same article loaded twice is the same document."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def parse_published(value: Any) -> str | None:
    """Accept a date, a datetime or an ISO string; keep the calendar date as 'YYYY-MM-DD'."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        for parse in (date.fromisoformat, lambda s: datetime.fromisoformat(s).date()):
            try:
                return parse(text).isoformat()
            except ValueError:
                continue
    raise ValueError(f"published must be an ISO date such as 2024-06-28, got {value!r}")


class DocumentMeta(BaseModel):
    """What is known about an article besides its text."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = None
    title: str | None = None
    published: str | None = None
    lang: Language | None = Field(
        None, description=f"one the extractor reads: {', '.join(LANGUAGES)}"
    )

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> str | None:
        return parse_published(value)


class ExtractedEntity(BaseModel):
    """An entity of one document (other keys, such as a gold file's `ref`, are ignored)."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1, description="unique within the document; relations use it")
    type: EntityType
    subtype: str | None = Field(
        None,
        description="Person: official, executive, other; Organization: company, government, "
        "media, other; Location: country, region, city, district, other; Plant: none",
    )
    name: str = Field(min_length=1, description="the canonical name, in Latin script")
    aliases: list[str] = Field(
        default_factory=list, description="the forms the text used (any script, any case)"
    )
    properties: dict[str, Any] = Field(
        default_factory=dict,
        description="e.g. title for people; status (planned, under_construction, operating), "
        "product, capacity, investment for plants; geonames_id, iso for places",
    )


class ExtractedRelation(BaseModel):
    """A relation between two entities of the same document."""

    model_config = ConfigDict(extra="ignore")

    type: RelationType
    source: str = Field(description="an entity id of this document")
    target: str = Field(description="an entity id of this document")
    properties: dict[str, Any] = Field(
        default_factory=dict,
        description="e.g. status (planned or done) for visits, title for HOLDS_POSITION, "
        "amount for INVESTS_IN, confidence (0..1)",
    )
    evidence: str | None = Field(None, description="the sentence that states it")


class ExtractedDocument(BaseModel):
    """One article and what was extracted from it (FORMAT.md)."""

    model_config = ConfigDict(extra="ignore")

    id: str | None = Field(None, description="any stable string; the graph keys documents on text")
    lang: DocumentLanguage | None = Field(
        None, description=f"ISO 639-1, one of {', '.join(DOCUMENT_LANGUAGES)}"
    )
    url: str | None = None
    title: str | None = None
    published: str | None = Field(
        None, description="ISO date (2024-06-28); a date-time is cut to its date"
    )
    text: str = Field(min_length=1, description="the article's whole text")
    entities: list[ExtractedEntity] = Field(default_factory=list)
    relations: list[ExtractedRelation] = Field(default_factory=list)

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> str | None:
        return parse_published(value)

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be blank")
        return value

    @model_validator(mode="after")
    def _entity_ids_unique(self) -> ExtractedDocument:
        seen: set[str] = set()
        for entity in self.entities:
            if entity.id in seen:
                raise ValueError(f"entity id {entity.id!r} occurs twice")
            seen.add(entity.id)
        return self

    @property
    def meta(self) -> DocumentMeta:
        lang = cast(Language, self.lang) if self.lang in LANGUAGES else None
        return DocumentMeta(url=self.url, title=self.title, published=self.published, lang=lang)

    def to_format_json(self) -> dict[str, Any]:
        """The FORMAT.md dict, with keys in the documented order."""
        return self.model_dump(mode="json")


SCHEMA_PATH = "/schema/document.json"


def document_json_schema() -> dict[str, Any]:
    """The document format as JSON Schema (2020-12), generated from ExtractedDocument."""
    schema = ExtractedDocument.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "newsgraph document",
        "description": "One article and the entities and relations extracted from it, as "
        "kg extract prints it and kg ingest and POST /documents/extracted load it "
        "(docs/FORMAT.md).",
    }
