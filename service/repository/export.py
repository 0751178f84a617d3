"""Collecting graph data for an export: the whole graph (entities, then one relation type at a
time), or a neighbourhood."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph_schema.graph import Graph
from graph_schema.statements import export as st
from graph_schema.vocabulary import RelationType
from service.repository.entities import read_neighbors
from service.repository.filters import TraversalFilter

MAX_NODES = 100_000
MAX_EDGES = 500_000
MAX_NEIGHBOURHOOD_NODES = 5_000
# A whole-graph statement reads one relation type in one pass (see statements.export), which
# at 100k+ rows takes longer than an interactive read may; it still has a budget, larger.
EXPORT_BUDGET_FACTOR = 4


@dataclass
class GraphData:
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False


def _budget(graph: Graph) -> float:
    return graph.config.read_timeout_s * EXPORT_BUDGET_FACTOR


def _nodes(graph: Graph) -> tuple[list[dict[str, Any]], bool]:
    """Entities ordered by id, at most MAX_NODES; True when more exist (the first by id kept)."""
    rows = graph.read(
        st.EXPORT_NODES, {"limit": MAX_NODES + 1}, timeout_s=_budget(graph), plain=True
    )
    truncated = len(rows) > MAX_NODES
    if truncated:
        rows = graph.read(
            st.EXPORT_FIRST_NODES, {"limit": MAX_NODES}, timeout_s=_budget(graph), plain=True
        )
    return sorted((row["node"] for row in rows), key=lambda n: n["id"]), truncated


def _edges(graph: Graph, rtype: RelationType, cap: int) -> tuple[list[dict[str, Any]], bool]:
    """One type's relations ordered by id, at most `cap`; True when more exist."""
    rows = graph.read(
        st.EXPORT_EDGES[rtype], {"limit": cap + 1}, timeout_s=_budget(graph), plain=True
    )
    edges = [
        {
            "id": e[0],
            "type": rtype.value,
            "source": row["source"],
            "target": e[1],
            "properties": dict(zip(st.EDGE_FIELDS, e[2:], strict=True)),
        }
        for row in rows
        for e in row["edges"]
    ]
    if len(edges) <= cap:
        return sorted(edges, key=lambda e: e["id"]), False
    rows = graph.read(
        st.EXPORT_FIRST_EDGES[rtype], {"limit": cap}, timeout_s=_budget(graph), plain=True
    )
    return sorted((row["edge"] for row in rows), key=lambda e: e["id"]), True


def whole_graph(graph: Graph) -> GraphData:
    nodes, truncated = _nodes(graph)
    data = GraphData(nodes=nodes, truncated=truncated)
    kept = {n["id"] for n in nodes}
    for rtype in RelationType:
        edges, cut = _edges(graph, rtype, MAX_EDGES - len(data.edges))
        data.edges.extend(e for e in edges if e["source"] in kept and e["target"] in kept)
        data.truncated = data.truncated or cut
    return data


def neighbourhood(graph: Graph, entity_id: str, depth: int) -> GraphData:
    sub = read_neighbors(graph, entity_id, depth, MAX_NEIGHBOURHOOD_NODES, TraversalFilter())
    rows = graph.read(st.NODES_BY_IDS, {"ids": [n.id for n in sub.nodes]}, plain=True)
    by_id = {row["node"]["id"]: row["node"] for row in rows}
    return GraphData(
        nodes=[by_id[n.id] for n in sub.nodes if n.id in by_id],
        edges=[e.model_dump() for e in sub.edges],
        truncated=sub.truncated,
    )
