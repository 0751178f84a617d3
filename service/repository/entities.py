"""Entities: profile and neighbourhood."""

from __future__ import annotations

from typing import Any

from graph_schema.errors import NotFoundError
from graph_schema.graph import Graph
from graph_schema.statements import entities as st
from service.schemas import EntityProfile, Subgraph

_PLANT_PROPS = ("status", "product", "capacity", "investment")


def _profile(row: dict[str, Any], degrees: list[dict[str, Any]]) -> EntityProfile:
    external = {k: row[k] for k in ("geonames_id", "iso") if row.get(k) is not None}
    props = {k: str(row[k]) for k in _PLANT_PROPS if row.get(k) is not None}
    return EntityProfile(
        id=row["id"], name=row["name"], type=row["type"], subtype=row.get("subtype"),
        labels=row.get("labels") or [], aliases=row.get("aliases") or [],
        titles=row.get("titles") or [], external_ids=external,
        mention_count=row.get("mention_count") or 0, doc_count=row.get("doc_count") or 0,
        first_seen=row.get("first_seen"), last_seen=row.get("last_seen"),
        degree={d["type"]: d["count"] for d in degrees}, properties=props,
    )


def read_entity(graph: Graph, entity_id: str) -> EntityProfile:
    rows = graph.read(st.GET_ENTITY, {"id": entity_id})
    if not rows:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    return _profile(rows[0]["entity"], graph.read(st.ENTITY_DEGREES, {"id": entity_id}))


def read_neighbors(graph: Graph, entity_id: str, depth: int, limit: int) -> Subgraph:
    rows = graph.read(st.NEIGHBORS[depth], {"id": entity_id, "limit": limit})
    if not rows:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    row = rows[0]
    return Subgraph(nodes=row["nodes"], edges=row["edges"], truncated=bool(row["truncated"]))
