"""Linking at load time (loaders.linking): blocking keys, the profiles of the entities filed
under them, curated redirects and split rules, and the candidate pairs left for an analyst."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.vocabulary import (
    CANDIDATE_LABEL,
    ENTITY_LABEL,
    KEYS,
    LINK_KEY_LABEL,
    REDIRECT_LABEL,
    SPLIT_RULE_LABEL,
)

LINK_EXISTING = Statement(
    "LINK_EXISTING",
    f"UNWIND $ids AS id MATCH (e:{ENTITY_LABEL} {{id: id}}) RETURN e.id AS id",
)

# The profile linking compares: names, offices, and the ids of the places, companies and
# parents the entity is tied to. The entity is matched first (ArcadeDB starts a pattern at the
# node written first), and at most $cap entities come back however common a key is.
LINK_PROFILES_BY_KEYS = Statement(
    "LINK_PROFILES_BY_KEYS",
    f"""
    UNWIND $keys AS key
    MATCH (k:{LINK_KEY_LABEL} {{key: key}})-[:{KEYS}]->(e:{ENTITY_LABEL})
    WITH DISTINCT e LIMIT $cap
    RETURN e.id AS id, e.type AS type, e.subtype AS subtype, e.name AS name,
           e.aliases AS aliases, e.titles AS titles, e.product AS product,
           e.geonames_id AS geonames_id, e.iso AS iso, e.name_in_text AS named,
           e.link_keys AS keys,
           [(e)-[:HOLDS_POSITION]->(s:{ENTITY_LABEL}) | s.id] AS seats,
           [(e)<-[:PLANS|OPERATES]-(o:{ENTITY_LABEL}) | o.id] AS owners,
           [(e)-[:LOCATED_IN|BASED_IN]->(p:{ENTITY_LABEL}) | p.id] AS places,
           [(e)-[:PART_OF]->(q:{ENTITY_LABEL}) | q.id] AS parents
    """,
)

LINK_REDIRECTS = Statement(
    "LINK_REDIRECTS",
    f"""
    UNWIND $ids AS id
    MATCH (r:{REDIRECT_LABEL} {{source: id}})
    RETURN r.source AS source, r.target AS target
    """,
)

LINK_SPLIT_RULES = Statement(
    "LINK_SPLIT_RULES",
    f"""
    UNWIND $doc_ids AS doc_id
    MATCH (s:{SPLIT_RULE_LABEL} {{doc_id: doc_id}})
    RETURN s.doc_id AS doc_id, s.source AS source, s.target AS target
    """,
)

# Written in the batch's transaction, after its entities: one row per blocking key new to
# some of the batch's entities, with their ids (loaders.batch: the keys of a new entity, and
# those an entity the graph holds lacks). The edges are created, not merged: an entity's KEYS
# edges are the keys in its `link_keys` (written with it by CREATE_ENTITIES and
# UPDATE_ENTITIES), so a key new to it has none, and MERGE of one reads every edge of the key's
# node (a key shared by hundreds of entities, at every batch naming one of them).
FILE_LINK_KEYS = Statement(
    "FILE_LINK_KEYS",
    f"""
    UNWIND $rows AS row
    MERGE (k:{LINK_KEY_LABEL} {{key: row.key}})
    WITH k, row
    UNWIND row.ids AS id
    MATCH (e:{ENTITY_LABEL} {{id: id}})
    CREATE (k)-[:{KEYS}]->(e)
    RETURN count(*) AS keyed
    """,
    writes=True,
)

# One row per pair the batch found, with the documents that found it in order (loaders.batch).
RECORD_CANDIDATES = Statement(
    "RECORD_CANDIDATES",
    f"""
    UNWIND $rows AS row
    MERGE (c:{CANDIDATE_LABEL} {{id: row.id}})
    ON CREATE SET c.a = row.a, c.b = row.b, c.score = row.score, c.reason = row.reason,
                  c.status = 'open', c.doc_ids = row.doc_ids, c.created_at = row.at
    ON MATCH SET c.reason = CASE WHEN row.score > c.score THEN row.reason ELSE c.reason END,
                 c.score = CASE WHEN row.score > c.score THEN row.score ELSE c.score END,
                 c.doc_ids = c.doc_ids + [d IN row.doc_ids WHERE NOT d IN c.doc_ids]
    RETURN count(c) AS recorded
    """,
    writes=True,
)
