"""Deleting a document replays what the remaining documents said of its entities, in load
order, after either writer: per document, and bulk in batches of any size (the bulk loader
numbers an entity's mentions across batches as the per-document writer does)."""

from __future__ import annotations

from typing import Any

import pytest

import loaders.write
from graph_schema.graph import Graph
from graph_schema.statement import Statement
from loaders.bulk import bulk_load
from loaders.resolve import GraphDocument, resolve
from loaders.write import delete_document, write_document
from tests.conftest import WIPE
from tests.factories import VISIT_TEXT, visit_document
from tests.loaders.test_bulk import snapshot

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


@pytest.fixture(params=["per-document", "bulk-1", "bulk-3"])
def loaded(
    request: pytest.FixtureRequest, empty_graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> list[GraphDocument]:
    docs = documents()
    if request.param == "per-document":
        for doc in docs:
            write_document(empty_graph, doc)
    else:
        monkeypatch.setattr(loaders.write, "MAX_BATCH_ROWS", int(request.param[-1]))
        bulk_load(empty_graph, docs)
    return docs


def test_bulk_batches_number_mentions_as_the_writer_does(
    empty_graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = documents()
    for doc in docs:
        write_document(empty_graph, doc)
    written = snapshot(empty_graph)
    for rows in (1, 2, 3, 7):
        empty_graph.write(lambda tx: tx.run(WIPE), name="wipe")
        monkeypatch.setattr(loaders.write, "MAX_BATCH_ROWS", rows)
        bulk_load(empty_graph, docs)
        assert snapshot(empty_graph) == written, f"batches of {rows}"


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
