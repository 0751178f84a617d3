from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from graph_schema import keys
from graph_schema.vocabulary import RelationType
from service.deps import GraphDep
from service.paging import decode_cursor, next_cursor
from service.repository.relations import list_relations, read_relation
from service.repository.resolve import resolve_refs
from service.routes.common import errors
from service.routes.params import Cursor, Limit, entity_query, examples
from service.schemas import RelationItem, ResolvedPage

router = APIRouter(prefix="/relations", tags=["relations"])

# Relation ids are derived from their ends, so this one exists on the `make run` demo graph.
DEMO_RELATION = keys.relation_id("per:murotjon-azimov", RelationType.VISITED, "org:chery")


@router.get(
    "",
    response_model=ResolvedPage[RelationItem],
    summary="Relations with their evidence",
    description="An unknown `source` or `target` is a 404, an ambiguous name a 409.",
    responses=errors(400, 404, 409, 422, 503, 504),
)
def read_relations(
    graph: GraphDep,
    type: Annotated[RelationType | None, Query()] = None,
    source: Annotated[
        str | None, entity_query("the relations' source", "Azimov", "per:murotjon-azimov")
    ] = None,
    target: Annotated[
        str | None, entity_query("the relations' target", "Chery", "org:chery")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> ResolvedPage[RelationItem]:
    offset = decode_cursor(cursor)
    refs = resolve_refs(graph, {"source": source, "target": target})
    rows = list_relations(
        graph, type.value if type else None, refs.id("source"), refs.id("target"), limit, offset
    )
    return ResolvedPage(
        items=rows[:limit],
        next_cursor=next_cursor(offset, limit, len(rows)),
        resolved=refs.entities,
    )


@router.get(
    "/{relation_id}",
    response_model=RelationItem,
    summary="One relation and every document that supports it",
    description="Each evidence item has the sentence, the document's id, title, url "
    "and date; `properties.doc_count` counts the documents.",
    responses=errors(404, 422, 503, 504, not_found="no relation with id 'rel-0000'"),
)
def read_one_relation(
    graph: GraphDep,
    relation_id: Annotated[
        str, Path(openapi_examples=examples(demo=("Azimov visited Chery", DEMO_RELATION)))
    ],
) -> RelationItem:
    return read_relation(graph, relation_id)
