from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from graph_schema.statements.entities import MAX_DEPTH
from service.deps import GraphDep
from service.exporters import chunked, cytoscape, edges_csv, graphml, nodes_csv
from service.repository import export as repo
from service.repository.resolve import resolve_entity
from service.routes.common import errors
from service.routes.params import entity_query

router = APIRouter(tags=["export"])

_MEDIA = {
    "graphml": "application/graphml+xml",
    "csv": "text/csv; charset=utf-8",
    "cytoscape": "application/json",
}


@router.get(
    "/export",
    summary="The whole graph or a neighbourhood as GraphML, Cytoscape or CSV",
    description="GraphML opens in Gephi and yEd. CSV is one table: `table=edges` "
    "(default) or `table=nodes`, with Gephi's column names. The whole graph is "
    "streamed as it is read, in no particular order; a neighbourhood is cut at "
    "5,000 nodes, and then the header `X-Truncated: true` (and `truncated` in "
    "Cytoscape JSON) says so. With `entity`, `X-Resolved-Entity` names the entity it "
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
) -> StreamingResponse:
    resolved = None
    if entity:
        resolved = resolve_entity(graph, entity, param="entity")  # 404 before anything is sent
        data = repo.neighbourhood(graph, resolved.id, depth)
        nodes: Iterable[dict[str, Any]] = data.nodes
        edges: Iterable[dict[str, Any]] = data.edges
        truncated = data.truncated
    else:
        nodes, edges, truncated = repo.stream_nodes(graph), repo.stream_edges(graph), False
    headers = {"X-Truncated": str(truncated).lower()}
    if resolved is not None:
        headers["X-Resolved-Entity"] = resolved.id
    if format == "cytoscape":
        extra = {"resolved": {"entity": resolved.model_dump()}} if resolved else None
        body = cytoscape(nodes, edges, truncated, extra)
    elif format == "csv":
        body = nodes_csv(nodes) if table == "nodes" else edges_csv(edges)
        headers["Content-Disposition"] = f'attachment; filename="newsgraph-{table}.csv"'
    else:
        body = graphml(nodes, edges)
        headers["Content-Disposition"] = 'attachment; filename="newsgraph.graphml"'
    return StreamingResponse(chunked(body), media_type=_MEDIA[format], headers=headers)
