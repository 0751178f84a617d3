"""Relations with their evidence."""

from __future__ import annotations

from graph_schema.errors import NotFoundError
from graph_schema.graph import Graph
from graph_schema.statement import Statement
from graph_schema.statements import relations as st
from graph_schema.vocabulary import RelationType
from service.repository.entities import require_entities
from service.repository.evidence import with_evidence
from service.schemas import RelationItem


def _list_statement(rtype: str | None, source: str | None, target: str | None) -> Statement:
    """Start from a given entity (an index lookup), else from the given type's relations."""
    if source is not None:
        return st.LIST_RELATIONS_FROM
    if target is not None:
        return st.LIST_RELATIONS_TO
    if rtype is not None:
        return st.LIST_RELATIONS_OF_TYPE[RelationType(rtype)]
    return st.LIST_RELATIONS


def list_relations(
    graph: Graph, rtype: str | None, source: str | None, target: str | None, limit: int, offset: int
) -> list[RelationItem]:
    """By id; limit + 1 are returned so the caller can page. An unknown `source` or `target`
    is a NotFoundError, as in the fact lists, not an empty page."""
    rows = graph.read(
        _list_statement(rtype, source, target),
        {
            "type": rtype,
            "source": source,
            "target": target,
            "skip": offset,
            "limit": limit + 1,
        },
    )
    if not rows:
        require_entities(graph, source, target)
    return with_evidence(graph, [r["relation"] for r in rows], [r["evidence"] for r in rows])


def read_relation(graph: Graph, relation_id: str) -> RelationItem:
    rows = graph.read(st.GET_RELATION, {"id": relation_id})
    if not rows:
        raise NotFoundError(f"no relation with id {relation_id!r}")
    return with_evidence(graph, [rows[0]["relation"]], [rows[0]["evidence"]])[0]
