"""Syndicated copies against the real graph: a copy of a story is recorded on the story's
first document and not loaded again, so relations count independent sources; the memory of
fingerprints lives in the graph (a new process finds copies of documents loaded before, even
of documents loaded before fingerprints were kept)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from graph_schema.graph import Graph
from graph_schema.statement import Statement
from loaders.ingest import Article, ingest_items, load_article
from loaders.sources.page import article_from_html
from loaders.sources.syndication import CopyReport, StoryIndex, fingerprint, shingles
from loaders.write import LoadReport
from tests.web import PAGES

KURIER = "https://kurier.example/wirtschaft/chery-karshi"
PORTAL = "https://portal.example/usbekistan/karshi-autowerk"
SILKROAD = "https://silkroad.example/industry/samarkand"

COUNTS = Statement(
    "COUNTS",
    """
    MATCH (d:Document) WITH count(d) AS documents
    OPTIONAL MATCH ()-[r:VISITED]->()
    RETURN documents, collect(r.doc_count) AS visit_counts""",
)
STRIP_FINGERPRINTS = Statement(
    "STRIP_FINGERPRINTS", "MATCH (d:Document) REMOVE d.minhash RETURN count(d) AS n", writes=True
)
FINGERPRINTED = Statement(
    "FINGERPRINTED", "MATCH (d:Document) WHERE d.minhash IS NOT NULL RETURN count(d) AS n"
)
COPIES = Statement(
    "COPIES",
    "MATCH (d:Document {id: $id}) RETURN d.copy_ids AS ids, d.copy_urls AS urls, "
    "d.copy_titles AS titles, d.copy_published AS published",
)


def page(name: str, url: str) -> Article:
    return article_from_html((PAGES / name).read_bytes(), url)


@pytest.fixture
def pages() -> dict[str, Article]:
    return {
        "kurier": page("kurier-chery-karshi.html", KURIER),
        "portal": page("portal-chery-karshi-copy.html", PORTAL),
        "silkroad": page("samarkand-isuzu.html", SILKROAD),
    }


def test_shingles_ignore_case_spacing_and_punctuation() -> None:
    assert shingles("Der  Gouverneur besuchte das Werk, sagte er.") == shingles(
        "der gouverneur besuchte das werk sagte er"
    )
    one = fingerprint("Chery plant ein Werk in Karshi " * 20)
    assert one.jaccard(fingerprint("Chery plant ein Werk in Karshi " * 20)) == 1.0


def test_a_syndicated_copy_becomes_a_source_of_the_first_document(
    empty_graph: Graph, pages: dict[str, Article]
) -> None:
    stories = StoryIndex(empty_graph)
    first = load_article(empty_graph, pages["kurier"], stories)
    assert isinstance(first, LoadReport) and first.status == "loaded" and first.relations > 0
    before = empty_graph.read(COUNTS)[0]

    copy = load_article(empty_graph, pages["portal"], stories)
    assert isinstance(copy, CopyReport)
    assert copy.document_id == first.document_id and copy.copy_id != first.document_id
    assert 0.7 <= copy.similarity < 1.0 and copy.url == PORTAL
    # Nothing else was written: no second document, every relation still counts one source.
    assert empty_graph.read(COUNTS)[0] == before
    assert before["documents"] == 1 and set(before["visit_counts"]) == {1}
    [recorded] = empty_graph.read(COPIES, {"id": first.document_id})
    assert recorded == {
        "ids": [copy.copy_id],
        "urls": [PORTAL],
        "titles": ["Karshi: Autowerk von Chery entsteht"],
        "published": ["2024-09-18"],
    }

    # The same copy again records nothing twice; another story loads as its own document.
    again = load_article(empty_graph, pages["portal"], stories)
    assert isinstance(again, CopyReport) and again.copy_id == copy.copy_id
    assert empty_graph.read(COPIES, {"id": first.document_id})[0]["ids"] == [copy.copy_id]
    other = load_article(empty_graph, pages["silkroad"], stories)
    assert isinstance(other, LoadReport) and other.status == "loaded"
    # The first document itself, loaded again, is skipped as before (no copy of itself).
    assert load_article(empty_graph, pages["kurier"], stories).status == "skipped"


def test_two_copies_of_one_story_arriving_at_once_make_one_document(
    empty_graph: Graph, pages: dict[str, Article]
) -> None:
    """As two requests of the service at the same moment: the look-up and the load of one are
    not interleaved with the other's, so the second finds the first."""
    stories = StoryIndex(empty_graph)
    with ThreadPoolExecutor(2) as pool:
        reports = list(
            pool.map(
                lambda a: load_article(empty_graph, a, stories), [pages["kurier"], pages["portal"]]
            )
        )
    assert sorted(type(r).__name__ for r in reports) == ["CopyReport", "LoadReport"]
    assert empty_graph.read(COUNTS)[0]["documents"] == 1


def test_a_new_process_finds_copies_of_what_was_loaded_before(
    empty_graph: Graph, pages: dict[str, Article]
) -> None:
    first = load_article(empty_graph, pages["kurier"], StoryIndex(empty_graph))
    assert empty_graph.read(FINGERPRINTED)[0]["n"] == 1
    # A graph loaded before fingerprints were kept: they are computed from the texts once.
    empty_graph.write(lambda tx: tx.run(STRIP_FINGERPRINTS), name="strip")
    assert empty_graph.read(FINGERPRINTED)[0]["n"] == 0
    fresh = StoryIndex(empty_graph)
    copy = load_article(empty_graph, pages["portal"], fresh)
    assert isinstance(copy, CopyReport) and copy.document_id == first.document_id
    assert empty_graph.read(FINGERPRINTED)[0]["n"] == 1


def test_a_batch_writes_each_fingerprint_with_its_document(
    empty_graph: Graph, pages: dict[str, Article]
) -> None:
    """The batched ingest writes a document's fingerprint in the batch's own transaction (no
    transaction per document); a new process reads the stored fingerprints as they are."""
    summary = ingest_items(
        empty_graph, [pages["kurier"], pages["silkroad"]], stories=StoryIndex(empty_graph)
    )
    assert summary.documents == 2
    assert empty_graph.read(FINGERPRINTED)[0]["n"] == 2
    copy = load_article(empty_graph, pages["portal"], StoryIndex(empty_graph))
    assert isinstance(copy, CopyReport) and copy.url == PORTAL


def test_a_copy_of_a_deleted_story_is_loaded_as_a_story_of_its_own(
    empty_graph: Graph, pages: dict[str, Article]
) -> None:
    from loaders.write import delete_document

    stories = StoryIndex(empty_graph)
    first = load_article(empty_graph, pages["kurier"], stories)
    delete_document(empty_graph, first.document_id)
    report = load_article(empty_graph, pages["portal"], stories)
    assert isinstance(report, LoadReport) and report.status == "loaded"
    assert empty_graph.read(COUNTS)[0]["documents"] == 1


def test_short_texts_are_never_taken_for_copies(empty_graph: Graph) -> None:
    stories = StoryIndex(empty_graph)
    text = "Gouverneur Anvar Beispielov besuchte den Autobauer Nordwind Motors in Karshi."
    assert (
        load_article(empty_graph, Article("a", text=text + " Erste Meldung."), stories).status
        == "loaded"
    )
    assert (
        load_article(empty_graph, Article("b", text=text + " Zweite Meldung."), stories).status
        == "loaded"
    )
