"""RSS and Atom feeds from a local HTTP server: entries in order, only new ones on the next
reading (an unchanged feed answers 304 to its ETag), what failed for good is not fetched
again, what failed for now is, and the memory survives a restart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_schema.errors import SourceError
from loaders.ingest import Article, Failure
from loaders.sources.feeds import FeedRound, FeedStore, parse_every, parse_feed
from tests.web import PAGES, Route, Site, local_site

LINKS = {
    "home": "/",
    "kurier": "/kurier/chery",
    "portal": "/portal/chery",
    "samarkand": "/silkroad/samarkand",
}


@pytest.fixture
def site() -> Site:
    with local_site() as running:
        running.page("/kurier/chery", "kurier-chery-karshi.html")
        running.page("/portal/chery", "portal-chery-karshi-copy.html")
        running.page("/silkroad/samarkand", "samarkand-isuzu.html")
        running.feed("/feed.xml", "business-feed.xml", LINKS)
        running.feed("/industry.atom", "business-feed.atom", LINKS)
        yield running


def read_round(store: FeedStore, feeds: list[str]) -> list[Article | Failure]:
    round_ = FeedRound(store)
    items = []
    for item in round_.items(feeds):
        items.append(item)
        round_.done(item.source, item)  # as ingest reports each item it loaded
    round_.finish()
    return items


def test_rss_and_atom_entries_in_the_feeds_order(site: Site) -> None:
    rss = parse_feed("rss", (PAGES / "business-feed.xml").read_bytes())
    assert [e.entry_id for e in rss] == [
        "kurier-2024-09-17-chery",
        "portal-2024-09-18-chery",
        "{samarkand}",
    ]
    assert rss[0].title == "Chery baut Automobilwerk in Karshi"
    assert rss[0].published == "2024-09-17"
    [atom] = parse_feed("atom", (PAGES / "business-feed.atom").read_bytes())
    assert atom.entry_id.startswith("urn:uuid:1225c695") and atom.published == "2024-06-28"


def test_what_is_no_feed_is_one_sentence() -> None:
    with pytest.raises(SourceError, match="is not an RSS or Atom feed"):
        parse_feed("https://x.example/feed", b"<html><body>a page</body></html>")


def test_the_next_reading_loads_only_what_is_new(site: Site, tmp_path: Path) -> None:
    feed = site.url("/feed.xml")
    store_file = tmp_path / "feeds.json"
    first = read_round(FeedStore(store_file), [feed])
    assert [i.source for i in first] == [
        site.url("/kurier/chery"),
        site.url("/portal/chery"),
        site.url("/silkroad/samarkand"),
    ]
    assert all(isinstance(i, Article) and i.text for i in first)
    # The feed's title and date fill what a page does not say; the page's own win.
    portal = first[1]
    assert isinstance(portal, Article) and portal.meta is not None
    assert portal.meta.title == "Karshi: Autowerk von Chery entsteht"

    # Unchanged: asked with its ETag, answered 304, no page fetched again (a new process).
    assert read_round(FeedStore(store_file), [feed]) == []
    assert site.conditional_hits["/feed.xml"] == 1 and site.hits["/kurier/chery"] == 1

    # Changed (a new ETag), one new entry: only that one is fetched.
    site.page("/silkroad/new", "samarkand-isuzu.html")
    text = (
        site.routes["/feed.xml"]
        .body.decode()
        .replace(
            "<item>",
            f"<item><title>New</title><link>{site.url('/silkroad/new')}</link>"
            "<guid>new-entry</guid></item><item>",
            1,
        )
    )
    site.routes["/feed.xml"] = Route(
        body=text.encode(),
        content_type="application/rss+xml",
        headers={"ETag": '"v2"'},
        conditional=True,
    )
    third = read_round(FeedStore(store_file), [feed])
    assert [i.source for i in third] == [site.url("/silkroad/new")]
    assert site.hits["/kurier/chery"] == 1
    saved = json.loads(store_file.read_text(encoding="utf-8"))[feed]
    assert saved["etag"] == '"v2"' and len(saved["seen"]) == 4


def test_an_entry_that_failed_for_now_is_tried_again_one_that_failed_for_good_is_not(
    site: Site, tmp_path: Path
) -> None:
    feed = site.url("/feed.xml")
    site.routes["/kurier/chery"] = Route(status=503)
    site.routes["/portal/chery"] = Route(body=b"%PDF", content_type="application/pdf")
    store_file = tmp_path / "feeds.json"
    first = read_round(FeedStore(store_file), [feed])
    failures = {i.source: i.message for i in first if isinstance(i, Failure)}
    assert "answered 503" in failures[site.url("/kurier/chery")]
    assert "not a web page" in failures[site.url("/portal/chery")]
    # Back up: the feed is read in full again (no ETag kept), and only the 503 entry is new.
    site.page("/kurier/chery", "kurier-chery-karshi.html")
    second = read_round(FeedStore(store_file), [feed])
    assert [i.source for i in second] == [site.url("/kurier/chery")]
    assert isinstance(second[0], Article)
    assert site.hits["/portal/chery"] == 1


def test_a_feed_that_cannot_be_read_is_a_failure_and_the_others_still_load(
    site: Site, tmp_path: Path
) -> None:
    site.routes["/page.xml"] = Route(body=b"<p>no feed</p>", content_type="text/html")
    items = read_round(
        FeedStore(tmp_path / "feeds.json"),
        [site.url("/page.xml"), "ftp://x.example/feed", site.url("/industry.atom")],
    )
    assert isinstance(items[0], Failure) and "not an RSS or Atom feed" in items[0].message
    assert isinstance(items[1], Failure) and "is not an http(s) URL" in items[1].message
    assert [i.source for i in items[2:]] == [site.url("/silkroad/samarkand")]


@pytest.mark.parametrize(
    ("text", "seconds"), [("15m", 900), ("30s", 30), ("2h", 7200), ("1d", 86400), ("90", 90)]
)
def test_intervals(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["soon", "0s", "m", "-5m"])
def test_an_interval_that_is_none_is_one_sentence(text: str) -> None:
    with pytest.raises(ValueError, match=r"no interval|less than a second"):
        parse_every(text)
