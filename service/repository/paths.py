"""Shortest paths between two entities, each edge with its evidence."""

from __future__ import annotations

from graph_schema.errors import InvalidInputError
from graph_schema.graph import Graph
from graph_schema.statements.paths import PathKind, shortest_paths
from graph_schema.vocabulary import RelationType
from service.repository.evidence import with_evidence
from service.schemas import GraphPath, Paths


def find_paths(
    graph: Graph,
    source: str,
    target: str,
    *,
    kind: PathKind,
    max_hops: int,
    rel_types: list[RelationType] | None,
    limit: int,
) -> Paths:
    """Between two entities the graph holds (service.repository.resolve found them)."""
    if source == target:
        raise InvalidInputError("source and target are the same entity")
    statement = shortest_paths(kind, max_hops, frozenset(rel_types) if rel_types else None)
    rows = graph.read(statement, {"source": source, "target": target, "limit": limit})
    # One document lookup for the evidence of every edge of every path.
    edges = with_evidence(
        graph, [e for r in rows for e in r["edges"]], [ev for r in rows for ev in r["evidence"]]
    )
    paths, start = [], 0
    for row in rows:
        end = start + len(row["edges"])
        paths.append(GraphPath(nodes=row["nodes"], edges=edges[start:end]))
        start = end
    return Paths(paths=paths)
