"""Syndicated copies: the fingerprint (MinHash) each document keeps for finding copies of it,
and the copies recorded on the first document of a story."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.vocabulary import DOCUMENT_LABEL

# Documents loaded from `$since` (their ingested_at) on, with their fingerprint, or their text
# when they have none yet (loaded before fingerprints were kept, or by another writer).
DOCUMENT_FINGERPRINTS = Statement(
    "DOCUMENT_FINGERPRINTS",
    f"""
    MATCH (d:{DOCUMENT_LABEL})
    WHERE $since IS NULL OR d.ingested_at >= $since
    RETURN d.id AS id, d.ingested_at AS ingested_at, d.minhash AS minhash,
           CASE WHEN d.minhash IS NULL THEN d.text END AS text
    """,
)

SET_FINGERPRINTS = Statement(
    "SET_FINGERPRINTS",
    f"""
    UNWIND $rows AS row
    MATCH (d:{DOCUMENT_LABEL} {{id: row.id}})
    SET d.minhash = row.minhash
    RETURN count(d) AS updated
    """,
    writes=True,
)

DOCUMENT_COPY_KEYS = Statement(
    "DOCUMENT_COPY_KEYS",
    f"""
    MATCH (d:{DOCUMENT_LABEL} {{id: $id}})
    RETURN d.url AS url, coalesce(d.copy_keys, []) AS keys
    """,
)

# One entry per copy in parallel lists (a node property holds no maps): the copy's own id (the
# sha256 of its text), where it was found, its title and date. `copy_keys` (id + url) keeps a
# copy from being recorded twice.
ADD_COPY = Statement(
    "ADD_COPY",
    f"""
    MATCH (d:{DOCUMENT_LABEL} {{id: $id}})
    SET d.copy_keys = coalesce(d.copy_keys, []) + $key,
        d.copy_ids = coalesce(d.copy_ids, []) + $copy_id,
        d.copy_urls = coalesce(d.copy_urls, []) + coalesce($url, ''),
        d.copy_titles = coalesce(d.copy_titles, []) + coalesce($title, ''),
        d.copy_published = coalesce(d.copy_published, []) + coalesce($published, '')
    RETURN d.id AS id
    """,
    writes=True,
)

DOCUMENT_COPIES = Statement(
    "DOCUMENT_COPIES",
    f"""
    MATCH (d:{DOCUMENT_LABEL} {{id: $id}})
    RETURN coalesce(d.copy_ids, []) AS ids, coalesce(d.copy_urls, []) AS urls,
           coalesce(d.copy_titles, []) AS titles, coalesce(d.copy_published, []) AS published
    """,
)
