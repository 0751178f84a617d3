from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from graph_schema.vocabulary import RelationType
from service.deps import GraphDep
from service.paging import decode_cursor, next_cursor
from service.repository.relations import list_relations, read_relation
from service.routes.common import errors
from service.routes.params import Cursor, Limit
from service.schemas import Page, RelationItem

router = APIRouter(prefix="/relations", tags=["relations"])


@router.get(
    "",
    response_model=Page[RelationItem],
    summary="Relations with their evidence",
    description="An unknown `source` or `target` entity id is a 404.",
    responses=errors(400, 404, 422, 503, 504),
)
def read_relations(
    graph: GraphDep,
    type: Annotated[RelationType | None, Query()] = None,
    source: Annotated[str | None, Query(description="source entity id")] = None,
    target: Annotated[str | None, Query(description="target entity id")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[RelationItem]:
    offset = decode_cursor(cursor)
    rows = list_relations(graph, type.value if type else None, source, target, limit, offset)
    return Page(items=rows[:limit], next_cursor=next_cursor(offset, limit, len(rows)))


@router.get(
    "/{relation_id}",
    response_model=RelationItem,
    summary="One relation and every document that supports it",
    description="Each evidence item has the sentence, the document's id, title, url "
    "and date; `properties.doc_count` counts the documents.",
    responses=errors(404, 503, 504),
)
def read_one_relation(
    graph: GraphDep,
    relation_id: Annotated[str, Path(examples=["rel-3f2a9c0d1e4b5a6f7081"])],
) -> RelationItem:
    return read_relation(graph, relation_id)
