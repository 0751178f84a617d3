"""Documents: loading an article, listing, reading what was extracted from it, deleting it."""

from __future__ import annotations

from graph_schema.errors import NotFoundError
from graph_schema.graph import Graph
from graph_schema.statements import documents as st
from loaders.ingest import Article, load_article
from loaders.models import DocumentMeta, ExtractedDocument
from loaders.write import LoadReport, delete_document
from service.extraction_pool import ExtractionPool
from service.repository.evidence import with_evidence
from service.schemas import (
    DocumentCreated,
    DocumentDeleted,
    DocumentDetail,
    DocumentEntity,
    DocumentSummary,
)


def _created(report: LoadReport) -> DocumentCreated:
    return DocumentCreated(
        id=report.document_id,
        status=report.status,
        entities=report.entities,
        relations=report.relations,
        dropped=report.drops,
    )


def create_document(
    graph: Graph, extractor: ExtractionPool, text: str, meta: DocumentMeta
) -> DocumentCreated:
    """Extract in the worker pool (off the request threads), then resolve and write here."""
    extracted = extractor.extract(text, meta)
    return _created(load_article(graph, Article("request", extracted=extracted)))


def create_extracted_document(graph: Graph, doc: ExtractedDocument) -> DocumentCreated:
    # Its lang was checked by ExtractedDocument itself (loaders.models: the one language rule).
    return _created(load_article(graph, Article("request", extracted=doc)))


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
    return DocumentDetail(**rows[0]["document"], entities=entities, relations=relations)


def remove_document(graph: Graph, doc_id: str) -> DocumentDeleted:
    report = delete_document(graph, doc_id)
    return DocumentDeleted(
        id=report.document_id,
        relations_deleted=report.relations_deleted,
        relations_kept=report.relations_kept,
        entities_deleted=report.entities_deleted,
        entities_kept=report.entities_kept,
    )
