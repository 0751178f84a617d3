"""Reading the whole graph in batches for an export: keyset pages ordered by id, so each batch
is a bounded statement with its own time budget."""

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
    f"""
    MATCH (e:{ENTITY_LABEL})
    WHERE e.id > $after
    RETURN {EXPORT_NODE} AS node
    ORDER BY e.id LIMIT $limit
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


def _export_edges(rtype: RelationType) -> Statement:
    return Statement(
        f"EXPORT_EDGES[{rtype.value}]",
        f"""
        MATCH (:{ENTITY_LABEL})-[r:{rtype.value}]->(:{ENTITY_LABEL})
        WHERE r.id > $after
        RETURN {edge("r")} AS edge
        ORDER BY r.id LIMIT $limit
        """,
    )


EXPORT_EDGES: dict[RelationType, Statement] = {t: _export_edges(t) for t in RelationType}
