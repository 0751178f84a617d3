"""GET /relations over HTTP: filters by source and target, and an unknown entity is a 404 as in
the fact lists, not an empty page."""

from __future__ import annotations

import httpx
import pytest

from graph_schema.graph import Graph
from tests.conftest import Service
from tests.service.world import AZIZ, QARSHI, STEPPE, error, load_world, ok


@pytest.fixture(scope="module", autouse=True)
def world(service: Service, graph: Graph) -> dict[str, str]:
    return load_world(service, graph)


def ends(client: httpx.Client, **params: str) -> list[tuple[str, str, str]]:
    items = ok(client.get("/relations", params=params))["items"]
    return sorted((r["source"], r["type"], r["target"]) for r in items)


def test_relations_by_source_and_target(client: httpx.Client) -> None:
    assert ends(client, source=AZIZ, type="VISITED") == [
        (AZIZ, "VISITED", QARSHI),
        (AZIZ, "VISITED", STEPPE),
    ]
    assert ends(client, target=QARSHI) == [
        (AZIZ, "VISITED", QARSHI),
        ("plant:steppe-motors@qarshi", "LOCATED_IN", QARSHI),
    ]
    # Both ends known, nothing between them in that direction: an empty page, not a 404.
    assert ends(client, source=QARSHI, target=AZIZ) == []


@pytest.mark.parametrize(
    "params",
    [
        {"source": "per:nobody"},
        {"target": "loc:atlantis"},
        {"source": AZIZ, "target": "loc:atlantis"},
        {"source": "per:nobody", "target": STEPPE, "type": "VISITED"},
    ],
)
def test_an_unknown_source_or_target_is_a_404(client: httpx.Client, params: dict) -> None:
    message = error(client.get("/relations", params=params), 404, "not_found")
    assert "no entity" in message
