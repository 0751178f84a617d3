"""Counts for GET /stats, spelled from the vocabulary (one indexed label count per label)."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.vocabulary import (
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    SUBTYPE_LABEL,
    EntityType,
    RelationType,
)

COUNTED_LABELS = (
    ENTITY_LABEL,
    *(t.value for t in EntityType),
    *SUBTYPE_LABEL.values(),
    DOCUMENT_LABEL,
)

NODE_COUNTS = Statement(
    "NODE_COUNTS",
    "\nUNION ALL\n".join(
        f"MATCH (n:{label}) RETURN '{label}' AS label, count(n) AS count"
        for label in COUNTED_LABELS
    ),
)

# Neo4j answers a count per relation type from its count store. ArcadeDB counts by reading
# the graph, ~55 ms a type whatever its size at 200k relations (measured), and a constant
# column beside count() costs it the fast count path (1.1 s for the UNION form); so its
# variant counts each type in a subquery of its own and names the types afterwards (0.62 s).
RELATION_COUNTS = Statement(
    "RELATION_COUNTS",
    "\nUNION ALL\n".join(
        f"MATCH ()-[r:{t.value}]->() RETURN '{t.value}' AS type, count(r) AS count"
        for t in RelationType
    ),
    arcadedb="\n".join(
        f"CALL {{ MATCH ()-[r:{t.value}]->() RETURN count(*) AS {t.value.lower()} }}"
        for t in RelationType
    )
    + "\nUNWIND ["
    + ", ".join(f"['{t.value}', {t.value.lower()}]" for t in RelationType)
    + "] AS pair\nRETURN pair[0] AS type, pair[1] AS count",
)

DOCUMENT_COUNTS = Statement(
    "DOCUMENT_COUNTS",
    f"""
    MATCH (d:{DOCUMENT_LABEL})
    RETURN d.lang AS lang, left(d.published, 7) AS month, count(d) AS count
    """,
)
