from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph_schema.vocabulary import EntityType, FactStatus, PlantStatus
from service.deps import GraphDep
from service.paging import decode_cursor, next_cursor
from service.repository import facts as repo
from service.repository.resolve import resolve_refs
from service.routes.common import errors
from service.routes.params import Cursor, DateRangeDep, Limit, entity_query
from service.schemas import ResolvedPage
from service.schemas_queries import PlantFact, Visit

router = APIRouter(prefix="/facts", tags=["facts"])


@router.get(
    "/visits",
    response_model=ResolvedPage[Visit],
    summary="Who visited whom or what, when, planned or done",
    description="`from`/`to` keep visits stated by a document dated in the range; newest first.",
    responses=errors(400, 404, 409, 422, 503, 504),
)
def list_visits(
    graph: GraphDep,
    dates: DateRangeDep,
    visitor: Annotated[
        str | None, entity_query("the visitor", "Azimov", "per:murotjon-azimov")
    ] = None,
    host: Annotated[
        str | None, entity_query("whom or what was visited", "Chery", "org:chery")
    ] = None,
    status: Annotated[FactStatus | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> ResolvedPage[Visit]:
    offset = decode_cursor(cursor)
    refs = resolve_refs(graph, {"visitor": visitor, "host": host})
    visits = repo.list_visits(
        graph,
        refs.id("visitor"),
        refs.id("host"),
        status.value if status else None,
        dates.start,
        dates.end,
        limit,
        offset,
    )
    return ResolvedPage(
        items=visits[:limit],
        next_cursor=next_cursor(offset, limit, len(visits)),
        resolved=refs.entities,
    )


@router.get(
    "/plants",
    response_model=ResolvedPage[PlantFact],
    summary="Companies with planned or operating plants, by place",
    description="A plant counts for `place` when it is located there or in a place the "
    "graph knows to be inside it (a city inside a region).",
    responses=errors(400, 404, 409, 422, 503, 504),
)
def list_plants(
    graph: GraphDep,
    company: Annotated[str | None, entity_query("the company", "Chery", "org:chery")] = None,
    place: Annotated[str | None, entity_query("the place", "Karshi", "loc:gn-1216311")] = None,
    status: Annotated[PlantStatus | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> ResolvedPage[PlantFact]:
    offset = decode_cursor(cursor)
    refs = resolve_refs(
        graph,
        {"company": company, "place": place},
        prefer={"company": EntityType.ORGANIZATION, "place": EntityType.LOCATION},
    )
    plants = repo.list_plants(
        graph, refs.id("company"), refs.id("place"), status.value if status else None, limit, offset
    )
    return ResolvedPage(
        items=plants[:limit],
        next_cursor=next_cursor(offset, limit, len(plants)),
        resolved=refs.entities,
    )
