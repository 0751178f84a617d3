"""Entity search: candidates from the backend's statement, ranked here the same way for both.

Rank: exact match of a name or alias, then a word that starts with the query, then a
substring, then fuzzy (Karshi ~ Qarshi); ties broken by how often the entity is mentioned.
Names and queries are compared folded (graph_schema.keys.fold): case, accents and script
(Карши → karshi) do not matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from graph_schema.graph import Graph
from graph_schema.keys import fold
from graph_schema.statements.entities import SEARCH_CANDIDATES
from service.schemas import Node

_CANDIDATES = 500
_FUZZY_MIN = 0.75
_WORD_DISCOUNT = 0.9


def _lucene(tokens: list[str]) -> str:
    # fold() leaves only [a-z0-9 ] so no Lucene syntax needs escaping.
    return " ".join(f"{t}* {t}~1" if len(t) > 3 else f"{t}*" for t in tokens)


def _probes(tokens: list[str]) -> list[str]:
    """Trigrams of each token: a key sharing one is a candidate (so Qarshi reaches Karshi)."""
    grams = {t[i : i + 3] for t in tokens if len(t) >= 3 for i in range(len(t) - 2)}
    return sorted(grams | {t for t in tokens if len(t) < 3})


def _tier(query: str, keys: list[str]) -> tuple[int, float] | None:
    if query in keys:
        return 0, 1.0
    if any(f" {k}".find(f" {query}") >= 0 for k in keys):  # a word of the name starts so
        return 1, 1.0
    if any(query in k for k in keys):
        return 2, 1.0
    best = max((_similarity(query, k) for k in keys), default=0.0)
    return (3, best) if best >= _FUZZY_MIN else None


def _similarity(query: str, key: str) -> float:
    """The whole key, or one of its words at a discount (Karshi ~ 'qarshi city'), so that a
    near-identical name ranks above a longer name that merely contains a similar word."""
    whole = SequenceMatcher(None, query, key).ratio()
    words = max(SequenceMatcher(None, query, word).ratio() for word in key.split())
    return max(whole, _WORD_DISCOUNT * words)


@dataclass(frozen=True)
class Match:
    """One candidate as the search ranks it: tier 0 exact, 1 a word starts with the query,
    2 a substring, 3 fuzzy (`score` its similarity)."""

    tier: int
    score: float
    mentions: int
    node: Node


def rank_entities(
    graph: Graph, q: str, entity_type: str | None = None, subtype: str | None = None
) -> list[Match]:
    """Every candidate that matches `q`, best first (the order GET /entities?q= answers in)."""
    query = fold(q)
    tokens = query.split()
    if not tokens:
        return []
    rows: list[dict[str, Any]] = graph.read(
        SEARCH_CANDIDATES,
        {
            "type": entity_type,
            "subtype": subtype,
            "query": query,
            "probes": _probes(tokens),
            "lucene": _lucene(tokens),
            "candidates": _CANDIDATES,
        },
    )
    ranked = []
    for row in rows:
        tier = _tier(query, row["keys"] or [])
        if tier is not None:
            node = Node(**row["entity"])
            ranked.append(Match(tier[0], tier[1], row["mentions"] or 0, node))
    ranked.sort(key=lambda m: (m.tier, -m.score, -m.mentions, m.node.name, m.node.id))
    return ranked


def search_entities(
    graph: Graph, q: str, entity_type: str | None, subtype: str | None, limit: int, offset: int = 0
) -> list[Node]:
    """Ranked matches from `offset` on; limit + 1 are returned so the caller can page."""
    ranked = rank_entities(graph, q, entity_type, subtype)
    return [m.node for m in ranked[offset : offset + limit + 1]]
