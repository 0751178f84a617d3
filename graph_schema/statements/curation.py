"""Curation (loaders.curation): reading and rewriting the region of the graph one analyst's
change touches, the change log its undo reads, and the candidate pairs with their evidence.

A region is a set of entity ids and everything that hangs on them: the entity nodes, the
MENTIONS into them, every relation with an end among them, the entity lists of the documents
that mention them, and the MergeCandidate, Redirect and SplitRule nodes that name them. A change
reads its region, computes the region after (pure Python), and writes that back whole, in one
transaction; its undo writes back the region before.
"""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.vocabulary import (
    CANDIDATE_LABEL,
    CURATION_CHANGE_LABEL,
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    KEYS,
    LINK_KEY_LABEL,
    MENTIONS,
    REDIRECT_LABEL,
    SPLIT_RULE_LABEL,
    RelationType,
    label_sets,
)

# -- reading a region (in the change's own transaction, before and after it writes) -------------

REGION_ENTITIES = Statement(
    "REGION_ENTITIES",
    f"""
    UNWIND $ids AS id
    MATCH (e:{ENTITY_LABEL} {{id: id}})
    RETURN e.id AS id, labels(e) AS labels, properties(e) AS props
    """,
)

# The entity first: ArcadeDB starts a pattern at the node written first.
REGION_MENTIONS = Statement(
    "REGION_MENTIONS",
    f"""
    UNWIND $ids AS id
    MATCH (e:{ENTITY_LABEL} {{id: id}})<-[m:{MENTIONS}]-(d:{DOCUMENT_LABEL})
    RETURN d.id AS doc, e.id AS entity, properties(m) AS props
    """,
)

REGION_RELATIONS = Statement(
    "REGION_RELATIONS",
    f"""
    UNWIND $ids AS id
    MATCH (e:{ENTITY_LABEL} {{id: id}})-[r]-(:{ENTITY_LABEL})
    RETURN type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
           properties(r) AS props
    """,
)

REGION_DOCUMENTS = Statement(
    "REGION_DOCUMENTS",
    f"""
    UNWIND $ids AS id
    MATCH (e:{ENTITY_LABEL} {{id: id}})<-[:{MENTIONS}]-(d:{DOCUMENT_LABEL})
    WITH DISTINCT d
    RETURN d.id AS id, d.seen AS seen, coalesce(d.entity_ids, []) AS entity_ids,
           coalesce(d.entity_title_ids, []) AS title_ids,
           coalesce(d.entity_titles, []) AS titles
    """,
)

REGION_CANDIDATES = Statement(
    "REGION_CANDIDATES",
    f"""
    MATCH (c:{CANDIDATE_LABEL}) WHERE c.a IN $ids OR c.b IN $ids
    RETURN properties(c) AS props
    """,
)

REGION_REDIRECTS = Statement(
    "REGION_REDIRECTS",
    f"""
    MATCH (r:{REDIRECT_LABEL}) WHERE r.source IN $ids OR r.target IN $ids
    RETURN properties(r) AS props
    """,
)

REGION_SPLIT_RULES = Statement(
    "REGION_SPLIT_RULES",
    f"""
    MATCH (s:{SPLIT_RULE_LABEL}) WHERE s.source IN $ids OR s.target IN $ids
    RETURN properties(s) AS props
    """,
)

# Whether an id is taken, by an entity or by a redirect (an id merged away stays reserved).
IDS_TAKEN = Statement(
    "IDS_TAKEN",
    f"""
    UNWIND $ids AS id
    OPTIONAL MATCH (e:{ENTITY_LABEL} {{id: id}})
    OPTIONAL MATCH (r:{REDIRECT_LABEL} {{source: id}})
    WITH id, e, r WHERE e IS NOT NULL OR r IS NOT NULL
    RETURN id
    """,
)

# -- writing a region -----------------------------------------------------------------------------

DELETE_REGION_ENTITIES = Statement(
    "DELETE_REGION_ENTITIES",
    f"""
    UNWIND $ids AS id
    MATCH (e:{ENTITY_LABEL} {{id: id}})
    DETACH DELETE e
    RETURN count(*) AS deleted
    """,
    writes=True,
)


def _delete_nodes(name: str, label: str, ends: tuple[str, str]) -> Statement:
    first, second = ends
    return Statement(
        name,
        f"""
        MATCH (n:{label}) WHERE n.{first} IN $ids OR n.{second} IN $ids
        DELETE n
        RETURN count(*) AS deleted
        """,
        writes=True,
    )


DELETE_REGION_CURATION = (
    _delete_nodes("DELETE_REGION_CANDIDATES", CANDIDATE_LABEL, ("a", "b")),
    _delete_nodes("DELETE_REGION_REDIRECTS", REDIRECT_LABEL, ("source", "target")),
    _delete_nodes("DELETE_REGION_SPLIT_RULES", SPLIT_RULE_LABEL, ("source", "target")),
)


def _create_entities(labels: tuple[str, ...]) -> Statement:
    label_text = ":".join(labels)
    return Statement(
        f"CREATE_REGION_ENTITIES[{label_text}]",
        f"""
        UNWIND $rows AS row
        CREATE (e:{label_text} {{id: row.id}})
        SET e += row.props
        RETURN count(e) AS created
        """,
        writes=True,
    )


# Labels spelled in the text, one statement per set: ArcadeDB drops dynamic labels in CREATE.
CREATE_REGION_ENTITIES: dict[frozenset[str], Statement] = {
    frozenset(labels): _create_entities(labels) for labels in label_sets()
}

CREATE_REGION_MENTIONS = Statement(
    "CREATE_REGION_MENTIONS",
    f"""
    UNWIND $rows AS row
    MATCH (e:{ENTITY_LABEL} {{id: row.entity}})
    MATCH (d:{DOCUMENT_LABEL} {{id: row.doc}})
    CREATE (d)-[m:{MENTIONS}]->(e)
    SET m += row.props
    RETURN count(m) AS created
    """,
    writes=True,
)


def _create_relations(rtype: RelationType) -> Statement:
    return Statement(
        f"CREATE_REGION_RELATIONS[{rtype.value}]",
        f"""
        UNWIND $rows AS row
        MATCH (a:{ENTITY_LABEL} {{id: row.source}})
        MATCH (b:{ENTITY_LABEL} {{id: row.target}})
        CREATE (a)-[r:{rtype.value}]->(b)
        SET r += row.props
        RETURN count(r) AS created
        """,
        writes=True,
    )


CREATE_REGION_RELATIONS: dict[RelationType, Statement] = {
    t: _create_relations(t) for t in RelationType
}

FILE_REGION_LINK_KEYS = Statement(
    "FILE_REGION_LINK_KEYS",
    f"""
    UNWIND $rows AS row
    MATCH (e:{ENTITY_LABEL} {{id: row.id}})
    UNWIND row.keys AS key
    MERGE (k:{LINK_KEY_LABEL} {{key: key}})
    MERGE (k)-[:{KEYS}]->(e)
    RETURN count(*) AS filed
    """,
    writes=True,
)

SET_DOCUMENT_ENTITY_LISTS = Statement(
    "SET_DOCUMENT_ENTITY_LISTS",
    f"""
    UNWIND $rows AS row
    MATCH (d:{DOCUMENT_LABEL} {{id: row.id}})
    SET d.entity_ids = row.entity_ids, d.entity_title_ids = row.title_ids
    RETURN count(d) AS updated
    """,
    writes=True,
)


def _create_nodes(name: str, label: str) -> Statement:
    return Statement(
        name,
        f"UNWIND $rows AS row CREATE (n:{label}) SET n += row RETURN count(n) AS created",
        writes=True,
    )


CREATE_REGION_CANDIDATES = _create_nodes("CREATE_REGION_CANDIDATES", CANDIDATE_LABEL)
CREATE_REGION_REDIRECTS = _create_nodes("CREATE_REGION_REDIRECTS", REDIRECT_LABEL)
CREATE_REGION_SPLIT_RULES = _create_nodes("CREATE_REGION_SPLIT_RULES", SPLIT_RULE_LABEL)

# -- the change log ---------------------------------------------------------------------

CREATE_CHANGE = Statement(
    "CREATE_CHANGE",
    f"CREATE (c:{CURATION_CHANGE_LABEL} {{id: $id}}) SET c += $props RETURN c.id AS id",
    writes=True,
)

# Read in the undo's own transaction (so two undos cannot both pass the check).
CHANGE_FOR_UNDO = Statement(
    "CHANGE_FOR_UNDO",
    f"MATCH (c:{CURATION_CHANGE_LABEL} {{id: $id}}) RETURN properties(c) AS props",
    writes=True,
)

MARK_CHANGE_UNDONE = Statement(
    "MARK_CHANGE_UNDONE",
    f"""
    MATCH (c:{CURATION_CHANGE_LABEL} {{id: $id}})
    SET c.undone_at = $at, c.undone_by = $actor
    RETURN c.id AS id
    """,
    writes=True,
)

# What the API shows of a change: everything but the region it kept for its undo.
_CHANGE_FIELDS = """c.id AS id, c.kind AS kind, c.at AS at, c.actor AS actor, c.role AS role,
           c.reason AS reason, c.entities AS entities, c.documents AS documents,
           c.summary AS summary, c.undone_at AS undone_at, c.undone_by AS undone_by"""

GET_CHANGE = Statement(
    "GET_CHANGE",
    f"MATCH (c:{CURATION_CHANGE_LABEL} {{id: $id}}) RETURN {_CHANGE_FIELDS}",
)

LIST_CHANGES = Statement(
    "LIST_CHANGES",
    f"""
    MATCH (c:{CURATION_CHANGE_LABEL})
    WITH c ORDER BY c.at DESC, c.id DESC SKIP $skip LIMIT $limit
    RETURN {_CHANGE_FIELDS}
    """,
)

# -- candidate pairs and their evidence ---------------------------------------------------

# Open pairs whose two sides are both still in the graph, best score first.
LIST_CANDIDATES = Statement(
    "LIST_CANDIDATES",
    f"""
    MATCH (c:{CANDIDATE_LABEL} {{status: 'open'}})
    WHERE EXISTS {{ MATCH (:{ENTITY_LABEL} {{id: c.a}}) }}
      AND EXISTS {{ MATCH (:{ENTITY_LABEL} {{id: c.b}}) }}
    WITH c ORDER BY c.score DESC, c.id SKIP $skip LIMIT $limit
    RETURN c.id AS id, c.a AS a, c.b AS b, c.score AS score, c.reason AS reason,
           c.doc_ids AS doc_ids, c.created_at AS created_at
    """,
)

LIST_CANDIDATES_OF_ENTITY = Statement(
    "LIST_CANDIDATES_OF_ENTITY",
    f"""
    MATCH (c:{CANDIDATE_LABEL} {{status: 'open'}})
    WHERE (c.a = $id OR c.b = $id)
      AND EXISTS {{ MATCH (:{ENTITY_LABEL} {{id: c.a}}) }}
      AND EXISTS {{ MATCH (:{ENTITY_LABEL} {{id: c.b}}) }}
    WITH c ORDER BY c.score DESC, c.id SKIP $skip LIMIT $limit
    RETURN c.id AS id, c.a AS a, c.b AS b, c.score AS score, c.reason AS reason,
           c.doc_ids AS doc_ids, c.created_at AS created_at
    """,
)

CANDIDATE_SIDES = Statement(
    "CANDIDATE_SIDES",
    f"""
    UNWIND $ids AS id
    MATCH (e:{ENTITY_LABEL} {{id: id}})
    RETURN e.id AS id, e.name AS name, e.type AS type, e.subtype AS subtype,
           coalesce(e.aliases, []) AS aliases, coalesce(e.titles, []) AS titles,
           coalesce(e.doc_count, 0) AS doc_count, coalesce(e.mention_count, 0) AS mention_count
    """,
)

# The newest documents of one side, with the forms it was mentioned by there.
SIDE_DOCUMENTS = Statement(
    "SIDE_DOCUMENTS",
    f"""
    MATCH (e:{ENTITY_LABEL} {{id: $id}})<-[m:{MENTIONS}]-(d:{DOCUMENT_LABEL})
    WITH d, m ORDER BY d.seen DESC, d.id LIMIT $limit
    RETURN d.id AS id, d.title AS title, d.url AS url, d.published AS published,
           d.lang AS lang, coalesce(m.forms, m.aliases, []) AS forms
    """,
)

# The sentences of the side's relations, to be picked per document in Python.
SIDE_SENTENCES = Statement(
    "SIDE_SENTENCES",
    f"""
    MATCH (e:{ENTITY_LABEL} {{id: $id}})-[r]-(:{ENTITY_LABEL})
    RETURN r.doc_ids AS doc_ids, r.sentences AS sentences
    """,
)

DOCUMENT_TEXTS = Statement(
    "DOCUMENT_TEXTS",
    f"""
    UNWIND $ids AS id
    MATCH (d:{DOCUMENT_LABEL} {{id: id}})
    RETURN d.id AS id, d.text AS text
    """,
)

# Where an id merged away lives now (GET /entities/{old}).
REDIRECT_OF = Statement(
    "REDIRECT_OF",
    f"MATCH (r:{REDIRECT_LABEL} {{source: $id}}) RETURN r.target AS target",
)
