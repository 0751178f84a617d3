"""Language packs: every language the extractor reads is a pack under
loaders/extraction/lang/<code>/, the pipeline is built from the pack alone, and rule code
holds neither language tests nor word lists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from graph_schema.errors import ExtractionError
from loaders.extraction import build_nlp, extract
from loaders.extraction.config import ExtractionConfig
from loaders.extraction.packs import PACKS, Feature, languages, load_pack, pack
from loaders.models import LANGUAGES

PACKAGE = Path(__file__).resolve().parents[2] / "loaders" / "extraction"
# a sentence per pack that the rules read into a person, an office and a place
SENTENCES = {
    "de": "Der Hokim des Gebiets Samarkand Erkinjon Turdimov besuchte Deutschland.",
    "en": "The khokim of Bukhara region Botir Zaripov visited Germany last week.",
    "ru": "Хоким Ферганской области Бахтиёр Рахимов посетил Германию.",
}


def test_the_supported_languages_are_the_packs_present():
    present = sorted(p.name for p in PACKS.iterdir() if (p / "manifest.toml").is_file())
    assert languages() == tuple(present)
    assert languages() == LANGUAGES  # the API's list of languages agrees


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_pipeline_is_built_from_the_manifest_alone(code: str):
    language = pack(code)
    nlp = build_nlp(code, ExtractionConfig(models={code: None}))
    assert nlp.lang == language.spacy_base
    assert nlp.pipe_names[-3:] == ["kg_mentions", "kg_entities", "kg_relations"]
    doc = nlp(SENTENCES[code])
    mentions = doc._.kg_mentions
    assert {m.type for m in mentions} >= {"Person", "Location"}
    assert doc._.kg_relations  # HOLDS_POSITION and VISITED at least


def test_a_declared_tokenizer_feature_reaches_the_pipeline():
    """German declares that a hyphen before a capital splits; English does not."""
    assert pack("de").has(Feature.SPLIT_HYPHEN_BEFORE_CAPITAL)
    german = build_nlp("de", ExtractionConfig(models={"de": None}))
    english = build_nlp("en", ExtractionConfig(models={"en": None}))
    assert [t.text for t in german.make_doc("Syrdarya-Region")] == ["Syrdarya", "-", "Region"]
    assert not pack("en").has(Feature.SPLIT_HYPHEN_BEFORE_CAPITAL)
    assert [t.text for t in english.make_doc("Hes Kablo")] == ["Hes", "Kablo"]


def test_a_language_without_a_pack_is_refused_with_a_sentence():
    with pytest.raises(ExtractionError, match="unsupported language 'fr'; supported are de"):
        extract("Le président a visité Tachkent.", "fr")


def _copy_pack(source: str, target: Path) -> Path:
    target.mkdir()
    for name in ("manifest.toml", "words.toml", "patterns.toml"):
        (target / name).write_text((PACKS / source / name).read_text(encoding="utf-8"))
    return target


def test_a_pack_missing_a_word_class_is_refused(tmp_path: Path):
    directory = _copy_pack("en", tmp_path / "xx")
    words = directory / "words.toml"
    words.write_text(re.sub(r"(?m)^LOCATIVE = .*$", "", words.read_text(encoding="utf-8")))
    with pytest.raises(ExtractionError, match=r"missing classes \['LOCATIVE'\]"):
        load_pack(directory)


def test_a_pack_with_an_unknown_feature_is_refused(tmp_path: Path):
    directory = _copy_pack("en", tmp_path / "xx")
    manifest = directory / "manifest.toml"
    text = manifest.read_text(encoding="utf-8").replace('"plural_s"', '"plural_en"')
    manifest.write_text(text)
    with pytest.raises(ExtractionError, match="bad manifest"):
        load_pack(directory)


def test_a_pack_whose_pattern_does_not_compile_is_refused(tmp_path: Path):
    directory = _copy_pack("en", tmp_path / "xx")
    patterns = directory / "patterns.toml"
    broken = 'VENTURE = "joint(venture"'
    patterns.write_text(re.sub(r"(?m)^VENTURE = .*$", broken, patterns.read_text()))
    with pytest.raises(ExtractionError, match="does not compile"):
        load_pack(directory)


def test_each_pack_reads_money_its_own_way():
    amounts = {"de": "50 Millionen US-Dollar", "en": "$120 million", "ru": "120 млн долларов"}
    for code, amount in amounts.items():
        found = pack(code).patterns.money.search(f"... {amount}.")
        assert found is not None and found.group(0) == amount


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "packs.py")


def test_rule_code_never_tests_a_language_code():
    test = re.compile(r"\blang_?\s*(==|!=)|\blang_?\s+(not\s+)?in\s*\(")
    found = [
        f"{path.name}:{n}"
        for path in _sources()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if test.search(line)
    ]
    assert found == []


# names that are no words of a language: spaCy component and tag names, subtypes, labels
NOT_WORDS = re.compile(r"^([A-Z_]+|kg_\w+|[a-z]+_[a-z_]+|tok2vec|transformer|morphologizer)$")


def test_no_module_holds_a_list_of_more_than_five_words():
    long_lists = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Tuple | ast.List | ast.Set):
                continue
            words = [
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant)
                and isinstance(e.value, str)
                and e.value.isalpha()
                and not NOT_WORDS.match(e.value)
            ]
            if len(words) > 5:
                long_lists.append(f"{path.name}:{node.lineno} {words[:3]}")
    assert long_lists == []
