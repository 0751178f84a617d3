"""`kg ingest URL…`, `kg ingest --feed` and `kg watch`, run for real against the embedded graph
and a local web site: each item says where it came from and which document it became, a
feed's second reading loads nothing, a syndicated copy is recorded as a source."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_schema.graph import Graph
from graph_schema.statement import Statement
from tests.conftest import Backend
from tests.loaders.test_ingest import kg
from tests.web import Route, Site, local_site

DOCUMENTS = Statement(
    "DOCUMENTS",
    "MATCH (d:Document) RETURN d.url AS url, d.title AS title, "
    "coalesce(d.copy_urls, []) AS copies ORDER BY url",
)
LOADED = re.compile(r"^loaded: (\S+): document ([0-9a-f]{12}), (\d+) entities", re.MULTILINE)


@pytest.fixture
def site() -> Iterator[Site]:
    with local_site() as running:
        running.page("/kurier/chery", "kurier-chery-karshi.html")
        running.page("/portal/chery", "portal-chery-karshi-copy.html")
        running.page("/silkroad/samarkand", "samarkand-isuzu.html")
        running.feed(
            "/feed.xml",
            "business-feed.xml",
            {
                "home": "/",
                "kurier": "/kurier/chery",
                "portal": "/portal/chery",
                "samarkand": "/silkroad/samarkand",
            },
        )
        yield running


def test_ingest_urls_says_which_document_each_became(
    empty_graph: Graph, backend: Backend, site: Site, tmp_path: Path
) -> None:
    (tmp_path / "note.md").write_text(
        "# Notiz\n\nGouverneur Anvar Beispielov besuchte Nordwind Motors.", encoding="utf-8"
    )
    result = kg(
        backend,
        "ingest",
        site.url("/kurier/chery"),
        site.url("/portal/chery"),
        str(tmp_path / "note.md"),
        site.url("/nowhere"),
    )
    assert result.returncode == 1, result.stderr  # one URL failed
    loaded = {m.group(1): m.group(2) for m in LOADED.finditer(result.stdout)}
    assert set(loaded) == {site.url("/kurier/chery"), str(tmp_path / "note.md")}
    assert re.search(
        rf"^copy: {re.escape(site.url('/portal/chery'))} is document "
        rf"{loaded[site.url('/kurier/chery')]}'s story \(similarity 0\.\d\d\)",
        result.stdout,
        re.MULTILINE,
    ), result.stdout
    assert f"{site.url('/nowhere')}: " in result.stderr and "answered 404" in result.stderr
    assert "documents 2," in result.stdout and "copies 1" in result.stdout
    assert "failed 1" in result.stdout and "Traceback" not in result.stderr
    rows = empty_graph.read(DOCUMENTS)
    assert [(r["url"], r["copies"]) for r in rows] == [
        (site.url("/kurier/chery"), [site.url("/portal/chery")]),
        (None, []),
    ]
    assert rows[0]["title"] == "Chery baut Automobilwerk in Karshi"


def test_a_url_with_two_slashes_is_fetched_not_taken_for_a_path(
    empty_graph: Graph, backend: Backend, site: Site
) -> None:
    result = kg(backend, "ingest", site.url("/silkroad/samarkand"))
    assert result.returncode == 0, result.stderr
    assert "no such file" not in result.stderr and "documents 1," in result.stdout


def test_a_feed_loads_its_new_entries_once(
    empty_graph: Graph, backend: Backend, site: Site
) -> None:
    feed = site.url("/feed.xml")
    first = kg(backend, "ingest", "--feed", feed)
    assert first.returncode == 0, first.stderr
    assert "documents 2," in first.stdout and "copies 1" in first.stdout, first.stdout
    second = kg(backend, "ingest", "--feed", feed)
    assert second.returncode == 0, second.stderr
    assert "nothing new in the feeds" in second.stdout
    assert site.conditional_hits["/feed.xml"] == 1
    assert site.hits["/kurier/chery"] == 1 and site.hits["/silkroad/samarkand"] == 1
    assert len(empty_graph.read(DOCUMENTS)) == 2
    memory = json.loads((Path(backend.env["KG_DATA_DIR"]) / "feeds.json").read_text())
    assert len(memory[feed]["seen"]) == 3 and memory[feed]["etag"]


def test_watch_reads_every_interval_and_loads_only_what_is_new(
    empty_graph: Graph, backend: Backend, site: Site
) -> None:
    result = kg(backend, "watch", site.url("/feed.xml"), "--every", "1s", "--rounds", "2")
    assert result.returncode == 0, result.stderr
    assert "round 1: documents 2," in result.stdout and "copies 1" in result.stdout
    assert "round 2: documents 0," in result.stdout
    assert site.hits["/feed.xml"] == 2 and site.conditional_hits["/feed.xml"] == 1


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["watch", "http://127.0.0.1:1/feed", "--every", "soon"], "--every: 'soon' is no interval"),
        (["ingest"], "name files, folders or URLs to ingest, or a feed with --feed URL"),
    ],
)
def test_bad_watch_and_ingest_arguments_are_one_sentence(
    backend: Backend, args: list[str], needle: str
) -> None:
    result = kg(backend, *args)
    assert result.returncode == 2 and needle in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_feed_that_is_a_page_fails_with_a_sentence(
    empty_graph: Graph, backend: Backend, site: Site
) -> None:
    site.routes["/page"] = Route(body=b"<html><p>page</p></html>")
    result = kg(backend, "ingest", "--feed", site.url("/page"))
    assert result.returncode == 1
    assert "is text/html, not an RSS or Atom feed" in result.stderr
    assert "Traceback" not in result.stderr
