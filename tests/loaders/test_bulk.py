"""The bulk loader leaves exactly the graph the per-document writer leaves."""

from __future__ import annotations

from typing import Any

import pytest

from graph_schema.errors import InvalidInputError
from graph_schema.graph import Graph
from graph_schema.statement import Statement
from loaders.bulk import bulk_load
from loaders.resolve import GraphDocument, resolve
from loaders.write import write_document
from tests.conftest import WIPE
from tests.factories import VISIT_TEXT, visit_document

NODES = Statement(
    "NODES",
    """
    MATCH (n) WHERE NOT n:ApiKey
    RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id""",
)
RELS = Statement(
    "RELS",
    """
    MATCH (a)-[r]->(b)
    RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props
    ORDER BY a, type, b""",
)


def snapshot(graph: Graph) -> dict[str, Any]:
    nodes = [(sorted(r["labels"]), r["props"]) for r in graph.read(NODES)]
    rels = [(r["a"], r["type"], r["b"], r["props"]) for r in graph.read(RELS)]
    return {"nodes": nodes, "rels": rels}


def documents() -> list[GraphDocument]:
    one = visit_document()
    two = visit_document(
        VISIT_TEXT + " Ein dritter Satz.", published="2024-07-01", title="Zweiter Artikel"
    )
    two.entities[0].aliases.append("Anwar Beispielow")
    two.entities[3].properties["status"] = "under_construction"
    three = visit_document(VISIT_TEXT + " Noch einer.", published=None)
    docs = [resolve(d) for d in (one, two, three)]
    return [*docs, docs[0]]  # a repeated document is skipped, as the writer skips it


def test_bulk_load_equals_the_per_document_writer(empty_graph: Graph) -> None:
    docs = documents()
    for doc in docs:
        write_document(empty_graph, doc)
    written = snapshot(empty_graph)
    empty_graph.write(lambda tx: tx.run(WIPE), name="wipe")
    report = bulk_load(empty_graph, docs)
    assert (report.documents, report.entities, report.relations) == (3, 5, 4)
    assert snapshot(empty_graph) == written


def test_bulk_load_refuses_a_populated_graph(empty_graph: Graph) -> None:
    write_document(empty_graph, resolve(visit_document()))
    with pytest.raises(InvalidInputError):
        bulk_load(empty_graph, documents())
