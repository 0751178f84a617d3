"""Collecting graph data for an export: the whole graph in keyset batches, or a neighbourhood."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph_schema.graph import Graph
from graph_schema.statement import Statement
from graph_schema.statements import export as st
from graph_schema.vocabulary import RelationType
from service.repository.entities import read_neighbors
from service.repository.filters import TraversalFilter

BATCH = 5_000
MAX_NODES = 100_000
MAX_EDGES = 500_000
MAX_NEIGHBOURHOOD_NODES = 5_000


@dataclass
class GraphData:
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False


def _keyset(graph: Graph, statement: Statement, column: str, cap: int,
            ) -> tuple[list[dict[str, Any]], bool]:
    """Rows ordered by id, BATCH at a time; True when more than `cap` exist."""
    found: list[dict[str, Any]] = []
    after = ""
    while True:
        rows = graph.read(statement, {"after": after, "limit": BATCH})
        found.extend(row[column] for row in rows)
        if len(found) > cap:
            return found[:cap], True
        if len(rows) < BATCH:
            return found, False
        after = found[-1]["id"]


def whole_graph(graph: Graph) -> GraphData:
    nodes, truncated = _keyset(graph, st.EXPORT_NODES, "node", MAX_NODES)
    data = GraphData(nodes=nodes, truncated=truncated)
    kept = {n["id"] for n in nodes}
    for rtype in RelationType:
        edges, cut = _keyset(graph, st.EXPORT_EDGES[rtype], "edge", MAX_EDGES - len(data.edges))
        data.edges.extend(e for e in edges if e["source"] in kept and e["target"] in kept)
        data.truncated = data.truncated or cut
    return data


def neighbourhood(graph: Graph, entity_id: str, depth: int) -> GraphData:
    sub = read_neighbors(graph, entity_id, depth, MAX_NEIGHBOURHOOD_NODES, TraversalFilter())
    rows = graph.read(st.NODES_BY_IDS, {"ids": [n.id for n in sub.nodes]})
    by_id = {row["node"]["id"]: row["node"] for row in rows}
    return GraphData(nodes=[by_id[n.id] for n in sub.nodes if n.id in by_id],
                     edges=[e.model_dump() for e in sub.edges], truncated=sub.truncated)
