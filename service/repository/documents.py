"""Documents: loading an article, reading what was extracted from it, deleting it."""

from __future__ import annotations

from graph_schema.errors import InvalidInputError, NotFoundError
from graph_schema.graph import Graph
from graph_schema.statements import documents as st
from loaders.ingest import Article, load_article
from loaders.models import DocumentMeta, ExtractedDocument
from loaders.write import LoadReport
from service.schemas import DocumentCreated, DocumentDetail, DocumentEntity, RelationItem


def _created(report: LoadReport) -> DocumentCreated:
    return DocumentCreated(id=report.document_id, status=report.status,
                           entities=report.entities, relations=report.relations,
                           dropped=report.drops)


def create_document(graph: Graph, text: str, meta: DocumentMeta) -> DocumentCreated:
    return _created(load_article(graph, Article("request", text=text, meta=meta)))


def create_extracted_document(graph: Graph, doc: ExtractedDocument) -> DocumentCreated:
    if doc.lang is not None and doc.lang not in ("de", "en", "ru", "uz"):
        raise InvalidInputError(f"lang {doc.lang!r} is not an ISO 639-1 code we know")
    return _created(load_article(graph, Article("request", extracted=doc)))


def read_document(graph: Graph, doc_id: str) -> DocumentDetail:
    rows = graph.read(st.GET_DOCUMENT, {"id": doc_id})
    if not rows:
        raise NotFoundError(f"no document with id {doc_id!r}")
    entities = [DocumentEntity(**r["entity"], mentions=r["mentions"] or [])
                for r in graph.read(st.DOCUMENT_ENTITIES, {"id": doc_id})]
    relations = [RelationItem(**r["relation"], evidence=r["evidence"])
                 for r in graph.read(st.DOCUMENT_RELATIONS, {"id": doc_id})]
    return DocumentDetail(**rows[0]["document"], entities=entities, relations=relations)
