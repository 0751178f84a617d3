"""Reading documents and what was extracted from them."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import RELATION_TYPES, edge, evidence, node
from graph_schema.vocabulary import DOCUMENT_LABEL, ENTITY_LABEL, MENTIONS

_SUMMARY = ".id, .url, .title, .published, .lang, .ingested_at, .entity_count, .relation_count"

GET_DOCUMENT = Statement(
    "GET_DOCUMENT",
    f"""
    MATCH (d:{DOCUMENT_LABEL} {{id: $id}})
    RETURN d {{{_SUMMARY}, .text}} AS document
    """,
)

# `q` is lower-cased by the caller; a date range excludes documents without a publication date.
# Sorted on the bare nodes, projected after SKIP/LIMIT. `q` is a substring test over every
# text in range (no text index on ArcadeDB; ~90 ms at 20k documents of 2 KB, measured).
LIST_DOCUMENTS = Statement(
    "LIST_DOCUMENTS",
    f"""
    MATCH (d:{DOCUMENT_LABEL})
    WHERE ($lang IS NULL OR d.lang = $lang)
      AND ($date_from IS NULL OR d.published >= $date_from)
      AND ($date_to IS NULL OR d.published <= $date_to)
      AND ($q IS NULL OR toLower(coalesce(d.title, '')) CONTAINS $q
                      OR toLower(d.text) CONTAINS $q)
    WITH d ORDER BY coalesce(d.published, '') DESC, d.id SKIP $skip LIMIT $limit
    RETURN d {{{_SUMMARY}}} AS document
    ORDER BY coalesce(d.published, '') DESC, d.id
    """,
)

# Titles, urls and dates of the documents that evidence cites (evidence keeps only their ids).
DOCUMENT_REFS = Statement(
    "DOCUMENT_REFS",
    f"""
    UNWIND $ids AS did
    MATCH (d:{DOCUMENT_LABEL} {{id: did}})
    RETURN d {{.id, .url, .title, .published, .lang}} AS document
    """,
)

DOCUMENT_ENTITIES = Statement(
    "DOCUMENT_ENTITIES",
    f"""
    MATCH (:{DOCUMENT_LABEL} {{id: $id}})-[m:{MENTIONS}]->(e:{ENTITY_LABEL})
    RETURN {node("e")} AS entity, coalesce(m.forms, m.aliases) AS mentions
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
