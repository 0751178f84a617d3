"""Reading relations with their evidence."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import RELATION_TYPES, edge, evidence
from graph_schema.vocabulary import ENTITY_LABEL, RelationType

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

# A relation id does not tell its type; one indexed lookup per type (rel_<type>_id) is cheaper
# than a scan of every relation.
_BY_TYPE = "\n        UNION ALL\n".join(
    f"        MATCH (:{ENTITY_LABEL})-[r:{t.value} {{id: $id}}]->(:{ENTITY_LABEL}) RETURN r"
    for t in RelationType
)

GET_RELATION = Statement(
    "GET_RELATION",
    f"""
    CALL {{
{_BY_TYPE}
    }}
    RETURN {edge("r")} AS relation, {evidence("r")} AS evidence
    LIMIT 1
    """,
)
