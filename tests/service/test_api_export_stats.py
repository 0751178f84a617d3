"""Export (GraphML, Cytoscape, CSV) and stats over HTTP, checked against each other."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import httpx
import pytest

from graph_schema.graph import Graph
from tests.conftest import Service
from tests.service.world import AZIZ, QARSHI, STEPPE, SURKHAN, error, load_world, ok

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module", autouse=True)
def world(service: Service, graph: Graph) -> dict[str, str]:
    return load_world(service, graph)


def test_stats_count_labels_types_languages_and_months(client: httpx.Client) -> None:
    stats = ok(client.get("/stats"))
    assert stats["nodes"]["Document"] == 5
    assert stats["nodes"]["Plant"] == 2 and stats["nodes"]["Region"] == 2
    assert stats["relations"]["VISITED"] == 2 and stats["relations"]["BASED_IN"] == 31
    assert stats["documents"] == {
        "total": 5,
        "by_lang": {"de": 1, "en": 3, "ru": 1},
        "by_month": {"2021-02": 1, "2022-05": 1, "2023-01": 1, "2024-03": 1, "2024-08": 1},
    }


def test_graphml_of_the_whole_graph_parses_and_matches_the_stats(client: httpx.Client) -> None:
    answer = client.get("/export", params={"format": "graphml"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(
        "application/graphml+xml"
    )
    root = ET.fromstring(answer.content)
    graph = root.find(f"{GRAPHML}graph")
    assert graph is not None and graph.get("edgedefault") == "directed"
    stats = ok(client.get("/stats"))
    nodes = graph.findall(f"{GRAPHML}node")
    edges = graph.findall(f"{GRAPHML}edge")
    assert len(nodes) == stats["nodes"]["Entity"]
    assert len(edges) == sum(stats["relations"].values())
    keys = {k.get("id"): k.get("attr.name") for k in root.findall(f"{GRAPHML}key")}
    aziz = next(n for n in nodes if n.get("id") == AZIZ)
    attrs = {keys[d.get("key")]: d.text for d in aziz.findall(f"{GRAPHML}data")}
    assert attrs["label"] == "Aziz Testov" and attrs["type"] == "Person"
    assert answer.headers["x-truncated"] == "false"


def test_the_whole_graph_is_streamed_in_every_format(client: httpx.Client) -> None:
    stats = ok(client.get("/stats"))
    relations = sum(stats["relations"].values())
    answers = {
        f"{fmt}-{table}": client.get("/export", params={"format": fmt, "table": table})
        for fmt, table in (("cytoscape", "edges"), ("csv", "edges"), ("csv", "nodes"))
    }
    for answer in answers.values():
        assert answer.status_code == 200
        assert answer.headers.get("transfer-encoding") == "chunked"  # not built, then sent
        assert "content-length" not in answer.headers
    cy = answers["cytoscape-edges"].json()
    assert len(cy["elements"]["nodes"]) == stats["nodes"]["Entity"] and not cy["truncated"]
    assert len(cy["elements"]["edges"]) == relations
    aziz = next(n["data"] for n in cy["elements"]["nodes"] if n["data"]["id"] == AZIZ)
    assert aziz["label"] == "Aziz Testov"
    edges = list(csv.DictReader(io.StringIO(answers["csv-edges"].text)))
    assert len(edges) == relations and {e["Id"] for e in edges} == {
        e["data"]["id"] for e in cy["elements"]["edges"]
    }
    nodes = list(csv.DictReader(io.StringIO(answers["csv-nodes"].text)))
    assert len(nodes) == stats["nodes"]["Entity"]


def test_neighbourhood_export_as_cytoscape_and_csv(client: httpx.Client) -> None:
    cy = ok(client.get("/export", params={"format": "cytoscape", "entity": AZIZ}))
    assert {n["data"]["id"] for n in cy["elements"]["nodes"]} == {AZIZ, STEPPE, QARSHI, SURKHAN}
    assert {e["data"]["label"] for e in cy["elements"]["edges"]} == {
        "VISITED",
        "MET_WITH",
        "HOLDS_POSITION",
    }
    edges = client.get("/export", params={"format": "csv", "entity": AZIZ})
    rows = list(csv.DictReader(io.StringIO(edges.text)))
    assert edges.headers["content-type"].startswith("text/csv")
    assert {(r["Source"], r["Label"], r["Target"]) for r in rows} >= {(AZIZ, "VISITED", STEPPE)}
    nodes = client.get("/export", params={"format": "csv", "table": "nodes", "entity": AZIZ})
    table = list(csv.DictReader(io.StringIO(nodes.text)))
    assert {r["Id"] for r in table} == {AZIZ, STEPPE, QARSHI, SURKHAN}
    assert next(r for r in table if r["Id"] == AZIZ)["Label"] == "Aziz Testov"


def test_export_errors(client: httpx.Client) -> None:
    error(client.get("/export", params={"format": "gexf"}), 422, "invalid_parameters")
    error(client.get("/export", params={"entity": "per:nobody"}), 404, "not_found")
    error(client.get("/export", params={"entity": AZIZ, "depth": 9}), 422, "invalid_parameters")
