"""Every pack's pipeline with and without its statistical model (installed by make install;
nothing downloaded), and the signal real models leave."""

from __future__ import annotations

from functools import cache

import pytest
from spacy.language import Language

from graph_schema.errors import ExtractionError
from loaders.extraction import build_nlp
from loaders.extraction.config import ExtractionConfig
from loaders.extraction.convert import to_document
from loaders.extraction.kinds import ORGANIZATION, PERSON
from loaders.extraction.packs import languages, pack
from loaders.extraction.signals import signal_of
from tests.loaders.cases import Case, models, problems

SIGNALS = {"kg_spacy_signal", "kg_natasha_signal"}


@pytest.mark.parametrize("code", languages())
def test_each_pack_builds_with_and_without_models(code: str) -> None:
    settings = pack(code).models
    off = build_nlp(code, ExtractionConfig.every("off"))
    assert not SIGNALS & set(off.pipe_names)
    on = build_nlp(code, ExtractionConfig.every("on"))
    auto = build_nlp(code, ExtractionConfig.every("auto"))
    if not settings.present:
        assert on.pipe_names == off.pipe_names == auto.pipe_names
        return
    assert on.pipe_names.index(settings.component) == on.pipe_names.index("kg_sentences") + 1
    assert (settings.component in auto.pipe_names) == settings.default
    doc = on("Test.")
    signal = signal_of(doc)
    assert signal is not None and signal.model == settings.package


def test_real_models_find_names_and_subjects() -> None:
    english = build_nlp("en", ExtractionConfig.every("on"))
    doc = english("Shavkat Mirziyoyev received a delegation led by its chairman Fu Hao.")
    signal = signal_of(doc)
    assert signal is not None
    people = {doc[n.start : n.end].text for n in signal.names if n.type == PERSON}
    assert "Fu Hao" in people and 1 in signal.subjects
    russian = build_nlp("ru", ExtractionConfig.every("on"))
    doc = russian("Мирзиёев принял делегацию компании BYD во главе с Ваном Чуаньфу в Ташкенте.")
    signal = signal_of(doc)
    assert signal is not None
    normal = {n.normal for n in signal.names if n.type == PERSON}
    assert "Ван Чуаньфу" in normal
    assert any(n.type == ORGANIZATION for n in signal.names)


def test_a_model_that_is_not_installed_is_a_clear_error() -> None:
    with pytest.raises(ExtractionError, match="not installed"):
        build_nlp("en", ExtractionConfig(models={"en": "no_such_pipeline_here"}))


MODEL_CASES = [
    (name, i, case) for name, cases in models.TABLES.items() for i, case in enumerate(cases)
]


@cache
def default_pipeline(code: str) -> Language:
    """The pipeline a pack builds by default: its model where the manifest turns it on."""
    return build_nlp(code, ExtractionConfig.every("auto"))


@cache
def rules_pipeline(code: str) -> Language:
    return build_nlp(code, ExtractionConfig.every("off"))


@pytest.mark.parametrize(
    "table, row, case", MODEL_CASES, ids=[f"{name}-{i}" for name, i, _ in MODEL_CASES]
)
def test_model_case(table: str, row: int, case: Case) -> None:
    """Each row passes with the pack's default model and misses something with rules only:
    the model is what brings it."""
    with_model = to_document(default_pipeline(case.lang)(case.text), case.text, case.lang, None)
    assert not problems(with_model, case)
    rules_only = to_document(rules_pipeline(case.lang)(case.text), case.text, case.lang, None)
    assert problems(rules_only, case)
