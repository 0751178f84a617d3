"""The domain's questions: visits, and companies' plants in a place (places inside it count)."""

from __future__ import annotations

from graph_schema.graph import Graph
from graph_schema.statement import Statement
from graph_schema.statements import facts as st
from service.repository.entities import require_entities
from service.repository.evidence import with_evidence
from service.schemas_queries import PlantFact, Visit


def _visits_statement(visitor: str | None, host: str | None) -> Statement:
    """Start from an entity that is given (an index lookup), not from every visit."""
    if visitor is not None:
        return st.VISITS_BY_VISITOR
    if host is not None:
        return st.VISITS_BY_HOST
    return st.VISITS


def list_visits(
    graph: Graph,
    visitor: str | None,
    host: str | None,
    status: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
) -> list[Visit]:
    """Newest first; limit + 1 are returned so the caller can page."""
    rows = graph.read(
        _visits_statement(visitor, host),
        {
            "visitor": visitor,
            "host": host,
            "status": status,
            "date_from": date_from,
            "date_to": date_to,
            "skip": offset,
            "limit": limit + 1,
        },
    )
    if not rows:
        require_entities(graph, visitor, host)
        return []
    relations = with_evidence(graph, [r["relation"] for r in rows], [r["evidence"] for r in rows])
    return [
        Visit(visitor=r["visitor"], host=r["host"], relation=rel)
        for r, rel in zip(rows, relations, strict=True)
    ]


def _plants_statement(company: str | None, place: str | None) -> Statement:
    # A company has a few plants; a place may hold thousands (a country), so the company wins.
    if company is not None:
        return st.PLANTS_BY_COMPANY
    if place is not None:
        return st.PLANTS_IN_PLACE
    return st.PLANTS


def list_plants(
    graph: Graph,
    company: str | None,
    place: str | None,
    status: str | None,
    limit: int,
    offset: int,
) -> list[PlantFact]:
    """By company and plant name; limit + 1 are returned so the caller can page."""
    rows = graph.read(
        _plants_statement(company, place),
        {"company": company, "place": place, "status": status, "skip": offset, "limit": limit + 1},
    )
    if not rows:
        require_entities(graph, company, place)
    return [PlantFact(**row) for row in rows]
