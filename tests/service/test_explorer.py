"""The explorer page at /explore: served by the service with its graph library from pyvis, and
driven in Debian's headless Chromium (no downloaded browser) against a real service and graph.

The module runs its own embedded ArcadeDB and service: other modules wipe the session graph.
The graph holds the demo articles (extracted by the service) and the fictional chain of
tests/service/explorer_world.py, whose drawing is asserted exactly.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from tests.conftest import OUTPUT, ROOT, Backend, Service, make_key, start_service, stop_service
from tests.service.browser import Watch, launch, needs_chromium, own_backend
from tests.service.explorer_world import (
    BUILD_TITLE,
    GERMANY,
    LENA,
    MUSTEROV,
    NORDSTEPPE,
    PLANT,
    QARSHI,
    STEPPENWIND,
    VISIT,
    VISIT_TITLE,
    VISIT_URL,
    load_demo_articles,
    load_world,
)

STATIC = ROOT / "service" / "explorer" / "static"

# Playwright evaluates these as functions, which the page's CSP allows (strings need eval).
IDLE = "() => window.explorer && window.explorer.isIdle()"
SETTLE_MS = 30_000
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


# -- the module's own graph and service ---------------------------------------------------------


@pytest.fixture(scope="module")
def explorer_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    with own_backend(tmp_path_factory.mktemp("explorer")) as backend:
        yield backend


@pytest.fixture(scope="module")
def explorer_service(
    explorer_backend: Backend, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    service = start_service(explorer_backend, tmp_path_factory.mktemp("explorer-service"))
    try:
        with service.client() as http:
            demo = load_demo_articles(http, ROOT / "examples" / "articles")
            assert len(demo) >= 8, "the demo articles did not load"
            load_world(http)
        yield service
    finally:
        stop_service(service)


@pytest.fixture(scope="module")
def closed_service(
    explorer_backend: Backend,
    explorer_service: Service,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Service]:
    """A second service on the same graph whose reads need a key (KG_READS_NEED_KEY)."""
    service = start_service(
        explorer_backend, tmp_path_factory.mktemp("closed"), {"KG_READS_NEED_KEY": "true"}
    )
    try:
        yield service
    finally:
        stop_service(service)


@pytest.fixture(scope="module")
def http(explorer_service: Service) -> Iterator[httpx.Client]:
    with explorer_service.client() as client:
        yield client


# -- the browser --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as chromium:
        yield chromium


@pytest.fixture
def page(browser: Any, explorer_service: Service) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    watch = Watch(explorer_service.url)
    watch.attach(opened)
    try:
        yield opened, watch
    finally:
        context.close()


def settle(page: Any) -> None:
    page.wait_for_timeout(150)  # let a click's requests start before asking if all is quiet
    page.wait_for_function(IDLE, timeout=SETTLE_MS)


def drawn(page: Any) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The node ids and (source, type, target) edges the canvas shows."""
    view = page.evaluate("() => window.explorer.visible()")
    return (
        {n["id"] for n in view["nodes"]},
        {(e["source"], e["type"], e["target"]) for e in view["edges"]},
    )


def edge_id(page: Any, source: str, rtype: str, target: str) -> str:
    view = page.evaluate("() => window.explorer.visible()")
    return next(
        e["id"]
        for e in view["edges"]
        if (e["source"], e["type"], e["target"]) == (source, rtype, target)
    )


def click_node(page: Any, node: str, *, double: bool = False) -> None:
    at = page.evaluate("(id) => window.explorer.nodePosition(id)", node)
    (page.mouse.dblclick if double else page.mouse.click)(at["x"], at["y"])
    settle(page)


def click_edge(page: Any, edge: str) -> None:
    at = page.evaluate("(id) => window.explorer.edgePosition(id)", edge)
    assert at is not None, f"no clickable point on edge {edge}"
    page.mouse.click(at["x"], at["y"])
    settle(page)


def pick(page: Any, box: str, query: str, entity: str) -> None:
    """Type into a search box and choose `entity` from its suggestions."""
    page.fill(f"#{box}-input", query)
    option = page.locator(f"#{box}-suggestions li[data-id='{entity}']")
    option.wait_for()
    option.click()


def download(page: Any, button: str) -> bytes:
    with page.expect_download() as info:
        page.click(button)
    return Path(info.value.path()).read_bytes()


def hash_params(page: Any) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for part in page.evaluate("() => window.explorer.hash()").lstrip("#").split("&"):
        if part:
            key, _, value = part.partition("=")
            params.setdefault(key, []).append(unquote(value))
    return params


def met_with(a: str, b: str) -> tuple[str, str, str]:
    """MET_WITH is symmetric: the graph stores it from the smaller id to the larger."""
    first, second = sorted((a, b))
    return first, "MET_WITH", second


def save_screenshot(page: Any, name: str) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    page.mouse.move(1000, 70)  # an empty corner of the canvas: no hover tooltip in the picture
    page.wait_for_timeout(300)
    path = OUTPUT / name
    page.screenshot(path=str(path))
    return path


# -- served by the service, nothing from outside ------------------------------------------------


def test_the_page_and_its_library_come_from_the_service(http: httpx.Client) -> None:
    page = http.get("/explore")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp

    library = http.get("/explore/vendor/vis-network.min.js")
    shipped = resources.files("pyvis").joinpath("lib", "vis-9.1.2", "vis-network.min.js")
    assert library.status_code == 200
    assert library.content == shipped.read_bytes()
    assert http.get("/explore/vendor/vis-network.css").status_code == 200
    assert (
        http.get("/explore/static/js/main.js").headers["content-type"].startswith("text/javascript")
    )


def test_only_the_page_files_are_served(http: httpx.Client) -> None:
    for path in (
        "/explore/static/../assets.py",
        "/explore/static/%2e%2e/router.py",
        "/explore/vendor/__init__.py",
        "/explore/static/nothing.js",
    ):
        response = http.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "not_found"


def test_no_file_of_the_page_loads_from_another_host() -> None:
    remote = re.compile(r"""(src|href)\s*=\s*["']\s*(https?:)?//""", re.IGNORECASE)
    imports = re.compile(r"""(import|from)\s*\(?\s*["'](https?:)?//""")
    cdn = re.compile(r"//[^\s\"'`]*(cdn|unpkg|jsdelivr|googleapis)", re.IGNORECASE)
    for file in STATIC.rglob("*"):
        if file.suffix in {".html", ".js", ".css"}:
            text = file.read_text(encoding="utf-8")
            assert not remote.search(text), f"{file.name} refers to another host"
            assert not imports.search(text), f"{file.name} imports from another host"
            assert not cdn.search(text), f"{file.name} refers to a CDN"
            assert "@import" not in text and "fonts.g" not in text, f"{file.name} loads fonts"


# -- the page in a real browser -----------------------------------------------------------------


@pytest.mark.browser
@needs_chromium
def test_explore_search_expand_evidence_paths_share(
    page: tuple[Any, Watch], explorer_service: Service, http: httpx.Client
) -> None:
    tab, watch = page
    tab.goto(f"{explorer_service.url}/explore")
    settle(tab)
    assert tab.title() == "newsgraph explorer"

    # An official of the demo articles, found by the search box; what is drawn is what the API
    # answers for him (the extractor decides the rest).
    found = http.get("/entities", params={"q": "Azimov", "type": "Person"}).json()["items"]
    official = next((e for e in found if e["subtype"] == "official"), None)
    assert official, f"the demo graph has no official named Azimov: {found}"
    pick(tab, "search", "Azimov", official["id"])
    settle(tab)
    nodes, edges = drawn(tab)
    api = http.get(f"/entities/{official['id']}/neighbors").json()
    assert nodes == {n["id"] for n in api["nodes"]} and len(nodes) > 1
    assert edges == {(e["source"], e["type"], e["target"]) for e in api["edges"]}
    assert tab.inner_text("#panel-title") == official["name"]
    tab.click("#btn-clear")
    settle(tab)
    assert drawn(tab) == (set(), set())

    # Our official: the suggestion says who he is; choosing it draws his neighbourhood.
    tab.fill("#search-input", "Muster")
    suggestion = tab.locator(f"#search-suggestions li[data-id='{MUSTEROV}']")
    suggestion.wait_for()
    assert "Person · official" in suggestion.inner_text()
    suggestion.click()
    settle(tab)
    nodes, edges = drawn(tab)
    assert nodes == {MUSTEROV, NORDSTEPPE, STEPPENWIND, LENA}
    assert edges == {
        (MUSTEROV, "HOLDS_POSITION", NORDSTEPPE),
        (MUSTEROV, "VISITED", STEPPENWIND),
        (LENA, "HOLDS_POSITION", STEPPENWIND),
        met_with(MUSTEROV, LENA),
    }
    profile = tab.inner_text("#panel-body")
    assert "Timur Musterov" in profile and "Gouverneur" in profile and VISIT_TITLE in profile
    assert tab.inner_text("#legend-nodes li[data-key='official'] .count") == "1"

    # Double-click the company: its neighbours join the view.
    click_node(tab, STEPPENWIND, double=True)
    nodes, edges = drawn(tab)
    assert nodes == {MUSTEROV, NORDSTEPPE, STEPPENWIND, LENA, GERMANY, PLANT}
    assert {(STEPPENWIND, "BASED_IN", GERMANY), (STEPPENWIND, "PLANS", PLANT)} <= edges
    assert len(edges) == 6

    # Click the visit: its sentence, with the document's title, date and link.
    click_edge(tab, edge_id(tab, MUSTEROV, "VISITED", STEPPENWIND))
    evidence = tab.locator("#evidence li")
    assert evidence.count() == 1
    assert VISIT in evidence.inner_text() and "20 Feb 2024" in evidence.inner_text()
    link = evidence.locator("a.doc-title")
    assert link.inner_text() == VISIT_TITLE and link.get_attribute("href") == VISIT_URL
    save_screenshot(tab, "explorer-evidence.png")

    # Hide and show by type.
    tab.uncheck("#legend-edge-MET_WITH")
    settle(tab)
    assert not any(t == "MET_WITH" for _, t, _ in drawn(tab)[1])
    tab.uncheck("#legend-node-country")
    settle(tab)
    assert GERMANY not in drawn(tab)[0]
    tab.check("#legend-edge-MET_WITH")
    tab.check("#legend-node-country")
    settle(tab)
    assert len(drawn(tab)[1]) == 6

    # Documents dated from June: the February visit and the office it names drop out.
    tab.fill("#date-from", "2024-06-01")
    tab.dispatch_event("#date-from", "change")
    settle(tab)
    nodes, edges = drawn(tab)
    assert (MUSTEROV, "VISITED", STEPPENWIND) not in edges and NORDSTEPPE not in nodes
    assert (STEPPENWIND, "PLANS", PLANT) in edges
    tab.click("#btn-dates-clear")
    settle(tab)
    assert len(drawn(tab)[1]) == 6

    # Pin the company, remove the region: the URL remembers both.
    click_node(tab, STEPPENWIND)
    tab.click("#act-pin")
    click_node(tab, NORDSTEPPE)
    tab.click("#act-remove")
    settle(tab)
    assert NORDSTEPPE not in drawn(tab)[0]

    # The shortest path from the official to Qarshi, drawn and highlighted.
    pick(tab, "path-from", "Musterov", MUSTEROV)
    pick(tab, "path-to", "Qarshi", QARSHI)
    tab.select_option("#path-hops", "4")
    tab.click("#btn-path")
    settle(tab)
    assert tab.locator("#path-list li").count() == 1
    assert "1 shortest path, 3 hops each" in tab.inner_text("#path-summary")
    highlight = tab.evaluate("() => window.explorer.pathHighlight()")
    assert set(highlight["nodes"]) == {MUSTEROV, STEPPENWIND, PLANT, QARSHI}
    assert len(highlight["edges"]) == 3
    assert QARSHI in drawn(tab)[0]

    params = hash_params(tab)
    assert params["x"] == [MUSTEROV, STEPPENWIND]
    assert params["rm"] == [NORDSTEPPE]
    assert (params["ps"], params["pt"]) == ([MUSTEROV], [QARSHI])
    pinned_id, _, at = params["pin"][0].rpartition("@")
    assert pinned_id == STEPPENWIND
    pinned_at = [float(v) for v in at.split(",")]

    # Reload: the same view comes back from the URL.
    before = drawn(tab)
    tab.reload()
    settle(tab)
    assert drawn(tab) == before
    restored = tab.evaluate("() => window.explorer.pathHighlight()")
    assert set(restored["nodes"]) == set(highlight["nodes"])
    after = tab.evaluate(f"() => window.explorer.canvasPosition('{STEPPENWIND}')")
    assert abs(after["x"] - pinned_at[0]) <= 1 and abs(after["y"] - pinned_at[1]) <= 1

    # Take the view away: GraphML (Gephi, yEd), JSON and PNG of what is drawn.
    nodes, edges = drawn(tab)
    graphml = ET.fromstring(download(tab, "#btn-export-graphml"))
    keys = {k.get("attr.name") for k in graphml.iter(f"{GRAPHML}key")}
    assert {"name", "type", "subtype", "relation", "doc_count"} <= keys
    assert {n.get("id") for n in graphml.iter(f"{GRAPHML}node")} == nodes
    assert len(list(graphml.iter(f"{GRAPHML}edge"))) == len(edges)
    exported = json.loads(download(tab, "#btn-export-json"))
    assert {n["id"] for n in exported["nodes"]} == nodes and "#x=" in exported["view"]
    assert download(tab, "#btn-export-png").startswith(b"\x89PNG\r\n\x1a\n")

    # The picture for the record: the path highlighted, the evidence of its plant relation.
    click_edge(tab, edge_id(tab, STEPPENWIND, "PLANS", PLANT))
    assert tab.locator("#evidence li").count() == 2
    assert {VISIT_TITLE, BUILD_TITLE} <= set(tab.locator("#evidence a.doc-title").all_inner_texts())
    tab.click("#btn-fit")
    settle(tab)
    shot = save_screenshot(tab, "explorer.png")
    assert shot.stat().st_size > 20_000

    assert watch.console_errors == []
    assert watch.foreign_requests == []


def outside_the_canvas(page: Any, margin: float = 16) -> list[str]:
    """The visible nodes whose shape or label comes closer than `margin` pixels to the canvas's
    edge (or beyond it)."""
    stage = page.evaluate("() => window.explorer.stageRect()")
    return [
        f"{box['id']} {[round(box[k]) for k in ('left', 'top', 'right', 'bottom')]}"
        for box in page.evaluate("() => window.explorer.nodeBoxes()")
        if box["left"] < stage["left"] + margin
        or box["top"] < stage["top"] + margin
        or box["right"] > stage["right"] - margin
        or box["bottom"] > stage["bottom"] - margin
    ]


@pytest.mark.browser
@needs_chromium
def test_the_view_fits_labels_after_several_entities_and_paths_are_in_sight(
    browser: Any, explorer_service: Service, http: httpx.Client
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    try:
        tab.goto(f"{explorer_service.url}/explore")
        settle(tab)
        # The Paths box, from its title to its buttons, without scrolling the sidebar.
        paths = tab.locator("#paths").bounding_box()
        assert paths is not None and paths["y"] + paths["height"] <= 900, paths
        assert tab.locator("#btn-path").is_visible()

        # Several entities opened, one after the other, each selected as the search opens it:
        # the demo graph's hubs and our chain.
        for query in ("Chery", "Karshi", "Uzbekistan", "Mirziyoyev", "Azimov"):
            found = http.get("/entities", params={"q": query}).json()["items"][0]
            pick(tab, "search", query, found["id"])
            settle(tab)
            assert outside_the_canvas(tab) == [], query
        pick(tab, "search", "Muster", MUSTEROV)
        settle(tab)
        click_node(tab, STEPPENWIND, double=True)
        assert outside_the_canvas(tab) == [], "Steppenwind opened"
        # a crowded view: the demo graph's car plant in Karshi is Chery's plant there (one node
        # since linking takes a plant's only fitting candidate), so 19 entities are in sight
        assert len(drawn(tab)[0]) >= 18
        click_node(tab, PLANT)  # selected: its label is drawn bold
        tab.click("#btn-fit")
        settle(tab)
        assert outside_the_canvas(tab) == []
        save_screenshot(tab, "explorer-fit.png")
    finally:
        context.close()


@pytest.mark.browser
@needs_chromium
def test_a_shared_link_opens_the_same_view_and_api_errors_are_shown(
    page: tuple[Any, Watch], explorer_service: Service
) -> None:
    tab, watch = page
    link = (
        f"{explorer_service.url}/explore#x={MUSTEROV}&x=per:nobody&hr=MET_WITH"
        f"&hn=region&sel=n:{LENA}"
    )
    tab.goto(link)
    settle(tab)
    nodes, edges = drawn(tab)
    assert nodes == {MUSTEROV, STEPPENWIND, LENA}
    assert {t for _, t, _ in edges} == {"VISITED", "HOLDS_POSITION"}
    assert not tab.is_checked("#legend-edge-MET_WITH")
    assert tab.inner_text("#panel-title") == "Lena Sturm"
    # The unknown entity: the API's own sentence is on the page, and the view still works.
    error = tab.locator(".message.error")
    assert "no entity has the id, name or alias 'per:nobody'" in error.inner_text()
    assert "x=per%3Anobody" not in tab.evaluate("() => window.explorer.hash()")
    # The only console error is the browser's note about that 404.
    assert all("404" in line for line in watch.console_errors), watch.console_errors
    assert watch.foreign_requests == []


# -- keys: the explorer's Key button and /docs' Authorize ---------------------------------------


@needs_chromium
def test_the_explorer_asks_for_a_key_when_reads_need_one_and_sends_it(
    browser: Any, closed_service: Service, explorer_backend: Backend
) -> None:
    reader = make_key(explorer_backend.config, "reader", "explorer-reader")
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    watch = Watch(closed_service.url)
    watch.attach(tab)
    sent: list[str | None] = []
    tab.on(
        "request",
        lambda r: "/entities" in r.url and sent.append(r.headers.get("authorization")),
    )
    try:
        tab.goto(f"{closed_service.url}/explore")
        settle(tab)
        tab.fill("#search-input", "Muster")
        error = tab.locator(".message.error")
        error.wait_for()
        assert "needs a reader key" in error.inner_text()
        assert "Key button" in error.inner_text()
        assert tab.get_attribute("#btn-key", "data-needed") == "true"

        tab.click("#btn-key")
        tab.fill("#key-input", reader)
        tab.click("#btn-key-save")
        assert tab.inner_text("#btn-key") == "Key ✓"
        pick(tab, "search", "Muster", MUSTEROV)
        settle(tab)
        nodes, _ = drawn(tab)
        assert MUSTEROV in nodes and len(nodes) > 1
        assert sent[0] is None and sent[-1] == f"Bearer {reader}"

        # Kept across a reload, and forgotten on request.
        tab.reload()
        settle(tab)
        assert tab.inner_text("#btn-key") == "Key ✓"
        tab.click("#btn-key")
        assert tab.input_value("#key-input") == reader
        tab.click("#btn-key-forget")
        assert tab.inner_text("#btn-key") == "Key"
        assert watch.foreign_requests == []
        assert all("401" in line for line in watch.console_errors), watch.console_errors
    finally:
        context.close()


@needs_chromium
def test_docs_load_from_the_service_and_authorize_sends_the_key(
    browser: Any, explorer_service: Service, explorer_backend: Backend
) -> None:
    admin = make_key(explorer_backend.config, "admin", "docs-admin")
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    watch = Watch(explorer_service.url)
    watch.attach(tab)
    try:
        tab.goto(f"{explorer_service.url}/docs")
        operation = tab.locator("#operations-audit-list_audit_audit_get")
        operation.wait_for(timeout=SETTLE_MS)
        assert watch.foreign_requests == []  # Swagger UI itself comes from this service
        for page in ("/docs", "/redoc"):
            html = httpx.get(f"{explorer_service.url}{page}").text
            assert "/docs/static/" in html and "cdn" not in html, page

        def try_audit(expected: str) -> None:
            operation.locator(".opblock-summary").click()
            try_out = operation.locator(".try-out__btn")
            if try_out.inner_text().strip() == "Try it out":
                try_out.click()
            operation.locator("button.execute").click()
            codes = operation.locator(".live-responses-table tbody .response-col_status")
            try:
                codes.filter(has_text=expected).first.wait_for(timeout=SETTLE_MS)
            except Exception as exc:
                got = codes.all_inner_texts()
                raise AssertionError(f"expected {expected}, got {got}") from exc
            operation.locator(".opblock-summary").click()  # fold it again

        try_audit("401")
        tab.click("button.btn.authorize")
        dialog = tab.locator(".modal-ux")
        dialog.locator("input").first.fill(admin)
        dialog.locator("button.modal-btn.authorize").first.click()
        dialog.locator("button.close-modal").click()
        try_audit("200")
    finally:
        context.close()
