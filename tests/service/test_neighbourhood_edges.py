"""A neighbourhood's relations, found from the kept nodes' ranked lists (unfiltered reads),
against the old way (INDUCED_EDGES walks every kept node's adjacency) on the real graph:
the same relations with the same fields, for every entity's neighbourhood, after ingest,
re-ingest, deletions, merge, split and undo; with lists of 4 (most of them full, as hubs'
are, so that pairs of full lists must be walked) and of 501."""

from __future__ import annotations

from typing import Any

import pytest

from bench.synthetic_graph import SyntheticGraph, build
from graph_schema.graph import Graph
from graph_schema.statements import entities as es
from graph_schema.statements import ranking as rk
from loaders import ranking
from loaders.curation.changes import merge_entities, split_entity, undo_change
from loaders.write import delete_document
from service.repository import entities as repo
from service.repository.filters import TraversalFilter
from tests.loaders.test_ranking import (
    ACTOR,
    DOCUMENTS_OF,
    DROP_LISTS,
    ENTITY_IDS,
    load,
)

UNFILTERED = TraversalFilter()
EVERYTHING = 1_000_000


@pytest.fixture(scope="module")
def synthetic() -> SyntheticGraph:
    return build(160, scale=0.008)


@pytest.fixture
def short_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lists of 4 (tests.loaders.test_ranking's): most lists of a small graph are full."""
    monkeypatch.setattr(ranking, "TOP_NEIGHBOURS", 4)
    monkeypatch.setattr(rk, "TOP_NEIGHBOURS", 4)


def induced_before(graph: Graph, ids: list[str]) -> list[dict[str, Any]]:
    rows = graph.read(
        es.INDUCED_EDGES,
        {**UNFILTERED.params(), "ids": ids, "id_set": dict.fromkeys(ids, True), "cap": EVERYTHING},
        plain=True,
    )
    return sorted((r["edge"] for r in rows), key=lambda e: e["id"])


def kept(graph: Graph, entity_id: str, depth: int, cap: int) -> list[str]:
    return [n.id for n in repo.read_neighbors(graph, entity_id, depth, cap, UNFILTERED).nodes]


def assert_edges_as_before(graph: Graph, depth: int = 1, cap: int = 12) -> int:
    """Every entity's neighbourhood: the relations among its kept nodes are the old way's,
    field for field; how many neighbourhoods had relations."""
    with_edges = 0
    for entity_id in (r["id"] for r in graph.read(ENTITY_IDS)):
        ids = kept(graph, entity_id, depth, cap)
        found = repo._ranked_edges(graph, ids, EVERYTHING)
        assert found is not None, entity_id
        assert sorted(found, key=lambda e: e["id"]) == induced_before(graph, ids), entity_id
        with_edges += bool(found)
    return with_edges


def assert_answers_as_before(graph: Graph, entity_id: str, depth: int, cap: int) -> None:
    """The whole answer, through the repository, with the lists' way and the old one."""
    now = repo.read_neighbors(graph, entity_id, depth, cap, UNFILTERED)
    ranked_edges = repo._ranked_edges
    try:
        repo._ranked_edges = lambda *args: None
        before = repo.read_neighbors(graph, entity_id, depth, cap, UNFILTERED)
    finally:
        repo._ranked_edges = ranked_edges
    assert now.nodes == before.nodes
    assert now.truncated == before.truncated
    if len(now.edges) < max(200, repo.EDGES_PER_NODE * len(now.nodes)):  # not cut by the cap
        assert sorted(now.edges, key=lambda e: e.id) == sorted(before.edges, key=lambda e: e.id)


@pytest.mark.usefixtures("short_lists")
def test_edges_after_ingest_and_reingest(empty_graph: Graph, synthetic: SyntheticGraph) -> None:
    load(empty_graph, synthetic)
    assert assert_edges_as_before(empty_graph) > 100
    assert_edges_as_before(empty_graph, depth=2, cap=40)
    load(empty_graph, synthetic)
    assert_edges_as_before(empty_graph)
    for hub in (synthetic.hubs.company, synthetic.hubs.official, synthetic.hubs.country):
        for depth in (1, 2):
            assert_answers_as_before(empty_graph, hub, depth, 100)


def test_edges_with_complete_lists(empty_graph: Graph, synthetic: SyntheticGraph) -> None:
    load(empty_graph, synthetic)
    assert assert_edges_as_before(empty_graph) > 100
    assert_answers_as_before(empty_graph, synthetic.hubs.company, 2, 100)


@pytest.mark.usefixtures("short_lists")
def test_edges_when_full_lists_are_walked_at_once(
    empty_graph: Graph, synthetic: SyntheticGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repo, "OPEN_PAIRS_PER_FULL", 0)
    load(empty_graph, synthetic)
    assert assert_edges_as_before(empty_graph) > 100


@pytest.mark.usefixtures("short_lists")
def test_edges_after_deleting_documents(empty_graph: Graph, synthetic: SyntheticGraph) -> None:
    load(empty_graph, synthetic)
    hub_docs = [r["id"] for r in empty_graph.read(DOCUMENTS_OF, {"id": synthetic.hubs.company})]
    for doc_id in hub_docs[:6] + [d.document.id for d in synthetic.documents[:4]]:
        try:
            delete_document(empty_graph, doc_id)
        except Exception:  # a document of both lists is deleted once
            continue
    assert_edges_as_before(empty_graph)


@pytest.mark.usefixtures("short_lists")
def test_edges_after_merge_split_and_undo(empty_graph: Graph, synthetic: SyntheticGraph) -> None:
    load(empty_graph, synthetic)
    hubs = synthetic.hubs
    merge = merge_entities(empty_graph, hubs.second_official, hubs.official, "same man", ACTOR)
    assert_edges_as_before(empty_graph)
    docs = [r["id"] for r in empty_graph.read(DOCUMENTS_OF, {"id": hubs.official})]
    split = split_entity(empty_graph, hubs.official, docs[:3], None, "a namesake", ACTOR)
    assert_edges_as_before(empty_graph)
    undo_change(empty_graph, split.id, ACTOR)
    undo_change(empty_graph, merge.id, ACTOR)
    assert_edges_as_before(empty_graph)
    assert_answers_as_before(empty_graph, hubs.official, 2, 100)


def test_a_graph_without_lists_is_read_the_old_way(
    empty_graph: Graph, synthetic: SyntheticGraph
) -> None:
    load(empty_graph, synthetic)
    ids = kept(empty_graph, synthetic.hubs.company, 1, 30)
    empty_graph.write(lambda tx: tx.run(DROP_LISTS), name="drop")
    assert repo._ranked_edges(empty_graph, ids, EVERYTHING) is None
    assert_answers_as_before(empty_graph, synthetic.hubs.company, 1, 30)
    assert ranking.rank_all(empty_graph) > 0
    assert_edges_as_before(empty_graph)
