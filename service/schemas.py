"""What the API accepts and answers: one model per shape, shared by every route."""

from __future__ import annotations

import re
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from loaders.models import LANGUAGES, Language, parse_published
from loaders.resolve import MAX_TEXT_CHARS

# POST /documents extracts while the request waits, in a worker thread. News articles are a few
# thousand characters; 200,000 (some fifty pages) took about 2 s of extraction in a test, while
# a 330 KB text once held a worker for 22 s. Longer texts go through `kg ingest` (MAX_TEXT_CHARS).
MAX_SYNC_TEXT_CHARS = 200_000
_ONLY_A_URL = re.compile(r"https?://\S+", re.IGNORECASE)

T = TypeVar("T")


class ErrorDetail(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no document with id '4f1c0c2e'"])
    details: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Page(BaseModel, Generic[T]):
    """One page of a list; pass `next_cursor` back as `cursor` for the next page."""

    items: list[T]
    next_cursor: str | None = Field(None, description="null on the last page")


class ResolvedEntity(BaseModel):
    """The entity a parameter named: given by its id, or a name or alias looked up the way
    GET /entities?q= looks it up."""

    query: str = Field(description="what the parameter said", examples=["Azimov"])
    id: str = Field(examples=["per:murotjon-azimov"])
    name: str = Field(examples=["Murotjon Azimov"])
    type: str = Field(examples=["Person"])
    matched: Literal["id", "redirect", "exact", "prefix", "substring", "fuzzy"] = Field(
        description="id: the entity's id; redirect: the id of an entity merged into this one "
        "(curation); exact: a name or alias (any case, accent or script); "
        "prefix: a word of a name starts so; substring, fuzzy: the only best match",
        examples=["exact"],
    )


class EntityCandidate(BaseModel):
    """One of the entities an ambiguous name fits (the `details` of a 409)."""

    id: str
    name: str
    type: str
    mentions: int


class ResolvedPage(Page[T], Generic[T]):
    """A page of a list filtered by entities, and which entity each filter resolved to."""

    resolved: dict[str, ResolvedEntity] = Field(
        default_factory=dict, description="per entity parameter given, the entity it named"
    )


class Node(BaseModel):
    id: str = Field(examples=["per:shavkat-mirziyoyev"])
    name: str = Field(examples=["Shavkat Mirziyoyev"])
    type: str = Field(examples=["Person"])
    subtype: str | None = Field(None, examples=["official"])
    labels: list[str] = Field(default_factory=list, examples=[["Entity", "Person", "Official"]])
    aliases: list[str] = Field(default_factory=list)


class EdgeProperties(BaseModel):
    model_config = ConfigDict(extra="allow")

    doc_count: int = Field(0, description="how many documents state this relation")
    confidence: float | None = None
    status: str | None = Field(None, description="planned or done, for visits")
    first_seen: str | None = None
    last_seen: str | None = None
    title: str | None = Field(None, description="the office, for HOLDS_POSITION")
    amount: str | None = Field(None, description="the sum, for INVESTS_IN")


class Edge(BaseModel):
    id: str = Field(examples=["rel-3f2a9c0d1e4b5a6f7081"])
    type: str = Field(examples=["VISITED"])
    source: str
    target: str
    properties: EdgeProperties = Field(default_factory=EdgeProperties)


class Evidence(BaseModel):
    """One supporting sentence and the document it comes from."""

    document: str = Field(description="the supporting document's id")
    sentence: str = Field(examples=["Khokim Murotjon Azimov visited JAC Motors in Hefei."])
    confidence: float | None = Field(None, examples=[0.9])
    status: str | None = Field(None, description="planned or done, for visits")
    date: str | None = Field(
        None, description="the document's date (published, else loaded)", examples=["2024-06-10"]
    )
    title: str | None = Field(None, description="the document's title")
    url: str | None = Field(None, description="the document's url")

    @field_validator("status", mode="before")
    @classmethod
    def _no_empty_status(cls, value: Any) -> Any:
        return value or None


class RelationItem(Edge):
    """A relation with every sentence that supports it."""

    evidence: list[Evidence] = Field(default_factory=list)


class Subgraph(BaseModel):
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool = Field(False, description="true when the node cap cut the answer short")
    resolved: dict[str, ResolvedEntity] = Field(
        default_factory=dict, description="the entity the path's `entity_id` named"
    )


class GraphPath(BaseModel):
    """Nodes from source to target, and the edges between them with their evidence."""

    nodes: list[Node]
    edges: list[RelationItem]


class Paths(BaseModel):
    paths: list[GraphPath]
    resolved: dict[str, ResolvedEntity] = Field(
        default_factory=dict, description="the entities `source` and `target` named"
    )


class EntityDocument(BaseModel):
    """A document that mentions an entity, with the forms it used."""

    id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    lang: str | None = None
    mentions: list[str] = Field(default_factory=list, description="surface forms in this text")
    count: int = Field(0, description="how many times the text mentions the entity")


class EntityProfile(Node):
    titles: list[str] = Field(default_factory=list)
    external_ids: dict[str, str | int] = Field(default_factory=dict)
    mention_count: int = 0
    doc_count: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    degree: dict[str, int] = Field(default_factory=dict, description="relations per type")
    properties: dict[str, str] = Field(
        default_factory=dict, description="plant status, product, capacity, investment"
    )
    documents: Page[EntityDocument] = Field(
        default_factory=lambda: Page[EntityDocument](items=[]),
        description="documents that mention the entity, newest first; paged by limit/cursor",
    )
    redirected_from: str | None = Field(
        None,
        description="the id asked for, when it was merged into this entity (curation)",
        examples=["org:byd-uzbekistan-factory"],
    )


class DocumentIn(BaseModel):
    """An article to extract and load: its text, or only the `url` of a news page, which the
    service fetches (its main text, title, date and language taken from the page)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        None,
        min_length=1,
        json_schema_extra={"maxLength": MAX_SYNC_TEXT_CHARS},
        description=f"at most {MAX_SYNC_TEXT_CHARS:,} characters; load longer "
        "articles with `kg ingest`. Without it, `url` is fetched",
    )
    lang: Language | None = Field(
        None, description=f"one of {', '.join(LANGUAGES)}; detected when absent"
    )
    url: str | None = Field(
        None,
        description="where the article was published; alone (no `text`), the page to fetch "
        "(http or https, public addresses, HTML only)",
    )
    title: str | None = None
    published: str | None = Field(None, description="ISO date, e.g. 2024-06-28")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.strip():
            raise ValueError("text must not be blank")
        if _ONLY_A_URL.fullmatch(value.strip()):
            # An address is no article: extracting it would store an empty document.
            raise ValueError('text is only a URL; send it as "url" to fetch the page')
        if len(value) > MAX_SYNC_TEXT_CHARS:
            raise PydanticCustomError(  # its own type: no "Value error, " before the sentence
                "text_too_long",
                f"{len(value):,} characters are more than POST /documents extracts while the "
                f"request waits ({MAX_SYNC_TEXT_CHARS:,}); load longer articles with `kg ingest` "
                f"(up to {MAX_TEXT_CHARS:,})",
            )
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> str | None:
        return parse_published(value)

    @model_validator(mode="after")
    def _text_or_url(self) -> DocumentIn:
        if self.text is None and not self.url:
            raise ValueError('give the article\'s "text", or the "url" of a page to fetch')
        return self


class DocumentCreated(BaseModel):
    id: str = Field(description="the document's id; for a copy, the id of the story's first")
    status: Literal["loaded", "skipped", "copy"] = Field(
        description="loaded: new in the graph; skipped: the graph already holds this document, "
        "nothing changed; copy: a near copy of a document already loaded (a syndicated story), "
        "recorded as one of its sources and not loaded again"
    )
    entities: int
    relations: int
    dropped: dict[str, int] = Field(default_factory=dict, description="items not loaded, by reason")
    url: str | None = Field(None, description="the page the article came from")
    copy_id: str | None = Field(None, description="for a copy: the copy's own id")
    similarity: float | None = Field(
        None, description="for a copy: how alike the two texts are (estimated Jaccard, 0..1)"
    )


class DocumentCopy(BaseModel):
    """A syndicated copy of the document: the same story, published elsewhere."""

    id: str = Field(description="the copy's own id (the sha256 of its text)")
    url: str | None = None
    title: str | None = None
    published: str | None = None


class DocumentSummary(BaseModel):
    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    ingested_at: str | None = None
    entity_count: int = 0
    relation_count: int = 0


class DocumentEntity(Node):
    mentions: list[str] = Field(default_factory=list, description="surface forms in this text")


class DocumentDeleted(BaseModel):
    """What deleting a document removed and kept."""

    id: str
    relations_deleted: int = Field(description="relations no other document supported")
    relations_kept: int = Field(description="relations other documents still support")
    entities_deleted: int = Field(description="entities no other document mentions")
    entities_kept: int


class DocumentDetail(DocumentSummary):
    text: str
    entities: list[DocumentEntity]
    relations: list[RelationItem]
    copies: list[DocumentCopy] = Field(
        default_factory=list, description="syndicated copies recorded as sources of this story"
    )


class Health(BaseModel):
    status: Literal["ok", "unavailable"] = Field(examples=["ok"])
    backend: str | None = Field(None, examples=["arcadedb"])
    database: str | None = Field(None, examples=["kg"])
    message: str | None = None
