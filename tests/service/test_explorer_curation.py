"""The explorer's curation in Debian's headless Chromium against a real service and graph: an
entity's possible duplicates are listed in its profile, an analyst merges one into it (the page
asks for a writer key with its key dialog first), and the page then shows the survivor with the
merged entity's relations. Its own embedded server: other modules wipe the session graph."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import Backend, Service, make_key, start_service, stop_service
from tests.service.browser import Watch, launch, needs_chromium, own_backend
from tests.service.test_curation import MUSTEROV, QYZYL, TIMUR, doc_a, doc_b
from tests.service.test_explorer import drawn, pick, save_screenshot, settle


@pytest.fixture(scope="module")
def curation_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    with own_backend(tmp_path_factory.mktemp("explorer-curation")) as backend:
        yield backend


@pytest.fixture(scope="module")
def curation_service(
    curation_backend: Backend, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    service = start_service(curation_backend, tmp_path_factory.mktemp("curation-service"))
    try:
        with service.client() as http:
            for doc in (doc_a(), doc_b()):
                answer = http.post("/documents/extracted", json=doc)
                assert answer.status_code == 201, answer.text
        yield service
    finally:
        stop_service(service)


@pytest.mark.browser
@needs_chromium
def test_explorer_lists_duplicates_and_merges_one_with_a_writer_key(
    curation_service: Service, curation_backend: Backend
) -> None:
    writer = make_key(curation_backend.config, "writer", "explorer-curator")
    with launch() as browser, httpx.Client(base_url=curation_service.url) as http:
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        try:
            tab: Any = context.new_page()
            watch = Watch(curation_service.url)
            watch.attach(tab)
            tab.goto(f"{curation_service.url}/explore")
            settle(tab)
            pick(tab, "search", "Timur Musterov", TIMUR)
            settle(tab)
            assert tab.inner_text("#panel-title") == "Timur Musterov"
            duplicate = tab.locator(f"#profile-duplicates li[data-id='{MUSTEROV}']")
            duplicate.wait_for()
            assert "score" in duplicate.inner_text() and "Musterov" in duplicate.inner_text()
            assert "Qyzyl Metall" in duplicate.inner_text()  # the sentence it was named in
            assert MUSTEROV not in drawn(tab)[0]
            save_screenshot(tab, "explorer-duplicates.png")

            # without a key the page asks for one with its key dialog
            duplicate.locator(".merge-open").click()
            tab.locator("#key-dialog[open]").wait_for()
            tab.fill("#key-input", writer)
            tab.click("#btn-key-save")
            settle(tab)  # the page reloads what it shows with the key
            duplicate.wait_for()
            duplicate.locator(".merge-open").click()
            duplicate.locator(".merge-reason").fill("one man: the surname alone in B")
            duplicate.locator(".merge-confirm").click()
            settle(tab)
            tab.wait_for_function(
                "() => !document.querySelector(\"#profile-duplicates li[data-id='per:musterov']\")"
            )

            # the survivor is shown, with the merged one's relation drawn
            assert tab.inner_text("#panel-title") == "Timur Musterov"
            nodes, edges = drawn(tab)
            assert (TIMUR, "VISITED", QYZYL) in edges and MUSTEROV not in nodes
            assert "Merged Musterov into Timur Musterov" in tab.inner_text("#messages")
            old = http.get(f"/entities/{MUSTEROV}").json()
            assert old["id"] == TIMUR and old["redirected_from"] == MUSTEROV
            [change] = http.get("/curation/changes").json()["items"]
            assert change["actor"] == "explorer-curator"
            assert change["reason"] == "one man: the surname alone in B"

            assert watch.console_errors == [] and watch.foreign_requests == []
        finally:
            context.close()
