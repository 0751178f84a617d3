"""Shortest paths between two entities, over entity relations only."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import RELATION_TYPES, edge, node
from graph_schema.vocabulary import ENTITY_LABEL

MAX_HOPS = 6


def _shortest_paths(hops: int) -> Statement:
    return Statement(
        f"SHORTEST_PATHS[{hops}]",
        f"""
        MATCH (a:{ENTITY_LABEL} {{id: $source}}), (b:{ENTITY_LABEL} {{id: $target}})
        MATCH p = allShortestPaths((a)-[:{RELATION_TYPES}*..{hops}]-(b))
        RETURN [n IN nodes(p) | {node("n")}] AS nodes,
               [r IN relationships(p) | {edge("r")}] AS edges
        LIMIT $limit
        """,
    )


SHORTEST_PATHS: dict[int, Statement] = {h: _shortest_paths(h) for h in range(1, MAX_HOPS + 1)}
