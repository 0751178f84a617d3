"""DELETE /documents/{id} takes back what the document said of the entities it shares with
others: titles, external ids and plant fields are replayed from the remaining documents in the
order they were loaded (lists keep first occurrences, external ids the first value, plant
fields the last one given). Over HTTP against the real graph."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph_schema.graph import Graph
from tests.conftest import Service
from tests.factories import entity
from tests.service.world import WIPE, ok, post

PERSON, PLANT, COUNTRY = "per:bakhrom-testov", "plant:zarafshan-copper-works", "loc:gn-1512440"


def document(
    text: str, person: dict[str, Any], plant: dict[str, Any], country: dict[str, Any]
) -> dict[str, Any]:
    return {
        "lang": "en",
        "published": "2024-04-04",
        "title": text[:20],
        "text": text,
        "entities": [
            entity("p", "Person", "Bakhrom Testov", "official", **person),
            entity("w", "Plant", "Zarafshan Copper Works", **plant),
            entity("c", "Location", "Uzbekistan", "country", geonames_id=1512440, **country),
        ],
        "relations": [],
    }


def first() -> dict[str, Any]:
    return document(
        "Governor Bakhrom Testov said Zarafshan Copper Works in Uzbekistan is planned.",
        {"title": "Governor"},
        {"status": "planned", "product": "copper", "capacity": "10 t"},
        {},
    )


def second() -> dict[str, Any]:
    return document(
        "Minister Bakhrom Testov opened Zarafshan Copper Works in Uzbekistan.",
        {"title": "Minister"},
        {"status": "operating", "investment": "$5m"},
        {"iso": "UZ"},
    )


def third() -> dict[str, Any]:
    return document(
        "Bakhrom Testov talked about Zarafshan Copper Works in Uzbekistan again.", {}, {}, {}
    )


@pytest.fixture
def loaded(service: Service, graph: Graph, client: httpx.Client) -> dict[str, str]:
    graph.write(lambda tx: tx.run(WIPE), name="wipe")
    return {make.__name__: post(client, make())["id"] for make in (first, second, third)}


def state(client: httpx.Client) -> tuple[list[str], dict[str, str], dict[str, Any]]:
    person = ok(client.get(f"/entities/{PERSON}"))
    plant = ok(client.get(f"/entities/{PLANT}"))
    country = ok(client.get(f"/entities/{COUNTRY}"))
    return person["titles"], plant["properties"], country["external_ids"]


def test_all_loaded(client: httpx.Client, loaded: dict[str, str]) -> None:
    assert state(client) == (
        ["Governor", "Minister"],
        {"status": "operating", "product": "copper", "capacity": "10 t", "investment": "$5m"},
        {"geonames_id": 1512440, "iso": "UZ"},
    )


def test_deleting_the_later_document_brings_back_the_earlier_values(
    client: httpx.Client, loaded: dict[str, str]
) -> None:
    ok(client.delete(f"/documents/{loaded['second']}"))
    assert state(client) == (
        ["Governor"],
        {"status": "planned", "product": "copper", "capacity": "10 t"},
        {"geonames_id": 1512440},
    )


def test_deleting_the_earlier_document_keeps_only_what_the_others_said(
    client: httpx.Client, loaded: dict[str, str]
) -> None:
    ok(client.delete(f"/documents/{loaded['first']}"))
    assert state(client) == (
        ["Minister"],
        {"status": "operating", "investment": "$5m"},
        {"geonames_id": 1512440, "iso": "UZ"},
    )


def test_a_document_loaded_after_a_deletion_still_counts_as_the_latest(
    client: httpx.Client, loaded: dict[str, str]
) -> None:
    ok(client.delete(f"/documents/{loaded['second']}"))
    ok(client.delete(f"/documents/{loaded['third']}"))
    again = second()
    again["text"] += " Again."
    post(client, again)
    post(client, third())
    assert state(client)[1] == {
        "status": "operating",
        "product": "copper",
        "capacity": "10 t",
        "investment": "$5m",
    }
    ok(client.delete(f"/documents/{loaded['first']}"))
    assert state(client) == (
        ["Minister"],
        {"status": "operating", "investment": "$5m"},
        {"geonames_id": 1512440, "iso": "UZ"},
    )
