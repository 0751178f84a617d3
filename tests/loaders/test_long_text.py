"""Texts over spaCy's 1,000,000 characters: paragraph chunks with offsets kept, through the
real pipeline and through `kg ingest` into the real embedded graph.

The long text is what a long report is like: over a million characters of many different
paragraphs (market figures, seeded so that no two paragraphs repeat) that name nothing, and
one visit near its end, far past the first tokenizer chunk, whose mentions must land on the
right characters and whose facts must carry the right evidence sentence."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from spacy.tokens import Doc

from graph_schema.graph import Graph
from graph_schema.statement import Statement
from loaders.extraction import extract, extract_many
from loaders.extraction.chunks import chunks
from loaders.extraction.convert import to_document
from loaders.extraction.long_text import TOKENIZER_CHUNK, process
from loaders.extraction.pipeline import get_nlp
from loaders.models import ExtractedDocument
from tests.conftest import Backend
from tests.factories import VISIT_TEXT
from tests.loaders.test_ingest import kg

SUBJECTS = (
    "Die Nachfrage nach Zement",
    "Der Export von Baumwolle",
    "Die Förderung von Kupfer",
    "Der Absatz von Düngemitteln",
    "Die Erzeugung von Strom",
    "Der Verbrauch von Erdgas",
    "Die Ernte von Weizen",
    "Der Handel mit Textilien",
)
VERBS = ("stieg", "sank", "wuchs", "schwankte", "blieb")
QUARTERS = ("ersten", "zweiten", "dritten", "vierten")
REASONS = (
    "im Vergleich zum Vorjahr",
    "nach Angaben der Statistik",
    "trotz hoher Preise",
    "wegen des milden Winters",
    "bei stabiler Währung",
)
CLOSING = "Die Preise blieben im Dezember stabil."


def market_report(chars: int) -> str:
    """Paragraphs of six to twelve sentences of market figures, `chars` characters at least."""
    rng = random.Random(11)
    paragraphs: list[str] = []
    length = 0
    while length < chars:
        sentences = [
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} im {rng.choice(QUARTERS)} Quartal "
            f"{rng.randint(1990, 2030)} um {rng.randint(1, 99)},{rng.randint(0, 9)} Prozent "
            f"{rng.choice(REASONS)}."
            for _ in range(rng.randint(6, 12))
        ]
        paragraphs.append(" ".join(sentences))
        length += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


REPORT = market_report(1_050_000)
LONG = f"{REPORT}\n\n{VISIT_TEXT}\n\n{CLOSING}"
VISIT_AT = len(REPORT) + 2
DOCUMENT_TEXT = Statement(
    "DOCUMENT_TEXT", "MATCH (d:Document) RETURN size(d.text) AS chars, d.id AS id"
)
VISIT_FACTS = Statement(
    "VISIT_FACTS",
    "MATCH (p:Person)-[r:VISITED]->(o:Organization) RETURN p.name AS person, o.name AS org",
)


@pytest.fixture(scope="module")
def long_doc() -> Doc:
    return process(get_nlp("de"), LONG)


def test_chunks_join_into_the_text_and_end_at_paragraphs():
    text = "Erster Absatz. Noch ein Satz.\n\nZweiter Absatz hier.\nDritte Zeile."
    pieces = list(chunks(text, 40))
    assert "".join(p.text for p in pieces) == text
    assert all(len(p.text) <= 40 for p in pieces)
    assert pieces[0].text.endswith("\n\n") and pieces[1].start == pieces[0].end
    assert [c.text for c in chunks("", 10)] == [""]


def test_the_report_is_long_and_its_paragraphs_differ():
    paragraphs = REPORT.split("\n\n")
    assert len(LONG) > 1_000_000 and VISIT_AT > 5 * TOKENIZER_CHUNK
    assert len(set(paragraphs)) == len(paragraphs) > 1000


def test_a_visit_near_the_end_of_a_long_text_keeps_its_offsets(long_doc: Doc):
    assert long_doc.text == LONG
    short = process(get_nlp("de"), VISIT_TEXT)
    expected = {(text, start + VISIT_AT) for text, start in _mentions(short)}
    assert {text for text, _ in expected} >= {"Anvar Beispielov", "Nordwind Motors"}
    assert _mentions(long_doc) == expected
    for text, start in expected:
        assert LONG[start : start + len(text)] == text


def test_a_long_text_extracts_what_its_visit_says(long_doc: Doc):
    short = extract(VISIT_TEXT, "de")
    long = to_document(long_doc, LONG, "de", None)
    assert long.text == LONG
    assert sorted(e.name for e in long.entities) == sorted(e.name for e in short.entities)
    assert _facts(long) == _facts(short) != set()
    first, second = VISIT_TEXT.split(". ")
    assert {r.evidence for r in long.relations} == {f"{first}.", second}


def test_extract_many_streams_a_long_text_between_short_ones():
    streamed = list(extract_many([(VISIT_TEXT, None), (LONG, None), (VISIT_TEXT, None)]))
    assert [len(d.text) for d in streamed] == [len(VISIT_TEXT), len(LONG), len(VISIT_TEXT)]
    assert _facts(streamed[1]) == _facts(streamed[0]) == _facts(streamed[2])


def test_kg_ingest_loads_a_text_over_a_million_characters(
    empty_graph: Graph, backend: Backend, tmp_path: Path
) -> None:
    article = tmp_path / "long.txt"
    article.write_text(LONG, encoding="utf-8")
    result = kg(backend, "ingest", "--lang", "de", str(article), timeout=300)
    assert result.returncode == 0, result.stderr
    assert "E088" not in result.stderr and "Traceback" not in result.stderr
    [row] = empty_graph.read(DOCUMENT_TEXT)
    assert row["chars"] == len(LONG)
    assert [(r["person"], r["org"]) for r in empty_graph.read(VISIT_FACTS)] == [
        ("Anvar Beispielov", "Nordwind Motors")
    ]


def _facts(document: ExtractedDocument) -> set[tuple[str, str, str, str | None]]:
    names = {e.id: e.name for e in document.entities}
    return {
        (r.type.value, names[r.source], names[r.target], r.evidence) for r in document.relations
    }


def _mentions(doc: Doc) -> set[tuple[str, int]]:
    """The text and first character of every mention of the document."""
    return {(doc[m.start : m.end].text, doc[m.start : m.end].start_char) for m in doc._.kg_mentions}
