"""Evidence of a relation, listing and reading documents, and deleting one, over HTTP."""

from __future__ import annotations

import httpx
import pytest

from graph_schema.graph import Graph
from tests.conftest import Service
from tests.service.world import AZIZ, STEPPE, VISIT, error, load_world, ok


@pytest.fixture
def world(service: Service, graph: Graph) -> dict[str, str]:
    return load_world(service, graph)


def visit_relation(client: httpx.Client) -> dict:
    [item] = ok(
        client.get("/relations", params={"type": "VISITED", "source": AZIZ, "target": STEPPE})
    )["items"]
    return item


def test_a_relation_with_every_supporting_document(
    client: httpx.Client, world: dict[str, str]
) -> None:
    relation = ok(client.get(f"/relations/{visit_relation(client)['id']}"))
    assert relation["properties"]["doc_count"] == 2
    by_doc = {e["document"]: e for e in relation["evidence"]}
    first = by_doc[world["visit_and_plan"]]
    assert (first["sentence"], first["url"], first["title"], first["date"]) == (
        VISIT,
        "https://example.org/steppe",
        "Governor visits Steppe Motors",
        "2024-03-05",
    )
    assert by_doc[world["visit_again"]]["url"] is None
    error(client.get("/relations/rel-0000"), 404, "not_found")


def test_documents_list_filters_and_pages(client: httpx.Client, world: dict[str, str]) -> None:
    everything = ok(client.get("/documents"))["items"]
    assert [d["published"] for d in everything] == [
        "2024-08-01",
        "2024-03-05",
        "2023-01-10",
        "2022-05-01",
        "2021-02-02",
    ]
    assert [d["id"] for d in ok(client.get("/documents", params={"lang": "ru"}))["items"]] == [
        world["announced_visit"]
    ]
    words = ok(client.get("/documents", params={"q": "STEPPE motors"}))["items"]
    assert {d["id"] for d in words} == {world["visit_and_plan"], world["visit_again"]}
    ranged = ok(client.get("/documents", params={"from": "2022-01-01", "to": "2023-12-31"}))
    assert [d["published"] for d in ranged["items"]] == ["2023-01-10", "2022-05-01"]
    first = ok(client.get("/documents", params={"limit": 4}))
    rest = ok(client.get("/documents", params={"limit": 4, "cursor": first["next_cursor"]}))
    assert [d["published"] for d in rest["items"]] == ["2021-02-02"]
    assert rest["next_cursor"] is None
    error(client.get("/documents", params={"lang": "fr"}), 422, "invalid_parameters")
    error(client.get("/documents", params={"to": "2024-13-01"}), 422, "invalid_parameters")


def test_a_document_with_its_entities_and_relations(
    client: httpx.Client, world: dict[str, str]
) -> None:
    doc = ok(client.get(f"/documents/{world['visit_again']}"))
    assert {e["id"] for e in doc["entities"]} == {AZIZ, STEPPE, "per:only-once"}
    assert {r["type"] for r in doc["relations"]} == {"VISITED", "MET_WITH"}
    assert all(len(r["evidence"]) == 1 for r in doc["relations"])
    assert doc["relations"][0]["evidence"][0]["title"] == "Wieder bei Steppe Motors"


def test_deleting_a_document_removes_only_what_it_alone_supported(
    client: httpx.Client, world: dict[str, str]
) -> None:
    doc_id = world["visit_again"]
    deleted = ok(client.delete(f"/documents/{doc_id}"))
    assert deleted == {
        "id": doc_id,
        "relations_deleted": 1,
        "relations_kept": 1,
        "entities_deleted": 1,
        "entities_kept": 2,
    }
    relation = visit_relation(client)
    assert relation["properties"]["doc_count"] == 1
    assert [e["document"] for e in relation["evidence"]] == [world["visit_and_plan"]]
    error(client.get("/entities/per:only-once"), 404, "not_found")
    error(client.get(f"/documents/{doc_id}"), 404, "not_found")
    error(client.delete(f"/documents/{doc_id}"), 404, "not_found")
