"""Bulk loading into an EMPTY graph: nodes and relations created once with their final values.

loaders.bulk folds many resolved documents into final rows in Python (the same rules as the
per-document writer in statements.writes) and sends them here in UNWIND batches that span many
documents. Nothing is MERGEd, so these statements are only correct on an empty graph; the
loader checks that. Derived relation fields use the writer's own DERIVE_RELATION, documents
keep the same entity_* lists (ENTITY_FACTS) and mentions the same load order.
"""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.writes import DERIVE_RELATION, ENTITY_FACTS
from graph_schema.vocabulary import (
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    KEYS,
    LINK_KEY_LABEL,
    MENTIONS,
    RelationType,
    label_sets,
)

BULK_CREATE_DOCUMENTS = Statement(
    "BULK_CREATE_DOCUMENTS",
    f"""
    UNWIND $rows AS doc
    CREATE (d:{DOCUMENT_LABEL} {{id: doc.id}})
    SET d.url = doc.url, d.title = doc.title, d.published = doc.published,
        d.lang = doc.lang, d.text = doc.text, d.ingested_at = doc.ingested_at,
        d.seen = doc.seen, d.entity_count = doc.entity_count,
        d.relation_count = doc.relation_count,
        {ENTITY_FACTS % {"d": "d", "doc": "doc"}}
    RETURN count(d) AS created
    """,
    writes=True,
)


def _bulk_create_entities(labels: tuple[str, ...]) -> Statement:
    label_text = ":".join(labels)
    return Statement(
        f"BULK_CREATE_ENTITIES[{label_text}]",
        f"""
        UNWIND $rows AS row
        CREATE (e:{label_text} {{id: row.id}})
        SET e.name = row.name, e.type = row.type, e.subtype = row.subtype,
            e.aliases = row.aliases, e.search_keys = row.search_keys,
            e.search_text = row.search_text, e.titles = row.titles,
            e.mention_count = row.mention_count, e.doc_count = row.doc_count,
            e.first_seen = row.first_seen, e.last_seen = row.last_seen,
            e.geonames_id = row.geonames_id, e.iso = row.iso, e.status = row.status,
            e.product = row.product, e.capacity = row.capacity, e.investment = row.investment,
            e.link_keys = row.link_keys, e.name_in_text = row.name_in_text
        RETURN count(e) AS created
        """,
        writes=True,
    )


# Labels spelled in the text per label set (ArcadeDB drops dynamic labels in CREATE).
BULK_CREATE_ENTITIES: dict[tuple[str, ...], Statement] = {
    labels: _bulk_create_entities(labels) for labels in label_sets()
}

# An entity's mentions are numbered in document order (the rows' order), continuing from the
# batches before, as UPDATE_ENTITIES numbers them (e.load_seq, m.seq). Numbered by grouping,
# not by counting up row after row: ArcadeDB evaluates such a count once for every row of
# the statement (measured), so all its mentions got the same number.
BULK_CREATE_MENTIONS = Statement(
    "BULK_CREATE_MENTIONS",
    f"""
    UNWIND range(0, size($rows) - 1) AS i
    WITH i, $rows[i] AS row
    MATCH (d:{DOCUMENT_LABEL} {{id: row.doc_id}})
    MATCH (e:{ENTITY_LABEL} {{id: row.entity_id}})
    WITH e, collect(i) AS positions, collect(d) AS docs, collect(row) AS items
    WITH e, positions, docs, items, coalesce(e.load_seq, 0) AS base
    UNWIND range(0, size(docs) - 1) AS k
    WITH e, base, size(docs) AS n, docs[k] AS d, items[k] AS row,
         size([p IN positions WHERE p <= positions[k]]) AS rank
    CREATE (d)-[m:{MENTIONS}]->(e)
    SET m.aliases = row.aliases, m.search_keys = row.search_keys, m.count = row.count,
        m.forms = row.forms, m.seq = base + rank, e.load_seq = base + n
    RETURN count(m) AS created
    """,
    writes=True,
)


def _bulk_create_relations(rtype: RelationType) -> Statement:
    return Statement(
        f"BULK_CREATE_RELATIONS[{rtype.value}]",
        f"""
        UNWIND $rows AS row
        MATCH (a:{ENTITY_LABEL} {{id: row.source}})
        MATCH (b:{ENTITY_LABEL} {{id: row.target}})
        CREATE (a)-[r:{rtype.value}]->(b)
        SET r.id = row.id, r.doc_ids = row.doc_ids, r.sentences = row.sentences,
            r.confidences = row.confidences, r.statuses = row.statuses,
            r.seen_dates = row.seen_dates, r.title = row.title, r.amount = row.amount
        WITH r
        {DERIVE_RELATION}
        RETURN count(r) AS created
        """,
        writes=True,
    )


BULK_CREATE_RELATIONS: dict[RelationType, Statement] = {
    t: _bulk_create_relations(t) for t in RelationType
}


# The blocking keys of the entities just created (loaders.linking), one row per key.
BULK_CREATE_LINK_KEYS = Statement(
    "BULK_CREATE_LINK_KEYS",
    f"""
    UNWIND $rows AS row
    MERGE (k:{LINK_KEY_LABEL} {{key: row.key}})
    WITH k, row
    MATCH (e:{ENTITY_LABEL} {{id: row.id}})
    CREATE (k)-[:{KEYS}]->(e)
    RETURN count(k) AS created
    """,
    writes=True,
)
