"""Shortest paths between two entities."""

from __future__ import annotations

from graph_schema.errors import NotFoundError
from graph_schema.graph import Graph
from graph_schema.statements import entities as ent
from graph_schema.statements import paths as st
from service.schemas import GraphPath, Paths


def shortest_paths(graph: Graph, source: str, target: str, max_hops: int, limit: int) -> Paths:
    for entity_id in (source, target):
        if not graph.read(ent.GET_ENTITY, {"id": entity_id}):
            raise NotFoundError(f"no entity with id {entity_id!r}")
    if source == target:
        return Paths(paths=[])
    rows = graph.read(st.SHORTEST_PATHS[max_hops],
                      {"source": source, "target": target, "limit": limit})
    return Paths(paths=[GraphPath(nodes=r["nodes"], edges=r["edges"]) for r in rows])
