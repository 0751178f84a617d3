"""Every case table (tests/loaders/cases/) through the pipeline each language pack builds
from its manifest alone: one parametrised test, one row per case."""

from __future__ import annotations

from functools import cache

import pytest
from spacy.language import Language

from loaders.extraction import build_nlp
from loaders.extraction.config import ExtractionConfig
from loaders.extraction.convert import to_document
from loaders.extraction.packs import languages
from tests.loaders.cases import Case, names, orders, people, places, plants, problems

TABLES: dict[str, list[Case]] = {
    **people.TABLES,
    **plants.TABLES,
    **places.TABLES,
    **orders.TABLES,
    **names.TABLES,
}
CASES = [(name, i, case) for name, cases in TABLES.items() for i, case in enumerate(cases)]


@cache
def pipeline(code: str) -> Language:
    """The pipeline of one pack, from its manifest alone (rules only, no statistical model)."""
    return build_nlp(code, ExtractionConfig(models={code: None}))


def test_every_pack_has_cases():
    assert {case.lang for _, _, case in CASES} == set(languages())


@pytest.mark.parametrize("table, row, case", CASES, ids=[f"{name}-{i}" for name, i, _ in CASES])
def test_case(table: str, row: int, case: Case) -> None:
    doc = to_document(pipeline(case.lang)(case.text), case.text, case.lang, None)
    assert not problems(doc, case)
