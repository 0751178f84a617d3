"""The neighbour lists the writers keep (loaders.ranking) against the real graph: after every
kind of write, each entity's stored list is what ranking all its edges gives (EXPAND_LEVEL,
the statement a neighbourhood read before the lists existed)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.synthetic_graph import SyntheticGraph, build
from graph_schema.graph import Graph
from graph_schema.statement import Statement
from graph_schema.statements import entities as es
from graph_schema.statements import ranking as rk
from loaders import ranking
from loaders.curation.changes import Actor, merge_entities, split_entity, undo_change
from loaders.write import delete_document, write_documents
from service.repository.filters import TraversalFilter
from tests.conftest import Backend
from tests.loaders.test_ingest import kg

ENTITY_IDS = Statement("ENTITY_IDS", "MATCH (e:Entity) RETURN e.id AS id ORDER BY id")
DROP_LISTS = Statement(
    "DROP_LISTS",
    "MATCH (e:Entity) REMOVE e.top_neighbours, e.top_support RETURN count(e) AS n",
    writes=True,
)
DOCUMENTS_OF = Statement(
    "DOCUMENTS_OF",
    "MATCH (:Entity {id: $id})<-[:MENTIONS]-(d:Document) RETURN d.id AS id ORDER BY id",
)
ACTOR = Actor("test")


@pytest.fixture(scope="module")
def synthetic() -> SyntheticGraph:
    return build(160, scale=0.008)


@pytest.fixture
def short_lists(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """Lists of 4: most entities of a small graph then have more neighbours than their list
    holds, as hubs do at scale (for the writers and for the readers that tell a full list
    from a complete one)."""
    monkeypatch.setattr(ranking, "TOP_NEIGHBOURS", 4)
    monkeypatch.setattr(rk, "TOP_NEIGHBOURS", 4)
    yield 4


def expected(graph: Graph, entity_id: str, k: int) -> list[tuple[str, int]]:
    flt = TraversalFilter().params()
    rows = graph.read(
        es.EXPAND_LEVEL,
        {**flt, "frontier": [entity_id], "seen": [entity_id], "cap": k}
        | {"seen_set": {entity_id: True}},
        plain=True,
    )
    ids = [r["node"]["id"] for r in rows]
    full = graph.read(rk.RANK_NEIGHBOURS, {"ids": [entity_id], "k": k})
    supports = {r["neighbour"]: r["support"] for r in full}
    assert [r["neighbour"] for r in full] == ids  # the two statements rank alike
    return [(i, supports[i]) for i in ids]


def assert_ranked(graph: Graph, k: int) -> int:
    """Every entity's stored list equals its full ranking; how many entities."""
    ids = [r["id"] for r in graph.read(ENTITY_IDS)]
    stored = graph.read(rk.READ_TOP_NEIGHBOURS, {"ids": ids})
    lists = {r["id"]: list(zip(r["neighbours"], r["supports"], strict=True)) for r in stored}
    wrong = [i for i in ids if lists.get(i) != expected(graph, i, k)]
    assert not wrong, f"{len(wrong)} of {len(ids)} lists differ, e.g. {wrong[:3]}"
    return len(ids)


def load(graph: Graph, synthetic: SyntheticGraph) -> None:
    write_documents(graph, synthetic.documents, max_documents=40)


def test_lists_after_ingest_and_reingest(
    empty_graph: Graph, synthetic: SyntheticGraph, short_lists: int
) -> None:
    load(empty_graph, synthetic)
    assert assert_ranked(empty_graph, short_lists) > 100
    load(empty_graph, synthetic)  # every document skipped: nothing changes
    assert_ranked(empty_graph, short_lists)


def test_complete_lists_after_ingest(empty_graph: Graph, synthetic: SyntheticGraph) -> None:
    load(empty_graph, synthetic)
    assert_ranked(empty_graph, ranking.TOP_NEIGHBOURS)


def test_lists_after_deleting_documents(
    empty_graph: Graph, synthetic: SyntheticGraph, short_lists: int
) -> None:
    load(empty_graph, synthetic)
    hub_docs = [r["id"] for r in empty_graph.read(DOCUMENTS_OF, {"id": synthetic.hubs.company})]
    for doc_id in hub_docs[:6] + [d.document.id for d in synthetic.documents[:4]]:
        try:
            delete_document(empty_graph, doc_id)
        except Exception:  # a document of both lists is deleted once
            continue
    assert_ranked(empty_graph, short_lists)


def test_lists_after_merge_split_and_undo(
    empty_graph: Graph, synthetic: SyntheticGraph, short_lists: int
) -> None:
    load(empty_graph, synthetic)
    hubs = synthetic.hubs
    merge = merge_entities(empty_graph, hubs.second_official, hubs.official, "same man", ACTOR)
    assert_ranked(empty_graph, short_lists)
    docs = [r["id"] for r in empty_graph.read(DOCUMENTS_OF, {"id": hubs.official})]
    split = split_entity(empty_graph, hubs.official, docs[:3], None, "a namesake", ACTOR)
    assert_ranked(empty_graph, short_lists)
    undo_change(empty_graph, split.id, ACTOR)
    undo_change(empty_graph, merge.id, ACTOR)
    assert_ranked(empty_graph, short_lists)


def test_rank_all_ranks_a_graph_written_without_lists(
    empty_graph: Graph, synthetic: SyntheticGraph
) -> None:
    load(empty_graph, synthetic)
    empty_graph.write(lambda tx: tx.run(DROP_LISTS), name="drop")
    total = len(empty_graph.read(ENTITY_IDS))
    assert ranking.rank_all(empty_graph) == total
    assert_ranked(empty_graph, ranking.TOP_NEIGHBOURS)
    assert ranking.rank_all(empty_graph) == 0


def test_kg_rank_ranks_what_a_graph_written_without_lists_holds(
    empty_graph: Graph, backend: Backend, synthetic: SyntheticGraph
) -> None:
    load(empty_graph, synthetic)
    empty_graph.write(lambda tx: tx.run(DROP_LISTS), name="drop")
    result = kg(backend, "rank")
    assert result.returncode == 0, result.stderr
    total = len(empty_graph.read(ENTITY_IDS))
    assert f"ranked the neighbours of {total} entities" in result.stdout
    assert_ranked(empty_graph, ranking.TOP_NEIGHBOURS)
    assert kg(backend, "rank").stdout.strip() == "ranked the neighbours of 0 entities"
