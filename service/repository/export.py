"""Graph data for an export: the whole graph streamed (entities, then one relation type at a
time, as the driver fetches them), or a neighbourhood collected."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graph_schema.graph import Graph
from graph_schema.statements import export as st
from graph_schema.vocabulary import RelationType
from service.repository.entities import read_neighbors
from service.repository.filters import TraversalFilter

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


def stream_nodes(graph: Graph) -> Iterator[dict[str, Any]]:
    """Every entity, in the database's order, never all in memory. The statement runs before
    this returns, so that a graph that does not answer is reported (503) before a response
    starts rather than cutting it short."""
    rows = graph.stream(st.EXPORT_NODES, timeout_s=_budget(graph))
    first = next(rows, None)
    return (row["node"] for row in itertools.chain([first] if first else [], rows))


def stream_edges(graph: Graph) -> Iterator[dict[str, Any]]:
    """Every relation, one type after another, in the database's order."""
    for rtype in RelationType:
        for row in graph.stream(st.EXPORT_EDGES[rtype], timeout_s=_budget(graph)):
            for e in row["edges"]:
                yield {
                    "id": e[0],
                    "type": rtype.value,
                    "source": row["source"],
                    "target": e[1],
                    "properties": dict(zip(st.EDGE_FIELDS, e[2:], strict=True)),
                }


def neighbourhood(graph: Graph, entity_id: str, depth: int) -> GraphData:
    sub = read_neighbors(graph, entity_id, depth, MAX_NEIGHBOURHOOD_NODES, TraversalFilter())
    rows = graph.read(st.NODES_BY_IDS, {"ids": [n.id for n in sub.nodes]}, plain=True)
    by_id = {row["node"]["id"]: row["node"] for row in rows}
    return GraphData(
        nodes=[by_id[n.id] for n in sub.nodes if n.id in by_id],
        edges=[e.model_dump() for e in sub.edges],
        truncated=sub.truncated,
    )
