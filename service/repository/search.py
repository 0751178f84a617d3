"""Entity search: candidates from the backend's statement, ranked here the same way for both.

Rank: exact match of a name or alias, then prefix, then substring, then fuzzy; ties broken by
how often the entity is mentioned.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from graph_schema.graph import Graph
from graph_schema.keys import fold
from graph_schema.statement import Backend
from graph_schema.statements.entities import SEARCH_CANDIDATES
from service.schemas import Node

_CANDIDATES = 500
_FUZZY_MIN = 0.75


def _lucene(tokens: list[str]) -> str:
    # fold() leaves only [a-z0-9 ] so no Lucene syntax needs escaping.
    return " ".join(f"{t}* {t}~1" if len(t) > 3 else f"{t}*" for t in tokens)


def _tier(query: str, keys: list[str]) -> tuple[int, float] | None:
    if query in keys:
        return 0, 1.0
    if any(f" {k}".find(f" {query}") >= 0 for k in keys):  # a word of the name starts so
        return 1, 1.0
    if any(query in k for k in keys):
        return 2, 1.0
    best = max((SequenceMatcher(None, query, k).ratio() for k in keys), default=0.0)
    return (3, best) if best >= _FUZZY_MIN else None


def search_entities(graph: Graph, q: str, entity_type: str | None, limit: int,
                    offset: int = 0) -> list[Node]:
    query = fold(q)
    tokens = query.split()
    if not tokens:
        return []
    # Fuzzy candidates on ArcadeDB: any key holding the first three letters of a token.
    probes = tokens if graph.backend is Backend.NEO4J else sorted({t[:3] for t in tokens})
    rows: list[dict[str, Any]] = graph.read(SEARCH_CANDIDATES, {
        "type": entity_type, "tokens": probes, "lucene": _lucene(tokens),
        "candidates": _CANDIDATES,
    })
    ranked = []
    for row in rows:
        tier = _tier(query, row["keys"] or [])
        if tier is not None:
            ranked.append((tier[0], -tier[1], -(row["mentions"] or 0), row["entity"]["name"],
                           row["entity"]))
    ranked.sort(key=lambda r: r[:4])
    return [Node(**r[4]) for r in ranked[offset:offset + limit + 1]]
