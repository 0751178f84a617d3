from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph_schema.statements.paths import MAX_HOPS, PathKind
from service.deps import GraphDep
from service.repository.paths import find_paths
from service.repository.resolve import resolve_refs
from service.routes.common import errors
from service.routes.params import RelTypesDep, entity_query
from service.schemas import Paths

router = APIRouter(tags=["paths"])


@router.get(
    "/paths",
    response_model=Paths,
    summary="Shortest paths between two entities, each edge with its evidence",
    description="`kind=shortest` gives one shortest path, `all_shortest` every path of "
    "that length (at most `limit`). Relations are followed in either "
    "direction.",
    responses=errors(400, 404, 409, 422, 503, 504),
)
def read_paths(
    graph: GraphDep,
    types: RelTypesDep,
    source: Annotated[
        str, entity_query("where paths start", "Azimov", "per:murotjon-azimov", min_length=1)
    ],
    target: Annotated[
        str, entity_query("where paths end", "Karshi", "loc:gn-1216311", min_length=1)
    ],
    kind: Annotated[PathKind, Query()] = PathKind.ALL_SHORTEST,
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 4,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Paths:
    refs = resolve_refs(graph, {"source": source, "target": target})
    found = find_paths(
        graph,
        refs.entities["source"].id,
        refs.entities["target"].id,
        kind=kind,
        max_hops=max_hops,
        rel_types=types,
        limit=limit,
    )
    return found.model_copy(update={"resolved": refs.entities})
