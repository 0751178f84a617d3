from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph_schema.statements.paths import MAX_HOPS
from service.deps import GraphDep
from service.repository.paths import shortest_paths
from service.routes.common import errors
from service.schemas import Paths

router = APIRouter(tags=["paths"])


@router.get("/paths", response_model=Paths,
            summary="Shortest paths between two entities, in either direction",
            responses=errors(404, 422, 503, 504))
def read_paths(
    graph: GraphDep,
    source: Annotated[str, Query(min_length=1, description="entity id")],
    target: Annotated[str, Query(min_length=1, description="entity id")],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 4,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Paths:
    return shortest_paths(graph, source, target, max_hops, limit)
