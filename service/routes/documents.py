from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from loaders.models import DocumentLanguage, DocumentMeta, ExtractedDocument
from service.audit import Action, AuditDep, Outcome
from service.deps import ExtractorDep, GraphDep
from service.paging import decode_cursor, next_cursor
from service.repository import documents as repo
from service.routes.common import errors
from service.routes.params import Cursor, DateRangeDep, Limit
from service.schemas import (
    DocumentCreated,
    DocumentDeleted,
    DocumentDetail,
    DocumentIn,
    DocumentSummary,
    Page,
)

router = APIRouter(prefix="/documents", tags=["documents"])

_NO_DOCUMENT = "no document with id '4f1c0c2e'"
DocId = Path(description="sha256 of the document's normalised text", min_length=1)


def _answer(created: DocumentCreated, response: Response, audit: AuditDep) -> DocumentCreated:
    # 201 when the graph gained the document, 200 when it already held it (nothing changed).
    loaded = created.status == "loaded"
    response.status_code = status.HTTP_201_CREATED if loaded else status.HTTP_200_OK
    audit.targets = [created.id]
    audit.outcome = Outcome.OK if loaded else Outcome.UNCHANGED
    audit.status = response.status_code
    audit.message = f"{created.entities} entities, {created.relations} relations"
    return created


@router.post(
    "",
    response_model=DocumentCreated,
    status_code=status.HTTP_201_CREATED,
    summary="Extract an article and load it into the graph",
    responses={
        200: {"model": DocumentCreated, "description": "already loaded; nothing changed"},
        **errors(400, 422, 503),
    },
)
def create_document(
    body: DocumentIn,
    graph: GraphDep,
    extractor: ExtractorDep,
    response: Response,
    audit: AuditDep,
) -> DocumentCreated:
    audit.start(Action.DOCUMENT_CREATE)
    meta = DocumentMeta(url=body.url, title=body.title, published=body.published, lang=body.lang)
    return _answer(repo.create_document(graph, extractor, body.text, meta), response, audit)


@router.post(
    "/extracted",
    response_model=DocumentCreated,
    status_code=status.HTTP_201_CREATED,
    summary="Load a document already extracted elsewhere (FORMAT.md shape)",
    responses={
        200: {"model": DocumentCreated, "description": "already loaded; nothing changed"},
        **errors(400, 422, 503),
    },
)
def create_extracted_document(
    body: ExtractedDocument, graph: GraphDep, response: Response, audit: AuditDep
) -> DocumentCreated:
    audit.start(Action.DOCUMENT_CREATE_EXTRACTED)
    return _answer(repo.create_extracted_document(graph, body), response, audit)


@router.get(
    "",
    response_model=Page[DocumentSummary],
    summary="List documents, newest first",
    description="`q` looks for the words in titles and texts (case-insensitive); "
    "`from`/`to` filter on the publication date (undated documents are "
    "left out when a range is given).",
    responses=errors(400, 422, 503, 504),
)
def list_documents(
    graph: GraphDep,
    dates: DateRangeDep,
    q: Annotated[str | None, Query(min_length=1, max_length=200, examples=["Karshi"])] = None,
    lang: Annotated[
        DocumentLanguage | None,
        Query(description="any language a document may be in (FORMAT.md), Uzbek too"),
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[DocumentSummary]:
    offset = decode_cursor(cursor)
    docs = repo.list_documents(graph, q, lang, dates.start, dates.end, limit, offset)
    return Page(items=docs[:limit], next_cursor=next_cursor(offset, limit, len(docs)))


@router.get(
    "/{doc_id}",
    response_model=DocumentDetail,
    summary="A document with the entities and relations extracted from it",
    responses=errors(404, 503, 504, not_found=_NO_DOCUMENT),
)
def read_document(graph: GraphDep, doc_id: str = DocId) -> DocumentDetail:
    return repo.read_document(graph, doc_id)


@router.delete(
    "/{doc_id}",
    response_model=DocumentDeleted,
    summary="Delete a document and the provenance it contributed",
    description="Relations and entities that no other document supports go too.",
    responses=errors(404, 503, not_found=_NO_DOCUMENT),
)
def delete_document(graph: GraphDep, audit: AuditDep, doc_id: str = DocId) -> DocumentDeleted:
    audit.start(Action.DOCUMENT_DELETE, [doc_id])
    deleted = repo.remove_document(graph, doc_id)
    audit.message = (
        f"{deleted.relations_deleted} relations and {deleted.entities_deleted} entities deleted"
    )
    return deleted
