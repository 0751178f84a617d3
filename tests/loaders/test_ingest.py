"""`kg ingest` against the real graph: file kinds, bad input, interruption and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from graph_schema.graph import Graph
from graph_schema.statement import Statement
from loaders.ingest import Failure, parse_front_matter, read_articles
from tests.conftest import ROOT, WIPE, Backend
from tests.factories import VISIT_TEXT, visit_document
from tests.loaders.test_batches import snapshot

CONSISTENCY = Statement(
    "CONSISTENCY",
    """
    MATCH (d:Document)
    OPTIONAL MATCH (d)-[m:MENTIONS]->()
    WITH d, count(m) AS mentions
    RETURN count(d) AS documents,
           sum(CASE WHEN mentions = d.entity_count THEN 0 ELSE 1 END) AS partial""",
)


def kg(backend: Backend, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **backend.env, "KG_LOG_LEVEL": "WARNING"}
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        doc = visit_document(f"{VISIT_TEXT} Meldung Nummer {i}.")
        (folder / f"doc-{i:04}.json").write_text(doc.model_dump_json(), encoding="utf-8")


def test_front_matter_and_markdown_title(tmp_path: Path) -> None:
    meta, text = parse_front_matter(
        "---\nurl: https://example.org/a\npublished: 2024-01-02\n---\n# Titel\nText."
    )
    assert meta == {"url": "https://example.org/a", "published": "2024-01-02"}
    assert text == "# Titel\nText."
    (tmp_path / "a.md").write_text("# Ein Titel\n\nText des Artikels.", encoding="utf-8")
    [article] = list(read_articles([tmp_path / "a.md"]))
    assert not isinstance(article, Failure)
    assert article.meta is not None and article.meta.title == "Ein Titel"


def test_bad_files_are_reported_and_the_rest_loads(
    empty_graph: Graph, backend: Backend, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, 2)
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "wrong.json").write_text(json.dumps({"text": "x", "entities": [{"id": 1}]}))
    (folder / "lines.jsonl").write_text('{"text": ""}\nnot json\n', encoding="utf-8")
    result = kg(backend, "ingest", str(folder), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "documents 2," in result.stdout and "failed 5" in result.stdout
    for needle in (
        "broken.json: not valid JSON",
        "wrong.json: entities.0.",
        "lines.jsonl:1",
        "lines.jsonl:2",
        "missing.txt: no such file",
    ):
        assert needle in result.stderr
    assert "Traceback" not in result.stderr
    assert empty_graph.read(CONSISTENCY)[0] == {"documents": 2, "partial": 0}


def test_unknown_language_option_is_refused(backend: Backend, tmp_path: Path) -> None:
    result = kg(backend, "ingest", "--lang", "fr", str(tmp_path))
    assert result.returncode == 2 and "--lang must be de, en or ru" in result.stderr


def test_killed_ingest_leaves_no_half_document_and_a_rerun_completes(
    empty_graph: Graph, backend: Backend, tmp_path: Path
) -> None:
    """Killed while it writes a batch (200 documents a transaction): the batches committed are
    whole, the one under way left nothing."""
    folder = tmp_path / "many"
    total = 1_000
    write_corpus(folder, total)
    env = {**os.environ, **backend.env, "KG_LOG_LEVEL": "WARNING"}
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "ingest", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if empty_graph.read(CONSISTENCY)[0]["documents"] >= 15:
            break
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partway = empty_graph.read(CONSISTENCY)[0]
    assert 15 <= partway["documents"] < total and partway["partial"] == 0
    rerun = kg(backend, "ingest", str(folder))
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {partway['documents']}" in rerun.stdout
    assert empty_graph.read(CONSISTENCY)[0] == {"documents": total, "partial": 0}


def test_a_text_that_is_no_string_fails_its_line_and_the_rest_loads(
    empty_graph: Graph, backend: Backend, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, 1)
    good = json.dumps({"text": f"{VISIT_TEXT} Zweite Meldung.", "lang": "de"})
    (folder / "lines.jsonl").write_text(
        f'{{"text": 123}}\n{good}\n{{"text": ["a"]}}\n{{"title": "no text"}}\n', encoding="utf-8"
    )
    (folder / "number.json").write_text('{"text": 4.5, "lang": "de"}', encoding="utf-8")
    result = kg(backend, "ingest", str(folder))
    assert result.returncode == 1, result.stderr
    assert "documents 2," in result.stdout and "failed 4" in result.stdout
    for needle in (
        'lines.jsonl:1: "text" must be a string, not int (123)',
        'lines.jsonl:3: "text" must be a string, not list (["a"])',
        'lines.jsonl:4: "text" is missing',
        'number.json: "text" must be a string, not float (4.5)',
    ):
        assert needle in result.stderr
    assert "Traceback" not in result.stderr
    assert empty_graph.read(CONSISTENCY)[0] == {"documents": 2, "partial": 0}


def test_a_folder_without_articles_is_an_error(backend: Backend, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
    result = kg(backend, "ingest", str(tmp_path / "empty"))
    assert result.returncode == 1
    assert f"no articles found under {tmp_path / 'empty'}" in result.stderr
    assert "Traceback" not in result.stderr


def test_extract_prints_exactly_one_article(backend: Backend, tmp_path: Path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(VISIT_TEXT, encoding="utf-8")
    lines = tmp_path / "two.jsonl"
    lines.write_text(json.dumps({"text": VISIT_TEXT}) + "\n" + json.dumps({"text": "Zwei."}))
    for many in (folder, lines):
        result = kg(backend, "extract", str(many))
        assert result.returncode == 2 and result.stdout == ""
        assert f"{many} holds more than one article; kg extract prints one" in result.stderr
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"text": VISIT_TEXT, "lang": "de"}) + "\n", encoding="utf-8")
    printed = kg(backend, "extract", str(one))
    assert printed.returncode == 0, printed.stderr
    assert json.loads(printed.stdout)["lang"] == "de"
    one.write_text('{"text": 123}\n', encoding="utf-8")
    refused = kg(backend, "extract", str(one))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f'{one}:1: "text" must be a string, not int (123)' in refused.stderr


def test_a_document_in_a_language_of_no_format_fails(
    empty_graph: Graph, backend: Backend, tmp_path: Path
) -> None:
    folder = tmp_path / "langs"
    folder.mkdir()
    doc = json.loads(visit_document().model_dump_json())
    (folder / "fr.json").write_text(json.dumps({**doc, "lang": "fr"}), encoding="utf-8")
    (folder / "uz.json").write_text(json.dumps({**doc, "lang": "uz"}), encoding="utf-8")
    (folder / "uz-text.json").write_text(json.dumps({"text": "Matn.", "lang": "uz"}))
    result = kg(backend, "ingest", str(folder))
    assert result.returncode == 1 and "documents 1," in result.stdout
    assert "fr.json: lang: Input should be 'de', 'en', 'ru' or 'uz'" in result.stderr
    assert "uz-text.json: lang: Input should be 'de', 'en' or 'ru'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_quoted_front_matter_title_loses_its_quotes(tmp_path: Path) -> None:
    meta, _ = parse_front_matter(
        '---\ntitle: "Chery: ein \\"Werk\\" in Karshi"\nurl: \'https://x.example/a\'\n'
        "published: 2024-01-02\n---\nText."
    )
    assert meta["title"] == 'Chery: ein "Werk" in Karshi'
    assert meta["url"] == "https://x.example/a"
    (tmp_path / "a.md").write_text(
        "---\ntitle: 'Azimov''s visit'\n---\n# Other\n\nText.", encoding="utf-8"
    )
    [article] = list(read_articles([tmp_path / "a.md"]))
    assert not isinstance(article, Failure) and article.meta is not None
    assert article.meta.title == "Azimov's visit"


def test_a_markdown_headline_as_evidence_has_no_heading_marker(tmp_path: Path) -> None:
    from loaders.extraction import extract

    text = (
        "# Gouverneur Anvar Beispielov besucht Nordwind Motors\n\n"
        "Gouverneur Anvar Beispielov besuchte am Montag den Autobauer Nordwind Motors."
    )
    doc = extract(text, "de")
    evidence = [r.evidence for r in doc.relations]
    assert evidence and all(e and not e.startswith("#") for e in evidence)
    assert all(e in text for e in evidence if e)


def test_extracting_in_worker_processes_loads_what_one_process_loads(
    empty_graph: Graph, backend: Backend, tmp_path: Path
) -> None:
    """Texts extracted by two workers are written in the order they were read: the graph is the
    same, down to each entity's load order (MENTIONS seq), as extracting them here."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for source in sorted((ROOT / "examples" / "articles").glob("*.md"))[:4]:
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("   ", encoding="utf-8")  # fails, the rest loads
    here = kg(backend, "ingest", "--workers", "0", str(folder))
    assert here.returncode == 1 and "empty.txt" in here.stderr, here.stderr
    loaded_here = snapshot(empty_graph)
    empty_graph.write(lambda tx: tx.run(WIPE), name="wipe")
    in_workers = kg(backend, "ingest", "--workers", "2", str(folder))
    assert in_workers.returncode == 1 and "empty.txt" in in_workers.stderr, in_workers.stderr
    assert in_workers.stdout == here.stdout
    assert _without_ingestion_times(snapshot(empty_graph)) == _without_ingestion_times(loaded_here)


def _without_ingestion_times(graph: dict[str, list[str]]) -> dict[str, list[str]]:
    def strip(line: str) -> str:
        labels, props = json.loads(line)
        props.pop("ingested_at", None)
        return json.dumps([labels, props], sort_keys=True)

    return {"nodes": sorted(map(strip, graph["nodes"])), "rels": graph["rels"]}
