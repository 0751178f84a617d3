"""Reading the whole graph for an export: all entities, then each relation type, one
statement each, streamed to the client as the driver fetches the rows (Graph.stream).

Not in keyset batches: ArcadeDB seeks a relationship index only for equality, so every
`WHERE r.id > $after ORDER BY r.id LIMIT n` batch read and sorted the whole type again
(quadratic: 36 s for 200k relations, measured). One unordered pass per type streams at the
driver's pace, in the database's order.
"""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.vocabulary import ENTITY_LABEL, RelationType

EXPORT_NODE = (
    "e {.id, .name, .type, .subtype, .aliases, .mention_count, .doc_count, .first_seen, "
    ".last_seen, .geonames_id, .iso, labels: labels(e)}"
)

EXPORT_NODES = Statement(
    "EXPORT_NODES",
    f"MATCH (e:{ENTITY_LABEL}) RETURN {EXPORT_NODE} AS node",
)

NODES_BY_IDS = Statement(
    "NODES_BY_IDS",
    f"""
    UNWIND $ids AS nid
    MATCH (e:{ENTITY_LABEL} {{id: nid}})
    RETURN {EXPORT_NODE} AS node
    """,
)


# The properties of an exported edge, in the order EXPORT_EDGES lists them after id and target.
EDGE_FIELDS = ("doc_count", "confidence", "status", "first_seen", "last_seen", "title", "amount")


def _export_edges(rtype: RelationType) -> Statement:
    # One row per source entity holding its edges as lists: Bolt and the driver pay per row
    # and per map key, and this shape decodes 2.5x faster than one map per edge (58k VISITED
    # relations: 1.47 s -> 0.59 s, measured). A hub's row stays far below Bolt's 16 MiB.
    fields = ", ".join(f"r.{f}" for f in EDGE_FIELDS)
    return Statement(
        f"EXPORT_EDGES[{rtype.value}]",
        f"""
        MATCH (a:{ENTITY_LABEL})-[r:{rtype.value}]->(b:{ENTITY_LABEL})
        RETURN a.id AS source, collect([r.id, b.id, {fields}]) AS edges
        """,
    )


EXPORT_EDGES: dict[RelationType, Statement] = {t: _export_edges(t) for t in RelationType}
