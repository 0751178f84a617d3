"""Names wherever ids are taken: every route that takes an entity resolves an id, or a name or
alias as GET /entities?q= finds it, through one resolver (service.repository.resolve), over
HTTP against the real graph. A unique best match is used and named in `resolved`; equally good
matches answer 409 with the candidates; no match a 404 that names the search endpoint."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest

from graph_schema.graph import Graph
from tests.conftest import Service
from tests.factories import entity, relation
from tests.service.world import AZIZ, KASHKA, QARSHI, STEPPE, error, load_world, ok, post

KARIMOV_A, KARIMOV_B = "per:bakhtiyor-karimov", "per:rustam-karimov"


def namesakes() -> dict[str, Any]:
    """Two officials both called 'Karimov' (an alias each), so that name is ambiguous."""
    text = "Bakhtiyor Karimov met Rustam Karimov. Karimov visited Steppe Motors."
    return {
        "lang": "en",
        "published": "2024-02-02",
        "title": "Two Karimovs",
        "text": text,
        "entities": [
            entity(
                "a", "Person", "Bakhtiyor Karimov", "official", ["Bakhtiyor Karimov", "Karimov"]
            ),
            entity("b", "Person", "Rustam Karimov", "official", ["Rustam Karimov", "Karimov"]),
            entity("s", "Organization", "Steppe Motors", "company"),
        ],
        "relations": [
            relation("MET_WITH", "a", "b", "Bakhtiyor Karimov met Rustam Karimov."),
            relation("VISITED", "b", "s", "Karimov visited Steppe Motors."),
        ],
    }


@pytest.fixture(scope="module", autouse=True)
def world(service: Service, graph: Graph) -> dict[str, str]:
    ids = load_world(service, graph)
    with service.client() as client:
        ids["namesakes"] = post(client, namesakes())["id"]
    return ids


def resolved(body: dict[str, Any], param: str) -> tuple[str, str, str]:
    found = body["resolved"][param]
    return found["query"], found["id"], found["matched"]


@pytest.mark.parametrize(
    "name, entity_id, matched",
    [
        (AZIZ, AZIZ, "id"),
        ("Aziz Testov", AZIZ, "exact"),
        ("aziz testov", AZIZ, "exact"),  # any case
        ("Азиз Тестов", AZIZ, "exact"),  # an alias in Cyrillic
        ("Testov", AZIZ, "prefix"),  # a word of the name
        ("Aziz Testof", AZIZ, "fuzzy"),  # a typo
    ],
)
def test_visits_take_an_id_a_name_or_an_alias(
    client: httpx.Client, name: str, entity_id: str, matched: str
) -> None:
    body = ok(client.get("/facts/visits", params={"visitor": name}))
    assert resolved(body, "visitor") == (name, entity_id, matched)
    assert body["resolved"]["visitor"]["name"] == "Aziz Testov"
    assert {(v["visitor"]["id"], v["host"]["id"]) for v in body["items"]} == {
        (AZIZ, STEPPE),
        (AZIZ, QARSHI),
    }


def test_a_list_without_an_entity_filter_resolves_nothing(client: httpx.Client) -> None:
    assert ok(client.get("/facts/visits"))["resolved"] == {}


def test_an_ambiguous_name_answers_409_with_the_candidates(client: httpx.Client) -> None:
    answer = client.get("/facts/visits", params={"visitor": "Karimov"})
    message = error(answer, 409, "ambiguous_entity")
    assert message.startswith("visitor: 'Karimov' fits 2 entities")
    candidates = answer.json()["error"]["details"]
    assert {c["id"] for c in candidates} == {KARIMOV_A, KARIMOV_B}
    assert all(set(c) == {"id", "name", "type", "mentions"} for c in candidates)
    assert {c["type"] for c in candidates} == {"Person"}
    assert all(c["mentions"] >= 1 for c in candidates)
    # Either id settles it.
    body = ok(client.get("/facts/visits", params={"visitor": KARIMOV_B}))
    assert [(v["visitor"]["id"], v["host"]["id"]) for v in body["items"]] == [(KARIMOV_B, STEPPE)]


def test_an_unknown_name_is_a_404_that_names_the_search(client: httpx.Client) -> None:
    message = error(
        client.get("/facts/visits", params={"host": "Atlantis Motors"}), 404, "not_found"
    )
    assert message == (
        "host: no entity has the id, name or alias 'Atlantis Motors'; "
        "look it up with GET /entities?q=Atlantis%20Motors"
    )


def test_a_place_or_company_prefers_entities_of_its_type(client: httpx.Client) -> None:
    # 'Steppe' starts both the company and its plant's name: as a company it is the company.
    body = ok(client.get("/facts/plants", params={"company": "Steppe"}))
    assert resolved(body, "company") == ("Steppe", STEPPE, "prefix")
    assert [p["plant"]["id"] for p in body["items"]] == ["plant:steppe-motors@qarshi"]
    # ... and as anything else, two names fit equally well.
    error(client.get("/relations", params={"source": "Steppe"}), 409, "ambiguous_entity")
    body = ok(client.get("/facts/plants", params={"place": "Kashka Region"}))
    assert resolved(body, "place") == ("Kashka Region", KASHKA, "exact")
    assert len(body["items"]) == 2


def test_paths_between_two_names(client: httpx.Client) -> None:
    body = ok(client.get("/paths", params={"source": "Aziz Testov", "target": "Карши"}))
    assert resolved(body, "source")[1:] == (AZIZ, "exact")
    assert resolved(body, "target")[1:] == (QARSHI, "exact")
    assert [[n["id"] for n in p["nodes"]] for p in body["paths"]] == [[AZIZ, QARSHI]]
    error(
        client.get("/paths", params={"source": "Karimov", "target": QARSHI}),
        409,
        "ambiguous_entity",
    )


def test_neighbours_timeline_and_profile_take_a_name_in_the_path(client: httpx.Client) -> None:
    body = ok(client.get("/entities/Qarshi/neighbors"))
    assert resolved(body, "entity_id") == ("Qarshi", QARSHI, "exact")
    assert QARSHI in {n["id"] for n in body["nodes"]} and KASHKA in {n["id"] for n in body["nodes"]}
    cyto = ok(client.get("/entities/Qarshi/neighbors", params={"format": "cytoscape"}))
    assert resolved(cyto, "entity_id")[1] == QARSHI
    timeline = ok(client.get("/entities/Steppe Motors/timeline"))
    assert resolved(timeline, "entity_id")[1:] == (STEPPE, "exact")
    assert timeline["items"] and all(
        STEPPE in (e["relation"]["source"], e["relation"]["target"]) for e in timeline["items"]
    )
    assert ok(client.get("/entities/Testov"))["id"] == AZIZ
    error(client.get("/entities/Karimov/timeline"), 409, "ambiguous_entity")
    error(client.get("/entities/Nobody Atall/neighbors"), 404, "not_found")


def test_relations_filtered_by_names(client: httpx.Client) -> None:
    body = ok(client.get("/relations", params={"source": "Aziz Testov", "target": "Steppe Motors"}))
    # (MET_WITH keeps its ends in sorted order, so Steppe Motors is its source.)
    assert [r["type"] for r in body["items"]] == ["VISITED"]
    assert set(body["resolved"]) == {"source", "target"}


def test_export_of_a_named_neighbourhood_says_which_entity(client: httpx.Client) -> None:
    graphml = client.get("/export", params={"entity": "Aziz Testov"})
    assert graphml.status_code == 200 and graphml.headers["x-resolved-entity"] == AZIZ
    table = client.get("/export", params={"format": "csv", "table": "nodes", "entity": "Testov"})
    assert AZIZ in {r["Id"] for r in csv.DictReader(io.StringIO(table.text))}
    cyto = ok(client.get("/export", params={"format": "cytoscape", "entity": "Azis Testov"}))
    assert cyto["resolved"]["entity"]["id"] == AZIZ
    assert cyto["resolved"]["entity"]["matched"] == "fuzzy"
    error(client.get("/export", params={"entity": "Karimov"}), 409, "ambiguous_entity")
