"""Reading relations with their evidence."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import RELATION_TYPES, edge, evidence
from graph_schema.vocabulary import ENTITY_LABEL

LIST_RELATIONS = Statement(
    "LIST_RELATIONS",
    f"""
    MATCH (a:{ENTITY_LABEL})-[r:{RELATION_TYPES}]->(b:{ENTITY_LABEL})
    WHERE ($type IS NULL OR type(r) = $type)
      AND ($source IS NULL OR a.id = $source)
      AND ($target IS NULL OR b.id = $target)
    RETURN {edge("r")} AS relation, {evidence("r")} AS evidence
    ORDER BY r.id SKIP $skip LIMIT $limit
    """,
)
