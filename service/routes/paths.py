from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph_schema.statements.paths import MAX_HOPS, PathKind
from service.deps import GraphDep
from service.repository.paths import find_paths
from service.routes.common import errors
from service.routes.params import RelTypesDep
from service.schemas import Paths

router = APIRouter(tags=["paths"])


@router.get(
    "/paths",
    response_model=Paths,
    summary="Shortest paths between two entities, each edge with its evidence",
    description="`kind=shortest` gives one shortest path, `all_shortest` every path of "
    "that length (at most `limit`). Relations are followed in either "
    "direction.",
    responses=errors(400, 404, 422, 503, 504),
)
def read_paths(
    graph: GraphDep,
    types: RelTypesDep,
    source: Annotated[
        str, Query(min_length=1, description="entity id", examples=["per:murotjon-azimov"])
    ],
    target: Annotated[
        str, Query(min_length=1, description="entity id", examples=["loc:gn-1216311"])
    ],
    kind: Annotated[PathKind, Query()] = PathKind.ALL_SHORTEST,
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 4,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Paths:
    return find_paths(
        graph, source, target, kind=kind, max_hops=max_hops, rel_types=types, limit=limit
    )
