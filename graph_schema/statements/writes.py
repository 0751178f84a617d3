"""Writing a batch of documents: Document nodes, their entities, MENTIONS, and relations with
provenance; and deleting one document's share again.

A batch runs in one transaction (loaders.write), one UNWIND per statement and label set. The
rows are folded in Python first (loaders.batch), one row per entity and per relation of the
whole batch, holding what its documents add in document order, so that a batch leaves exactly
what writing its documents one after another would.

Relation provenance is kept in parallel lists, one entry per supporting sentence: doc_ids[i]
stated sentences[i] with confidences[i] and statuses[i] ('' when the relation has no status),
dated seen_dates[i]. Lists hold no nulls: Neo4j rejects them.
"""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.vocabulary import (
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    MENTIONS,
    RelationType,
    label_sets,
)

# What a document says of its entities (loaders.resolve.DocumentRow's entity_* lists), kept on
# the Document so that deleting another document can replay it (RECOMPUTE_ENTITIES_OF_DOCUMENT).
ENTITY_FACTS = """%(d)s.entity_ids = %(doc)s.entity_ids,
        %(d)s.entity_geonames_ids = %(doc)s.entity_geonames_ids,
        %(d)s.entity_isos = %(doc)s.entity_isos, %(d)s.entity_statuses = %(doc)s.entity_statuses,
        %(d)s.entity_products = %(doc)s.entity_products,
        %(d)s.entity_capacities = %(doc)s.entity_capacities,
        %(d)s.entity_investments = %(doc)s.entity_investments,
        %(d)s.entity_title_ids = %(doc)s.entity_title_ids,
        %(d)s.entity_titles = %(doc)s.entity_titles"""

DOCUMENT_EXISTS = Statement(
    "DOCUMENT_EXISTS",
    f"MATCH (d:{DOCUMENT_LABEL} {{id: $id}}) RETURN d.id AS id",
)

# Which of a batch's documents the graph holds already (they are skipped).
DOCUMENTS_PRESENT = Statement(
    "DOCUMENTS_PRESENT",
    f"""
    UNWIND $ids AS did
    MATCH (d:{DOCUMENT_LABEL} {{id: did}})
    RETURN d.id AS id
    """,
)

CREATE_DOCUMENTS = Statement(
    "CREATE_DOCUMENTS",
    f"""
    UNWIND $rows AS doc
    CREATE (d:{DOCUMENT_LABEL} {{id: doc.id}})
    SET d.url = doc.url, d.title = doc.title, d.published = doc.published,
        d.lang = doc.lang, d.text = doc.text, d.ingested_at = doc.ingested_at,
        d.seen = doc.seen, d.entity_count = doc.entity_count,
        d.relation_count = doc.relation_count, d.minhash = doc.minhash,
        {ENTITY_FACTS % {"d": "d", "doc": "doc"}}
    RETURN count(d) AS created
    """,
    writes=True,
)

# The keys an entity holds before the batch: which entries the search index lacks and which
# blocking keys are new to it (loaders.batch), and which entities the batch creates.
ENTITY_KEYS = Statement(
    "ENTITY_KEYS",
    f"""
    UNWIND $ids AS eid
    MATCH (e:{ENTITY_LABEL} {{id: eid}})
    RETURN e.id AS id, e.search_keys AS keys, e.link_keys AS link_keys
    """,
)

# Each new entity's MENTIONS, one per document of the batch naming it, in their order: `seq` is
# the document's place in the entity's load order (`base` + its rank in the batch), which
# deleting a document replays.
_MENTIONS = f"""
    UNWIND row.documents AS mention
    MATCH (d:{DOCUMENT_LABEL} {{id: mention.doc_id}})
    CREATE (d)-[m:{MENTIONS}]->(e)
    SET m.aliases = mention.aliases, m.search_keys = mention.search_keys,
        m.count = mention.count, m.forms = mention.forms, m.seq = base + mention.rank
    RETURN count(m) AS mentioned
"""


# The entities a batch creates, written whole at once with their mentions: what
# UPDATE_ENTITIES would leave on a node created empty (lists and counts are the row's, the
# first external ids and last plant fields given), so that a new entity's record is written
# once rather than created and then rewritten. One row per entity, as for UPDATE_ENTITIES,
# with the blocking keys it is filed under (all new to it) and whether its name stands in a
# text.
def _create_entities(labels: tuple[str, ...]) -> Statement:
    label_text = ":".join(labels)
    return Statement(
        f"CREATE_ENTITIES[{label_text}]",
        f"""
        UNWIND $rows AS row
        CREATE (e:{label_text} {{id: row.id}})
        SET e.name = row.name, e.type = row.type, e.subtype = row.subtype,
            e.aliases = row.aliases, e.search_keys = row.search_keys, e.titles = row.titles,
            e.mention_count = row.mentions, e.doc_count = size(row.documents),
            e.first_seen = row.first_seen, e.last_seen = row.last_seen,
            e.geonames_id = row.geonames_id_first, e.iso = row.iso_first,
            e.status = row.status_last, e.product = row.product_last,
            e.capacity = row.capacity_last, e.investment = row.investment_last,
            e.load_seq = size(row.documents), e.link_keys = row.link_keys,
            e.name_in_text = row.named
        WITH e, row, 0 AS base
        {_MENTIONS}
        """,
        writes=True,
    )


# One CREATE per label combination: ArcadeDB silently drops dynamic labels in CREATE/MERGE,
# so labels are spelled in the text, taken from the vocabulary.
CREATE_ENTITIES: dict[tuple[str, ...], Statement] = {
    labels: _create_entities(labels) for labels in label_sets()
}

# One row per entity of the batch the graph holds, its documents' contributions folded in
# their order: lists grow by the items they bring that the node lacks, counts add up, dates
# widen, external ids keep the first value given, plant fields the last (`row.*_first` /
# `row.*_last` are null when no document gave one), blocking keys by those new to it
# (`row.new_link_keys`: loaders.batch, from ENTITY_KEYS). `e.load_seq` counts the documents
# ever written for the entity, up and never down (a deletion does not lower it); its MENTIONS
# continue from it. `base` is read before the SET changes what it is read from.
UPDATE_ENTITIES = Statement(
    "UPDATE_ENTITIES",
    f"""
    UNWIND $rows AS row
    MATCH (e:{ENTITY_LABEL} {{id: row.id}})
    WITH e, row, coalesce(e.load_seq, e.doc_count) AS base
    SET e.aliases = e.aliases + [a IN row.aliases WHERE NOT a IN e.aliases],
        e.search_keys = e.search_keys + [k IN row.search_keys WHERE NOT k IN e.search_keys],
        e.titles = e.titles + [t IN row.titles WHERE NOT t IN e.titles],
        e.mention_count = e.mention_count + row.mentions,
        e.doc_count = e.doc_count + size(row.documents),
        e.first_seen = CASE WHEN e.first_seen IS NULL OR row.first_seen < e.first_seen
                            THEN row.first_seen ELSE e.first_seen END,
        e.last_seen = CASE WHEN e.last_seen IS NULL OR row.last_seen > e.last_seen
                           THEN row.last_seen ELSE e.last_seen END,
        e.geonames_id = coalesce(e.geonames_id, row.geonames_id_first),
        e.iso = coalesce(e.iso, row.iso_first),
        e.status = coalesce(row.status_last, e.status),
        e.product = coalesce(row.product_last, e.product),
        e.capacity = coalesce(row.capacity_last, e.capacity),
        e.investment = coalesce(row.investment_last, e.investment),
        e.load_seq = base + size(row.documents),
        e.link_keys = coalesce(e.link_keys, []) + row.new_link_keys,
        e.name_in_text = coalesce(e.name_in_text, false) OR row.named
    WITH e, row, base
    {_MENTIONS}
    """,
    writes=True,
)


# Derived fields of a relation, recomputed from its provenance lists after a deletion shrank
# them.
DERIVE_RELATION = """
        SET r.doc_count = size(reduce(seen = [], x IN r.doc_ids |
                               CASE WHEN x IN seen THEN seen ELSE seen + x END)),
            r.confidence = reduce(m = 0.0, c IN r.confidences | CASE WHEN c > m THEN c ELSE m END),
            r.status = CASE WHEN 'done' IN r.statuses THEN 'done'
                            WHEN 'planned' IN r.statuses THEN 'planned' ELSE null END,
            r.first_seen = reduce(m = null, x IN r.seen_dates |
                                  CASE WHEN m IS NULL OR x < m THEN x ELSE m END),
            r.last_seen = reduce(m = null, x IN r.seen_dates |
                                 CASE WHEN m IS NULL OR x > m THEN x ELSE m END)
"""


# One row per relation of the batch: its provenance lists in document order, the last title
# and amount given, and what the row's lists fold to (loaders.batch: the distinct documents,
# the highest confidence, the strongest status, the first and last dates). A new relation
# takes the row as it is; one the graph holds appends the lists and folds the row's values into
# its own: each derived field is a fold over the lists (a distinct count, a maximum, a
# minimum...), so folding the row's value into the stored one gives what folding the whole
# lists does, without reading every entry a relation ever collected (which grew with the
# graph: the distinct count alone is quadratic in a hub relation's documents). The distinct
# count may add the row's documents because none of them is in the lists yet: a batch writes
# only documents the graph does not hold, and deleting a document takes its entries out. The
# summary's relationships_created counts the new ones (for /stats).
def _merge_relations(rtype: RelationType) -> Statement:
    return Statement(
        f"MERGE_RELATIONS[{rtype.value}]",
        f"""
        UNWIND $rows AS row
        MATCH (a:{ENTITY_LABEL} {{id: row.source}})
        MATCH (b:{ENTITY_LABEL} {{id: row.target}})
        MERGE (a)-[r:{rtype.value}]->(b)
        ON CREATE SET r.id = row.id, r.doc_ids = row.doc_ids, r.sentences = row.sentences,
                      r.confidences = row.confidences, r.statuses = row.statuses,
                      r.seen_dates = row.seen_dates, r.title = row.title, r.amount = row.amount,
                      r.doc_count = row.doc_count, r.confidence = row.confidence,
                      r.status = row.status, r.first_seen = row.first_seen,
                      r.last_seen = row.last_seen
        ON MATCH SET r.doc_ids = r.doc_ids + row.doc_ids,
                     r.sentences = r.sentences + row.sentences,
                     r.confidences = r.confidences + row.confidences,
                     r.statuses = r.statuses + row.statuses,
                     r.seen_dates = r.seen_dates + row.seen_dates,
                     r.title = coalesce(row.title, r.title),
                     r.amount = coalesce(row.amount, r.amount),
                     r.doc_count = coalesce(r.doc_count, 0) + row.doc_count,
                     r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence
                                         THEN row.confidence ELSE r.confidence END,
                     r.status = CASE WHEN r.status = 'done' OR row.status = 'done' THEN 'done'
                                     WHEN r.status = 'planned' OR row.status = 'planned'
                                     THEN 'planned' ELSE null END,
                     r.first_seen = CASE WHEN r.first_seen IS NULL OR row.first_seen < r.first_seen
                                         THEN row.first_seen ELSE r.first_seen END,
                     r.last_seen = CASE WHEN r.last_seen IS NULL OR row.last_seen > r.last_seen
                                        THEN row.last_seen ELSE r.last_seen END
        RETURN row.source AS source, row.target AS target, r.doc_count AS doc_count
        """,
        writes=True,
    )


MERGE_RELATIONS: dict[RelationType, Statement] = {t: _merge_relations(t) for t in RelationType}

# -- deleting a document: its share of the provenance goes, and whatever nothing else supports.

SHRINK_RELATIONS_OF_DOCUMENT = Statement(
    "SHRINK_RELATIONS_OF_DOCUMENT",
    f"""
    MATCH (:{DOCUMENT_LABEL} {{id: $id}})-[:{MENTIONS}]->(:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL})
    WHERE $id IN r.doc_ids
    WITH DISTINCT r
    WITH r, [i IN range(0, size(r.doc_ids) - 1) WHERE r.doc_ids[i] <> $id] AS keep,
         r.doc_ids AS ids, r.sentences AS ss, r.confidences AS cs, r.statuses AS st,
         r.seen_dates AS sd
    SET r.doc_ids = [i IN keep | ids[i]], r.sentences = [i IN keep | ss[i]],
        r.confidences = [i IN keep | cs[i]], r.statuses = [i IN keep | st[i]],
        r.seen_dates = [i IN keep | sd[i]]
    WITH r
    {DERIVE_RELATION}
    RETURN count(r) AS shrunk, collect([startNode(r).id, endNode(r).id]) AS pairs
    """,
    writes=True,
)

# Per relation type, how many went (for /stats).
DELETE_UNSUPPORTED_RELATIONS = Statement(
    "DELETE_UNSUPPORTED_RELATIONS",
    f"""
    MATCH (:{DOCUMENT_LABEL} {{id: $id}})-[:{MENTIONS}]->(:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL})
    WHERE size(r.doc_ids) = 0
    WITH DISTINCT r
    WITH r, type(r) AS type
    DELETE r
    RETURN type, count(*) AS deleted
    """,
    writes=True,
)

# Per label set, how many went (for /stats); their search-index entries go with them.
DELETE_ORPHANED_ENTITIES = Statement(
    "DELETE_ORPHANED_ENTITIES",
    f"""
    MATCH (:{DOCUMENT_LABEL} {{id: $id}})-[:{MENTIONS}]->(e:{ENTITY_LABEL})
    WHERE NOT EXISTS {{
        MATCH (other:{DOCUMENT_LABEL})-[:{MENTIONS}]->(e) WHERE other.id <> $id
    }}
    WITH DISTINCT e
    WITH e, e.id AS id, labels(e) AS labels
    DETACH DELETE e
    RETURN id, labels
    """,
    writes=True,
)


# UPDATE_ENTITIES' rules replayed over the documents that remain, in the entity's load order
# (MENTIONS.seq): lists keep first occurrences, external ids the first value given, plant
# fields the last. An entity one of whose documents was written before documents kept their
# entity_* lists (or a mention its seq) keeps its titles, external ids and plant fields as
# they are: nothing tells what that document said.
def _said(field: str, nothing: str = "''") -> str:
    """What document `d` said of entity `e` in its entity_* list `field`, null for nothing."""
    value = f"d.{field}[at]"
    return f"CASE WHEN {value} = {nothing} THEN null ELSE {value} END"


_FACT = f"""{{titles: [i IN range(0, size(d.entity_title_ids) - 1)
                       WHERE d.entity_title_ids[i] = e.id | d.entity_titles[i]],
               geonames_id: {_said("entity_geonames_ids", "0")}, iso: {_said("entity_isos")},
               status: {_said("entity_statuses")}, product: {_said("entity_products")},
               capacity: {_said("entity_capacities")},
               investment: {_said("entity_investments")}}}"""
_FIRST_GIVEN = "reduce(v = null, f IN facts | coalesce(v, f.%(f)s))"
_LAST_GIVEN = "reduce(v = null, f IN facts | coalesce(f.%(f)s, v))"


def _replayed(field: str, rule: str) -> str:
    return f"e.{field} = CASE WHEN replay THEN {rule % {'f': field}} ELSE e.{field} END"


# Returns each recomputed entity's search keys, from which its search-index entries are
# rebuilt (a key only the deleted document gave is no longer found).
RECOMPUTE_ENTITIES_OF_DOCUMENT = Statement(
    "RECOMPUTE_ENTITIES_OF_DOCUMENT",
    f"""
    MATCH (:{DOCUMENT_LABEL} {{id: $id}})-[m:{MENTIONS}]->(e:{ENTITY_LABEL})
    DELETE m
    WITH DISTINCT e
    MATCH (d:{DOCUMENT_LABEL})-[k:{MENTIONS}]->(e)
    WITH e, d, k, [i IN range(0, size(coalesce(d.entity_ids, [])) - 1)
                   WHERE d.entity_ids[i] = e.id][0] AS at
    WITH e, d, k, CASE WHEN at IS NULL OR k.seq IS NULL THEN null ELSE {_FACT} END AS fact
    ORDER BY k.seq
    WITH e, collect(k) AS ks, collect(d.seen) AS seens, collect(fact) AS facts
    WITH e, ks, seens, facts, size(facts) = size(ks) AS replay
    SET e.aliases = reduce(acc = [], k IN ks |
                           acc + [a IN k.aliases WHERE NOT a IN acc]),
        e.search_keys = reduce(acc = [], k IN ks |
                               acc + [x IN k.search_keys WHERE NOT x IN acc]),
        e.mention_count = reduce(n = 0, k IN ks | n + k.count),
        e.doc_count = size(ks),
        e.first_seen = reduce(m = null, x IN seens |
                              CASE WHEN m IS NULL OR x < m THEN x ELSE m END),
        e.last_seen = reduce(m = null, x IN seens |
                             CASE WHEN m IS NULL OR x > m THEN x ELSE m END),
        {
        _replayed(
            "titles", "reduce(acc = [], f IN facts | acc + [t IN f.%(f)s WHERE NOT t IN acc])"
        )
    },
        {_replayed("geonames_id", _FIRST_GIVEN)},
        {_replayed("iso", _FIRST_GIVEN)},
        {_replayed("status", _LAST_GIVEN)},
        {_replayed("product", _LAST_GIVEN)},
        {_replayed("capacity", _LAST_GIVEN)},
        {_replayed("investment", _LAST_GIVEN)}
    RETURN e.id AS id, e.search_keys AS keys
    """,
    writes=True,
)

# The document's language and month, for /stats, as it goes.
DELETE_DOCUMENT_NODE = Statement(
    "DELETE_DOCUMENT_NODE",
    f"""
    MATCH (d:{DOCUMENT_LABEL} {{id: $id}})
    WITH d, d.lang AS lang, d.published AS published
    DETACH DELETE d
    RETURN lang, published
    """,
    writes=True,
)
