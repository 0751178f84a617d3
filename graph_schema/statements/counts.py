"""The counts /stats reads (graph_schema.counts): changed by every write and delete in the same
transaction, read in one small statement, and counted afresh only to fill them in for a
database written before they were kept."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.vocabulary import (
    COUNT_LABEL,
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

# `SET c.n = c.n + d.n` in one statement: Neo4j locks the node for it, ArcadeDB fails a
# concurrent commit and the driver retries it; neither loses an update.
CHANGE_COUNTS = Statement(
    "CHANGE_COUNTS",
    f"""
    UNWIND $rows AS d
    MERGE (c:{COUNT_LABEL} {{key: d.key}})
    ON CREATE SET c.n = 0
    SET c.n = c.n + d.n
    RETURN count(c) AS changed
    """,
    writes=True,
)

SET_COUNTS = Statement(
    "SET_COUNTS",
    f"""
    UNWIND $rows AS d
    MERGE (c:{COUNT_LABEL} {{key: d.key}})
    SET c.n = d.n
    RETURN count(c) AS set
    """,
    writes=True,
)

READ_COUNTS = Statement(
    "READ_COUNTS",
    f"MATCH (c:{COUNT_LABEL}) RETURN c.key AS key, c.n AS n",
)

COUNT_OF = Statement(
    "COUNT_OF",
    f"MATCH (c:{COUNT_LABEL} {{key: $key}}) RETURN c.n AS n",
)

ANY_COUNT = Statement(
    "ANY_COUNT",
    f"MATCH (c:{COUNT_LABEL}) RETURN c.key AS key LIMIT 1",
)

# -- counting by reading, only to fill the counts in ------------------------------------------

NODES_PER_LABEL = Statement(
    "NODES_PER_LABEL",
    "\nUNION ALL\n".join(
        f"MATCH (n:{label}) RETURN '{label}' AS label, count(n) AS count"
        for label in COUNTED_LABELS
    ),
)

# ArcadeDB loses its fast count path when a constant column stands beside count(), so its
# variant counts each type in a subquery of its own and names the types afterwards.
RELATIONS_PER_TYPE = Statement(
    "RELATIONS_PER_TYPE",
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

DOCUMENTS_PER_LANG_AND_MONTH = Statement(
    "DOCUMENTS_PER_LANG_AND_MONTH",
    f"""
    MATCH (d:{DOCUMENT_LABEL})
    RETURN d.lang AS lang, left(d.published, 7) AS month, count(d) AS count
    """,
)
