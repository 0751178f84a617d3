from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from graph_schema.statements.entities import MAX_DEPTH
from graph_schema.vocabulary import EntityType, Subtype
from service.deps import GraphDep
from service.exporters import to_cytoscape
from service.paging import decode_cursor, next_cursor
from service.repository import entities as repo
from service.repository.filters import TraversalFilter
from service.repository.resolve import resolve_entity
from service.repository.search import search_entities
from service.routes.common import errors
from service.routes.params import (
    ENTITY_REF,
    Cursor,
    DateRangeDep,
    FilterDep,
    Limit,
    RelTypesDep,
    examples,
)
from service.schemas import EntityProfile, Node, Page, ResolvedEntity, ResolvedPage, Subgraph
from service.schemas_queries import CytoscapeGraph, TimelineEvent

router = APIRouter(prefix="/entities", tags=["entities"])

EntityId = Path(
    description=ENTITY_REF,
    openapi_examples=examples(
        name=("by name: Karshi", "Karshi"), id=("by id: loc:gn-1216311", "loc:gn-1216311")
    ),
)


@router.get(
    "",
    response_model=Page[Node],
    summary="Find entities by name or alias",
    description="Case-, accent- and script-insensitive (Karshi finds Qarshi and "
    "Карши); exact before prefix before fuzzy matches, then by mentions.",
    responses=errors(400, 422, 503, 504),
)
def list_entities(
    graph: GraphDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            openapi_examples=examples(
                latin=("Karshi", "Karshi"), cyrillic=("Карши (Cyrillic)", "Карши")
            ),
        ),
    ],
    type: Annotated[EntityType | None, Query(description="Person, Organization, ...")] = None,
    subtype: Annotated[Subtype | None, Query(description="official, company, city, ...")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Cursor = None,
) -> Page[Node]:
    offset = decode_cursor(cursor)
    found = search_entities(
        graph, q, type.value if type else None, subtype.value if subtype else None, limit, offset
    )
    return Page(items=found[:limit], next_cursor=next_cursor(offset, limit, len(found)))


@router.get(
    "/{entity_id}",
    response_model=EntityProfile,
    summary="An entity's profile and the documents that mention it",
    description="`limit` and `cursor` page the `documents` list.",
    responses=errors(400, 404, 409, 422, 503, 504),
)
def read_entity(
    graph: GraphDep,
    entity_id: str = EntityId,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Cursor = None,
) -> EntityProfile:
    entity = resolve_entity(graph, entity_id, param="entity_id")
    merged_away = entity.query if entity.matched == "redirect" else None
    return repo.read_entity(graph, entity.id, limit, decode_cursor(cursor), merged_away)


@router.get(
    "/{entity_id}/neighbors",
    response_model=Subgraph | CytoscapeGraph,
    summary="The entity and its neighbourhood, up to 3 levels out",
    description="Grown level by level, the best supported nodes first; at most `limit` "
    "nodes besides the start, `truncated` says when more exist. Filters "
    "apply inside the traversal. `format=cytoscape` answers Cytoscape.js "
    "elements.",
    responses=errors(404, 409, 422, 503, 504),
)
def read_neighbors(
    graph: GraphDep,
    flt: FilterDep,
    entity_id: str = EntityId,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1,
    limit: Annotated[int, Query(ge=1, le=500, description="node cap")] = 100,
    format: Annotated[Literal["default", "cytoscape"], Query()] = "default",
) -> Subgraph | CytoscapeGraph:
    # Most callers name the entity by its id: the start read tells, in one round trip
    # instead of a lookup and then the start.
    start = repo.read_start(graph, entity_id, limit)
    if start is not None:
        node = start["node"]
        entity = ResolvedEntity(
            query=entity_id, id=node["id"], name=node["name"], type=node["type"], matched="id"
        )
    else:
        entity = resolve_entity(graph, entity_id, param="entity_id")
    sub = repo.read_neighbors(graph, entity.id, depth, limit, flt, start)
    resolved = {"entity_id": entity}
    if format == "cytoscape":
        return CytoscapeGraph(
            **to_cytoscape(
                [n.model_dump() for n in sub.nodes],
                [e.model_dump() for e in sub.edges],
                sub.truncated,
            ),
            resolved=resolved,
        )
    return sub.model_copy(update={"resolved": resolved})


@router.get(
    "/{entity_id}/timeline",
    response_model=ResolvedPage[TimelineEvent],
    summary="The entity's relations ordered by the date of their documents",
    description="One event per supporting sentence, oldest first.",
    responses=errors(400, 404, 409, 422, 503, 504),
)
def read_timeline(
    graph: GraphDep,
    dates: DateRangeDep,
    types: RelTypesDep,
    entity_id: str = EntityId,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> ResolvedPage[TimelineEvent]:
    offset = decode_cursor(cursor)
    entity = resolve_entity(graph, entity_id, param="entity_id")
    flt = TraversalFilter(
        rel_types=[t.value for t in types] if types else None,
        date_from=dates.start,
        date_to=dates.end,
    )
    events = repo.read_timeline(graph, entity.id, flt, limit, offset)
    return ResolvedPage(
        items=events[:limit],
        next_cursor=next_cursor(offset, limit, len(events)),
        resolved={"entity_id": entity},
    )
