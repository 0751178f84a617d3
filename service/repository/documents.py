"""Documents: loading an article (its text, or a page fetched from its URL), listing, reading
what was extracted from it and the syndicated copies recorded on it, deleting it."""

from __future__ import annotations

from graph_schema.errors import NotFoundError, SourceError
from graph_schema.graph import Graph
from graph_schema.statements import documents as st
from graph_schema.statements import sources as sources_st
from loaders.ingest import Article, load_article
from loaders.models import DocumentMeta, ExtractedDocument
from loaders.sources.fetch import FetchPolicy
from loaders.sources.page import read_page
from loaders.sources.syndication import CopyReport, StoryIndex
from loaders.write import LoadReport, delete_document
from service.extraction_pool import ExtractionPool
from service.repository.evidence import with_evidence
from service.schemas import (
    DocumentCopy,
    DocumentCreated,
    DocumentDeleted,
    DocumentDetail,
    DocumentEntity,
    DocumentSummary,
)


def _created(report: LoadReport | CopyReport, url: str | None) -> DocumentCreated:
    if isinstance(report, CopyReport):
        return DocumentCreated(
            id=report.document_id,
            status="copy",
            entities=0,
            relations=0,
            url=url,
            copy_id=report.copy_id,
            similarity=report.similarity,
        )
    return DocumentCreated(
        id=report.document_id,
        status=report.status,
        entities=report.entities,
        relations=report.relations,
        dropped=report.drops,
        url=url,
    )


def create_document(
    graph: Graph, extractor: ExtractionPool, stories: StoryIndex, text: str, meta: DocumentMeta
) -> DocumentCreated:
    """Extract in the worker pool (off the request threads), then link and write here (or
    record a syndicated copy), as every other way in does (loaders.ingest.load_article)."""
    extracted = extractor.extract(text, meta)
    return _created(load_article(graph, Article("request", extracted=extracted), stories), meta.url)


def create_document_from_url(
    graph: Graph,
    extractor: ExtractionPool,
    stories: StoryIndex,
    policy: FetchPolicy,
    url: str,
    given: DocumentMeta,
) -> DocumentCreated:
    """Fetch the page at `url` and load its article; what the client gave besides the URL
    (title, date, language) wins over what the page says."""
    page = read_page(url, policy, given.lang)
    if page.text is None:  # read_page gives a page's text or raises; its type allows none
        raise SourceError(f"{url} holds no article text")
    found = page.meta or DocumentMeta(url=url)
    meta = found.model_copy(
        update={
            "title": given.title or found.title,
            "published": given.published or found.published,
        }
    )
    extracted = extractor.extract(page.text, meta)
    return _created(load_article(graph, Article(url, extracted=extracted), stories), meta.url)


def create_extracted_document(
    graph: Graph, stories: StoryIndex, doc: ExtractedDocument
) -> DocumentCreated:
    # Its lang was checked by ExtractedDocument itself (loaders.models: the one language rule).
    return _created(load_article(graph, Article("request", extracted=doc), stories), doc.url)


def list_documents(
    graph: Graph,
    q: str | None,
    lang: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
) -> list[DocumentSummary]:
    """Newest first; limit + 1 are returned so the caller can page."""
    rows = graph.read(
        st.LIST_DOCUMENTS,
        {
            "q": q.lower() if q else None,
            "lang": lang,
            "date_from": date_from,
            "date_to": date_to,
            "skip": offset,
            "limit": limit + 1,
        },
    )
    return [DocumentSummary(**row["document"]) for row in rows]


def read_document(graph: Graph, doc_id: str) -> DocumentDetail:
    rows = graph.read(st.GET_DOCUMENT, {"id": doc_id})
    if not rows:
        raise NotFoundError(f"no document with id {doc_id!r}")
    entities = [
        DocumentEntity(**r["entity"], mentions=r["mentions"] or [])
        for r in graph.read(st.DOCUMENT_ENTITIES, {"id": doc_id})
    ]
    rel_rows = graph.read(st.DOCUMENT_RELATIONS, {"id": doc_id})
    relations = with_evidence(
        graph, [r["relation"] for r in rel_rows], [r["evidence"] for r in rel_rows]
    )
    return DocumentDetail(
        **rows[0]["document"],
        entities=entities,
        relations=relations,
        copies=_copies(graph, doc_id),
    )


def _copies(graph: Graph, doc_id: str) -> list[DocumentCopy]:
    rows = graph.read(sources_st.DOCUMENT_COPIES, {"id": doc_id})
    if not rows:
        return []
    row = rows[0]
    # Parallel lists, '' for nothing known (a node property holds no nulls in a list).
    return [
        DocumentCopy(id=cid, url=url or None, title=title or None, published=published or None)
        for cid, url, title, published in zip(
            row["ids"], row["urls"], row["titles"], row["published"], strict=False
        )
    ]


def remove_document(graph: Graph, doc_id: str) -> DocumentDeleted:
    report = delete_document(graph, doc_id)
    return DocumentDeleted(
        id=report.document_id,
        relations_deleted=report.relations_deleted,
        relations_kept=report.relations_kept,
        entities_deleted=report.entities_deleted,
        entities_kept=report.entities_kept,
    )
