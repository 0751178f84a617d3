"""Each entity's best-supported neighbours, kept at write time (loaders.ranking).

An entity's neighbours rank by their best relation's `doc_count` (either direction, any
relation type), then by id: what EXPAND_LEVEL computes from every edge of the entity. At
1M relations a hub has tens of thousands of edges, and loading each edge record is what costs
on ArcadeDB; so the writer keeps, on each entity, the first TOP_NEIGHBOURS of that ranking
(`top_neighbours`: ids, `top_support`: their supports), and a neighbourhood's first level
reads that list and the nodes it names: O(limit) records. An entity without the list (a graph
written before it existed) is read the old way.
"""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.statements.fragments import RELATION_TYPES, node
from graph_schema.vocabulary import ENTITY_LABEL

# The route's largest node cap (500) and one more, which tells whether more exist.
TOP_NEIGHBOURS = 501

READ_TOP_NEIGHBOURS = Statement(
    "READ_TOP_NEIGHBOURS",
    f"""
    UNWIND $ids AS eid
    MATCH (e:{ENTITY_LABEL} {{id: eid}})
    RETURN e.id AS id, e.top_neighbours AS neighbours, e.top_support AS supports
    """,
)

# The full ranking of each entity, from its edges (each edge record is loaded: a hub's costs
# what EXPAND_LEVEL's read did). Entities without a neighbour give no row.
RANK_NEIGHBOURS = Statement(
    "RANK_NEIGHBOURS",
    f"""
    UNWIND $ids AS eid
    MATCH (a:{ENTITY_LABEL} {{id: eid}})
    CALL {{
        WITH a
        MATCH (a)-[r:{RELATION_TYPES}]-(b:{ENTITY_LABEL})
        WHERE b.id <> a.id
        WITH b, max(coalesce(r.doc_count, 0)) AS support
        ORDER BY support DESC, b.id
        LIMIT $k
        RETURN b.id AS neighbour, support
    }}
    RETURN a.id AS id, neighbour, support
    """,
)

SET_TOP_NEIGHBOURS = Statement(
    "SET_TOP_NEIGHBOURS",
    f"""
    UNWIND $rows AS row
    MATCH (e:{ENTITY_LABEL} {{id: row.id}})
    SET e.top_neighbours = row.neighbours, e.top_support = row.supports
    RETURN count(e) AS ranked
    """,
    writes=True,
)

# Entities not ranked yet (a graph written before the lists existed), a chunk at a time.
UNRANKED_ENTITIES = Statement(
    "UNRANKED_ENTITIES",
    f"""
    MATCH (e:{ENTITY_LABEL}) WHERE e.top_neighbours IS NULL
    RETURN e.id AS id LIMIT $limit
    """,
)

# A neighbourhood's start, its first `$cap` ranked neighbours' ids (null: not ranked), how
# many its list holds and how many documents mention it (KEPT_LINKS says why).
START_AND_RANKED = Statement(
    "START_AND_RANKED",
    f"""
    MATCH (e:{ENTITY_LABEL} {{id: $id}})
    RETURN {node("e")} AS node, e.top_neighbours[0..$cap] AS ranked,
           size(e.top_neighbours) AS listed, e.doc_count AS mentioned
    """,
)

# Of each entity of `$ids`: how many neighbours its list holds (`listed`, null: not ranked)
# and which of the kept nodes (`$kept`) it names (`linked`). A list shorter than
# TOP_NEIGHBOURS is complete, so two kept nodes are linked exactly when one names the other,
# unless both lists are full. `mentioned` (its MENTIONS, kept at write time) and `listed`
# tell how long its adjacency is to walk. ArcadeDB's variant looks ids up in a map
# parameter ($kept_set: id -> true), as EXPAND_LEVEL's does.
_LINKS = """size(%(e)s.top_neighbours) AS listed, %(e)s.doc_count AS mentioned,
           [n IN coalesce(%(e)s.top_neighbours, []) WHERE %(kept)s] AS linked"""
_IN_KEPT = {"list": "n IN $kept", "map": "$kept_set[n] IS NOT NULL"}

_KEPT_LINKS = f"""
    UNWIND $ids AS kid
    MATCH (e:{ENTITY_LABEL} {{id: kid}})
    RETURN e.id AS id, {_LINKS}
"""

KEPT_LINKS = Statement(
    "KEPT_LINKS",
    _KEPT_LINKS % {"e": "e", "kept": _IN_KEPT["list"]},
    arcadedb=_KEPT_LINKS % {"e": "e", "kept": _IN_KEPT["map"]},
)

# A neighbourhood's first level: the nodes of `$ids` (the start's ranked neighbours) and their
# links among the kept nodes, read with the same records.
_NODES_BY_ID = f"""
    UNWIND $ids AS nid
    MATCH (b:{ENTITY_LABEL} {{id: nid}})
    RETURN {node("b")} AS node, {_LINKS}
"""

NODES_BY_ID = Statement(
    "NODES_BY_ID",
    _NODES_BY_ID % {"e": "b", "kept": _IN_KEPT["list"]},
    arcadedb=_NODES_BY_ID % {"e": "b", "kept": _IN_KEPT["map"]},
)
