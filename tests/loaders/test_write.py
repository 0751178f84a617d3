"""Writing documents into the real graph: idempotency, provenance, rollback, deletion."""

from __future__ import annotations

import pytest

from graph_schema.errors import InvalidInputError, NotFoundError
from graph_schema.graph import Graph
from graph_schema.statement import Statement
from loaders.batch import chunks
from loaders.resolve import resolve
from loaders.write import delete_document, write_document
from tests.factories import VISIT_TEXT, visit_document

# The news graph's nodes: the search index and the counts are bookkeeping beside it.
COUNTS = Statement(
    "COUNTS",
    """
    CALL { MATCH (n:Entity|Document) RETURN count(n) AS nodes }
    CALL { MATCH ()-[r]->() RETURN count(r) AS rels }
    RETURN nodes, rels""",
)
RELATION = Statement(
    "RELATION",
    """
    MATCH (a:Entity {id: $source})-[r]->(b:Entity {id: $target})
    RETURN type(r) AS type, r.doc_ids AS doc_ids, r.sentences AS sentences,
           r.doc_count AS doc_count, r.first_seen AS first_seen, r.last_seen AS last_seen,
           r.confidence AS confidence, r.status AS status""",
)
ENTITY = Statement(
    "ENTITY",
    """
    MATCH (e:Entity {id: $id})
    RETURN e.aliases AS aliases, e.doc_count AS doc_count, e.mention_count AS mentions,
           e.first_seen AS first_seen, labels(e) AS labels""",
)
DOCUMENTS = Statement("DOCUMENTS", "MATCH (d:Document) RETURN d.id AS id")


def counts(graph: Graph) -> dict[str, int]:
    return graph.read(COUNTS)[0]


def test_loading_the_same_document_twice_changes_nothing(empty_graph: Graph) -> None:
    doc = resolve(visit_document())
    first = write_document(empty_graph, doc)
    after_first = counts(empty_graph)
    second = write_document(empty_graph, resolve(visit_document()))
    assert (first.status, second.status) == ("loaded", "skipped")
    assert counts(empty_graph) == after_first == {"nodes": 6, "rels": 9}  # 5 MENTIONS + 4


def test_relations_carry_provenance_from_every_document(empty_graph: Graph) -> None:
    one = resolve(visit_document())
    two = resolve(visit_document(VISIT_TEXT + " Ein dritter Satz.", published="2024-07-01"))
    write_document(empty_graph, one)
    write_document(empty_graph, two)
    rel = empty_graph.read(
        RELATION, {"source": "per:anvar-beispielov", "target": "org:nordwind-motors"}
    )[0]
    assert rel["type"] == "VISITED"
    assert sorted(rel["doc_ids"]) == sorted([one.document.id, two.document.id])
    assert rel["sentences"][0].startswith("Gouverneur Anvar Beispielov besuchte")
    assert (rel["doc_count"], rel["first_seen"], rel["last_seen"]) == (
        2,
        "2024-05-02",
        "2024-07-01",
    )
    assert (rel["confidence"], rel["status"]) == (0.9, "done")
    karshi = empty_graph.read(ENTITY, {"id": "loc:gn-1538637"})[0]
    assert karshi["doc_count"] == 2 and set(karshi["labels"]) == {"Entity", "Location", "City"}


def test_a_failing_document_leaves_nothing_behind(empty_graph: Graph) -> None:
    doc = resolve(visit_document())
    doc.entities[-1].product = {"not": "a primitive"}  # the graph rejects map properties
    with pytest.raises(InvalidInputError):
        write_document(empty_graph, doc)
    assert counts(empty_graph) == {"nodes": 0, "rels": 0}
    assert write_document(empty_graph, resolve(visit_document())).status == "loaded"


def test_deleting_a_document_removes_only_its_share(empty_graph: Graph) -> None:
    one = resolve(visit_document())
    two = resolve(visit_document(VISIT_TEXT + " Nachtrag.", published="2024-07-01"))
    write_document(empty_graph, one)
    write_document(empty_graph, two)
    report = delete_document(empty_graph, one.document.id)
    assert (report.relations_deleted, report.entities_deleted) == (0, 0)
    rel = empty_graph.read(
        RELATION, {"source": "per:anvar-beispielov", "target": "org:nordwind-motors"}
    )[0]
    assert rel["doc_ids"] == [two.document.id]
    assert (rel["doc_count"], rel["first_seen"]) == (1, "2024-07-01")
    delete_document(empty_graph, two.document.id)
    assert counts(empty_graph) == {"nodes": 0, "rels": 0}
    with pytest.raises(NotFoundError):
        delete_document(empty_graph, two.document.id)


def test_statement_chunks_stay_under_the_size_cap() -> None:
    rows = [{"text": "x" * 1000} for _ in range(10_000)]
    sizes = [len(chunk) for chunk in chunks(rows)]
    assert sum(sizes) == 10_000 and max(sizes) < 5_000
