"""Curation over real HTTP against the real embedded graph: the candidate pairs with their
evidence, merge (and the merged id answering as its survivor), split, rename, the undo of each
restoring exactly the state before, curation surviving re-ingest and document deletion, and bad
input answered with 4xx and nothing changed.

The world: Timur Musterov visits Aral Steel in Nukus (document A); "Musterov" visits Qyzyl
Metall (B), a surname alone that linking leaves as a candidate pair beside Timur Musterov; Aral
Steel hires Lena Sturm at its Nukus office (C), an article the analyst splits off Aral Steel.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph_schema.graph import Graph, Tx
from loaders.curation.region import Region, read_region
from tests.conftest import Backend, Service, make_key
from tests.factories import entity, relation
from tests.loaders.test_batches import counted_by_reading, expected_index, indexed, kept_counts
from tests.service.world import error, ok

TIMUR, MUSTEROV = "per:timur-musterov", "per:musterov"
ARAL, QYZYL, LENA = "org:aral-steel", "org:qyzyl-metall", "per:lena-sturm"
ARAL_OFFICE = "org:aral-steel-nukus-office"

VISIT_A = "Timur Musterov visited Aral Steel in Nukus on Monday."
BASED_A = "Aral Steel is based in Nukus."
VISIT_B = "Musterov besuchte am Dienstag den Hersteller Qyzyl Metall."
HIRES_C = "Aral Steel hired Lena Sturm as director of its office."


def doc_a() -> dict[str, Any]:
    return {
        "lang": "en",
        "published": "2024-03-04",
        "title": "Musterov visits Aral Steel",
        "url": "https://example.org/curation/a",
        "text": f"{VISIT_A} {BASED_A}",
        "entities": [
            entity("m", "Person", "Timur Musterov", "official"),
            entity("o", "Organization", "Aral Steel", "company"),
            entity("n", "Location", "Nukus", "city"),
        ],
        "relations": [
            relation("VISITED", "m", "o", VISIT_A, status="done"),
            relation("BASED_IN", "o", "n", BASED_A),
        ],
    }


def doc_b() -> dict[str, Any]:
    return {
        "lang": "de",
        "published": "2024-03-05",
        "title": "Musterov bei Qyzyl Metall",
        "url": "https://example.org/curation/b",
        "text": VISIT_B,
        "entities": [
            entity("m", "Person", "Musterov", "official"),
            entity("q", "Organization", "Qyzyl Metall", "company"),
        ],
        "relations": [relation("VISITED", "m", "q", VISIT_B, status="done")],
    }


def doc_c() -> dict[str, Any]:
    return {
        "lang": "en",
        "published": "2024-04-01",
        "title": "Aral Steel hires a director",
        "url": "https://example.org/curation/c",
        "text": HIRES_C,
        "entities": [
            entity("o", "Organization", "Aral Steel", "company"),
            entity("l", "Person", "Lena Sturm", "executive"),
        ],
        "relations": [relation("HOLDS_POSITION", "l", "o", HIRES_C, title="director")],
    }


@pytest.fixture
def world(service: Service, empty_graph: Graph, client: httpx.Client) -> dict[str, str]:
    ids = {}
    for name, doc in (("a", doc_a()), ("b", doc_b()), ("c", doc_c())):
        answer = client.post("/documents/extracted", json=doc)
        assert answer.status_code == 201, answer.text
        ids[name] = answer.json()["id"]
    return ids


@pytest.fixture(scope="module")
def admin(service: Service, backend: Backend) -> httpx.Client:
    return service.client(key=make_key(backend.config, "admin"))


def region(graph: Graph, *ids: str) -> Region:
    """What the graph holds for these entities, whole (what an undo must restore)."""

    def work(tx: Tx) -> Region:
        return read_region(tx, list(ids))

    return graph.write(work, name="test_read_region")


def profile(client: httpx.Client, entity_id: str) -> dict[str, Any]:
    return ok(client.get(f"/entities/{entity_id}"))


def merge(client: httpx.Client, source: str, into: str) -> dict[str, Any]:
    return ok(client.post(f"/entities/{source}/merge", json={"into": into, "reason": "same man"}))


# -- candidates ------------------------------------------------------------------------------------


def test_candidates_best_first_with_both_sides_evidence(
    client: httpx.Client, world: dict[str, str]
) -> None:
    page = ok(client.get("/curation/candidates"))
    pair = next(c for c in page["items"] if {c["a"]["id"], c["b"]["id"]} == {TIMUR, MUSTEROV})
    assert 0.45 <= pair["score"] < 0.75 and pair["reason"]
    scores = [c["score"] for c in page["items"]]
    assert scores == sorted(scores, reverse=True)
    sides = {pair["a"]["id"]: pair["a"], pair["b"]["id"]: pair["b"]}
    assert sides[MUSTEROV]["type"] == "Person" and "Musterov" in sides[MUSTEROV]["aliases"]
    [doc] = sides[MUSTEROV]["documents"]
    assert doc["id"] == world["b"] and doc["sentences"] == [VISIT_B]
    assert sides[TIMUR]["documents"][0]["sentences"] == [VISIT_A]
    assert world["b"] in pair["doc_ids"]
    mine = ok(client.get("/curation/candidates", params={"entity": MUSTEROV}))["items"]
    assert [c["id"] for c in mine] == [pair["id"]]
    first = ok(client.get("/curation/candidates", params={"limit": 1}))
    assert len(first["items"]) == 1
    assert first["items"][0]["score"] == max(scores)


# -- merge -----------------------------------------------------------------------------------------


def test_merge_moves_mentions_relations_aliases_and_redirects(
    client: httpx.Client, admin: httpx.Client, world: dict[str, str], service: Service
) -> None:
    change = merge(client, MUSTEROV, TIMUR)
    assert change["kind"] == "merge" and change["entities"] == sorted([MUSTEROV, TIMUR])
    assert change["documents"] == [world["b"]] and change["reason"] == "same man"
    assert change["actor"].startswith("test-writer") and change["role"] == "writer"

    survivor = profile(client, TIMUR)
    assert survivor["doc_count"] == 2 and survivor["degree"] == {"VISITED": 2}
    assert {"Timur Musterov", "Musterov"} <= set(survivor["aliases"])
    assert survivor["redirected_from"] is None
    old = profile(client, MUSTEROV)
    assert old["id"] == TIMUR and old["redirected_from"] == MUSTEROV
    # every route that takes an entity follows the redirect
    around = ok(client.get(f"/entities/{MUSTEROV}/neighbors"))
    assert QYZYL in {n["id"] for n in around["nodes"]}
    assert ok(client.get("/facts/visits", params={"visitor": MUSTEROV}))["items"]
    visits = ok(client.get("/relations", params={"source": TIMUR, "type": "VISITED"}))["items"]
    assert {v["target"] for v in visits} == {ARAL, QYZYL}
    moved = next(v for v in visits if v["target"] == QYZYL)
    assert [e["sentence"] for e in moved["evidence"]] == [VISIT_B]
    assert [e["document"] for e in moved["evidence"]] == [world["b"]]
    document = ok(client.get(f"/documents/{world['b']}"))
    assert TIMUR in {e["id"] for e in document["entities"]}
    assert MUSTEROV not in {e["id"] for e in document["entities"]}
    found = ok(client.get("/entities", params={"q": "Musterov"}))["items"]
    assert [e["id"] for e in found] == [TIMUR]
    pairs = ok(client.get("/curation/candidates", params={"entity": TIMUR}))["items"]
    assert MUSTEROV not in {c["a"]["id"] for c in pairs} | {c["b"]["id"] for c in pairs}

    [event] = ok(admin.get("/audit", params={"action": "entity.merge"}))["items"]
    assert event["actor"] == change["actor"] and event["outcome"] == "ok"
    assert MUSTEROV in event["targets"] and change["id"] in event["message"]
    assert "same man" in event["message"]
    listed = ok(client.get("/curation/changes"))["items"]
    assert listed[0]["id"] == change["id"]
    assert ok(client.get(f"/curation/changes/{change['id']}")) == change


def test_undo_of_a_merge_restores_exactly_the_state_before(
    client: httpx.Client, admin: httpx.Client, graph: Graph, world: dict[str, str]
) -> None:
    before = region(graph, MUSTEROV, TIMUR)
    change = merge(client, MUSTEROV, TIMUR)
    assert region(graph, MUSTEROV, TIMUR).digest() != before.digest()
    undone = ok(client.post(f"/curation/{change['id']}/undo"))
    assert undone["undone_at"] and undone["undone_by"] == change["actor"]
    assert region(graph, MUSTEROV, TIMUR).to_json() == before.to_json()
    assert profile(client, MUSTEROV)["redirected_from"] is None
    assert profile(client, TIMUR)["doc_count"] == 1
    again = client.post(f"/curation/{change['id']}/undo")
    assert "undone at" in error(again, 409, "conflict")
    undos = ok(admin.get("/audit", params={"target": change["id"]}))["items"]
    assert [(e["action"], e["outcome"], e["status"]) for e in undos] == [
        ("entity.undo", "failed", 409),
        ("entity.undo", "ok", 200),
    ]


def test_merge_survives_document_deletion_and_reingest(
    client: httpx.Client, graph: Graph, world: dict[str, str]
) -> None:
    merge(client, MUSTEROV, TIMUR)
    ok(client.delete(f"/documents/{world['b']}"))
    assert profile(client, TIMUR)["doc_count"] == 1
    assert profile(client, MUSTEROV)["id"] == TIMUR
    # loaded again, the document links to the survivor: the merged id is not recreated
    assert client.post("/documents/extracted", json=doc_b()).status_code == 201
    survivor = profile(client, TIMUR)
    assert survivor["doc_count"] == 2 and survivor["degree"] == {"VISITED": 2}
    assert not region(graph, MUSTEROV).entities
    assert profile(client, MUSTEROV)["redirected_from"] == MUSTEROV
    # the same document once more changes nothing
    assert client.post("/documents/extracted", json=doc_b()).status_code == 200
    assert profile(client, TIMUR)["doc_count"] == 2


def test_undo_after_the_entities_changed_is_a_conflict(
    client: httpx.Client, graph: Graph, world: dict[str, str]
) -> None:
    change = merge(client, MUSTEROV, TIMUR)
    ok(client.delete(f"/documents/{world['b']}"))
    before = region(graph, MUSTEROV, TIMUR)
    answer = client.post(f"/curation/{change['id']}/undo")
    assert "changed after" in error(answer, 409, "conflict")
    assert region(graph, MUSTEROV, TIMUR).to_json() == before.to_json()


# -- split -----------------------------------------------------------------------------------------


def split_c(client: httpx.Client, world: dict[str, str]) -> dict[str, Any]:
    body = {"documents": [world["c"]], "name": "Aral Steel Nukus Office", "reason": "its office"}
    return ok(client.post(f"/entities/{ARAL}/split", json=body))


def test_split_moves_the_chosen_documents_mentions_and_relations(
    client: httpx.Client, world: dict[str, str]
) -> None:
    change = split_c(client, world)
    assert change["kind"] == "split" and change["entities"] == sorted([ARAL, ARAL_OFFICE])
    assert change["documents"] == [world["c"]]
    office = profile(client, ARAL_OFFICE)
    assert office["name"] == "Aral Steel Nukus Office" and office["type"] == "Organization"
    assert office["doc_count"] == 1 and office["degree"] == {"HOLDS_POSITION": 1}
    assert [d["id"] for d in office["documents"]["items"]] == [world["c"]]
    aral = profile(client, ARAL)
    assert aral["doc_count"] == 1 and aral["degree"] == {"BASED_IN": 1, "VISITED": 1}
    held = ok(client.get("/relations", params={"source": LENA}))["items"]
    assert [(r["type"], r["target"]) for r in held] == [("HOLDS_POSITION", ARAL_OFFICE)]
    assert [e["sentence"] for e in held[0]["evidence"]] == [HIRES_C]


def test_split_survives_document_deletion_and_reingest(
    client: httpx.Client, graph: Graph, world: dict[str, str]
) -> None:
    split_c(client, world)
    ok(client.delete(f"/documents/{world['c']}"))
    assert client.get(f"/entities/{ARAL_OFFICE}").status_code == 404
    # the split rule sends the document where the analyst did, not back to Aral Steel
    assert client.post("/documents/extracted", json=doc_c()).status_code == 201
    office = profile(client, ARAL_OFFICE)
    assert office["doc_count"] == 1 and office["degree"] == {"HOLDS_POSITION": 1}
    assert profile(client, ARAL)["doc_count"] == 1


def test_a_split_document_that_linking_scored_in_goes_to_the_split_off_entity_again(
    client: httpx.Client, world: dict[str, str]
) -> None:
    # "Aral Steel JSC" has its own key; linking merged it into Aral Steel by its score, so the
    # split rule (which names Aral Steel) applies after scoring when it is loaded again
    jsc = doc_c()
    jsc["text"] = HIRES_C.replace("Aral Steel", "Aral Steel JSC")
    jsc["entities"][0] = entity("o", "Organization", "Aral Steel JSC", "company")
    jsc["relations"][0]["evidence"] = jsc["text"]
    jsc["url"] = "https://example.org/curation/c-jsc"
    answer = client.post("/documents/extracted", json=jsc)
    assert answer.status_code == 201, answer.text
    loaded = answer.json()["id"]
    assert profile(client, ARAL)["doc_count"] == 3
    body = {"documents": [loaded], "name": "Aral Steel Nukus Office", "reason": "its office"}
    ok(client.post(f"/entities/{ARAL}/split", json=body))
    ok(client.delete(f"/documents/{loaded}"))
    assert client.post("/documents/extracted", json=jsc).status_code == 201
    assert profile(client, ARAL_OFFICE)["doc_count"] == 1
    assert profile(client, ARAL)["doc_count"] == 2


def test_undo_of_a_split_restores_exactly_the_state_before(
    client: httpx.Client, graph: Graph, world: dict[str, str]
) -> None:
    before = region(graph, ARAL, ARAL_OFFICE)
    change = split_c(client, world)
    ok(client.post(f"/curation/{change['id']}/undo"))
    assert region(graph, ARAL, ARAL_OFFICE).to_json() == before.to_json()
    assert client.get(f"/entities/{ARAL_OFFICE}").status_code == 404
    assert profile(client, ARAL)["doc_count"] == 2


# -- rename ----------------------------------------------------------------------------------------


def test_rename_and_its_undo(client: httpx.Client, graph: Graph, world: dict[str, str]) -> None:
    before = region(graph, QYZYL)
    body = {"name": "Qizil Metall JSC", "reason": "the registered name"}
    change = ok(client.post(f"/entities/{QYZYL}/rename", json=body))
    assert change["kind"] == "rename"
    assert profile(client, QYZYL)["name"] == "Qizil Metall JSC"
    found = ok(client.get("/entities", params={"q": "Qizil Metall JSC"}))["items"]
    assert found[0]["id"] == QYZYL
    ok(client.post(f"/curation/{change['id']}/undo"))
    assert region(graph, QYZYL).to_json() == before.to_json()


def test_changes_take_a_whole_name_but_never_a_near_one(
    client: httpx.Client, graph: Graph, world: dict[str, str]
) -> None:
    why = {"reason": "named, not by id"}
    before = region(graph, LENA)
    near = client.post("/entities/Lena Stur/rename", json={"name": "L. Sturm", **why})
    assert "Lena Stur" in error(near, 404, "not_found")
    assert region(graph, LENA).to_json() == before.to_json()
    renamed = ok(client.post("/entities/lena sturm/rename", json={"name": "Dr. Lena Sturm", **why}))
    assert renamed["entities"] == [LENA]
    merged = ok(client.post(f"/entities/{MUSTEROV}/merge", json={"into": "Timur Musterov", **why}))
    assert merged["entities"] == sorted([MUSTEROV, TIMUR])
    pairs = ok(client.get("/curation/candidates", params={"entity": "Qyzyl Metall"}))
    assert all(QYZYL in (c["a"]["id"], c["b"]["id"]) for c in pairs["items"])


# -- bad input -------------------------------------------------------------------------------------


def test_bad_curation_requests_are_4xx_and_change_nothing(
    client: httpx.Client,
    service: Service,
    backend: Backend,
    graph: Graph,
    world: dict[str, str],
) -> None:
    ids = (TIMUR, MUSTEROV, ARAL, QYZYL, LENA)
    before = region(graph, *ids).to_json()
    why = {"reason": "test"}

    def post(path: str, body: dict[str, Any]) -> httpx.Response:
        return client.post(path, json=body)

    assert "per:nobody" in error(
        post("/entities/per:nobody/merge", {"into": TIMUR, **why}), 404, "not_found"
    )
    error(post(f"/entities/{MUSTEROV}/merge", {"into": "per:nobody", **why}), 404, "not_found")
    assert "itself" in error(
        post(f"/entities/{TIMUR}/merge", {"into": TIMUR, **why}), 400, "invalid_input"
    )
    assert "one type" in error(
        post(f"/entities/{ARAL}/merge", {"into": TIMUR, **why}), 400, "invalid_input"
    )
    error(post(f"/entities/{MUSTEROV}/merge", {"into": TIMUR}), 422, "invalid_parameters")
    error(
        post(f"/entities/{MUSTEROV}/merge", {"into": TIMUR, "reason": ""}),
        422,
        "invalid_parameters",
    )
    error(post("/entities/org:nobody/split", {"documents": [world["c"]], **why}), 404, "not_found")
    assert "not mentioned" in error(
        post(f"/entities/{ARAL}/split", {"documents": [world["b"]], **why}), 400, "invalid_input"
    )
    assert "leave it empty" in error(
        post(f"/entities/{ARAL}/split", {"documents": [world["a"], world["c"]], **why}),
        400,
        "invalid_input",
    )
    error(post(f"/entities/{ARAL}/split", {"documents": [], **why}), 422, "invalid_parameters")
    error(post("/entities/org:nobody/rename", {"name": "X", **why}), 404, "not_found")
    error(post("/curation/chg-nothing/undo", {}), 404, "not_found")
    with service.client(key=None) as anonymous:
        no_key = anonymous.post(f"/entities/{MUSTEROV}/merge", json={"into": TIMUR, **why})
        assert no_key.status_code == 401
    with service.client(key=make_key(backend.config, "reader")) as reader:
        assert (
            reader.post(f"/entities/{MUSTEROV}/merge", json={"into": TIMUR, **why}).status_code
            == 403
        )
    assert region(graph, *ids).to_json() == before
    # a merged-away id is not merged again: the answer names its survivor
    merge(client, MUSTEROV, TIMUR)
    again = post(f"/entities/{MUSTEROV}/merge", {"into": TIMUR, **why})
    assert TIMUR in error(again, 409, "conflict")
    assert ok(client.get("/curation/changes"))["items"][0]["kind"] == "merge"


# -- the writer's bookkeeping ----------------------------------------------------------------------


def test_counts_and_search_index_follow_every_change_and_its_undo(
    client: httpx.Client, graph: Graph, world: dict[str, str]
) -> None:
    """/stats counts and the search index are kept at write time (loaders.write); a change
    rewrites entities and relations, so it keeps them too, and so does its undo."""

    def consistent() -> None:
        assert kept_counts(graph) == counted_by_reading(graph)
        assert indexed(graph) == expected_index(graph)

    consistent()
    merge_change = merge(client, MUSTEROV, TIMUR)
    consistent()
    assert not {e for e, _, _ in indexed(graph)} & {MUSTEROV}
    split_change = split_c(client, world)
    consistent()
    for change in (split_change, merge_change):
        ok(client.post(f"/curation/{change['id']}/undo"))
        consistent()
    rename = {"name": "Qizil Metall JSC", "reason": "registered name"}
    ok(client.post(f"/entities/{QYZYL}/rename", json=rename))
    consistent()
    assert [e["id"] for e in ok(client.get("/entities", params={"q": "Qizil Metall"}))["items"]]
