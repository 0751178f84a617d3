"""Entities: profile, neighbourhood (grown level by level), timeline."""

from __future__ import annotations

from typing import Any

from graph_schema.errors import NotFoundError
from graph_schema.graph import Graph
from graph_schema.statements import entities as st
from graph_schema.statements import ranking as rk
from service.paging import next_cursor
from service.repository.evidence import document_refs, to_evidence
from service.repository.filters import TraversalFilter
from service.schemas import EntityDocument, EntityProfile, Node, Page, Subgraph
from service.schemas_queries import TimelineEvent

_PLANT_PROPS = ("status", "product", "capacity", "investment")
EDGES_PER_NODE = 4  # the edge cap of a neighbourhood, per node kept


def require_entity(graph: Graph, entity_id: str) -> Node:
    rows = graph.read(st.GET_START_NODE, {"id": entity_id})
    if not rows:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    return Node(**rows[0]["node"])


def require_entities(graph: Graph, *entity_ids: str | None) -> None:
    """NotFoundError for the first given id the graph does not hold (None: not given). Lists
    filtered by an entity call it when they come back empty: an unknown id is a 404, not an
    empty page."""
    for entity_id in entity_ids:
        if entity_id is not None:
            require_entity(graph, entity_id)


def _profile(
    row: dict[str, Any], degrees: list[dict[str, Any]], documents: Page[EntityDocument]
) -> EntityProfile:
    external = {k: row[k] for k in ("geonames_id", "iso") if row.get(k) is not None}
    props = {k: str(row[k]) for k in _PLANT_PROPS if row.get(k) is not None}
    return EntityProfile(
        id=row["id"],
        name=row["name"],
        type=row["type"],
        subtype=row.get("subtype"),
        labels=row.get("labels") or [],
        aliases=row.get("aliases") or [],
        titles=row.get("titles") or [],
        external_ids=external,
        mention_count=row.get("mention_count") or 0,
        doc_count=row.get("doc_count") or 0,
        first_seen=row.get("first_seen"),
        last_seen=row.get("last_seen"),
        degree={d["type"]: d["count"] for d in degrees},
        properties=props,
        documents=documents,
    )


def read_entity(
    graph: Graph, entity_id: str, limit: int, offset: int, redirected_from: str | None = None
) -> EntityProfile:
    """The profile; its `documents` page holds `limit` documents from `offset` on.
    `redirected_from`: the id asked for, merged into this entity by an analyst."""
    rows = graph.read(st.GET_ENTITY, {"id": entity_id})
    if not rows:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    docs = graph.read(st.ENTITY_DOCUMENTS, {"id": entity_id, "skip": offset, "limit": limit + 1})
    page = Page[EntityDocument](
        items=[
            EntityDocument(**d["document"], mentions=d["mentions"] or [], count=d["count"] or 0)
            for d in docs[:limit]
        ],
        next_cursor=next_cursor(offset, limit, len(docs)),
    )
    profile = _profile(rows[0]["entity"], graph.read(st.ENTITY_DEGREES, {"id": entity_id}), page)
    return profile.model_copy(update={"redirected_from": redirected_from})


def read_neighbors(
    graph: Graph, entity_id: str, depth: int, node_cap: int, flt: TraversalFilter
) -> Subgraph:
    """Up to `node_cap` nodes besides the start, `depth` levels out, best supported first.
    Unfiltered, the first level is the start's ranked list, kept at write time
    (loaders.ranking): its first `node_cap` + 1 ids and their nodes, whatever the start's
    degree; an entity not ranked yet is expanded like the other levels."""
    start = graph.read(rk.START_AND_RANKED, {"id": entity_id, "cap": node_cap + 1})
    if not start:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    nodes: dict[str, dict[str, Any]] = {entity_id: Node(**start[0]["node"]).model_dump()}
    frontier, truncated, levels = [entity_id], False, range(depth)
    ranked = start[0]["ranked"]
    if ranked is not None and flt == TraversalFilter():
        found = _nodes_in_order(graph, ranked[:node_cap])
        truncated = len(ranked) > node_cap
        nodes.update((n["id"], n) for n in found)
        frontier, levels = [n["id"] for n in found], range(depth - 1)
    for _ in levels:
        if not frontier:
            break
        room = node_cap - (len(nodes) - 1)
        # The ids already kept, as a list (Neo4j's variant) and as a map (ArcadeDB's).
        seen = {"seen": list(nodes), "seen_set": dict.fromkeys(nodes, True)}
        if room <= 0:
            # Full: only whether more lie beyond matters, and the first one found tells.
            truncated = truncated or bool(
                graph.read(st.EXPAND_HAS_MORE, {**flt.params(), "frontier": frontier, **seen})
            )
            break
        rows = graph.read(
            st.EXPAND_LEVEL,
            {**flt.params(), "frontier": frontier, **seen, "cap": room + 1},
            plain=True,
        )
        truncated = truncated or len(rows) > room
        found = [row["node"] for row in rows[:room]]
        nodes.update((n["id"], n) for n in found)
        frontier = [n["id"] for n in found]
    edge_cap = max(200, EDGES_PER_NODE * len(nodes))
    edges = [
        row["edge"]
        for row in graph.read(
            st.INDUCED_EDGES,
            {
                **flt.params(),
                "ids": list(nodes),
                "id_set": dict.fromkeys(nodes, True),
                "cap": edge_cap + 1,
            },
            plain=True,
        )
    ]
    truncated = truncated or len(edges) > edge_cap
    return Subgraph(nodes=list(nodes.values()), edges=edges[:edge_cap], truncated=truncated)


def _nodes_in_order(graph: Graph, ids: list[str]) -> list[dict[str, Any]]:
    """The nodes of `ids` in that order (an id the graph no longer holds is left out)."""
    if not ids:
        return []
    by_id = {row["node"]["id"]: row["node"] for row in graph.read(rk.NODES_BY_ID, {"ids": ids})}
    return [by_id[i] for i in ids if i in by_id]


def read_timeline(
    graph: Graph, entity_id: str, flt: TraversalFilter, limit: int, offset: int
) -> list[TimelineEvent]:
    """Dated statements of the entity's relations, oldest first; limit + 1 are fetched."""
    rows = graph.read(
        st.TIMELINE, {**flt.params(), "id": entity_id, "skip": offset, "limit": limit + 1}
    )
    if not rows:
        require_entity(graph, entity_id)
        return []
    rows.sort(key=lambda r: (r["day"] or "", r["relation"]["id"], r["position"]))
    refs = document_refs(graph, {r["document"] for r in rows})
    return [
        TimelineEvent(
            date=r["day"],
            relation=r["relation"],
            other=r["other"],
            direction="outgoing" if r["relation"]["source"] == entity_id else "incoming",
            evidence=to_evidence(
                {
                    "document": r["document"],
                    "sentence": r["sentence"],
                    "confidence": r["confidence"],
                    "status": r["status"],
                    "date": r["day"],
                },
                refs.get(r["document"]),
            ),
        )
        for r in rows
    ]
