"""Evidence as the API shows it: each sentence with its document's title, url and date."""

from __future__ import annotations

from typing import Any

from graph_schema.graph import Graph
from graph_schema.statements.documents import DOCUMENT_REFS
from service.schemas import Evidence, RelationItem


def document_refs(graph: Graph, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    rows = graph.read(DOCUMENT_REFS, {"ids": sorted(ids)})
    return {row["document"]["id"]: row["document"] for row in rows}


def to_evidence(raw: dict[str, Any], ref: dict[str, Any] | None) -> Evidence:
    ref = ref or {}
    return Evidence(
        document=raw["document"],
        sentence=raw.get("sentence") or "",
        confidence=raw.get("confidence"),
        status=raw.get("status"),
        date=raw.get("date") or ref.get("published"),
        title=ref.get("title"),
        url=ref.get("url"),
    )


def with_evidence(
    graph: Graph, relations: list[dict[str, Any]], evidence: list[list[dict[str, Any]]]
) -> list[RelationItem]:
    """Relations (edge dicts) and their raw evidence lists, joined with one document lookup."""
    refs = document_refs(graph, {e["document"] for group in evidence for e in group})
    return [
        RelationItem(**relation, evidence=[to_evidence(e, refs.get(e["document"])) for e in group])
        for relation, group in zip(relations, evidence, strict=True)
    ]
