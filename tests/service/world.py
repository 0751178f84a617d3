"""A small world of our own FORMAT.md documents, for exact assertions over HTTP, and loaders.

An official (Aziz Testov) visits a company (Steppe Motors, twice stated) and, as announced, the
city of Qarshi (Карши); the company plans a plant in Qarshi, which lies in Kashka Region; a food
company operates a factory directly in that region; thirty companies are based in one country
(a hub). Names for the search ranking: Termez (exact), Termez Cargo / Termez Textile (prefix,
3 mentions against 1), Nortermez (substring), Termiz (fuzzy, mentioned most).
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from graph_schema.graph import Graph
from tests.conftest import DEV_CORPUS, WIPE, Service
from tests.factories import entity, relation

# Qarshi is known to the gazetteer, so it is keyed on its GeoNames id whatever the source
AZIZ, STEPPE, QARSHI = "per:aziz-testov", "org:steppe-motors", "loc:gn-1216311"
KASHKA, SURKHAN, TESTLAND = "loc:kashka-region", "loc:surkhan-region", "loc:testland"
STEPPE_PLANT, OASIS, OASIS_PLANT = (
    "plant:steppe-motors@qarshi",
    "org:oasis-foods",
    "plant:oasis-foods@kashka-region",
)

VISIT = "Governor Aziz Testov visited Steppe Motors on Monday."
PLAN = "Steppe Motors plans a car plant in Qarshi, a city of Kashka Region."
ANNOUNCED = "Азиз Тестов посетит Карши в следующем месяце."
OASIS_TEXT = "Oasis Foods runs a factory in Kashka Region."


def visit_and_plan() -> dict[str, Any]:
    return {
        "lang": "en",
        "published": "2024-03-05",
        "title": "Governor visits Steppe Motors",
        "url": "https://example.org/steppe",
        "text": f"{VISIT} {PLAN} He is governor of Surkhan.",
        "entities": [
            entity("a", "Person", "Aziz Testov", "official", title="Governor"),
            entity("s", "Organization", "Steppe Motors", "company"),
            entity(
                "p",
                "Plant",
                "Steppe Motors plant in Qarshi",
                aliases=["car plant"],
                status="planned",
            ),
            entity("q", "Location", "Qarshi", "city", ["Qarshi"]),
            entity("k", "Location", "Kashka Region", "region"),
            entity("r", "Location", "Surkhan Region", "region", ["Surkhan"]),
        ],
        "relations": [
            relation("VISITED", "a", "s", VISIT, confidence=0.9),
            relation("MET_WITH", "a", "s", VISIT),
            relation("HOLDS_POSITION", "a", "r", "He is governor of Surkhan.", title="Governor"),
            relation("PLANS", "s", "p", PLAN, confidence=0.9),
            relation("LOCATED_IN", "p", "q", PLAN, confidence=0.9),
            relation("LOCATED_IN", "q", "k", PLAN, confidence=0.9),
        ],
    }


def announced_visit() -> dict[str, Any]:
    return {
        "lang": "ru",
        "published": "2023-01-10",
        "title": "Анонс визита",
        "url": "https://example.org/announce",
        "text": f"{ANNOUNCED} {OASIS_TEXT}",
        "entities": [
            entity("a", "Person", "Aziz Testov", "official", ["Азиз Тестов"]),
            entity("q", "Location", "Qarshi", "city", ["Карши"]),
            entity("o", "Organization", "Oasis Foods", "company"),
            entity("f", "Plant", "Oasis Foods factory", aliases=["factory"], status="operating"),
            entity("k", "Location", "Kashka Region", "region"),
        ],
        "relations": [
            relation("VISITED", "a", "q", ANNOUNCED, status="planned"),
            relation("OPERATES", "o", "f", OASIS_TEXT),
            relation("LOCATED_IN", "f", "k", OASIS_TEXT),
        ],
    }


def visit_again() -> dict[str, Any]:
    return {
        "lang": "de",
        "published": "2024-08-01",
        "title": "Wieder bei Steppe Motors",
        "text": "Gouverneur Aziz Testov besuchte erneut Steppe Motors.",
        "entities": [
            entity("a", "Person", "Aziz Testov", "official"),
            entity("s", "Organization", "Steppe Motors", "company"),
            entity("x", "Person", "Only Once", "other"),
        ],
        "relations": [
            relation("VISITED", "a", "s", "Gouverneur Aziz Testov besuchte erneut Steppe Motors."),
            relation("MET_WITH", "x", "s", "Gouverneur Aziz Testov besuchte erneut Steppe Motors."),
        ],
    }


def hub() -> dict[str, Any]:
    names = [f"Hub Company {i:02d}" for i in range(30)]
    return {
        "lang": "en",
        "published": "2022-05-01",
        "title": "Thirty companies of Testland",
        "text": "; ".join(f"{n} is from Testland" for n in names) + ".",
        "entities": [
            entity("t", "Location", "Testland", "country"),
            entity("s", "Organization", "Steppe Motors", "company"),
            *(entity(f"c{i}", "Organization", n, "company") for i, n in enumerate(names)),
        ],
        "relations": [
            relation("BASED_IN", "s", "t", "Steppe Motors is from Testland."),
            *(
                relation("BASED_IN", f"c{i}", "t", f"{n} is from Testland")
                for i, n in enumerate(names)
            ),
        ],
    }


def search_names() -> dict[str, Any]:
    return {
        "lang": "en",
        "published": "2021-02-02",
        "title": "Termez and its namesakes",
        "text": "Termez, Termez Cargo, Termez Textile, Nortermez and Termiz are all here.",
        "entities": [
            entity("t", "Location", "Termez", "city"),
            entity(
                "c",
                "Organization",
                "Termez Cargo",
                "company",
                ["Termez Cargo", "Termez Cargo LLC", "Termez Cargo Co"],
            ),
            entity("x", "Organization", "Termez Textile", "company"),
            entity("n", "Location", "Nortermez", "district"),
            entity(
                "z",
                "Organization",
                "Termiz",
                "company",
                ["Termiz", "Termiz Group", "Termiz Holding", "Termiz Corp"],
            ),
        ],
        "relations": [],
    }


WORLD = (visit_and_plan, announced_visit, visit_again, hub, search_names)


def post(client: httpx.Client, doc: dict[str, Any]) -> dict[str, Any]:
    answer = client.post("/documents/extracted", json=doc)
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def load_world(service: Service, graph: Graph) -> dict[str, str]:
    """Wipe the graph and load the world; returns document ids by factory name."""
    graph.write(lambda tx: tx.run(WIPE), name="wipe")
    with service.client() as client:
        return {make.__name__: post(client, make())["id"] for make in WORLD}


def load_dev_corpus(service: Service, graph: Graph) -> int:
    """Wipe the graph and load the gold FORMAT.md files of the shared dev corpus."""
    graph.write(lambda tx: tx.run(WIPE), name="wipe")
    files = sorted(DEV_CORPUS.glob("*.json"))
    with service.client() as client:
        for path in files:
            post(client, json.loads(path.read_text(encoding="utf-8")))
    return len(files)


def ok(answer: httpx.Response) -> Any:
    assert answer.status_code == 200, answer.text
    return answer.json()


def error(answer: httpx.Response, status: int, code: str) -> str:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"error"} and body["error"]["code"] == code, body
    assert body["error"]["message"]
    return body["error"]["message"]
