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
    ENTITY_LABEL, *(t.value for t in EntityType), *SUBTYPE_LABEL.values(), DOCUMENT_LABEL,
)

NODE_COUNTS = Statement(
    "NODE_COUNTS",
    "\nUNION ALL\n".join(
        f"MATCH (n:{label}) RETURN '{label}' AS label, count(n) AS count"
        for label in COUNTED_LABELS
    ),
)

RELATION_COUNTS = Statement(
    "RELATION_COUNTS",
    "\nUNION ALL\n".join(
        f"MATCH ()-[r:{t.value}]->() RETURN '{t.value}' AS type, count(r) AS count"
        for t in RelationType
    ),
)

DOCUMENT_COUNTS = Statement(
    "DOCUMENT_COUNTS",
    f"""
    MATCH (d:{DOCUMENT_LABEL})
    RETURN d.lang AS lang, left(d.published, 7) AS month, count(d) AS count
    """,
)
