"""Reading entities: lookup, search candidates, neighbourhoods."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import RELATION_TYPES, edge, node
from graph_schema.vocabulary import ENTITY_LABEL

MAX_DEPTH = 3

GET_ENTITY = Statement(
    "GET_ENTITY",
    f"""
    MATCH (e:{ENTITY_LABEL} {{id: $id}})
    RETURN e {{.id, .name, .type, .subtype, .aliases, .titles, .geonames_id, .iso,
              .mention_count, .doc_count, .first_seen, .last_seen,
              .status, .product, .capacity, .investment, labels: labels(e)}} AS entity
    """,
)

ENTITY_DEGREES = Statement(
    "ENTITY_DEGREES",
    f"""
    MATCH (e:{ENTITY_LABEL} {{id: $id}})-[r:{RELATION_TYPES}]-(:{ENTITY_LABEL})
    RETURN type(r) AS type, count(r) AS count ORDER BY type
    """,
)

# Search: Neo4j asks its full-text index; ArcadeDB has none over Cypher and scans the folded
# keys. Both return candidates that the repository ranks (exact > prefix > fuzzy, then mentions).
SEARCH_CANDIDATES = Statement(
    "SEARCH_CANDIDATES",
    f"""
    CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node AS e, score
    WHERE $type IS NULL OR e.type = $type
    RETURN {node("e")} AS entity, e.search_keys AS keys, e.mention_count AS mentions
    ORDER BY score DESC LIMIT $candidates
    """,
    arcadedb=f"""
    MATCH (e:{ENTITY_LABEL})
    WHERE ($type IS NULL OR e.type = $type)
      AND any(k IN e.search_keys WHERE any(t IN $tokens WHERE k CONTAINS t))
    RETURN {node("e")} AS entity, e.search_keys AS keys, e.mention_count AS mentions
    LIMIT $candidates
    """,
)


def _neighbors(depth: int) -> Statement:
    return Statement(
        f"NEIGHBORS[{depth}]",
        f"""
        MATCH (start:{ENTITY_LABEL} {{id: $id}})
        OPTIONAL MATCH (start)-[:{RELATION_TYPES}*1..{depth}]-(n:{ENTITY_LABEL})
        WHERE n <> start
        WITH start, collect(DISTINCT n) AS found
        WITH start, found[..$limit] AS kept, size(found) > $limit AS truncated
        WITH [start] + kept AS nodes, truncated
        UNWIND nodes AS a
        OPTIONAL MATCH (a)-[r:{RELATION_TYPES}]->(b:{ENTITY_LABEL}) WHERE b IN nodes
        WITH nodes, truncated, collect(DISTINCT r) AS rels
        RETURN [n IN nodes | {node("n")}] AS nodes,
               [r IN rels | {edge("r")}] AS edges,
               truncated
        """,
    )


# Variable-length bounds cannot be parameters, so there is one statement per depth.
NEIGHBORS: dict[int, Statement] = {d: _neighbors(d) for d in range(1, MAX_DEPTH + 1)}
