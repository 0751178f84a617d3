"""Collecting graph data for an export: the whole graph (entities, then one relation type at a
time), or a neighbourhood."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph_schema.graph import Graph
from graph_schema.statement import Statement
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


def _by_id(graph: Graph, whole: Statement, first: Statement, column: str, cap: int,
           ) -> tuple[list[dict[str, Any]], bool]:
    """The rows ordered by id, at most `cap`; True when more exist (then the first by id)."""
    budget = graph.config.read_timeout_s * EXPORT_BUDGET_FACTOR
    rows = [row[column] for row in graph.read(whole, {"limit": cap + 1}, timeout_s=budget,
                                                plain=True)]
    if len(rows) <= cap:
        return sorted(rows, key=lambda r: r["id"]), False
    rows = [row[column] for row in graph.read(first, {"limit": cap}, timeout_s=budget,
                                                plain=True)]
    return sorted(rows, key=lambda r: r["id"]), True


def whole_graph(graph: Graph) -> GraphData:
    nodes, truncated = _by_id(graph, st.EXPORT_NODES, st.EXPORT_FIRST_NODES, "node", MAX_NODES)
    data = GraphData(nodes=nodes, truncated=truncated)
    kept = {n["id"] for n in nodes}
    for rtype in RelationType:
        edges, cut = _by_id(graph, st.EXPORT_EDGES[rtype], st.EXPORT_FIRST_EDGES[rtype], "edge",
                            MAX_EDGES - len(data.edges))
        data.edges.extend(e for e in edges if e["source"] in kept and e["target"] in kept)
        data.truncated = data.truncated or cut
    return data


def neighbourhood(graph: Graph, entity_id: str, depth: int) -> GraphData:
    sub = read_neighbors(graph, entity_id, depth, MAX_NEIGHBOURHOOD_NODES, TraversalFilter())
    rows = graph.read(st.NODES_BY_IDS, {"ids": [n.id for n in sub.nodes]}, plain=True)
    by_id = {row["node"]["id"]: row["node"] for row in rows}
    return GraphData(nodes=[by_id[n.id] for n in sub.nodes if n.id in by_id],
                     edges=[e.model_dump() for e in sub.edges], truncated=sub.truncated)
