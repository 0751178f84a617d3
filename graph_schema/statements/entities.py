"""Reading entities: lookup, search candidates, documents, neighbourhoods, timelines."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import (
    RELATION_TYPES,
    edge,
    edge_properties,
    node,
    node_filter,
    relation_filter,
)
from graph_schema.vocabulary import DOCUMENT_LABEL, ENTITY_LABEL, MENTIONS

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

# A hub is mentioned by thousands of documents: sorted bare, projected after SKIP/LIMIT, and
# written from the entity (ArcadeDB starts a pattern where it is written).
ENTITY_DOCUMENTS = Statement(
    "ENTITY_DOCUMENTS",
    f"""
    MATCH (:{ENTITY_LABEL} {{id: $id}})<-[m:{MENTIONS}]-(d:{DOCUMENT_LABEL})
    WITH d, m ORDER BY coalesce(d.published, d.seen, '') DESC, d.id SKIP $skip LIMIT $limit
    RETURN d {{.id, .url, .title, .published, .lang}} AS document,
           coalesce(m.forms, m.aliases) AS mentions, m.count AS count
    ORDER BY coalesce(d.published, d.seen, '') DESC, d.id
    """,
)

# Neighbourhoods grow one level at a time (never `[*1..3]`, which explodes on hubs): each level
# keeps at most $cap new nodes, the best supported first, and filters inside the traversal.
# ArcadeDB tests `x IN $list` by walking the list for every row (3.4 s for 100k rows against
# 5,000 ids, measured), so its variants look ids up in a map parameter ($seen_set, $id_set:
# id -> true) instead (93 ms); Neo4j turns a list parameter into a hash set by itself.
_EXPAND = f"""
    UNWIND $frontier AS fid
    MATCH (:{ENTITY_LABEL} {{id: fid}})-[r:{RELATION_TYPES}]-(b:{ENTITY_LABEL})
    WHERE %(unseen)s AND {node_filter("b")} AND {relation_filter("r")}
"""
_UNSEEN = {"list": "NOT b.id IN $seen", "map": "$seen_set[b.id] IS NULL"}

_EXPAND_LEVEL = (
    _EXPAND
    + f"""
    WITH b, max(coalesce(r.doc_count, 0)) AS support
    ORDER BY support DESC, b.id
    LIMIT $cap
    RETURN {node("b")} AS node
"""
)

EXPAND_LEVEL = Statement(
    "EXPAND_LEVEL",
    _EXPAND_LEVEL % {"unseen": _UNSEEN["list"]},
    arcadedb=_EXPAND_LEVEL % {"unseen": _UNSEEN["map"]},
)

# When the node cap is reached, the next level only has to tell whether anything lies beyond
# (`truncated`): the first unseen neighbour answers that, without ranking a hub's thousands.
_HAS_MORE = _EXPAND + "    RETURN b.id AS id LIMIT 1\n"

EXPAND_HAS_MORE = Statement(
    "EXPAND_HAS_MORE",
    _HAS_MORE % {"unseen": _UNSEEN["list"]},
    arcadedb=_HAS_MORE % {"unseen": _UNSEEN["map"]},
)

# The relations among the nodes kept, with the same filters. Which pairs of kept nodes are
# linked is asked first without a relationship variable: ArcadeDB then walks the adjacency
# lists' vertex ids without loading an edge (1-2 µs a neighbour), whereas binding `r` loads
# every edge record, provenance lists and all (30-40 µs each, measured). A kept hub's
# thousands of other relations thus cost ids, and only the edges among kept nodes (at most
# their pairs) are loaded and filtered.
# Kept nodes are compared as nodes (`b IN kept`), not by id: ArcadeDB then tests the vertex
# ids of the adjacency lists without loading each neighbour's record to read its `id`, which
# halved the walk of a hub's adjacency at 250k relations (measured).
INDUCED_EDGES = Statement(
    "INDUCED_EDGES",
    f"""
    UNWIND $ids AS kid
    MATCH (k:{ENTITY_LABEL} {{id: kid}})
    WITH collect(k) AS kept
    UNWIND kept AS a
    MATCH (a)-[:{RELATION_TYPES}]->(b)
    WHERE b IN kept
    WITH DISTINCT a, b
    MATCH (a)-[r:{RELATION_TYPES}]->(b)
    WHERE {relation_filter("r")}
    RETURN {edge("r")} AS edge
    LIMIT $cap
    """,
)

# Unfiltered, the pairs of kept nodes that are linked come from their ranked lists
# (graph_schema.statements.ranking, KEPT_LINKS) and only their relations are read: each pair
# from its lighter end (the caller puts the end with the shorter list first), whose adjacency
# is walked to the other end (a hub's thousands of edges cost nothing when its partner is the
# lighter end). `$ids` are the kept nodes, `$pairs` positions in it (a node gone meanwhile
# gives nothing). The direction is the relation's own: source and target as EDGE gives them.
# One row holds them all: ArcadeDB's Bolt answer costs ~15 µs a row (273 edges: 3.6 ms as one
# row, 7.3 ms as 273, measured). The ends' ids come from `$ids`, not from the ends' records:
# an entity record carries its ranked list, and reading `a.id` for each of a hub's 589 edges
# was most of the statement's projection on ArcadeDB (PROFILE at 200k relations, min of 8:
# 13.7 -> 1.2 ms for the company hub, 7.2 -> 1.5 for an official).
EDGES_OF_PAIRS = Statement(
    "EDGES_OF_PAIRS",
    f"""
    UNWIND $ids AS kid
    OPTIONAL MATCH (k:{ENTITY_LABEL} {{id: kid}})
    WITH collect([k]) AS kept
    UNWIND $pairs AS p
    WITH kept[p[0]][0] AS a, kept[p[1]][0] AS b, $ids[p[0]] AS aid, $ids[p[1]] AS bid
    WHERE a IS NOT NULL AND b IS NOT NULL
    MATCH (a)-[r:{RELATION_TYPES}]-(b)
    WITH aid, bid, r, startNode(r) = a AS forward
    RETURN collect({{id: r.id, type: type(r),
                    source: CASE WHEN forward THEN aid ELSE bid END,
                    target: CASE WHEN forward THEN bid ELSE aid END,
                    properties: {edge_properties("r")}}}) AS edges
    """,
)

# Which of `$ids` are linked to one another (either direction), by walking their adjacency
# without loading an edge: for kept nodes whose lists are all full, so that the lists cannot
# tell (two hubs linked by a relation weaker than both lists' last entries).
LINKED_PAIRS = Statement(
    "LINKED_PAIRS",
    f"""
    UNWIND $ids AS kid
    MATCH (k:{ENTITY_LABEL} {{id: kid}})
    WITH collect(k) AS kept
    UNWIND kept AS a
    MATCH (a)-[:{RELATION_TYPES}]->(b)
    WHERE b IN kept
    RETURN DISTINCT a.id AS a, b.id AS b
    """,
)

GET_START_NODE = Statement(
    "GET_START_NODE",
    f"MATCH (e:{ENTITY_LABEL} {{id: $id}}) RETURN {node('e')} AS node",
)

# One row per supporting sentence of each relation of the entity, dated by its document.
TIMELINE = Statement(
    "TIMELINE",
    f"""
    MATCH (e:{ENTITY_LABEL} {{id: $id}})-[r:{RELATION_TYPES}]-(o:{ENTITY_LABEL})
    WHERE $rel_types IS NULL OR type(r) IN $rel_types
    UNWIND range(0, size(r.doc_ids) - 1) AS i
    WITH r, o, i, r.seen_dates[i] AS day
    WHERE ($date_from IS NULL OR day >= $date_from) AND ($date_to IS NULL OR day <= $date_to)
    WITH r, o, i, day
    ORDER BY day, r.id, i
    SKIP $skip LIMIT $limit
    RETURN day, i AS position, {edge("r")} AS relation, {node("o")} AS other,
           r.doc_ids[i] AS document, r.sentences[i] AS sentence,
           r.confidences[i] AS confidence, r.statuses[i] AS status
    """,
)
