"""Paths with evidence, and the fact endpoints (visits, plants in a place), over HTTP."""

from __future__ import annotations

import httpx
import pytest

from graph_schema.graph import Graph
from tests.conftest import Service
from tests.service.world import (
    AZIZ,
    KASHKA,
    OASIS,
    OASIS_PLANT,
    QARSHI,
    STEPPE,
    STEPPE_PLANT,
    SURKHAN,
    error,
    load_world,
    ok,
)


@pytest.fixture(scope="module", autouse=True)
def world(service: Service, graph: Graph) -> dict[str, str]:
    return load_world(service, graph)


def node_ids(path: dict) -> list[str]:
    return [n["id"] for n in path["nodes"]]


def test_all_shortest_paths_carry_evidence(client: httpx.Client, world: dict[str, str]) -> None:
    paths = ok(client.get("/paths", params={"source": AZIZ, "target": KASHKA}))["paths"]
    assert [node_ids(p) for p in paths] == [[AZIZ, QARSHI, KASHKA]]
    visit, located = paths[0]["edges"]
    assert (visit["type"], visit["properties"]["status"]) == ("VISITED", "planned")
    [evidence] = visit["evidence"]
    assert evidence["document"] == world["announced_visit"]
    assert (evidence["date"], evidence["url"]) == ("2023-01-10", "https://example.org/announce")
    assert located["evidence"][0]["title"] == "Governor visits Steppe Motors"


def test_paths_follow_only_the_relation_types_asked_for(client: httpx.Client) -> None:
    params = {"source": AZIZ, "target": KASHKA, "rel_types": "MET_WITH,PLANS,LOCATED_IN"}
    paths = ok(client.get("/paths", params={**params, "max_hops": 6}))["paths"]
    assert [node_ids(p) for p in paths] == [[AZIZ, STEPPE, STEPPE_PLANT, QARSHI, KASHKA]]
    assert ok(client.get("/paths", params={**params, "max_hops": 3}))["paths"] == []


def test_shortest_gives_one_path_all_shortest_every_one(client: httpx.Client) -> None:
    # Aziz reaches Steppe Motors by VISITED and by MET_WITH: two paths of length 1.
    both = ok(client.get("/paths", params={"source": AZIZ, "target": STEPPE}))["paths"]
    assert sorted(p["edges"][0]["type"] for p in both) == ["MET_WITH", "VISITED"]
    one = ok(client.get("/paths", params={"source": AZIZ, "target": STEPPE, "kind": "shortest"}))[
        "paths"
    ]
    assert len(one) == 1 and node_ids(one[0]) == [AZIZ, STEPPE]


@pytest.mark.parametrize(
    "params, status, code",
    [
        ({"source": AZIZ, "target": "loc:nowhere"}, 404, "not_found"),
        ({"source": AZIZ, "target": AZIZ}, 400, "invalid_input"),
        ({"source": AZIZ, "target": KASHKA, "max_hops": 7}, 422, "invalid_parameters"),
        ({"source": AZIZ, "target": KASHKA, "kind": "longest"}, 422, "invalid_parameters"),
        ({"source": AZIZ, "target": KASHKA, "rel_types": "KNOWS"}, 422, "invalid_parameters"),
        ({"source": AZIZ}, 422, "invalid_parameters"),
    ],
)
def test_path_errors(client: httpx.Client, params: dict, status: int, code: str) -> None:
    error(client.get("/paths", params=params), status, code)


def visits(client: httpx.Client, **params: object) -> list[tuple[str, str, str]]:
    items = ok(client.get("/facts/visits", params=params))["items"]
    return [
        (v["visitor"]["id"], v["host"]["id"], v["relation"]["properties"]["status"]) for v in items
    ]


def test_visits_who_whom_when_planned_or_done(client: httpx.Client) -> None:
    assert visits(client) == [(AZIZ, STEPPE, "done"), (AZIZ, QARSHI, "planned")]
    assert visits(client, status="planned") == [(AZIZ, QARSHI, "planned")]
    assert visits(client, **{"from": "2024-01-01"}) == [(AZIZ, STEPPE, "done")]
    assert visits(client, to="2023-12-31", visitor=AZIZ) == [(AZIZ, QARSHI, "planned")]
    assert visits(client, host=QARSHI) == [(AZIZ, QARSHI, "planned")]
    [steppe] = ok(client.get("/facts/visits", params={"host": STEPPE}))["items"]
    assert steppe["relation"]["properties"]["doc_count"] == 2
    assert sorted(e["date"] for e in steppe["relation"]["evidence"]) == ["2024-03-05", "2024-08-01"]


def test_visits_page_and_errors(client: httpx.Client) -> None:
    first = ok(client.get("/facts/visits", params={"limit": 1}))
    second = ok(client.get("/facts/visits", params={"limit": 1, "cursor": first["next_cursor"]}))
    assert [v["host"]["id"] for v in first["items"] + second["items"]] == [STEPPE, QARSHI]
    assert second["next_cursor"] is None
    error(client.get("/facts/visits", params={"visitor": "per:nobody"}), 404, "not_found")
    error(client.get("/facts/visits", params={"status": "maybe"}), 422, "invalid_parameters")


def plants(client: httpx.Client, **params: object) -> list[tuple[str, str, str]]:
    items = ok(client.get("/facts/plants", params=params))["items"]
    return [(p["company"]["id"], p["plant"]["id"], p["status"]) for p in items]


def test_plants_in_a_place_include_places_inside_it(client: httpx.Client) -> None:
    in_region = plants(client, place=KASHKA)
    assert in_region == [(OASIS, OASIS_PLANT, "operating"), (STEPPE, STEPPE_PLANT, "planned")]
    assert plants(client, place=QARSHI) == [(STEPPE, STEPPE_PLANT, "planned")]
    assert plants(client, place=KASHKA, status="operating") == [(OASIS, OASIS_PLANT, "operating")]
    assert plants(client, company=STEPPE) == [(STEPPE, STEPPE_PLANT, "planned")]
    assert plants(client, place=SURKHAN) == []
    [steppe] = ok(client.get("/facts/plants", params={"company": STEPPE}))["items"]
    assert [p["id"] for p in steppe["located_in"]] == [QARSHI]
    assert steppe["relation"]["type"] == "PLANS" and steppe["relation"]["properties"]["doc_count"]


def test_plant_errors(client: httpx.Client) -> None:
    error(client.get("/facts/plants", params={"place": "loc:atlantis"}), 404, "not_found")
    error(client.get("/facts/plants", params={"status": "dreamt"}), 422, "invalid_parameters")
    error(client.get("/facts/plants", params={"limit": 0}), 422, "invalid_parameters")
