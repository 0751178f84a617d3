"""Deleting a document replays what the remaining documents said of its entities, in load
order, whether they were written one per transaction or many per batch (a batch numbers an
entity's mentions as writing its documents one by one does)."""

from __future__ import annotations

from typing import Any

import pytest

import loaders.batch
import loaders.write
from graph_schema.graph import Graph
from graph_schema.statement import Statement
from loaders.resolve import GraphDocument, resolve
from loaders.write import delete_document, write_document, write_documents
from tests.conftest import WIPE
from tests.factories import VISIT_TEXT, visit_document
from tests.loaders.test_batches import snapshot

PLANT = Statement(
    "PLANT",
    """
    MATCH (e:Entity {id: 'plant:nordwind-motors@karshi'})
    RETURN e.status AS status, e.product AS product, e.doc_count AS docs""",
)
OFFICIAL = Statement(
    "OFFICIAL",
    """
    MATCH (e:Entity {id: 'per:anvar-beispielov'}) RETURN e.titles AS titles""",
)


def documents() -> list[GraphDocument]:
    """Four articles on one plant: planned, under construction (with a product and another
    title for the governor), nothing said, operating."""
    said: list[dict[str, Any]] = [
        {"status": "planned"},
        {"status": "under_construction", "product": "cars"},
        {},
        {"status": "operating"},
    ]
    docs = []
    for n, props in enumerate(said):
        doc = visit_document(f"{VISIT_TEXT} Satz {n}.", published=f"2024-0{n + 1}-01")
        plant = doc.entities[3].properties
        plant.pop("status", None)
        plant.update(props)
        if n == 1:
            doc.entities[0].properties["title"] = "Hokim"
        docs.append(resolve(doc))
    return docs


@pytest.fixture(params=["per-document", "one-batch", "batches-of-3-rows"])
def loaded(
    request: pytest.FixtureRequest, empty_graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> list[GraphDocument]:
    docs = documents()
    if request.param == "per-document":
        for doc in docs:
            write_document(empty_graph, doc)
    else:
        if request.param == "batches-of-3-rows":
            monkeypatch.setattr(loaders.batch, "MAX_STATEMENT_ROWS", 3)
        write_documents(empty_graph, docs)
    return docs


def test_batches_number_mentions_as_the_writer_does_one_by_one(
    empty_graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = documents()
    for doc in docs:
        write_document(empty_graph, doc)
    written = snapshot(empty_graph)
    for documents_per_batch in (1, 2, 3, 7):
        empty_graph.write(lambda tx: tx.run(WIPE), name="wipe")
        monkeypatch.setattr(loaders.write, "MAX_BATCH_DOCUMENTS", documents_per_batch)
        write_documents(empty_graph, docs)
        assert snapshot(empty_graph) == written, f"batches of {documents_per_batch}"


def test_deleting_replays_the_remaining_documents_in_load_order(
    empty_graph: Graph, loaded: list[GraphDocument]
) -> None:
    plant = lambda: empty_graph.read(PLANT)[0]  # noqa: E731
    titles = lambda: empty_graph.read(OFFICIAL)[0]["titles"]  # noqa: E731
    assert plant() == {"status": "operating", "product": "cars", "docs": 4}
    assert titles() == ["Gouverneur", "Hokim"]
    delete_document(empty_graph, loaded[3].document.id)
    assert plant() == {"status": "under_construction", "product": "cars", "docs": 3}
    delete_document(empty_graph, loaded[1].document.id)
    assert plant() == {"status": "planned", "product": None, "docs": 2}
    assert titles() == ["Gouverneur"]
    write_document(empty_graph, loaded[3])  # loaded again: now the latest
    delete_document(empty_graph, loaded[2].document.id)
    assert plant() == {"status": "operating", "product": None, "docs": 2}
    delete_document(empty_graph, loaded[3].document.id)
    assert plant() == {"status": "planned", "product": None, "docs": 1}


FORGET = Statement(
    "FORGET", "MATCH (d:Document {id: $id}) REMOVE d.entity_ids RETURN d.id AS id", writes=True
)


def test_an_entity_one_of_whose_documents_tells_nothing_keeps_its_fields(
    empty_graph: Graph,
) -> None:
    """A document written before documents kept what they said of their entities: nothing to
    replay, so titles, external ids and plant fields stay; counts and names are recomputed."""
    docs = documents()
    for doc in docs:
        write_document(empty_graph, doc)
    empty_graph.write(lambda tx: tx.run(FORGET, id=docs[0].document.id))
    delete_document(empty_graph, docs[3].document.id)
    assert empty_graph.read(PLANT)[0] == {"status": "operating", "product": "cars", "docs": 3}
    assert empty_graph.read(OFFICIAL)[0]["titles"] == ["Gouverneur", "Hokim"]
