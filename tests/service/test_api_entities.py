"""Search, profiles, neighbourhoods and timelines over HTTP, on our own small world."""

from __future__ import annotations

import httpx
import pytest

from graph_schema.graph import Graph
from tests.conftest import Service
from tests.service.world import (
    AZIZ,
    KASHKA,
    OASIS_PLANT,
    QARSHI,
    STEPPE,
    STEPPE_PLANT,
    SURKHAN,
    TESTLAND,
    error,
    load_world,
    ok,
)


@pytest.fixture(scope="module", autouse=True)
def world(service: Service, graph: Graph) -> dict[str, str]:
    return load_world(service, graph)


def names(items: list[dict]) -> list[str]:
    return [item["name"] for item in items]


@pytest.mark.parametrize("q", ["Karshi", "KARSHI", "Qarshí", "Карши", "qarshi"])
def test_search_ignores_case_accents_and_script(client: httpx.Client, q: str) -> None:
    items = ok(client.get("/entities", params={"q": q}))["items"]
    assert items[0]["id"] == QARSHI


def test_search_ranks_exact_prefix_substring_fuzzy_then_mentions(client: httpx.Client) -> None:
    items = ok(client.get("/entities", params={"q": "termez"}))["items"]
    assert names(items) == ["Termez", "Termez Cargo", "Termez Textile", "Nortermez", "Termiz"]


def test_search_filters_by_type_and_subtype(client: httpx.Client) -> None:
    companies = ok(client.get("/entities", params={"q": "termez", "type": "Organization"}))
    assert names(companies["items"]) == ["Termez Cargo", "Termez Textile", "Termiz"]
    cities = ok(client.get("/entities", params={"q": "termez", "subtype": "district"}))
    assert names(cities["items"]) == ["Nortermez"]


def test_search_pages_with_a_cursor(client: httpx.Client) -> None:
    first = ok(client.get("/entities", params={"q": "termez", "limit": 2}))
    assert names(first["items"]) == ["Termez", "Termez Cargo"] and first["next_cursor"]
    second = ok(
        client.get("/entities", params={"q": "termez", "limit": 2, "cursor": first["next_cursor"]})
    )
    third = ok(
        client.get("/entities", params={"q": "termez", "limit": 2, "cursor": second["next_cursor"]})
    )
    assert names(second["items"]) == ["Termez Textile", "Nortermez"]
    assert names(third["items"]) == ["Termiz"] and third["next_cursor"] is None


def test_search_errors(client: httpx.Client) -> None:
    error(client.get("/entities", params={"q": "x", "cursor": "garbage!"}), 400, "invalid_input")
    error(client.get("/entities", params={"q": "x", "type": "Animal"}), 422, "invalid_parameters")
    error(client.get("/entities"), 422, "invalid_parameters")
    assert ok(client.get("/entities", params={"q": "zzzzqqq"}))["items"] == []


def test_profile_has_names_ids_degrees_dates_and_documents(
    client: httpx.Client, world: dict[str, str]
) -> None:
    profile = ok(client.get(f"/entities/{AZIZ}", params={"limit": 2}))
    assert profile["name"] == "Aziz Testov" and "Азиз Тестов" in profile["aliases"]
    assert set(profile["labels"]) == {"Entity", "Person", "Official"}
    assert profile["degree"] == {"HOLDS_POSITION": 1, "MET_WITH": 1, "VISITED": 2}
    assert (profile["first_seen"], profile["last_seen"]) == ("2023-01-10", "2024-08-01")
    docs = profile["documents"]
    assert [d["id"] for d in docs["items"]] == [world["visit_again"], world["visit_and_plan"]]
    more = ok(client.get(f"/entities/{AZIZ}", params={"limit": 2, "cursor": docs["next_cursor"]}))
    assert [d["id"] for d in more["documents"]["items"]] == [world["announced_visit"]]
    assert more["documents"]["items"][0]["mentions"] == ["Aziz Testov", "Азиз Тестов"]


def test_profile_external_ids(client: httpx.Client) -> None:
    # the world's documents give no ids; the gazetteer knows Qarshi at load time
    assert ok(client.get(f"/entities/{QARSHI}"))["external_ids"] == {"geonames_id": 1216311}
    error(client.get("/entities/per:nobody"), 404, "not_found")


def ids(graph_answer: dict) -> set[str]:
    return {n["id"] for n in graph_answer["nodes"]}


def test_neighbors_by_depth(client: httpx.Client) -> None:
    one = ok(client.get(f"/entities/{AZIZ}/neighbors"))
    assert ids(one) == {AZIZ, STEPPE, QARSHI, SURKHAN} and not one["truncated"]
    # Parallel relations between two kept nodes all come (the pair is found once, then its
    # relations are read).
    between = {e["type"] for e in one["edges"] if {e["source"], e["target"]} == {AZIZ, STEPPE}}
    assert between == {"VISITED", "MET_WITH"}
    two = ok(client.get(f"/entities/{AZIZ}/neighbors", params={"depth": 2}))
    assert {STEPPE_PLANT, KASHKA, TESTLAND} <= ids(two)
    edge_ends = {(e["source"], e["type"], e["target"]) for e in two["edges"]}
    assert (AZIZ, "VISITED", STEPPE) in edge_ends and (QARSHI, "LOCATED_IN", KASHKA) in edge_ends
    assert all(e["source"] in ids(two) and e["target"] in ids(two) for e in two["edges"])


def test_neighbors_filter_inside_the_traversal(client: httpx.Client) -> None:
    by_type = ok(
        client.get(
            f"/entities/{AZIZ}/neighbors", params={"depth": 3, "rel_types": "VISITED,LOCATED_IN"}
        )
    )
    # Either direction, but neither PLANS nor OPERATES: the companies' plants come by place.
    assert ids(by_type) == {AZIZ, STEPPE, QARSHI, KASHKA, STEPPE_PLANT, OASIS_PLANT}
    assert {e["type"] for e in by_type["edges"]} == {"VISITED", "LOCATED_IN"}
    repeated = ok(
        client.get(
            f"/entities/{AZIZ}/neighbors",
            params=[("depth", 3), ("rel_types", "VISITED"), ("rel_types", "LOCATED_IN")],
        )
    )
    assert ids(repeated) == ids(by_type)
    places = ok(
        client.get(f"/entities/{AZIZ}/neighbors", params={"depth": 3, "node_types": "Location"})
    )
    assert ids(places) == {AZIZ, QARSHI, SURKHAN, KASHKA}
    recent = ok(client.get(f"/entities/{AZIZ}/neighbors", params={"from": "2024-01-01"}))
    assert QARSHI not in ids(recent) and STEPPE in ids(recent)  # the 2023 announcement is out
    sure = ok(client.get(f"/entities/{AZIZ}/neighbors", params={"min_confidence": 0.8}))
    assert ids(sure) == {AZIZ, STEPPE}
    assert {e["type"] for e in sure["edges"]} == {"VISITED"}


def test_neighbors_cap_a_hub_and_say_so(client: httpx.Client) -> None:
    capped = ok(client.get(f"/entities/{TESTLAND}/neighbors", params={"limit": 10}))
    assert len(capped["nodes"]) == 11 and capped["truncated"]
    full = ok(client.get(f"/entities/{TESTLAND}/neighbors", params={"limit": 31}))
    assert len(full["nodes"]) == 32 and not full["truncated"]
    deep = ok(client.get(f"/entities/{AZIZ}/neighbors", params={"depth": 3, "limit": 5}))
    assert len(deep["nodes"]) == 6 and deep["truncated"]


def test_neighbors_as_cytoscape_elements(client: httpx.Client) -> None:
    cy = ok(client.get(f"/entities/{AZIZ}/neighbors", params={"format": "cytoscape"}))
    nodes, edges = cy["elements"]["nodes"], cy["elements"]["edges"]
    assert {n["data"]["id"] for n in nodes} == {AZIZ, STEPPE, QARSHI, SURKHAN}
    assert all({"id", "source", "target", "label", "doc_count"} <= set(e["data"]) for e in edges)
    assert cy["truncated"] is False


@pytest.mark.parametrize(
    "params, status, code",
    [
        ({"depth": 4}, 422, "invalid_parameters"),
        ({"rel_types": "VISITED,LOVES"}, 422, "invalid_parameters"),
        ({"node_types": "Animal"}, 422, "invalid_parameters"),
        ({"from": "2024-05-01", "to": "2024-01-01"}, 422, "invalid_parameters"),
        ({"from": "last year"}, 422, "invalid_parameters"),
        ({"min_confidence": 2}, 422, "invalid_parameters"),
        ({"format": "dot"}, 422, "invalid_parameters"),
    ],
)
def test_neighbors_reject_bad_parameters(
    client: httpx.Client, params: dict, status: int, code: str
) -> None:
    message = error(client.get(f"/entities/{AZIZ}/neighbors", params=params), status, code)
    assert any(name in message for name in params)


def test_timeline_is_ordered_by_document_date_and_paged(
    client: httpx.Client, world: dict[str, str]
) -> None:
    page = ok(client.get(f"/entities/{AZIZ}/timeline", params={"limit": 3}))
    dates = [e["date"] for e in page["items"]]
    assert dates == ["2023-01-10", "2024-03-05", "2024-03-05"] and page["next_cursor"]
    first = page["items"][0]
    assert (first["relation"]["type"], first["other"]["id"], first["direction"]) == (
        "VISITED",
        QARSHI,
        "outgoing",
    )
    assert first["evidence"]["title"] == "Анонс визита"
    assert first["evidence"]["document"] == world["announced_visit"]
    rest = ok(
        client.get(f"/entities/{AZIZ}/timeline", params={"limit": 3, "cursor": page["next_cursor"]})
    )
    assert [e["date"] for e in rest["items"]] == ["2024-03-05", "2024-08-01"]
    this_year = ok(
        client.get(
            f"/entities/{AZIZ}/timeline", params={"from": "2024-06-01", "rel_types": "VISITED"}
        )
    )
    assert [(e["date"], e["other"]["id"]) for e in this_year["items"]] == [("2024-08-01", STEPPE)]
    error(client.get("/entities/per:nobody/timeline"), 404, "not_found")


def test_timeline_evidence_carries_its_confidence_and_status(client: httpx.Client) -> None:
    events = ok(
        client.get(f"/entities/{AZIZ}/timeline", params={"rel_types": "VISITED,HOLDS_POSITION"})
    )["items"]
    seen = [
        (
            e["date"],
            e["relation"]["type"],
            e["other"]["id"],
            e["evidence"]["confidence"],
            e["evidence"]["status"],
        )
        for e in events
    ]
    assert sorted(seen, key=str) == [
        ("2023-01-10", "VISITED", QARSHI, 0.5, "planned"),  # announced, confidence not given
        ("2024-03-05", "HOLDS_POSITION", SURKHAN, 0.5, None),  # no status for a position
        ("2024-03-05", "VISITED", STEPPE, 0.9, "done"),
        ("2024-08-01", "VISITED", STEPPE, 0.5, "done"),
    ]
