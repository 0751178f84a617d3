from __future__ import annotations

from fastapi import APIRouter

from service.deps import GraphDep
from service.repository.stats import read_stats
from service.routes.common import errors
from service.schemas_queries import Stats

router = APIRouter(tags=["stats"])


@router.get(
    "/stats",
    response_model=Stats,
    summary="Node counts per label, relation counts per type, documents per language and month",
    responses=errors(503, 504),
)
def get_stats(graph: GraphDep) -> Stats:
    return read_stats(graph)
