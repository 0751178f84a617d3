from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from graph_schema.statements.entities import MAX_DEPTH
from graph_schema.vocabulary import EntityType
from service.deps import GraphDep
from service.paging import decode_cursor, next_cursor
from service.repository import entities as repo
from service.repository.search import search_entities
from service.routes.common import errors
from service.schemas import EntityProfile, Node, Page, Subgraph

router = APIRouter(prefix="/entities", tags=["entities"])

EntityId = Path(description="the entity's canonical key", examples=["per:shavkat-mirziyoyev"])


@router.get("", response_model=Page[Node], summary="Find entities by name or alias",
            responses=errors(400, 422, 503, 504))
def list_entities(
    graph: GraphDep,
    q: Annotated[str, Query(min_length=1, max_length=200,
                            description="case-, accent- and script-insensitive")],
    type: Annotated[EntityType | None, Query(description="Person, Organization, ...")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query()] = None,
) -> Page[Node]:
    offset = decode_cursor(cursor)
    found = search_entities(graph, q, type.value if type else None, limit, offset)
    return Page(items=found[:limit], next_cursor=next_cursor(offset, limit, len(found)))


@router.get("/{entity_id}", response_model=EntityProfile, summary="An entity's profile",
            responses=errors(404, 503, 504))
def read_entity(graph: GraphDep, entity_id: str = EntityId) -> EntityProfile:
    return repo.read_entity(graph, entity_id)


@router.get("/{entity_id}/neighbors", response_model=Subgraph,
            summary="The entity and its neighbourhood", responses=errors(404, 422, 503, 504))
def read_neighbors(
    graph: GraphDep,
    entity_id: str = EntityId,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1,
    limit: Annotated[int, Query(ge=1, le=500, description="node cap")] = 100,
) -> Subgraph:
    return repo.read_neighbors(graph, entity_id, depth, limit)
