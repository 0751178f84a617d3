"""POST /documents {"url"} over real HTTP: the service fetches a saved page from a local web
site, loads its article with the page's title, date and language, records a syndicated copy
on the story's first document (GET /documents/{id} lists it; doc_count stays 1), and answers
every page it cannot use with the one error shape. The service as shipped refuses addresses
on its own machine."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from graph_schema.graph import Graph
from tests.conftest import WIPE, Backend, Service, make_key, start_service, stop_service
from tests.service.world import error, ok
from tests.web import Route, Site, local_site


@pytest.fixture(scope="module")
def fetching(
    backend: Backend, graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    """A service allowed to fetch from this machine (the local site), with a short budget."""
    running = start_service(
        backend,
        tmp_path_factory.mktemp("fetching"),
        {"KG_FETCH_ALLOW_PRIVATE": "true", "KG_FETCH_TIMEOUT_S": "1.5"},
    )
    try:
        yield running
    finally:
        stop_service(running)


@pytest.fixture
def site() -> Iterator[Site]:
    with local_site() as running:
        running.page("/kurier/chery", "kurier-chery-karshi.html")
        running.page("/portal/chery", "portal-chery-karshi-copy.html")
        yield running


@pytest.fixture
def api(fetching: Service, graph: Graph) -> Iterator[httpx.Client]:
    graph.write(lambda tx: tx.run(WIPE), name="wipe")
    with fetching.client() as client:
        yield client


def test_a_page_and_its_syndicated_copy_make_one_story(api: httpx.Client, site: Site) -> None:
    created = api.post("/documents", json={"url": site.url("/kurier/chery")})
    assert created.status_code == 201, created.text
    first = created.json()
    assert first["status"] == "loaded" and first["url"] == site.url("/kurier/chery")
    assert first["entities"] > 0 and first["relations"] > 0
    document = ok(api.get(f"/documents/{first['id']}"))
    assert (document["title"], document["published"], document["lang"]) == (
        "Chery baut Automobilwerk in Karshi",
        "2024-09-17",
        "de",
    )
    assert document["url"] == site.url("/kurier/chery") and document["copies"] == []
    assert "Kommentare" not in document["text"] and "Cookies" not in document["text"]

    copy = ok(api.post("/documents", json={"url": site.url("/portal/chery")}))
    assert copy["status"] == "copy" and copy["id"] == first["id"]
    assert copy["copy_id"] != first["id"] and 0.7 <= copy["similarity"] < 1
    assert (copy["entities"], copy["relations"]) == (0, 0)
    [recorded] = ok(api.get(f"/documents/{first['id']}"))["copies"]
    assert recorded == {
        "id": copy["copy_id"],
        "url": site.url("/portal/chery"),
        "title": "Karshi: Autowerk von Chery entsteht",
        "published": "2024-09-18",
    }
    assert len(ok(api.get("/documents"))["items"]) == 1
    relations = ok(api.get("/relations"))["items"]
    assert relations and {r["properties"]["doc_count"] for r in relations} == {1}


def test_what_the_client_gives_beside_the_url_wins(api: httpx.Client, site: Site) -> None:
    body = {"url": site.url("/kurier/chery"), "title": "Mein Titel", "published": "2024-09-20"}
    created = api.post("/documents", json=body)
    assert created.status_code == 201, created.text
    document = ok(api.get(f"/documents/{created.json()['id']}"))
    assert (document["title"], document["published"]) == ("Mein Titel", "2024-09-20")


def test_a_pasted_text_that_is_a_copy_is_recorded_too(api: httpx.Client, site: Site) -> None:
    first = api.post("/documents", json={"url": site.url("/kurier/chery")}).json()
    text = ok(api.get(f"/documents/{first['id']}"))["text"]
    pasted = ok(api.post("/documents", json={"text": text + "\nQuelle: Kurier", "lang": "de"}))
    assert pasted["status"] == "copy" and pasted["id"] == first["id"]


@pytest.mark.parametrize(
    ("route", "status", "code", "needle"),
    [
        (Route(status=404), 422, "unusable_source", "answered 404"),
        (Route(body=b"%PDF", content_type="application/pdf"), 422, "unusable_source", "pdf"),
        (
            Route(body=b"<html><nav><a href='/'>Home</a></nav></html>"),
            422,
            "unusable_source",
            "holds no article text",
        ),
        (Route(status=500), 502, "source_unavailable", "answered 500"),
        (Route(body=b"<p>late</p>", delay_s=3), 502, "source_unavailable", "did not answer"),
    ],
)
def test_a_page_that_cannot_be_used_is_one_error(
    api: httpx.Client, site: Site, route: Route, status: int, code: str, needle: str
) -> None:
    site.routes["/bad"] = route
    message = error(api.post("/documents", json={"url": site.url("/bad")}), status, code)
    assert needle in message
    assert ok(api.get("/documents"))["items"] == []


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"text": "https://kurier.example/wirtschaft/chery"}, 'send it as \\"url\\"'),
        ({"text": "  http://x.example/a  "}, "only a URL"),
        ({"title": "no text, no url"}, 'the \\"url\\" of a page to fetch'),
        ({"url": "ftp://x.example/a"}, "is not an http(s) URL"),
    ],
)
def test_a_request_with_no_article_in_it_is_refused(
    api: httpx.Client, body: dict, needle: str
) -> None:
    answer = api.post("/documents", json=body)
    assert answer.status_code in (400, 422), answer.text
    assert needle in answer.text
    assert ok(api.get("/documents"))["items"] == []


def test_the_service_as_shipped_fetches_no_address_on_its_own_machine(
    client: httpx.Client, site: Site
) -> None:
    answer = client.post("/documents", json={"url": site.url("/kurier/chery")})
    message = error(answer, 422, "unusable_source")
    assert "127.0.0.1" in message and "KG_FETCH_ALLOW_PRIVATE" in message
    assert site.hits["/kurier/chery"] == 0


def test_fetching_needs_a_writer_key_and_the_audit_names_page_and_copy(
    fetching: Service, api: httpx.Client, site: Site, backend: Backend
) -> None:
    with fetching.client(key=None) as anonymous:
        answer = anonymous.post("/documents", json={"url": site.url("/kurier/chery")})
    assert "needs a writer key" in error(answer, 401, "unauthorized")
    assert site.hits["/kurier/chery"] == 0  # refused before anything was fetched

    first = api.post("/documents", json={"url": site.url("/kurier/chery")}).json()
    copy = ok(api.post("/documents", json={"url": site.url("/portal/chery")}))
    admin = make_key(backend.config, "admin", "sources-admin")
    with fetching.client(key=admin) as audit:
        events = ok(audit.get("/audit", params={"action": "document.create"}))["items"]
    # Newest first; this test's own (the graph was wiped before it).
    by_url = {e["targets"][-1]: e for e in reversed(events) if e["status"] in (200, 201)}
    loaded, copied = by_url[site.url("/kurier/chery")], by_url[site.url("/portal/chery")]
    assert (loaded["outcome"], loaded["status"], loaded["targets"][0]) == ("ok", 201, first["id"])
    assert (copied["outcome"], copied["status"], copied["targets"][0]) == ("ok", 200, first["id"])
    assert (
        copied["message"]
        == f"a copy of {first['id']}'s story (similarity {copy['similarity']:.2f})"
    )
