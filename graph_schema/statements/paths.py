"""Shortest paths between two entities, over entity relations only.

Variable-length bounds and relation types cannot be parameters of a path search that the
database prunes by, so there is one statement per (kind, bound, type set); the type set is
spelled from the vocabulary enum, never from request text.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from graph_schema.statement import Statement
from graph_schema.statements.fragments import RELATION_TYPES, edge, evidence, node
from graph_schema.vocabulary import ENTITY_LABEL, RelationType

MAX_HOPS = 6


class PathKind(StrEnum):
    SHORTEST = "shortest"  # one shortest path
    ALL_SHORTEST = "all_shortest"  # every path of the shortest length


_FUNCTION = {PathKind.SHORTEST: "shortestPath", PathKind.ALL_SHORTEST: "allShortestPaths"}


@lru_cache(maxsize=256)
def shortest_paths(kind: PathKind, hops: int, types: frozenset[RelationType] | None) -> Statement:
    if not 1 <= hops <= MAX_HOPS:
        raise ValueError(f"hops must be 1..{MAX_HOPS}")
    spelled = "|".join(sorted(t.value for t in types)) if types else RELATION_TYPES
    return Statement(
        f"SHORTEST_PATHS[{kind},{hops},{spelled}]",
        f"""
        MATCH (a:{ENTITY_LABEL} {{id: $source}}), (b:{ENTITY_LABEL} {{id: $target}})
        MATCH p = {_FUNCTION[kind]}((a)-[:{spelled}*..{hops}]-(b))
        RETURN [n IN nodes(p) | {node("n")}] AS nodes,
               [r IN relationships(p) | {edge("r")}] AS edges,
               [r IN relationships(p) | {evidence("r")}] AS evidence
        LIMIT $limit
        """,
    )
