"""The schema on a real graph: idempotent, and values keep their types (ArcadeDB coerces
properties indexed after data exists; our schema is created first, so it must not)."""

from __future__ import annotations

from graph_schema.graph import Graph
from graph_schema.schema import apply_schema, required_items
from graph_schema.statement import Statement
from graph_schema.statements import writes
from graph_schema.vocabulary import label_sets

ROUND_TRIP = Statement(
    "ROUND_TRIP",
    "CREATE (e:Entity:Organization {id: $id, name: $name}) SET e.iso = $iso "
    "RETURN e.name AS name, e.iso AS iso",
    writes=True,
)


def test_apply_schema_is_idempotent(graph: Graph) -> None:
    report = apply_schema(graph)
    assert report.created == ()
    assert set(report.present) == {item.name for item in required_items(graph.backend)}


def test_indexed_properties_keep_their_types(empty_graph: Graph) -> None:
    for value in ("123", 2.7, ["a", "b"], 42):
        rows = empty_graph.write(
            lambda tx, v=value: tx.run(ROUND_TRIP, id=f"org:t-{v!r}", name=v, iso=v).records
        )
        assert rows == [{"name": value, "iso": value}]


def test_every_label_set_is_written_with_its_labels(empty_graph: Graph) -> None:
    for labels, statement in writes.CREATE_ENTITIES.items():
        row = {"id": "x:" + "-".join(labels), "name": "n", "type": labels[1], "subtype": None}
        row.update(aliases=["n"], search_keys=["n"], titles=[], mentions=1, documents=[])
        empty_graph.write(lambda tx, s=statement, r=row: tx.run(s, rows=[r]))
    found = empty_graph.read(
        Statement("LABELS", "MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels")
    )
    by_id = {row["id"]: set(row["labels"]) for row in found}
    assert len(by_id) == len(label_sets())
    for labels in label_sets():
        assert by_id["x:" + "-".join(labels)] == set(labels)
