"""Constraints and indexes, applied idempotently (`kg db migrate`, and at service start-up).

ArcadeDB gives an indexed property a fixed type when the index is created over existing data
and then silently converts later writes ('123' becomes 123). So on ArcadeDB an index is only
ever created on a label that holds no data yet: a database whose populated labels miss part of
the schema is refused with a message instead of being patched, while the labels a newer version
adds (with no members yet) get theirs. Then the bookkeeping an older database lacks (counts, the
search index) is filled in (graph_schema.derived).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from graph_schema.derived import fill_in
from graph_schema.errors import SchemaError
from graph_schema.graph import Graph, Tx
from graph_schema.statement import Backend, Statement
from graph_schema.vocabulary import (
    API_KEY_LABEL,
    AUDIT_EVENT_LABEL,
    CANDIDATE_LABEL,
    COUNT_LABEL,
    CURATION_CHANGE_LABEL,
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    LINK_KEY_LABEL,
    REDIRECT_LABEL,
    SEARCH_KEY_LABEL,
    SPLIT_RULE_LABEL,
    RelationType,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SchemaItem:
    name: str
    kind: str  # "constraint" | "index"
    cypher: str
    backends: frozenset[Backend] = frozenset(Backend)
    # The node label the item is on, when it is one whose emptiness can be checked alone: on
    # ArcadeDB such an item may still be added to a populated database while that label holds
    # no node (nothing to coerce). None: only an empty database takes it.
    label: str | None = None


def _relation_id_indexes() -> list[SchemaItem]:
    return [
        SchemaItem(
            f"rel_{rtype.value.lower()}_id",
            "index",
            f"CREATE INDEX rel_{rtype.value.lower()}_id IF NOT EXISTS "
            f"FOR ()-[r:{rtype.value}]-() ON (r.id)",
        )
        for rtype in RelationType
    ]


SCHEMA: tuple[SchemaItem, ...] = (
    SchemaItem(
        "entity_id",
        "constraint",
        f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:{ENTITY_LABEL}) REQUIRE e.id IS UNIQUE",
    ),
    SchemaItem(
        "document_id",
        "constraint",
        f"CREATE CONSTRAINT document_id IF NOT EXISTS "
        f"FOR (d:{DOCUMENT_LABEL}) REQUIRE d.id IS UNIQUE",
    ),
    SchemaItem(
        "entity_name",
        "index",
        f"CREATE INDEX entity_name IF NOT EXISTS FOR (e:{ENTITY_LABEL}) ON (e.name)",
    ),
    SchemaItem(
        "document_published",
        "index",
        f"CREATE INDEX document_published IF NOT EXISTS FOR (d:{DOCUMENT_LABEL}) ON (d.published)",
    ),
    SchemaItem(
        "document_lang",
        "index",
        f"CREATE INDEX document_lang IF NOT EXISTS FOR (d:{DOCUMENT_LABEL}) ON (d.lang)",
    ),
    *_relation_id_indexes(),
    # Access and audit (graph_schema.statements.access): added to databases made before them
    # while their labels are still empty, so an existing data dir keeps working.
    SchemaItem(
        "api_key_name",
        "constraint",
        f"CREATE CONSTRAINT api_key_name IF NOT EXISTS "
        f"FOR (k:{API_KEY_LABEL}) REQUIRE k.name IS UNIQUE",
        label=API_KEY_LABEL,
    ),
    SchemaItem(
        "api_key_hash",
        "constraint",
        f"CREATE CONSTRAINT api_key_hash IF NOT EXISTS "
        f"FOR (k:{API_KEY_LABEL}) REQUIRE k.hash IS UNIQUE",
        label=API_KEY_LABEL,
    ),
    SchemaItem(
        "audit_event_id",
        "constraint",
        f"CREATE CONSTRAINT audit_event_id IF NOT EXISTS "
        f"FOR (e:{AUDIT_EVENT_LABEL}) REQUIRE e.id IS UNIQUE",
        label=AUDIT_EVENT_LABEL,
    ),
    SchemaItem(
        "audit_event_at",
        "index",
        f"CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:{AUDIT_EVENT_LABEL}) ON (e.at)",
        label=AUDIT_EVENT_LABEL,
    ),
    # Linking (graph_schema.statements.linking): like access and audit, added while empty.
    SchemaItem(
        "link_key",
        "constraint",
        f"CREATE CONSTRAINT link_key IF NOT EXISTS "
        f"FOR (k:{LINK_KEY_LABEL}) REQUIRE k.key IS UNIQUE",
        label=LINK_KEY_LABEL,
    ),
    SchemaItem(
        "candidate_id",
        "constraint",
        f"CREATE CONSTRAINT candidate_id IF NOT EXISTS "
        f"FOR (c:{CANDIDATE_LABEL}) REQUIRE c.id IS UNIQUE",
        label=CANDIDATE_LABEL,
    ),
    SchemaItem(
        "redirect_source",
        "constraint",
        f"CREATE CONSTRAINT redirect_source IF NOT EXISTS "
        f"FOR (r:{REDIRECT_LABEL}) REQUIRE r.source IS UNIQUE",
        label=REDIRECT_LABEL,
    ),
    SchemaItem(
        "split_rule_doc",
        "index",
        f"CREATE INDEX split_rule_doc IF NOT EXISTS FOR (s:{SPLIT_RULE_LABEL}) ON (s.doc_id)",
        label=SPLIT_RULE_LABEL,
    ),
    # Curation (graph_schema.statements.curation): added while empty, like the above.
    SchemaItem(
        "curation_change_id",
        "constraint",
        f"CREATE CONSTRAINT curation_change_id IF NOT EXISTS "
        f"FOR (c:{CURATION_CHANGE_LABEL}) REQUIRE c.id IS UNIQUE",
        label=CURATION_CHANGE_LABEL,
    ),
    # The search index of entity keys (graph_schema.statements.search): probes seek `text`,
    # a deletion finds an entity's entries by `entity`. Labels no older database holds, so
    # they are added to one while still empty.
    SchemaItem(
        "search_key_text",
        "index",
        f"CREATE INDEX search_key_text IF NOT EXISTS FOR (k:{SEARCH_KEY_LABEL}) ON (k.text)",
        label=SEARCH_KEY_LABEL,
    ),
    SchemaItem(
        "search_key_entity",
        "index",
        f"CREATE INDEX search_key_entity IF NOT EXISTS FOR (k:{SEARCH_KEY_LABEL}) ON (k.entity)",
        label=SEARCH_KEY_LABEL,
    ),
    SchemaItem(
        "graph_count_key",
        "constraint",
        f"CREATE CONSTRAINT graph_count_key IF NOT EXISTS "
        f"FOR (c:{COUNT_LABEL}) REQUIRE c.key IS UNIQUE",
        label=COUNT_LABEL,
    ),
)

SHOW_CONSTRAINT_NAMES = Statement(
    "SHOW_CONSTRAINT_NAMES",
    "SHOW CONSTRAINTS YIELD name, type RETURN name, type",
)
SHOW_INDEX_NAMES = Statement(
    "SHOW_INDEX_NAMES",
    "SHOW INDEXES YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes, properties",
)
ANY_NODE = Statement("ANY_NODE", "MATCH (n) RETURN count(n) > 0 AS populated")


@dataclass(frozen=True)
class SchemaReport:
    backend: Backend
    created: tuple[str, ...]
    present: tuple[str, ...]
    filled_in: tuple[str, ...] = ()  # bookkeeping an older database lacked (graph_schema.derived)


def required_items(backend: Backend) -> list[SchemaItem]:
    return [item for item in SCHEMA if backend in item.backends]


def _existing(graph: Graph) -> set[str]:
    """Names of the constraints and indexes present, in the schema's own naming."""
    names = {row["name"] for row in graph.read(SHOW_CONSTRAINT_NAMES)}
    for row in graph.read(SHOW_INDEX_NAMES):
        names.add(row["name"])
        # ArcadeDB names a constraint's index 'Entity[id]' and shows plain indexes the same way.
        labels, props = row.get("labelsOrTypes") or [], row.get("properties") or []
        if labels and props:
            names.add(f"{labels[0]}[{','.join(props)}]")
    return names


def _present(item: SchemaItem, existing: set[str], backend: Backend) -> bool:
    if item.name in existing:
        return True
    if backend is Backend.ARCADEDB:
        return _arcadedb_name(item) in existing
    return False


def _arcadedb_name(item: SchemaItem) -> str:
    """'CREATE … FOR (e:Entity) … (e.id)' → 'Entity[id]', how ArcadeDB lists it."""
    text = item.cypher
    label = text.split(":", 1)[1].split(")", 1)[0].strip()
    prop = text.rsplit(".", 1)[1].split(")", 1)[0].split(" ", 1)[0].strip()
    return f"{label}[{prop}]"


def _type_constraints(graph: Graph) -> list[str]:
    rows = graph.read(SHOW_CONSTRAINT_NAMES)
    return [r["name"] for r in rows if "TYPE" in str(r.get("type", "")).upper()]


def _label_holds_nodes(graph: Graph, label: str) -> bool:
    # The label comes from the schema above, never from a request.
    statement = Statement(f"ANY_{label.upper()}", f"MATCH (n:{label}) RETURN count(n) > 0 AS any")
    return bool(graph.read(statement)[0]["any"])


def _would_coerce(graph: Graph, missing: list[SchemaItem]) -> bool:
    """Would creating `missing` now type properties that already hold values (F1)?"""
    if any(item.label is None for item in missing):
        return bool(graph.read(ANY_NODE)[0]["populated"])
    return any(_label_holds_nodes(graph, label) for label in {i.label for i in missing if i.label})


def apply_schema(graph: Graph) -> SchemaReport:
    """Create what is missing (refused on ArcadeDB for a label that holds data, see the module
    doc), then fill in the bookkeeping a database written by an older version lacks."""
    existing = _existing(graph)
    items = required_items(graph.backend)
    missing = [item for item in items if not _present(item, existing, graph.backend)]
    present = tuple(item.name for item in items if item not in missing)
    if missing and graph.backend is Backend.ARCADEDB and _would_coerce(graph, missing):
        raise SchemaError(
            "the ArcadeDB database holds data but lacks "
            f"{', '.join(i.name for i in missing)}; ArcadeDB would coerce existing values "
            "if it were added now. Export, remove the data dir, migrate, and load again."
        )
    for item in missing:
        statement = Statement(item.name, item.cypher, writes=True)

        def create(tx: Tx, statement: Statement = statement) -> None:
            tx.run(statement)

        graph.write(create, name=f"schema:{item.name}")
        log.info("created %s %s", item.kind, item.name)
    if graph.backend is Backend.ARCADEDB and (typed := _type_constraints(graph)):
        raise SchemaError(
            f"the database has property type constraints {typed} that would coerce values; "
            "they come from an index created over data. Rebuild the database."
        )
    filled = fill_in(graph)
    return SchemaReport(graph.backend, tuple(i.name for i in missing), present, filled)
