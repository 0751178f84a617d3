"""Values the graph cannot take are the client's error (400), never a 500 or a half-written
document: cursors past any page, integers past 64 bits, strings with lone surrogates, GeoNames
ids that are no ids; over real HTTP against the real embedded graph, and through `kg ingest`."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph_schema.graph import Graph
from graph_schema.statement import Statement
from loaders.ingest import ingest
from service.paging import MAX_OFFSET, decode_cursor, encode_cursor
from tests.conftest import Service
from tests.factories import entity, relation
from tests.service.world import AZIZ, STEPPE, error, load_world, ok

COUNTS = Statement(
    "COUNTS",
    """
    CALL { MATCH (n) WHERE n:Entity OR n:Document RETURN count(n) AS nodes }
    CALL { MATCH ()-[r]->() RETURN count(r) AS relations }
    RETURN nodes, relations""",
)


@pytest.fixture(scope="module", autouse=True)
def world(service: Service, graph: Graph) -> dict[str, str]:
    return load_world(service, graph)


def cursor_of(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": value}).encode()).decode().rstrip("=")


PAGED = [
    ("/documents", {}),
    ("/relations", {}),
    ("/facts/visits", {}),
    ("/facts/plants", {}),
    (f"/entities/{AZIZ}", {}),
    (f"/entities/{AZIZ}/timeline", {}),
    ("/entities", {"q": "termez"}),
]


@pytest.mark.parametrize("path, params", PAGED)
@pytest.mark.parametrize("offset", [2**70, 2**63 - 10, MAX_OFFSET + 1, -1, True, 1.5, "3"])
def test_a_cursor_past_any_page_is_refused_clearly(
    client: httpx.Client, path: str, params: dict[str, str], offset: Any
) -> None:
    message = error(
        client.get(path, params={**params, "cursor": cursor_of(offset)}), 400, "invalid_input"
    )
    assert "cursor" in message and "graph" not in message


@pytest.mark.parametrize("path, params", PAGED)
def test_the_largest_offset_is_an_empty_page(
    client: httpx.Client, path: str, params: dict[str, str]
) -> None:
    answer = ok(client.get(path, params={**params, "cursor": cursor_of(MAX_OFFSET)}))
    page = answer["documents"] if path == f"/entities/{AZIZ}" else answer
    assert page["items"] == [] and page["next_cursor"] is None


def test_cursors_round_trip_and_bool_is_no_offset() -> None:
    assert decode_cursor(encode_cursor(0)) == 0
    assert decode_cursor(encode_cursor(MAX_OFFSET)) == MAX_OFFSET
    with pytest.raises(Exception, match="cursor"):
        decode_cursor(cursor_of(False))


@pytest.mark.parametrize(
    "parameters, says",
    [
        ({"n": 100000000000000000000000}, "64 bits"),
        ({"n": -(2**63) - 1}, "64 bits"),
        ({"n": [1, 2**64]}, "64 bits"),
        ({"s": "\ud800"}, "surrogate"),
        ({"m": {"k": "ok \udfff"}}, "surrogate"),
    ],
)
def test_query_parameters_the_graph_cannot_take_are_a_400(
    client: httpx.Client, parameters: dict, says: str
) -> None:
    # json= would refuse to encode a lone surrogate; the wire form is an escaped one.
    body = json.dumps({"cypher": "RETURN 1 AS one", "parameters": parameters})
    answer = client.post("/query", content=body, headers={"content-type": "application/json"})
    assert says in error(answer, 400, "invalid_input")
    assert ok(
        client.post("/query", json={"cypher": "RETURN $n AS n", "parameters": {"n": 2**63 - 1}})
    )["rows"] == [[2**63 - 1]]


def post_json(client: httpx.Client, path: str, doc: dict[str, Any]) -> httpx.Response:
    return client.post(path, content=json.dumps(doc), headers={"content-type": "application/json"})


def small_document(**changes: Any) -> dict[str, Any]:
    doc = {
        "lang": "en",
        "published": "2024-02-02",
        "title": "Ferghana plans",
        "url": "https://example.org/ferghana",
        "text": "Ferghana Textiles plans a mill in Ferghana.",
        "entities": [
            entity("c", "Organization", "Ferghana Textiles", "company"),
            entity("f", "Location", "Ferghana", "city", geonames_id=1514019),
        ],
        "relations": [
            relation("BASED_IN", "c", "f", "Ferghana Textiles plans a mill in Ferghana.")
        ],
    }
    doc.update(changes)
    return doc


def refused_as_not_unicode(answer: httpx.Response) -> None:
    """Request validation may catch a lone surrogate first (422); whatever reaches the graph
    is refused there (400). Never a 500."""
    if answer.status_code == 422:
        assert "unicode" in error(answer, 422, "invalid_parameters").lower()
    else:
        assert "surrogate" in error(answer, 400, "invalid_input")


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Ferghana \ud800 plans"},
        {"url": "https://example.org/\udc00"},
        {"text": "Ferghana Textiles plans a mill in Ferghana. \ud83d"},
        {
            "entities": [
                entity("c", "Organization", "Ferghana \ud800 Textiles", "company"),
                entity("f", "Location", "Ferghana", "city"),
            ]
        },
    ],
)
def test_a_lone_surrogate_in_a_document_is_a_400_and_nothing_is_written(
    client: httpx.Client, graph: Graph, changes: dict[str, Any]
) -> None:
    before = graph.read(COUNTS)[0]
    refused_as_not_unicode(post_json(client, "/documents/extracted", small_document(**changes)))
    assert graph.read(COUNTS)[0] == before


@pytest.mark.parametrize("field", ["title", "url", "text"])
def test_a_lone_surrogate_in_an_article_is_a_400(
    client: httpx.Client, graph: Graph, field: str
) -> None:
    before = graph.read(COUNTS)[0]
    article = {
        "text": "Gouverneur Aziz Testov besuchte Steppe Motors.",
        "lang": "de",
        "title": "Besuch",
        "url": "https://example.org/besuch",
    }
    article[field] += " \ud800"
    refused_as_not_unicode(post_json(client, "/documents", article))
    assert graph.read(COUNTS)[0] == before


@pytest.mark.parametrize(
    "geonames_id", [1e30, "99999999999999999999", 2**63, True, False, 0, -5, 12.5, "12a", [1]]
)
def test_a_geonames_id_that_is_no_id_is_refused(
    client: httpx.Client, graph: Graph, geonames_id: Any
) -> None:
    before = graph.read(COUNTS)[0]
    doc = small_document(
        entities=[
            entity("c", "Organization", "Ferghana Textiles", "company"),
            entity("f", "Location", "Ferghana", "city", geonames_id=geonames_id),
        ]
    )
    message = error(post_json(client, "/documents/extracted", doc), 400, "invalid_input")
    assert "geonames_id" in message and "'f'" in message
    assert graph.read(COUNTS)[0] == before
    assert graph.read(Statement("GN1", "MATCH (e:Entity {id: 'loc:gn-1'}) RETURN e.id AS id")) == []


@pytest.mark.parametrize("geonames_id", [1514019, "1514019", 1514019.0])
def test_a_geonames_id_may_be_written_as_a_number_or_digits(
    client: httpx.Client, geonames_id: Any
) -> None:
    doc = small_document(
        text=f"Ferghana Textiles plans a mill in Ferghana ({geonames_id!r}).",
        entities=[
            entity("c", "Organization", "Ferghana Textiles", "company"),
            entity("f", "Location", "Ferghana", "city", geonames_id=geonames_id),
        ],
    )
    loaded = post_json(client, "/documents/extracted", doc)
    assert loaded.status_code == 201, loaded.text
    profile = ok(client.get("/entities/loc:gn-1514019"))
    assert profile["external_ids"] == {"geonames_id": 1514019}


def test_kg_ingest_reports_a_bad_geonames_id_as_a_failed_file(graph: Graph, tmp_path: Path) -> None:
    bad = small_document(
        text="A second Ferghana text.",
        entities=[
            entity("c", "Organization", "Ferghana Textiles", "company"),
            entity("f", "Location", "Ferghana", "city", geonames_id=1e30),
        ],
    )
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    good = small_document(text="A third Ferghana text, fine.")
    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    summary = ingest(graph, [tmp_path])
    assert (summary.documents, summary.failed) == (1, 1)
    [failure] = summary.failures
    assert failure.source.endswith("bad.json") and "geonames_id" in failure.message


def test_the_world_is_still_whole(client: httpx.Client) -> None:
    assert ok(client.get(f"/entities/{STEPPE}"))["name"] == "Steppe Motors"
