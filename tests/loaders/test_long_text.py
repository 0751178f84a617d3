"""Texts over spaCy's 1,000,000 characters: paragraph chunks with offsets kept, through the
real pipeline and through `kg ingest` into the real embedded graph."""

from __future__ import annotations

from pathlib import Path

from graph_schema.graph import Graph
from graph_schema.statement import Statement
from loaders.extraction import extract, extract_many
from loaders.extraction.chunks import chunks
from tests.conftest import Backend
from tests.factories import VISIT_TEXT
from tests.loaders.test_ingest import kg

LONG = "\n\n".join([VISIT_TEXT] * (1_000_000 // len(VISIT_TEXT) + 50))
DOCUMENT_TEXT = Statement(
    "DOCUMENT_TEXT", "MATCH (d:Document) RETURN size(d.text) AS chars, d.id AS id"
)


def test_chunks_join_into_the_text_and_end_at_paragraphs():
    text = "Erster Absatz. Noch ein Satz.\n\nZweiter Absatz hier.\nDritte Zeile."
    pieces = list(chunks(text, 40))
    assert "".join(p.text for p in pieces) == text
    assert all(len(p.text) <= 40 for p in pieces)
    assert pieces[0].text.endswith("\n\n") and pieces[1].start == pieces[0].end
    assert [c.text for c in chunks("", 10)] == [""]


def test_a_text_over_a_million_characters_extracts_like_its_paragraph():
    assert len(LONG) > 1_000_000
    short = extract(VISIT_TEXT, "de")
    long = extract(LONG, "de")
    assert long.text == LONG
    assert sorted(e.name for e in long.entities) == sorted(e.name for e in short.entities)
    facts = {(r.type, r.evidence) for r in short.relations}
    assert facts and {(r.type, r.evidence) for r in long.relations} == facts
    assert all(r.evidence in LONG for r in long.relations)
    streamed = list(extract_many([(VISIT_TEXT, None), (LONG, None), (VISIT_TEXT, None)]))
    assert [len(d.text) for d in streamed] == [len(VISIT_TEXT), len(LONG), len(VISIT_TEXT)]


def test_kg_ingest_loads_a_text_over_a_million_characters(
    empty_graph: Graph, backend: Backend, tmp_path: Path
) -> None:
    article = tmp_path / "long.txt"
    article.write_text(LONG, encoding="utf-8")
    result = kg(backend, "ingest", "--lang", "de", str(article), timeout=600)
    assert result.returncode == 0, result.stderr
    assert "E088" not in result.stderr and "Traceback" not in result.stderr
    [row] = empty_graph.read(DOCUMENT_TEXT)
    assert row["chars"] == len(LONG)
