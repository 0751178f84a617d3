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
# Open pairs (two full lists naming neither) per full list beyond which one walk of the full
# lists' adjacency (LINKED_PAIRS) replaces a walk from one end of each pair: hub degrees are
# skewed, so a pair's lighter end is usually far lighter than the full lists' mean.
OPEN_PAIRS_PER_FULL = 16


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


def read_start(graph: Graph, entity_id: str, node_cap: int) -> dict[str, Any] | None:
    """A neighbourhood's start as `read_neighbors` takes it (None: no entity has that id):
    read before resolving, it tells whether the reference is an id in the same round trip."""
    rows = graph.read(rk.START_AND_RANKED, {"id": entity_id, "cap": node_cap + 1}, plain=True)
    return rows[0] if rows else None


def read_neighbors(
    graph: Graph,
    entity_id: str,
    depth: int,
    node_cap: int,
    flt: TraversalFilter,
    start_row: dict[str, Any] | None = None,
) -> Subgraph:
    """Up to `node_cap` nodes besides the start, `depth` levels out, best supported first.
    Unfiltered, the first level is the start's ranked list, kept at write time
    (loaders.ranking): its first `node_cap` + 1 ids and their nodes, whatever the start's
    degree; an entity not ranked yet is expanded like the other levels. `start_row`: the
    start as `read_start` read it with the same cap, when the caller has it."""
    if start_row is None:
        start_row = read_start(graph, entity_id, node_cap)
    if start_row is None:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    nodes: dict[str, dict[str, Any]] = {entity_id: Node(**start_row["node"]).model_dump()}
    frontier, truncated, levels = [entity_id], False, range(depth)
    ranked = start_row["ranked"]
    links: Links = {}
    if ranked is not None and flt == TraversalFilter():
        found, links = _nodes_in_order(graph, ranked[:node_cap], [entity_id, *ranked[:node_cap]])
        links[entity_id] = _links(start_row, ranked[:node_cap])
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
    edges = None
    if flt == TraversalFilter():
        edges = _ranked_edges(graph, list(nodes), edge_cap + 1, links)
    if edges is None:
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


Pair = tuple[int, int]  # positions of two kept nodes, the smaller first
# Per entity (KEPT_LINKS): how many neighbours its list holds (None: not ranked), how long its
# adjacency is (listed neighbours and mentions), which kept nodes its list names.
Links = dict[str, tuple[int | None, int, list[str]]]


def _ranked_edges(
    graph: Graph, ids: list[str], cap: int, links: Links | None = None
) -> list[dict[str, Any]] | None:
    """The relations among the kept nodes `ids`, unfiltered, found from their ranked lists:
    two kept nodes are linked exactly when one's list names the other, or when both lists are
    full and a walk of the full ones finds them linked. Ordered by the pair's positions in
    `ids` (the start first, then best supported), then type and id; at most the pairs that
    give the first `cap`. None when a kept node has no list (a graph written before them):
    the caller then walks every kept node's adjacency (INDUCED_EDGES). `links`: each kept
    node's, when read already against a set of kept nodes that holds `ids`."""
    if links is None or any(node_id not in links for node_id in ids):
        rows = graph.read(
            rk.KEPT_LINKS,
            {"ids": ids, "kept": ids, "kept_set": dict.fromkeys(ids, True)},
            plain=True,
        )
        links = {row["id"]: _links(row, row["linked"]) for row in rows}
    if any(links.get(node_id, (None,))[0] is None for node_id in ids):
        return None
    position = {node_id: i for i, node_id in enumerate(ids)}
    listed = {node_id: int(links[node_id][0] or 0) for node_id in ids}
    linked = {
        _pair(position[node_id], position[other])
        for node_id in ids
        for other in links[node_id][2]
        if other != node_id and other in position
    }
    full = [i for i, node_id in enumerate(ids) if listed[node_id] >= rk.TOP_NEIGHBOURS]
    open_pairs = {(x, y) for k, x in enumerate(full) for y in full[k + 1 :]} - linked
    if len(open_pairs) > OPEN_PAIRS_PER_FULL * len(full):
        # Many full lists (hubs) among the kept: one walk of their adjacency costs less than
        # one walk from an end of each open pair.
        found = graph.read(st.LINKED_PAIRS, {"ids": [ids[i] for i in full]}, plain=True)
        linked |= {_pair(position[r["a"]], position[r["b"]]) for r in found} & open_pairs
        open_pairs = set()
    wanted: list[Pair] = []
    sure = 0
    for pair in sorted(linked | open_pairs):
        if sure >= cap:  # a linked pair gives one relation at least
            break
        wanted.append(pair)
        sure += pair in linked
    if not wanted:
        return []

    def lighter_first(pair: Pair) -> list[int]:
        # The shorter adjacency walks (a hub's mentions are most of it); on a tie, the lower
        # ranked. Measured at 1M relations, company hub: 209k adjacency entries walked instead
        # of 571k by list lengths alone, 20 against 32 ms.
        x, y = pair
        return [x, y] if links[ids[x]][1] < links[ids[y]][1] else [y, x]

    rows = graph.read(
        st.EDGES_OF_PAIRS, {"ids": ids, "pairs": [lighter_first(p) for p in wanted]}, plain=True
    )
    edges: list[dict[str, Any]] = rows[0]["edges"] if rows else []
    edges.sort(
        key=lambda e: (
            _pair(position[e["source"]], position[e["target"]]),
            e["type"],
            e["id"],
        )
    )
    return edges[:cap]


def _pair(x: int, y: int) -> Pair:
    return (x, y) if x < y else (y, x)


def _nodes_in_order(
    graph: Graph, ids: list[str], kept: list[str]
) -> tuple[list[dict[str, Any]], Links]:
    """The nodes of `ids` in that order (an id the graph no longer holds is left out), and
    their links among `kept`."""
    if not ids:
        return [], {}
    # plain: maps, lists and scalars only; the driver's value-by-value conversion of 100
    # nodes and their lists was ~7 ms of the service's CPU per neighbourhood (profiled).
    rows = graph.read(
        rk.NODES_BY_ID,
        {"ids": ids, "kept": kept, "kept_set": dict.fromkeys(kept, True)},
        plain=True,
    )
    by_id = {row["node"]["id"]: row["node"] for row in rows}
    links = {row["node"]["id"]: _links(row, row["linked"]) for row in rows}
    return [by_id[i] for i in ids if i in by_id], links


def _links(row: dict[str, Any], linked: list[str]) -> tuple[int | None, int, list[str]]:
    listed = row["listed"]
    return listed, (listed or 0) + (row["mentioned"] or 0), linked


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
