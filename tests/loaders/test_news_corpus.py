"""The project's real-news corpus (corpus/news) is gold that the scores rest on: every file
is a valid document, no article is in it twice (one URL twice was once scored twice and loaded
as two documents), each file's id is its name, and SOURCES.md lists exactly the files there are."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import jsonschema

from loaders.models import document_json_schema
from tests.conftest import ROOT

NEWS = ROOT / "corpus" / "news"
SOURCE_ROW = re.compile(r"^\| ([\w.-]+\.json) \|", re.MULTILINE)


def _files() -> list[Path]:
    files = sorted(NEWS.glob("*.json"))
    assert files, f"no gold files in {NEWS}"
    return files


def test_every_news_file_validates_and_is_named_by_its_id() -> None:
    check = jsonschema.Draft202012Validator(document_json_schema())
    for path in _files():
        doc = json.loads(path.read_text(encoding="utf-8"))
        errors = [e.message for e in check.iter_errors(doc)]
        assert errors == [], f"{path.name}: {errors[:3]}"
        assert doc["id"] == path.stem, path.name


def test_no_article_is_in_the_corpus_twice() -> None:
    urls = Counter(json.loads(p.read_text(encoding="utf-8"))["url"] for p in _files())
    assert [url for url, n in urls.items() if n > 1] == []


def test_sources_lists_exactly_the_files() -> None:
    listed = SOURCE_ROW.findall((NEWS / "SOURCES.md").read_text(encoding="utf-8"))
    assert len(listed) == len(set(listed)), "a file is listed twice in SOURCES.md"
    assert sorted(listed) == [p.name for p in _files()]
