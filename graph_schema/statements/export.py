"""Reading the whole graph for an export: all entities, then each relation type, one
statement each.

Not in keyset batches: ArcadeDB seeks a relationship index only for equality, so every
`WHERE r.id > $after ORDER BY r.id LIMIT n` batch read and sorted the whole type again
(quadratic: 36 s for 200k relations, measured). One unordered pass per type streams at the
driver's pace; the caller sorts by id. Only when a cap cuts the export short does the
database order (the `_FIRST` statements), so that the first ids by order are the ones kept.
"""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import edge
from graph_schema.vocabulary import ENTITY_LABEL, RelationType

EXPORT_NODE = (
    "e {.id, .name, .type, .subtype, .aliases, .mention_count, .doc_count, .first_seen, "
    ".last_seen, .geonames_id, .iso, labels: labels(e)}"
)

EXPORT_NODES = Statement(
    "EXPORT_NODES",
    f"MATCH (e:{ENTITY_LABEL}) RETURN {EXPORT_NODE} AS node",
)

EXPORT_FIRST_NODES = Statement(
    "EXPORT_FIRST_NODES",
    f"""
    MATCH (e:{ENTITY_LABEL})
    WITH e ORDER BY e.id LIMIT $limit
    RETURN {EXPORT_NODE} AS node
    """,
)

NODES_BY_IDS = Statement(
    "NODES_BY_IDS",
    f"""
    UNWIND $ids AS nid
    MATCH (e:{ENTITY_LABEL} {{id: nid}})
    RETURN {EXPORT_NODE} AS node
    """,
)


def _export_edges(rtype: RelationType, first: bool) -> Statement:
    order = "WITH r ORDER BY r.id LIMIT $limit" if first else "WITH r LIMIT $limit"
    return Statement(
        f"EXPORT_{'FIRST_' if first else ''}EDGES[{rtype.value}]",
        f"""
        MATCH (:{ENTITY_LABEL})-[r:{rtype.value}]->(:{ENTITY_LABEL})
        {order}
        RETURN {edge("r")} AS edge
        """,
    )


EXPORT_EDGES: dict[RelationType, Statement] = {t: _export_edges(t, False) for t in RelationType}
EXPORT_FIRST_EDGES: dict[RelationType, Statement] = {
    t: _export_edges(t, True) for t in RelationType
}
