from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from graph_schema.statements.entities import MAX_DEPTH
from service.deps import GraphDep
from service.exporters import edges_csv, nodes_csv, to_cytoscape, to_graphml
from service.repository import export as repo
from service.repository.resolve import resolve_entity
from service.routes.common import errors
from service.routes.params import entity_query

router = APIRouter(tags=["export"])

_MEDIA = {"graphml": "application/graphml+xml", "csv": "text/csv; charset=utf-8"}


@router.get(
    "/export",
    summary="The whole graph or a neighbourhood as GraphML, Cytoscape or CSV",
    description="GraphML opens in Gephi and yEd. CSV is one table: `table=edges` "
    "(default) or `table=nodes`, with Gephi's column names. The header "
    "`X-Truncated: true` (and `truncated` in Cytoscape JSON) says a cap "
    "cut the export short. With `entity`, `X-Resolved-Entity` names the entity it "
    "resolved to (and `resolved` in Cytoscape JSON).",
    responses={
        200: {
            "description": "the export",
            "content": {"application/graphml+xml": {}, "text/csv": {}, "application/json": {}},
        },
        **errors(404, 409, 422, 503, 504),
    },
)
def export_graph(
    graph: GraphDep,
    format: Annotated[Literal["graphml", "cytoscape", "csv"], Query()] = "graphml",
    entity: Annotated[
        str | None, entity_query("export this entity's neighbourhood", "Karshi", "loc:gn-1216311")
    ] = None,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1,
    table: Annotated[Literal["edges", "nodes"], Query(description="for csv")] = "edges",
) -> Response:
    resolved = resolve_entity(graph, entity, param="entity") if entity else None
    data = repo.neighbourhood(graph, resolved.id, depth) if resolved else repo.whole_graph(graph)
    headers = {"X-Truncated": str(data.truncated).lower()}
    if resolved is not None:
        headers["X-Resolved-Entity"] = resolved.id
    if format == "cytoscape":
        body = to_cytoscape(data.nodes, data.edges, data.truncated)
        if resolved is not None:
            body["resolved"] = {"entity": resolved.model_dump()}
        return JSONResponse(body, headers=headers)
    if format == "csv":
        body = nodes_csv(data.nodes) if table == "nodes" else edges_csv(data.edges)
    else:
        body = to_graphml(data.nodes, data.edges)
    name = f"newsgraph-{table}.csv" if format == "csv" else "newsgraph.graphml"
    headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return Response(body, media_type=_MEDIA[format], headers=headers)
