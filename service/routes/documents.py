from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Query, Response, status

from loaders.models import DocumentLanguage, DocumentMeta, ExtractedDocument
from service.audit import Action, AuditDep, Outcome
from service.deps import ExtractorDep, GraphDep, SettingsDep, StoriesDep
from service.paging import decode_cursor, next_cursor
from service.repository import documents as repo
from service.routes.common import (
    STORAGE_FULL,
    UNPROCESSABLE_TEXT,
    UNUSABLE_SOURCE,
    errors,
)
from service.routes.params import Cursor, DateRangeDep, Limit, examples
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
_ID = "sha256 of the document's normalised text"
# examples/articles/05-chery-karshi-construction.md as `make run` loads it (its text's sha256).
DEMO_DOCUMENT = "1936f2a57e35d83c35e58e03f2a2a07ce507d12aeb1fc41b542fec30a001c0f7"
DocId = Path(
    description=_ID,
    min_length=1,
    openapi_examples=examples(demo=("a demo article: Chery's Karshi plant", DEMO_DOCUMENT)),
)
# No example to delete: "Try it out" would remove a demo article at one click.
DeletedDocId = Path(description=_ID, min_length=1)

# No page to fetch among them: none answers offline, and trying one would leave the machine
# (the description shows the {"url": …} form).
_ARTICLE_EXAMPLES = examples(
    german=(
        "a German article (lang given)",
        {
            "text": "Gouverneur Murotjon Azimov besuchte am Montag das Chery-Werk in Karshi.",
            "lang": "de",
            "title": "Azimov besucht Chery",
            "published": "2024-05-02",
        },
    ),
    english=(
        "an English article (lang detected)",
        {"text": "President Shavkat Mirziyoyev visited the SamAuto plant in Samarkand."},
    ),
)

_EXTRACTED_EXAMPLES = examples(
    visit=(
        "a visit extracted elsewhere (FORMAT.md, see GET /schema/document.json)",
        {
            "lang": "en",
            "title": "Governor visits Chery",
            "published": "2024-05-03",
            "text": "Governor Murotjon Azimov visited Chery.",
            "entities": [
                {"id": "e1", "type": "Person", "subtype": "official", "name": "Murotjon Azimov"},
                {"id": "e2", "type": "Organization", "subtype": "company", "name": "Chery"},
            ],
            "relations": [
                {
                    "type": "VISITED",
                    "source": "e1",
                    "target": "e2",
                    "evidence": "Governor Murotjon Azimov visited Chery.",
                }
            ],
        },
    )
)


def _answer(created: DocumentCreated, response: Response, audit: AuditDep) -> DocumentCreated:
    # 201 when the graph gained the document; 200 when it already held it or the text is a
    # copy of a story it holds (nothing but the copy's source was recorded).
    loaded = created.status == "loaded"
    response.status_code = status.HTTP_201_CREATED if loaded else status.HTTP_200_OK
    audit.targets = [created.id, *audit.targets]
    audit.outcome = Outcome.UNCHANGED if created.status == "skipped" else Outcome.OK
    audit.status = response.status_code
    audit.message = (
        f"a copy of {created.id}'s story (similarity {created.similarity:.2f})"
        if created.status == "copy" and created.similarity is not None
        else f"{created.entities} entities, {created.relations} relations"
    )
    return created


@router.post(
    "",
    response_model=DocumentCreated,
    status_code=status.HTTP_201_CREATED,
    summary="Extract an article, or a news page fetched from its URL, and load it",
    description="With `text`, that text is extracted (`url` is kept as where it was published). "
    "With only `url`, the page is fetched (http(s), public addresses, HTML, at most "
    "`KG_FETCH_MAX_BYTES`) and its main text, title, date and language are taken from it; "
    '`title`, `published` and `lang` given beside it win (`{"url": "https://…"}`). A near '
    "copy of a story the graph holds (a syndicated text) is not loaded again: it is recorded "
    "as a source of that story "
    "(`status: copy`, 200), so `doc_count` keeps counting independent sources.",
    responses={
        200: {
            "model": DocumentCreated,
            "description": "already loaded, or a copy of a story already loaded",
        },
        **errors(400, 422, 502, 503, also=(UNPROCESSABLE_TEXT, UNUSABLE_SOURCE, STORAGE_FULL)),
    },
)
def create_document(
    body: Annotated[DocumentIn, Body(openapi_examples=_ARTICLE_EXAMPLES)],
    graph: GraphDep,
    extractor: ExtractorDep,
    stories: StoriesDep,
    settings: SettingsDep,
    response: Response,
    audit: AuditDep,
) -> DocumentCreated:
    audit.start(Action.DOCUMENT_CREATE)
    meta = DocumentMeta(url=body.url, title=body.title, published=body.published, lang=body.lang)
    if body.text is None and body.url:
        audit.targets = [body.url]
        policy = settings.fetch_policy(for_service=True)
        created = repo.create_document_from_url(graph, extractor, stories, policy, body.url, meta)
    else:
        created = repo.create_document(graph, extractor, stories, body.text or "", meta)
    return _answer(created, response, audit)


@router.post(
    "/extracted",
    response_model=DocumentCreated,
    status_code=status.HTTP_201_CREATED,
    summary="Load a document already extracted elsewhere (FORMAT.md shape)",
    responses={
        200: {"model": DocumentCreated, "description": "already loaded; nothing changed"},
        **errors(400, 422, 503, also=(STORAGE_FULL,)),
    },
)
def create_extracted_document(
    body: Annotated[ExtractedDocument, Body(openapi_examples=_EXTRACTED_EXAMPLES)],
    graph: GraphDep,
    stories: StoriesDep,
    response: Response,
    audit: AuditDep,
) -> DocumentCreated:
    audit.start(Action.DOCUMENT_CREATE_EXTRACTED)
    return _answer(repo.create_extracted_document(graph, stories, body), response, audit)


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
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            openapi_examples=examples(karshi=("texts that say Karshi", "Karshi")),
        ),
    ] = None,
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
    responses=errors(404, 422, 503, 504, not_found=_NO_DOCUMENT),
)
def read_document(graph: GraphDep, doc_id: str = DocId) -> DocumentDetail:
    return repo.read_document(graph, doc_id)


@router.delete(
    "/{doc_id}",
    response_model=DocumentDeleted,
    summary="Delete a document and the provenance it contributed",
    description="Relations and entities that no other document supports go too.",
    responses=errors(404, 422, 503, not_found=_NO_DOCUMENT, also=(STORAGE_FULL,)),
)
def delete_document(
    graph: GraphDep, audit: AuditDep, doc_id: str = DeletedDocId
) -> DocumentDeleted:
    audit.start(Action.DOCUMENT_DELETE, [doc_id])
    deleted = repo.remove_document(graph, doc_id)
    audit.message = (
        f"{deleted.relations_deleted} relations and {deleted.entities_deleted} entities deleted"
    )
    return deleted
