"""Reading relations with their evidence.

Lists have a statement per way in, as facts.py: from the source, from the target, over one
type, or over everything; sorted on the bare relations and projected after SKIP/LIMIT.
"""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import RELATION_TYPES, edge, evidence
from graph_schema.vocabulary import ENTITY_LABEL, RelationType

_PAGE = f"""
    WITH r ORDER BY r.id SKIP $skip LIMIT $limit
    RETURN {edge("r")} AS relation, {evidence("r")} AS evidence
    ORDER BY r.id
"""

# $type, $source and $target are always passed; null switches a filter off.
LIST_RELATIONS = Statement(
    "LIST_RELATIONS",
    f"""
    MATCH (:{ENTITY_LABEL})-[r:{RELATION_TYPES}]->(:{ENTITY_LABEL})
    {_PAGE}
    """,
)
LIST_RELATIONS_FROM = Statement(
    "LIST_RELATIONS_FROM",
    f"""
    MATCH (:{ENTITY_LABEL} {{id: $source}})-[r:{RELATION_TYPES}]->(b:{ENTITY_LABEL})
    WHERE ($type IS NULL OR type(r) = $type) AND ($target IS NULL OR b.id = $target)
    {_PAGE}
    """,
)
# The known end first: ArcadeDB starts a pattern where it is written.
LIST_RELATIONS_TO = Statement(
    "LIST_RELATIONS_TO",
    f"""
    MATCH (:{ENTITY_LABEL} {{id: $target}})<-[r:{RELATION_TYPES}]-(:{ENTITY_LABEL})
    WHERE $type IS NULL OR type(r) = $type
    {_PAGE}
    """,
)


def _of_type(rtype: RelationType) -> Statement:
    # The type in the pattern, so only that type's relations are read.
    return Statement(
        f"LIST_RELATIONS_OF_TYPE[{rtype.value}]",
        f"""
        MATCH (:{ENTITY_LABEL})-[r:{rtype.value}]->(:{ENTITY_LABEL})
        {_PAGE}
        """,
    )


LIST_RELATIONS_OF_TYPE: dict[RelationType, Statement] = {t: _of_type(t) for t in RelationType}

# A relation id does not tell its type; one indexed lookup per type (rel_<type>_id). ArcadeDB
# only seeks a relationship index for `WHERE r.id = $id` with unlabelled ends, and not inside
# CALL {} (both measured as scans: 0.25-1.1 s at 200k relations, against 4 ms like this).
GET_RELATION = Statement(
    "GET_RELATION",
    "\n    UNION ALL\n".join(
        f"""
    MATCH ()-[r:{t.value}]->() WHERE r.id = $id
    RETURN {edge("r")} AS relation, {evidence("r")} AS evidence"""
        for t in RelationType
    ),
)
