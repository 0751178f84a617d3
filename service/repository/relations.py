"""Relations with their evidence."""

from __future__ import annotations

from graph_schema.graph import Graph
from graph_schema.statements import relations as st
from service.schemas import RelationItem


def list_relations(graph: Graph, rtype: str | None, source: str | None, target: str | None,
                   limit: int, offset: int) -> list[RelationItem]:
    rows = graph.read(st.LIST_RELATIONS, {
        "type": rtype, "source": source, "target": target, "skip": offset, "limit": limit + 1,
    })
    return [RelationItem(**row["relation"], evidence=row["evidence"]) for row in rows]
