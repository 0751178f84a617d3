"""The extraction contract: one document's entities and relations in ../shared/eval/FORMAT.md shape.

`kg extract` prints exactly this shape; `kg ingest` and `POST /documents/extracted` accept it,
so other extractors can feed the graph.
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
    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    type: EntityType
    subtype: str | None = None
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, Any] = Field(default_factory=dict)


class ExtractedRelation(BaseModel):
    model_config = ConfigDict(extra="ignore")

    type: RelationType
    source: str
    target: str
    properties: dict[str, Any] = Field(default_factory=dict)
    evidence: str | None = None


class ExtractedDocument(BaseModel):
    """One article and what was extracted from it (FORMAT.md)."""

    model_config = ConfigDict(extra="ignore")

    id: str | None = None
    lang: DocumentLanguage | None = Field(
        None, description=f"ISO 639-1, one of {', '.join(DOCUMENT_LANGUAGES)} (FORMAT.md)"
    )
    url: str | None = None
    title: str | None = None
    published: str | None = None
    text: str = Field(min_length=1)
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
