from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph_schema.vocabulary import FactStatus, PlantStatus
from service.deps import GraphDep
from service.paging import decode_cursor, next_cursor
from service.repository import facts as repo
from service.routes.common import errors
from service.routes.params import Cursor, DateRangeDep, Limit
from service.schemas import Page
from service.schemas_queries import PlantFact, Visit

router = APIRouter(prefix="/facts", tags=["facts"])


@router.get(
    "/visits",
    response_model=Page[Visit],
    summary="Who visited whom or what, when, planned or done",
    description="`from`/`to` keep visits stated by a document dated in the range; newest first.",
    responses=errors(400, 404, 422, 503, 504),
)
def list_visits(
    graph: GraphDep,
    dates: DateRangeDep,
    visitor: Annotated[
        str | None, Query(description="entity id", examples=["per:murotjon-azimov"])
    ] = None,
    host: Annotated[str | None, Query(description="entity id")] = None,
    status: Annotated[FactStatus | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[Visit]:
    offset = decode_cursor(cursor)
    visits = repo.list_visits(
        graph,
        visitor,
        host,
        status.value if status else None,
        dates.start,
        dates.end,
        limit,
        offset,
    )
    return Page(items=visits[:limit], next_cursor=next_cursor(offset, limit, len(visits)))


@router.get(
    "/plants",
    response_model=Page[PlantFact],
    summary="Companies with planned or operating plants, by place",
    description="A plant counts for `place` when it is located there or in a place the "
    "graph knows to be inside it (a city inside a region).",
    responses=errors(400, 404, 422, 503, 504),
)
def list_plants(
    graph: GraphDep,
    company: Annotated[str | None, Query(description="entity id", examples=["org:chery"])] = None,
    place: Annotated[str | None, Query(description="entity id")] = None,
    status: Annotated[PlantStatus | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[PlantFact]:
    offset = decode_cursor(cursor)
    plants = repo.list_plants(
        graph, company, place, status.value if status else None, limit, offset
    )
    return Page(items=plants[:limit], next_cursor=next_cursor(offset, limit, len(plants)))
