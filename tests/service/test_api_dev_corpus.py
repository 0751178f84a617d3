"""Every query endpoint on the gold annotations of the shared dev corpus (13 real articles)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import httpx
import pytest

from graph_schema.graph import Graph
from tests.conftest import Service, needs_shared
from tests.service.world import load_dev_corpus, ok

pytestmark = [needs_shared(), pytest.mark.shared_corpus]

AZIMOV, KARSHI, JAC = "per:murotjon-azimov", "loc:gn-1216311", "org:jac-motors"
# places the gazetteer knows are keyed on their GeoNames id or ISO code
KASHKADARYA, UZBEKISTAN = "loc:iso-uz-qa", "loc:gn-1512440"


@pytest.fixture(scope="module", autouse=True)
def corpus(service: Service, graph: Graph) -> int:
    return load_dev_corpus(service, graph)


def test_stats_of_the_corpus(client: httpx.Client, corpus: int) -> None:
    stats = ok(client.get("/stats"))
    assert stats["documents"]["total"] == corpus == 13
    assert stats["documents"]["by_lang"] == {"de": 5, "en": 6, "ru": 2}
    assert stats["documents"]["by_month"]["2024-06"] == 1
    assert stats["nodes"]["Entity"] == sum(
        stats["nodes"][t] for t in ("Person", "Organization", "Location", "Plant")
    )


def test_search_finds_people_and_places_across_scripts(client: httpx.Client) -> None:
    assert ok(client.get("/entities", params={"q": "mirziyoyev"}))["items"][0]["name"] == (
        "Shavkat Mirziyoyev"
    )
    assert ok(client.get("/entities", params={"q": "Карши"}))["items"][0]["id"] == KARSHI
    regions = ok(client.get("/entities", params={"q": "jizzakh", "subtype": "region"}))
    assert [e["name"] for e in regions["items"]] == ["Jizzakh region"]


def test_profile_neighbours_and_timeline_of_a_company(client: httpx.Client) -> None:
    profile = ok(client.get(f"/entities/{JAC}"))
    assert profile["degree"]["PLANS"] >= 1 and profile["documents"]["items"]
    around = ok(client.get(f"/entities/{JAC}/neighbors", params={"depth": 2}))
    assert {AZIMOV, KARSHI} <= {n["id"] for n in around["nodes"]}
    timeline = ok(client.get(f"/entities/{JAC}/timeline"))["items"]
    assert timeline and all(e["evidence"]["sentence"] for e in timeline)


def test_a_hub_is_capped(client: httpx.Client) -> None:
    hub = ok(client.get(f"/entities/{UZBEKISTAN}/neighbors", params={"depth": 2, "limit": 10}))
    assert len(hub["nodes"]) == 11 and hub["truncated"] is True


def test_the_official_reaches_the_city_through_the_company(client: httpx.Client) -> None:
    paths = ok(client.get("/paths", params={"source": AZIMOV, "target": KARSHI}))["paths"]
    assert paths and all(p["nodes"][0]["id"] == AZIMOV for p in paths)
    assert all(
        edge["evidence"] and edge["evidence"][0]["url"] for p in paths for edge in p["edges"]
    )


def test_visits_and_plants_in_a_region(client: httpx.Client) -> None:
    hosts = {
        v["host"]["id"]
        for v in ok(client.get("/facts/visits", params={"visitor": AZIMOV}))["items"]
    }
    assert JAC in hosts
    plants = ok(client.get("/facts/plants", params={"place": KASHKADARYA}))["items"]
    assert JAC in {p["company"]["id"] for p in plants}


def test_relation_evidence_names_its_document(client: httpx.Client) -> None:
    [relation] = ok(client.get("/relations", params={"type": "PLANS", "source": JAC}))["items"]
    detail = ok(client.get(f"/relations/{relation['id']}"))
    assert detail["properties"]["doc_count"] == len({e["document"] for e in detail["evidence"]})
    assert (
        detail["evidence"][0]["title"] == "Ein weiteres Automobilwerk könnte in Usbekistan "
        "entstehen"
    )


def test_documents_and_export(client: httpx.Client) -> None:
    russian = ok(client.get("/documents", params={"lang": "ru"}))["items"]
    assert len(russian) == 2
    root = ET.fromstring(client.get("/export", params={"format": "graphml"}).content)
    nodes = root.findall(".//{http://graphml.graphdrawing.org/xmlns}node")
    assert len(nodes) == ok(client.get("/stats"))["nodes"]["Entity"]


def test_read_only_cypher_on_the_corpus(client: httpx.Client) -> None:
    answer = ok(
        client.post(
            "/query",
            json={
                "cypher": "MATCH (c:Company)-[:PLANS]->(p:Plant) RETURN c.name AS company "
                "ORDER BY company LIMIT $n",
                "parameters": {"n": 3},
            },
        )
    )
    assert answer["columns"] == ["company"] and len(answer["rows"]) == 3
