"""Reading documents and what was extracted from them."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import RELATION_TYPES, edge, evidence, node
from graph_schema.vocabulary import DOCUMENT_LABEL, ENTITY_LABEL, MENTIONS

GET_DOCUMENT = Statement(
    "GET_DOCUMENT",
    f"""
    MATCH (d:{DOCUMENT_LABEL} {{id: $id}})
    RETURN d {{.id, .url, .title, .published, .lang, .ingested_at, .entity_count,
              .relation_count, .text}} AS document
    """,
)

DOCUMENT_ENTITIES = Statement(
    "DOCUMENT_ENTITIES",
    f"""
    MATCH (:{DOCUMENT_LABEL} {{id: $id}})-[m:{MENTIONS}]->(e:{ENTITY_LABEL})
    RETURN {node("e")} AS entity, m.aliases AS mentions
    ORDER BY e.type, e.name
    """,
)

DOCUMENT_RELATIONS = Statement(
    "DOCUMENT_RELATIONS",
    f"""
    MATCH (:{DOCUMENT_LABEL} {{id: $id}})-[:{MENTIONS}]->(:{ENTITY_LABEL})
          -[r:{RELATION_TYPES}]->(:{ENTITY_LABEL})
    WHERE $id IN r.doc_ids
    WITH DISTINCT r
    RETURN {edge("r")} AS relation,
           [x IN {evidence("r")} WHERE x.document = $id] AS evidence
    ORDER BY relation.type, relation.id
    """,
)
