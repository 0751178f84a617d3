"""The document format's JSON Schema is generated from loaders.models, checked in as
docs/document.schema.json, served at /schema/document.json (tests/service/test_api_schema.py),
and every gold file of the dev corpus, the example of docs/FORMAT.md and what `kg extract`
prints validate against it."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from loaders.extraction import extract
from loaders.models import document_json_schema
from tests.conftest import DEV_CORPUS, ROOT, needs_shared
from tests.factories import VISIT_TEXT

CHECKED_IN = ROOT / "docs" / "document.schema.json"


def validator() -> jsonschema.Draft202012Validator:
    schema = document_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_checked_in_schema_is_the_generated_one() -> None:
    on_disk = json.loads(CHECKED_IN.read_text(encoding="utf-8"))
    assert on_disk == document_json_schema(), "regenerate it: kg schema > docs/document.schema.json"


@needs_shared()
def test_every_dev_corpus_file_validates() -> None:
    files = sorted(DEV_CORPUS.glob("*.json"))
    assert files
    check = validator()
    for path in files:
        errors = [e.message for e in check.iter_errors(json.loads(path.read_text("utf-8")))]
        assert errors == [], f"{path.name}: {errors[:3]}"


def test_the_example_of_format_md_validates() -> None:
    text = (ROOT / "docs" / "FORMAT.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.DOTALL)
    assert block is not None
    validator().validate(json.loads(block.group(1).replace("…", "...")))


def test_what_the_extractor_prints_validates() -> None:
    doc = extract(VISIT_TEXT, lang="de")
    assert doc.entities and doc.relations
    validator().validate(doc.to_format_json())


@pytest.mark.parametrize(
    "broken, where",
    [
        ({"text": "x", "entities": [{"id": "e1", "type": "Person"}]}, "name"),
        ({"text": "x", "lang": "fr"}, "lang"),
        ({"text": "x", "relations": [{"type": "KNOWS", "source": "a", "target": "b"}]}, "type"),
        ({"title": "no text"}, "text"),
    ],
)
def test_the_schema_refuses_what_the_models_refuse(broken: dict, where: str) -> None:
    errors = list(validator().iter_errors(broken))
    assert errors and any(where in (e.message + str(list(e.path))) for e in errors)


def test_docs_link_the_format_not_the_shared_folder() -> None:
    for doc in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]:
        text = doc.read_text(encoding="utf-8")
        assert "shared/eval/FORMAT.md" not in text, doc.name
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/FORMAT.md)" in readme and "/schema/document.json" in readme
