"""The batched writer keeps the per-document writer's promises: a batch leaves exactly what its
documents written one by one leave (provenance lists, counts, load order), a document the graph
refuses is reported while the rest of its batch lands, and the bookkeeping beside the graph
(the counts /stats reads, the search index) agrees with the graph after writes and deletes."""

from __future__ import annotations

import json
from typing import Any

import pytest

import loaders.batch
import loaders.write
from graph_schema.graph import Graph
from graph_schema.keys import search_entries
from graph_schema.schema import apply_schema
from graph_schema.statement import Statement
from graph_schema.statements import counts as cs
from loaders.linking.graph_index import linked
from loaders.resolve import GraphDocument, resolve
from loaders.write import (
    LoadReport,
    Prepare,
    Rejected,
    as_resolved,
    delete_document,
    write_documents,
)
from tests.conftest import WIPE
from tests.factories import VISIT_TEXT, entity, relation, visit_document

NODES = Statement(
    "NODES",
    "MATCH (n) WHERE NOT n:ApiKey AND NOT n:AuditEvent RETURN labels(n) AS labels, "
    "properties(n) AS props",
)
RELS = Statement(
    "RELS",
    """
    MATCH (a)-[r]->(b)
    RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props""",
)
SEARCH_ENTRIES = Statement(
    "SEARCH_ENTRIES",
    "MATCH (k:SearchKey) RETURN k.entity AS entity, k.text AS text, k.kind AS kind",
)
ENTITY_KEYS = Statement("ENTITY_KEYS", "MATCH (e:Entity) RETURN e.id AS id, e.search_keys AS keys")
DROP_BOOKKEEPING = Statement(
    "DROP_BOOKKEEPING", "MATCH (n:SearchKey|GraphCount) DELETE n RETURN count(*) AS n", writes=True
)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def snapshot(graph: Graph) -> dict[str, Any]:
    """Every node and relation with all properties, in an order of their own (bookkeeping
    nodes have no id)."""
    nodes = sorted(_canonical([sorted(r["labels"]), r["props"]]) for r in graph.read(NODES))
    rels = sorted(_canonical([r["a"], r["type"], r["b"], r["props"]]) for r in graph.read(RELS))
    return {"nodes": nodes, "rels": rels}


def documents() -> list[GraphDocument]:
    """Articles sharing entities and relations, with an alias, a plant status, an undated one,
    a title met twice and a repeat of the first (which is skipped)."""
    one = visit_document()
    two = visit_document(
        VISIT_TEXT + " Ein dritter Satz.", published="2024-07-01", title="Zweiter Artikel"
    )
    two.entities[0].aliases.append("Anwar Beispielow")
    two.entities[3].properties["status"] = "under_construction"
    three = visit_document(VISIT_TEXT + " Noch einer.", published=None)
    four = visit_document(VISIT_TEXT + " Und dann.", published="2023-01-09", lang="ru")
    four.entities[3].properties["status"] = "operating"
    docs = [resolve(d) for d in (one, two, three, four)]
    return [*docs, docs[0]]


def one_by_one(
    graph: Graph, docs: list[GraphDocument], prepare: Prepare = as_resolved
) -> dict[str, Any]:
    for doc in docs:
        write_documents(graph, [doc], prepare=prepare)
    return snapshot(graph)


# The writer on its own, and with linking (ingest's and POST /documents' writer).
PREPARES = pytest.mark.parametrize("prepare", [as_resolved, linked], ids=["resolved", "linked"])


@PREPARES
@pytest.mark.parametrize(
    "documents_per_batch, rows_per_statement", [(200, 5000), (2, 5000), (3, 2)]
)
def test_a_batch_leaves_what_its_documents_one_by_one_leave(
    empty_graph: Graph,
    monkeypatch: pytest.MonkeyPatch,
    documents_per_batch: int,
    rows_per_statement: int,
    prepare: Prepare,
) -> None:
    docs = documents()
    written = one_by_one(empty_graph, docs, prepare)
    empty_graph.write(lambda tx: tx.run(WIPE), name="wipe")
    monkeypatch.setattr(loaders.write, "MAX_BATCH_DOCUMENTS", documents_per_batch)
    monkeypatch.setattr(loaders.batch, "MAX_STATEMENT_ROWS", rows_per_statement)
    results = write_documents(empty_graph, docs, prepare=prepare)
    assert [r.status for r in results if isinstance(r, LoadReport)] == [
        "loaded",
        "loaded",
        "loaded",
        "loaded",
        "skipped",
    ]
    assert snapshot(empty_graph) == written


@PREPARES
def test_writing_into_a_populated_graph_in_batches_equals_one_by_one(
    empty_graph: Graph, prepare: Prepare
) -> None:
    docs = documents()
    written = one_by_one(empty_graph, docs, prepare)
    empty_graph.write(lambda tx: tx.run(WIPE), name="wipe")
    write_documents(empty_graph, docs[:2], prepare=prepare)
    again = write_documents(empty_graph, docs, prepare=prepare)  # two held, two new, a repeat
    assert [r.status for r in again if isinstance(r, LoadReport)] == [
        "skipped",
        "skipped",
        "loaded",
        "loaded",
        "skipped",
    ]
    assert snapshot(empty_graph) == written


def refused() -> GraphDocument:
    doc = resolve(visit_document(VISIT_TEXT + " Kaputt."))
    doc.entities[-1].product = {"not": "a primitive"}  # type: ignore[assignment]
    return doc


@PREPARES
def test_a_document_the_graph_refuses_is_reported_and_the_rest_of_its_batch_lands(
    empty_graph: Graph, prepare: Prepare
) -> None:
    good = documents()[:4]
    batch = [good[0], good[1], refused(), good[2], good[3]]
    results = write_documents(empty_graph, batch, prepare=prepare)
    assert [type(r).__name__ for r in results] == [
        "LoadReport",
        "LoadReport",
        "Rejected",
        "LoadReport",
        "LoadReport",
    ]
    bad = results[2]
    assert isinstance(bad, Rejected) and bad.document_id == batch[2].document.id
    written = snapshot(empty_graph)
    empty_graph.write(lambda tx: tx.run(WIPE), name="wipe")
    assert one_by_one(empty_graph, good, prepare) == written


def counted_by_reading(graph: Graph) -> dict[str, int]:
    nodes = {f"node:{r['label']}": r["count"] for r in graph.read(cs.NODES_PER_LABEL)}
    rels = {f"relation:{r['type']}": r["count"] for r in graph.read(cs.RELATIONS_PER_TYPE)}
    docs: dict[str, int] = {}
    for r in graph.read(cs.DOCUMENTS_PER_LANG_AND_MONTH):
        for key in (f"lang:{r['lang'] or ''}", f"month:{r['month'] or ''}"):
            docs[key] = docs.get(key, 0) + r["count"]
    return {k: n for k, n in {**nodes, **rels, **docs}.items() if n}


def kept_counts(graph: Graph) -> dict[str, int]:
    rows = graph.read(cs.READ_COUNTS)
    return {r["key"]: r["n"] for r in rows if r["n"] and not r["key"].startswith("meta:")}


def indexed(graph: Graph) -> set[tuple[str, str, str]]:
    return {(r["entity"], r["text"], r["kind"]) for r in graph.read(SEARCH_ENTRIES)}


def expected_index(graph: Graph) -> set[tuple[str, str, str]]:
    return {
        (r["id"], text, kind.value)
        for r in graph.read(ENTITY_KEYS)
        for text, kind in search_entries(r["keys"])
    }


def test_counts_and_search_index_follow_writes_and_deletes(empty_graph: Graph) -> None:
    docs = documents()
    extra = resolve(
        visit_document(
            "Termez Cargo besuchte Nortermez.",
            entities=[
                entity("a", "Organization", "Termez Cargo", "company", ["Termez Cargo"]),
                entity("b", "Location", "Nortermez", "district"),
            ],
            relations=[relation("VISITED", "a", "b", "Termez Cargo besuchte Nortermez.")],
        )
    )
    write_documents(empty_graph, [*docs, extra])
    assert kept_counts(empty_graph) == counted_by_reading(empty_graph)
    assert indexed(empty_graph) == expected_index(empty_graph)
    for doc in (docs[1], extra, docs[0]):  # an alias, whole entities, a relation type go
        delete_document(empty_graph, doc.document.id)
        assert kept_counts(empty_graph) == counted_by_reading(empty_graph)
        assert indexed(empty_graph) == expected_index(empty_graph)
    assert ("per:anvar-beispielov", "anwar beispielow", "key") not in indexed(empty_graph)


def test_a_database_written_without_the_bookkeeping_gets_it_at_start_up(
    empty_graph: Graph,
) -> None:
    write_documents(empty_graph, documents())
    before = (kept_counts(empty_graph), indexed(empty_graph))
    empty_graph.write(lambda tx: tx.run(DROP_BOOKKEEPING), name="drop")
    report = apply_schema(empty_graph)
    assert report.filled_in == ("counts", "search index")
    assert (kept_counts(empty_graph), indexed(empty_graph)) == before
    assert apply_schema(empty_graph).filled_in == ()
