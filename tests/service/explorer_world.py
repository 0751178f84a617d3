"""The explorer test's graph: the demo articles (extracted by the service) plus two FORMAT.md
documents of our own whose entities are fictional, so what the page draws for them is exact.

Timur Musterov, governor of Nordsteppe Region, visits Steppenwind Motors (February); the company,
based in Germany, plans a plant in Qarshi and starts building it (September), when Musterov meets
its chief executive Lena Sturm. Qarshi and Germany carry their GeoNames ids, so they are the
same nodes the demo articles create: the fictional chain hangs off the demo graph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from loaders.ingest import parse_front_matter
from tests.factories import entity, relation

MUSTEROV, NORDSTEPPE, LENA = "per:timur-musterov", "loc:nordsteppe-region", "per:lena-sturm"
STEPPENWIND, PLANT = "org:steppenwind-motors", "plant:steppenwind-motors@qarshi"
QARSHI, GERMANY = "loc:gn-1216311", "loc:gn-2921044"

VISIT = (
    "Der Gouverneur der Region Nordsteppe, Timur Musterov, besuchte am Dienstag den "
    "Autobauer Steppenwind Motors."
)
PLANS = "Steppenwind Motors plant ein Montagewerk in der Stadt Karshi."
BUILDS = "Steppenwind Motors, a carmaker based in Germany, started building its plant in Karshi."
MEETS = "Governor Timur Musterov met with Lena Sturm, the chief executive of Steppenwind Motors."

VISIT_TITLE = "Gouverneur Musterov besucht Steppenwind Motors"
VISIT_URL = "https://example.org/newsgraph-test/steppenwind-visit"
VISIT_DATE = "2024-02-20"
BUILD_DATE = "2024-09-05"
BUILD_TITLE = "Steppenwind Motors starts building its Karshi plant"


def _plant() -> dict[str, Any]:
    return entity(
        "p",
        "Plant",
        "Steppenwind Motors plant in Qarshi",
        aliases=["Montagewerk"],
        status="planned",
    )


def _qarshi() -> dict[str, Any]:
    return entity("q", "Location", "Qarshi", "city", ["Karshi"], geonames_id=1216311)


def visit_document() -> dict[str, Any]:
    return {
        "lang": "de",
        "published": VISIT_DATE,
        "title": VISIT_TITLE,
        "url": VISIT_URL,
        "text": f"{VISIT} {PLANS}",
        "entities": [
            entity("m", "Person", "Timur Musterov", "official", ["Musterov"], title="Gouverneur"),
            entity("n", "Location", "Nordsteppe Region", "region", ["Region Nordsteppe"]),
            entity("s", "Organization", "Steppenwind Motors", "company"),
            _plant(),
            _qarshi(),
        ],
        "relations": [
            relation("HOLDS_POSITION", "m", "n", VISIT, title="Gouverneur"),
            relation("VISITED", "m", "s", VISIT, confidence=0.9, status="done"),
            relation("PLANS", "s", "p", PLANS),
            relation("LOCATED_IN", "p", "q", PLANS),
        ],
    }


def construction_document() -> dict[str, Any]:
    return {
        "lang": "en",
        "published": BUILD_DATE,
        "title": BUILD_TITLE,
        "url": "https://example.org/newsgraph-test/steppenwind-construction",
        "text": f"{BUILDS} {MEETS}",
        "entities": [
            entity("s", "Organization", "Steppenwind Motors", "company"),
            entity("g", "Location", "Germany", "country", geonames_id=2921044, iso="DE"),
            _plant(),
            _qarshi(),
            entity(
                "m",
                "Person",
                "Timur Musterov",
                "official",
                ["Governor Timur Musterov"],
                title="Governor",
            ),
            entity("l", "Person", "Lena Sturm", "executive", title="chief executive"),
        ],
        "relations": [
            relation("BASED_IN", "s", "g", BUILDS),
            relation("PLANS", "s", "p", BUILDS),
            relation("LOCATED_IN", "p", "q", BUILDS),
            relation("MET_WITH", "m", "l", MEETS),
            relation("HOLDS_POSITION", "l", "s", MEETS, title="chief executive"),
        ],
    }


def load_demo_articles(http: httpx.Client, folder: Path) -> list[str]:
    """POST each demo article's text and front matter to /documents (the service extracts it)."""
    loaded = []
    for path in sorted(folder.glob("*.md")):
        front, text = parse_front_matter(path.read_text(encoding="utf-8"))
        response = http.post("/documents", json={"text": text, **front})
        assert response.status_code in (200, 201), f"{path.name}: {response.text}"
        loaded.append(response.json()["id"])
    return loaded


def load_world(http: httpx.Client) -> None:
    for doc in (visit_document(), construction_document()):
        response = http.post("/documents/extracted", json=doc)
        assert response.status_code in (200, 201), response.text
