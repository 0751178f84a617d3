"""Limits and hostile input over HTTP: chunked bodies over the cap, long texts, odd paths, the
one language rule."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from graph_schema.graph import Graph
from loaders.models import DOCUMENT_LANGUAGES, LANGUAGES
from service.middleware import loggable
from service.schemas import MAX_SYNC_TEXT_CHARS
from tests.conftest import Backend, Service, start_service, stop_service
from tests.loaders.test_language import UZBEK_LATIN
from tests.service.world import error

SMALL_CAP = 10_000


@pytest.fixture(scope="module")
def capped(
    backend: Backend, graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    """A service of its own whose body cap is small enough to pass in a few chunks."""
    running = start_service(
        backend, tmp_path_factory.mktemp("capped"), {"KG_MAX_BODY_BYTES": str(SMALL_CAP)}
    )
    try:
        yield running
    finally:
        stop_service(running)


def chunked_post(url: str, path: str, chunks: list[bytes], timeout: float = 15) -> tuple[int, dict]:
    """POST with Transfer-Encoding: chunked and no Content-Length, over a raw socket; the
    status and JSON body of the answer. A server that never answers fails on the timeout."""
    where = urlsplit(url)
    with socket.create_connection((where.hostname, where.port), timeout=timeout) as sock:
        sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {where.netloc}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        try:
            for chunk in chunks:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before the whole body went out
        answer = b""
        while True:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, json.loads(body)


def test_a_chunked_body_over_the_cap_gets_413_at_once(capped: Service) -> None:
    start = time.monotonic()
    status, body = chunked_post(capped.url, "/documents", [b"x" * 4096] * 10)
    assert status == 413, body
    assert body["error"]["code"] == "payload_too_large"
    assert f"{SMALL_CAP:,} bytes" in body["error"]["message"]
    assert time.monotonic() - start < 10
    # The same answer when the cap is passed by a body the app reads in its own way.
    status, body = chunked_post(capped.url, "/documents/extracted", [b" " * 6000] * 3)
    assert (status, body["error"]["code"]) == (413, "payload_too_large")
    # Under the cap, a chunked body is read to its end as before (then found to be bad JSON).
    status, body = chunked_post(capped.url, "/documents", [b'{"text": ', b'"unfinished'])
    assert (status, body["error"]["code"]) == (422, "invalid_parameters")
    # The service still answers afterwards.
    assert httpx.get(f"{capped.url}/health", timeout=10).status_code == 200


def test_a_content_length_over_the_cap_gets_413(capped: Service) -> None:
    answer = httpx.post(
        f"{capped.url}/documents",
        content=b"x" * (SMALL_CAP + 1),
        headers={"content-type": "application/json"},
        timeout=10,
    )
    error(answer, 413, "payload_too_large")


def test_a_text_too_long_to_extract_while_waiting_points_to_kg_ingest(client: httpx.Client) -> None:
    text = "Ein Satz über ein Werk. " * (MAX_SYNC_TEXT_CHARS // 24 + 10)
    assert len(text) > MAX_SYNC_TEXT_CHARS
    message = error(
        client.post("/documents", json={"text": text, "lang": "de"}), 422, "invalid_parameters"
    )
    assert "kg ingest" in message and f"{MAX_SYNC_TEXT_CHARS:,}" in message
    assert f"{len(text):,} characters" in message
    schema = client.get("/openapi.json").json()["components"]["schemas"]["DocumentIn"]
    assert schema["properties"]["text"]["maxLength"] == MAX_SYNC_TEXT_CHARS


@pytest.mark.parametrize(
    "path",
    [
        "/explore/static/a%00b",
        "/explore/static/%00",
        "/explore/static/" + "a" * 5000 + ".js",
        "/explore/vendor/a%00b",
    ],
)
def test_static_paths_the_file_system_cannot_look_up_are_404(
    client: httpx.Client, path: str
) -> None:
    error(client.get(path), 404, "not_found")


def test_one_language_rule_for_documents(client: httpx.Client, empty_graph: Graph) -> None:
    assert LANGUAGES == ("de", "en", "ru")
    assert DOCUMENT_LANGUAGES == ("de", "en", "ru", "uz")
    # Text to extract: the extractor's languages only.
    for lang in ("uz", "fr"):
        message = error(
            client.post("/documents", json={"text": "Matn.", "lang": lang}),
            422,
            "invalid_parameters",
        )
        assert message == "lang: Input should be 'de', 'en' or 'ru'"
    # Uzbek text without a lang is named as Uzbek (lingua alone called it Turkish).
    message = error(
        client.post("/documents", json={"text": UZBEK_LATIN}), 422, "unprocessable_text"
    )
    assert "its language is uzbek" in message
    # A document extracted elsewhere: any language of FORMAT.md, Uzbek too, nothing else.
    message = error(
        client.post("/documents/extracted", json={"text": "Texte.", "lang": "fr"}),
        422,
        "invalid_parameters",
    )
    assert message == "lang: Input should be 'de', 'en', 'ru' or 'uz'"
    loaded = client.post(
        "/documents/extracted", json={"text": "Hokim zavodga tashrif buyurdi.", "lang": "uz"}
    )
    assert loaded.status_code == 201, loaded.text
    try:
        # Listing filters by any language a document may be in.
        listed = client.get("/documents", params={"lang": "uz"})
        assert listed.status_code == 200, listed.text
        assert [d["id"] for d in listed.json()["items"]] == [loaded.json()["id"]]
        assert client.get("/documents", params={"lang": "de"}).json()["items"] == []
        error(client.get("/documents", params={"lang": "fr"}), 422, "invalid_parameters")
    finally:
        client.delete(f"/documents/{loaded.json()['id']}")


def test_a_path_is_logged_as_one_escaped_token() -> None:
    assert loggable("/entities/loc:карши") == "/entities/loc:карши"
    assert loggable("/a\nGET /admin 200 1 ms\x00\r%0a") == (
        "/a%0AGET%20/admin%20200%201%20ms%00%0D%250a"
    )
