"""Answers of the query endpoints: Cytoscape elements, fact lists, timelines, Cypher, stats."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from service.schemas import Edge, Evidence, Node, RelationItem, ResolvedEntity


class CytoscapeElement(BaseModel):
    """One Cytoscape.js element: everything sits under `data`."""

    data: dict[str, Any] = Field(
        examples=[{"id": "org:chery", "label": "Chery", "type": "Organization"}]
    )


class CytoscapeElements(BaseModel):
    nodes: list[CytoscapeElement]
    edges: list[CytoscapeElement]


class CytoscapeGraph(BaseModel):
    """`cy.add(answer.elements)` draws it."""

    elements: CytoscapeElements
    truncated: bool = Field(False, description="true when the node cap cut the answer short")
    resolved: dict[str, ResolvedEntity] = Field(
        default_factory=dict, description="the entity the request named"
    )


class TimelineEvent(BaseModel):
    """One dated statement of one of the entity's relations."""

    date: str | None = Field(description="the document's date", examples=["2024-06-10"])
    relation: Edge
    other: Node = Field(description="the entity at the relation's other end")
    direction: Literal["outgoing", "incoming"]
    evidence: Evidence


class Visit(BaseModel):
    """Who visited whom or what; `relation.properties.status` says planned or done."""

    visitor: Node
    host: Node
    relation: RelationItem


class PlantFact(BaseModel):
    """A company's planned or operating plant, and where it is."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "company": {"id": "org:chery", "name": "Chery", "type": "Organization"},
                    "plant": {
                        "id": "plant:chery@karshi",
                        "name": "Chery car plant in Karshi",
                        "type": "Plant",
                    },
                    "status": "planned",
                    "located_in": [],
                    "product": "cars",
                    "relation": {
                        "id": "rel-…",
                        "type": "PLANS",
                        "source": "org:chery",
                        "target": "plant:chery@karshi",
                    },
                }
            ]
        }
    )

    company: Node
    plant: Node
    relation: Edge = Field(description="PLANS or OPERATES, with how many documents support it")
    status: str = Field(description="planned, under_construction or operating")
    located_in: list[Node] = Field(default_factory=list, description="the plant's own places")
    product: str | None = None
    capacity: str | None = None
    investment: str | None = None


class QueryIn(BaseModel):
    """A read-only Cypher statement for power users."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "cypher": "MATCH (c:Company)-[:PLANS]->(p:Plant) RETURN c.name AS company, "
                    "p.name AS plant LIMIT $n",
                    "parameters": {"n": 10},
                }
            ]
        },
    )

    cypher: str = Field(min_length=1, max_length=20_000)
    parameters: dict[str, Any] = Field(default_factory=dict)


class QueryResult(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "columns": ["company", "plant"],
                    "rows": [["Chery", "Chery car plant in Karshi"]],
                    "row_count": 1,
                    "truncated": False,
                    "truncated_by": None,
                    "row_cap": 1000,
                    "byte_cap": 10000000,
                }
            ]
        }
    )

    columns: list[str]
    rows: list[list[Any]]
    row_count: int
    truncated: bool = Field(
        description="true when the answer stops short: more rows than row_cap, or more than "
        "byte_cap bytes of JSON"
    )
    truncated_by: Literal["rows", "bytes"] | None = Field(
        None, description="which cap cut the answer short (null when it is whole)"
    )
    row_cap: int
    byte_cap: int


class DocumentCounts(BaseModel):
    total: int
    by_lang: dict[str, int] = Field(examples=[{"de": 5, "en": 6, "ru": 2}])
    by_month: dict[str, int] = Field(
        description="by month of publication, YYYY-MM; 'undated' when it is unknown",
        examples=[{"2024-06": 2, "undated": 6}],
    )


class Stats(BaseModel):
    nodes: dict[str, int] = Field(
        description="nodes per label", examples=[{"Entity": 150, "Person": 30, "Document": 13}]
    )
    relations: dict[str, int] = Field(
        description="relations per type", examples=[{"VISITED": 20, "PLANS": 9}]
    )
    documents: DocumentCounts
