"""Fetching with bounds, against a real local HTTP server: what a site answers besides a page
(404, 500, redirects, the wrong type, too much, too slow) becomes one sentence, of the kind
that says whether trying again later could help."""

from __future__ import annotations

import pytest

from graph_schema.errors import SourceError, SourceUnavailableError
from loaders.sources.fetch import Conditional, FetchPolicy, fetch
from loaders.sources.page import HTML
from tests.web import Route, Site, local_site


@pytest.fixture
def site() -> Site:
    with local_site() as running:
        yield running


def test_a_page_is_fetched_with_its_type_charset_and_validators(site: Site) -> None:
    url = site.page("/a", "kurier-chery-karshi.html")
    page = fetch(url, HTML)
    assert (page.status, page.content_type, page.charset) == (200, "text/html", "utf-8")
    assert b"Murotjon Azimov" in page.body and page.etag and page.last_modified


def test_an_unchanged_page_answers_304_with_no_body(site: Site) -> None:
    url = site.page("/a", "kurier-chery-karshi.html")
    first = fetch(url, HTML)
    again = fetch(url, HTML, conditional=Conditional(first.etag, first.last_modified))
    assert again.not_modified and again.body == b""
    assert site.conditional_hits["/a"] == 1


def test_redirects_are_followed_and_each_hop_checked(site: Site) -> None:
    target = site.page("/article", "samarkand-isuzu.html")
    site.routes["/short"] = Route(status=301, headers={"Location": "/article"})
    page = fetch(site.url("/short"), HTML)
    assert page.final_url == target and page.url == site.url("/short")
    site.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    with pytest.raises(SourceError, match="redirects more than 2 times"):
        fetch(site.url("/loop"), HTML, FetchPolicy(max_redirects=2))
    site.routes["/away"] = Route(status=302, headers={"Location": "ftp://example.org/x"})
    with pytest.raises(SourceError, match="is not an http"):
        fetch(site.url("/away"), HTML)


@pytest.mark.parametrize(
    ("route", "error", "needle"),
    [
        (Route(status=404), SourceError, "answered 404 Not Found"),
        (Route(status=410), SourceError, "answered 410"),
        (Route(status=500), SourceUnavailableError, "answered 500 (a failure on its side)"),
        (Route(status=503), SourceUnavailableError, "answered 503"),
        (
            Route(body=b"%PDF-1.7", content_type="application/pdf"),
            SourceError,
            "is application/pdf, not a web page",
        ),
        (Route(body=b"x", content_type=""), SourceError, "of no declared type"),
    ],
)
def test_what_is_no_page_is_one_sentence(
    site: Site, route: Route, error: type[Exception], needle: str
) -> None:
    site.routes["/x"] = route
    with pytest.raises(error, match=needle.replace("(", r"\(").replace(")", r"\)")):
        fetch(site.url("/x"), HTML)


def test_a_body_over_the_cap_is_refused_declared_or_not(site: Site) -> None:
    policy = FetchPolicy(max_bytes=100_000)
    site.routes["/declared"] = Route(body=b"<p>" + b"x" * 200_000)
    with pytest.raises(SourceError, match="is 200,003 bytes, more than 100,000"):
        fetch(site.url("/declared"), HTML, policy)
    site.routes["/chunked"] = Route(body=b"<p>" + b"x" * 200_000, chunked=True)
    with pytest.raises(SourceError, match="is more than 100,000 bytes"):
        fetch(site.url("/chunked"), HTML, policy)
    site.routes["/small"] = Route(body=b"<p>" + b"x" * 50_000, chunked=True)
    assert len(fetch(site.url("/small"), HTML, policy).body) == 50_003


def test_a_slow_site_is_unavailable_not_a_hang(site: Site) -> None:
    site.routes["/slow"] = Route(body=b"<p>late</p>", delay_s=2.0)
    with pytest.raises(SourceUnavailableError, match=r"did not answer within 0\.5 s"):
        fetch(site.url("/slow"), HTML, FetchPolicy(timeout_s=0.5))


def test_a_closed_port_is_unavailable() -> None:
    with local_site() as gone:
        url = gone.url("/a")
    with pytest.raises(SourceUnavailableError, match="cannot be reached"):
        fetch(url, HTML)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "http://", "karshi"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(SourceError, match="is not an http"):
        fetch(url, HTML)


def test_the_service_policy_refuses_this_machine_and_private_networks(site: Site) -> None:
    url = site.page("/a", "kurier-chery-karshi.html")
    public_only = FetchPolicy(allow_private=False)
    with pytest.raises(SourceError, match=r"on this machine or a private network \(127.0.0.1\)"):
        fetch(url, HTML, public_only)
    # A name for this machine is refused too: the check is on the address it resolves to.
    with pytest.raises(SourceError, match="private network"):
        fetch("http://localhost:1/", HTML, public_only)
    assert site.hits["/a"] == 0


def test_the_address_checked_is_the_address_connected_to(site: Site) -> None:
    """DNS rebinding: a name public when checked and private when connected. The connection
    resolves the name once, checks that answer and connects to it, so there is no earlier
    look-up to fool: here the one answer is this machine's, refused before a byte is sent."""
    url = site.page("/a", "kurier-chery-karshi.html")
    port = int(url.rsplit(":", 1)[1].split("/", 1)[0])
    looked_up: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        looked_up.append(host)
        return ["127.0.0.1"]

    policy = FetchPolicy(allow_private=False, resolver=resolver)
    with pytest.raises(SourceError, match=r"news.example is an address .* \(127.0.0.1\)"):
        fetch(f"http://news.example:{port}/a", HTML, policy)
    assert looked_up == ["news.example"]
    assert site.hits["/a"] == 0
