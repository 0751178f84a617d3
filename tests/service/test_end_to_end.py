"""The whole pipe over HTTP on the embedded graph: a German article in, the chain out.

An official visits a company that plans a plant in a city; the graph must hold all four, the
search must find each, the neighbourhood and paths must connect them, the evidence must be the
article's sentence, and posting the article again must change nothing.
"""

from __future__ import annotations

import httpx
import pytest

from graph_schema.graph import Graph
from graph_schema.statement import Statement
from tests.conftest import WIPE

ARTICLE = {
    "lang": "de",
    "title": "Gouverneur besucht Lkw-Hersteller",
    "published": "2025-02-10",
    "text": (
        "Der Gouverneur der Region Samarkand, Erkinjon Turdimov, hat am Montag den "
        "Lkw-Hersteller Nordstern Trucks in München besucht.\n"
        "Das Unternehmen plant den Bau eines neuen Montagewerks in der Stadt Samarkand. "
        "Die Investitionen belaufen sich auf 80 Millionen Euro."
    ),
}

COUNTS = Statement(
    "COUNTS",
    """
    CALL { MATCH (n) WHERE n:Entity OR n:Document RETURN count(n) AS nodes }
    CALL { MATCH ()-[r]->() RETURN count(r) AS relations }
    RETURN nodes, relations""",
)


def find(client: httpx.Client, q: str, entity_type: str) -> dict:
    answer = client.get("/entities", params={"q": q, "type": entity_type})
    assert answer.status_code == 200, answer.text
    items = answer.json()["items"]
    assert items, f"no {entity_type} found for {q!r}"
    return items[0]


@pytest.fixture(scope="module")
def loaded(service, graph: Graph) -> dict:
    graph.write(lambda tx: tx.run(WIPE))
    with service.client() as client:
        answer = client.post("/documents", json=ARTICLE)
        assert answer.status_code == 201, answer.text
        return answer.json()


def test_article_yields_official_company_plant_and_city(loaded: dict, client: httpx.Client) -> None:
    official = find(client, "turdimov", "Person")
    company = find(client, "Nordstern", "Organization")
    city = find(client, "Samarkand", "Location")
    plant_id = None
    relations = client.get("/relations", params={"type": "PLANS", "source": company["id"]})
    for item in relations.json()["items"]:
        plant_id = item["target"]
    assert official["subtype"] == "official" and company["name"].startswith("Nordstern")
    assert city["name"] == "Samarkand" and plant_id is not None
    neighbors = client.get(f"/entities/{official['id']}/neighbors").json()
    assert company["id"] in {n["id"] for n in neighbors["nodes"]}
    paths = client.get(
        "/paths", params={"source": official["id"], "target": city["id"], "max_hops": 4}
    ).json()["paths"]
    assert paths, "no path from the official to the city"
    assert paths[0]["nodes"][0]["id"] == official["id"]
    assert plant_id in {n["id"] for p in paths for n in p["nodes"]}


def test_visit_evidence_is_the_articles_sentence(loaded: dict, client: httpx.Client) -> None:
    official = find(client, "turdimov", "Person")
    company = find(client, "Nordstern", "Organization")
    visits = client.get(
        "/relations", params={"type": "VISITED", "source": official["id"], "target": company["id"]}
    ).json()["items"]
    assert len(visits) == 1
    [evidence] = visits[0]["evidence"]
    assert evidence["document"] == loaded["id"]
    assert evidence["sentence"].startswith("Der Gouverneur der Region Samarkand")


def test_posting_again_changes_no_count(loaded: dict, client: httpx.Client, graph: Graph) -> None:
    before = graph.read(COUNTS)[0]
    again = client.post("/documents", json=ARTICLE)
    assert again.status_code == 200 and again.json()["status"] == "skipped"
    assert graph.read(COUNTS)[0] == before


@pytest.mark.parametrize(
    "body, status, code",
    [
        ({"text": "   "}, 422, "invalid_parameters"),
        ({"text": "Hallo", "lang": "fr"}, 422, "invalid_parameters"),
        ({"text": "Hallo", "published": "yesterday"}, 422, "invalid_parameters"),
        ({"txt": "Hallo"}, 422, "invalid_parameters"),
    ],
)
def test_bad_documents_get_a_clear_4xx(
    client: httpx.Client, body: dict, status: int, code: str
) -> None:
    answer = client.post("/documents", json=body)
    assert answer.status_code == status
    assert answer.json()["error"]["code"] == code and answer.json()["error"]["message"]


def test_oversized_body_gets_413(client: httpx.Client) -> None:
    answer = client.post(
        "/documents", content=b"x" * 6_000_000, headers={"content-type": "application/json"}
    )
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "payload_too_large"


def test_unknown_ids_get_404(client: httpx.Client) -> None:
    for path in ("/entities/per:nobody", "/documents/0000", "/entities/per:nobody/neighbors"):
        answer = client.get(path)
        assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"
