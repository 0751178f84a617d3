from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph_schema.vocabulary import RelationType
from service.deps import GraphDep
from service.paging import decode_cursor, next_cursor
from service.repository.relations import list_relations
from service.routes.common import errors
from service.schemas import Page, RelationItem

router = APIRouter(prefix="/relations", tags=["relations"])


@router.get("", response_model=Page[RelationItem], summary="Relations with their evidence",
            responses=errors(400, 422, 503, 504))
def read_relations(
    graph: GraphDep,
    type: Annotated[RelationType | None, Query()] = None,
    source: Annotated[str | None, Query(description="source entity id")] = None,
    target: Annotated[str | None, Query(description="target entity id")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query()] = None,
) -> Page[RelationItem]:
    offset = decode_cursor(cursor)
    rows = list_relations(graph, type.value if type else None, source, target, limit, offset)
    return Page(items=rows[:limit], next_cursor=next_cursor(offset, limit, len(rows)))
