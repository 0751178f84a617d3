"""Entity search: candidates from the index of search keys (graph_schema.statements.search),
ranked here.

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
from graph_schema.statements.search import SEARCH_CANDIDATES, Probe, search_probes
from service.schemas import Node

_CANDIDATES = 500
_PROBE_CAP = 500  # index entries a probe reads at most (a range scan is cut in index order)
_FUZZY_MIN = 0.75
_WORD_DISCOUNT = 0.9
_FUZZY_TOKENS = 2  # tokens whose halves are probed for misspellings
_FUZZY_MIN_LENGTH = 4


def _probes(query: str, tokens: list[str]) -> list[tuple[Probe, str]]:
    """What to ask the index, best tiers first: the whole query as a key (exact), the first
    token starting a word (word prefix) and inside a word (substring), and for a misspelt
    token its halves: one edit leaves one half intact, starting the word or ending it."""
    first = tokens[0]
    probes = [(Probe.KEY, query), (Probe.WORD_STARTS, first), (Probe.INSIDE, first)]
    for token in [t for t in tokens if len(t) >= _FUZZY_MIN_LENGTH][:_FUZZY_TOKENS]:
        half = len(token) // 2
        probes += [(Probe.WORD_STARTS, token[:half]), (Probe.WORD_ENDS, token[half:])]
    return list(dict.fromkeys(probes))


def _candidate_ids(graph: Graph, query: str, tokens: list[str]) -> list[str]:
    """Entity ids the probes find, best probe first, each once."""
    probes = _probes(query, tokens)
    params: dict[str, Any] = {f"p{i}": text for i, (_, text) in enumerate(probes)}
    rows = graph.read(search_probes(tuple(p for p, _ in probes)), {**params, "cap": _PROBE_CAP})
    ids: dict[str, None] = {}
    for row in sorted(rows, key=lambda r: r["probe"]):
        ids.update(dict.fromkeys(row["ids"]))
    return list(ids)


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
            "ids": _candidate_ids(graph, query, tokens),
            "type": entity_type,
            "subtype": subtype,
            "query": query,
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
