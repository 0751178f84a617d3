"""Assembling the per-language pipelines and caching them for the process."""

from __future__ import annotations

import logging
import threading
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, get_installed_models

import loaders.extraction.components  # noqa: F401  (registers the kg_* factories)
from loaders.extraction.candidates import MENTION_SPANS
from loaders.extraction.config import AUTO, ExtractionConfig
from loaders.extraction.language import check_language
from loaders.extraction.packs import Feature, LanguagePack, pack

log = logging.getLogger(__name__)
KG_COMPONENTS = ("kg_mentions", "kg_entities", "kg_relations")
# statistical components that help: the rest (lemmatizer, textcat...) is disabled
USEFUL_STATISTICAL = {
    "tok2vec",
    "transformer",
    "morphologizer",
    "tagger",
    "parser",
    "attribute_ruler",
    "ner",
    "senter",
}

_lock = threading.Lock()
_config = ExtractionConfig()
_pipelines: dict[str, Language] = {}


def configure(config: ExtractionConfig) -> None:
    """Use these settings from now on (pipelines already built are dropped)."""
    global _config
    with _lock:
        _config = config
        _pipelines.clear()


def get_nlp(lang: str) -> Language:
    """The pipeline for a language, built on first use and kept for the process."""
    check_language(lang)
    with _lock:
        if lang not in _pipelines:
            _pipelines[lang] = build_nlp(lang, _config)
        return _pipelines[lang]


def build_nlp(lang: str, config: ExtractionConfig | None = None) -> Language:
    """blank(<the pack's spaCy base>) or the configured statistical pipeline, plus the kg_*
    components; everything language-specific comes from the language's pack."""
    language = pack(check_language(lang))
    model = statistical_model(lang, config or ExtractionConfig())
    if model:
        nlp = spacy.load(model)
        keep = [name for name in nlp.pipe_names if name in USEFUL_STATISTICAL]
        for name in nlp.pipe_names:
            if name not in keep:
                nlp.disable_pipe(name)
        log.info("extraction %s: statistical pipeline %s (%s) as extra signal", lang, model, keep)
    else:
        nlp = spacy.blank(language.spacy_base)
    if language.has(Feature.SPLIT_HYPHEN_BEFORE_CAPITAL):
        _split_capitalised_hyphens(nlp)
    if language.has(Feature.CONTRACTION_NAMES):
        _keep_capitalised_words_whole(nlp)
    nlp.add_pipe("kg_unglue", first=True)
    if "parser" in nlp.pipe_names or "senter" in nlp.pipe_names:
        nlp.add_pipe("kg_sentences", after="kg_unglue")
    else:
        nlp.add_pipe("kg_sentences")
    _add_mention_patterns(nlp, language)
    for name in KG_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def _add_mention_patterns(nlp: Language, language: LanguagePack) -> None:
    """The pack's mention patterns, as a SpanRuler writing doc.spans[MENTION_SPANS]."""
    ruler = cast(
        SpanRuler,
        nlp.add_pipe(
            "span_ruler",
            name="kg_mention_patterns",
            config={"spans_key": MENTION_SPANS, "validate": True, "overwrite": True},
        ),
    )
    ruler.add_patterns(
        [
            {"label": rule.label, "id": rule.id, "pattern": list(rule.pattern)}
            for rule in language.patterns.mentions
        ]
    )


def statistical_model(lang: str, config: ExtractionConfig) -> str | None:
    wanted = config.model_for(lang)
    if wanted != AUTO:
        return wanted
    installed = sorted(
        m for m in get_installed_models() if m.startswith(pack(lang).statistical_prefix)
    )
    # prefer the small ones: they are fast enough to run beside the rules
    for size in ("sm", "md", "lg", "trf"):
        for name in installed:
            if name.endswith(size):
                return name
    return installed[0] if installed else None


def _keep_capitalised_words_whole(nlp: Language) -> None:
    """English splits contractions written without an apostrophe ("Hes" -> "He s", "Wed" ->
    "We d"); capitalised, they are names in news ("Hes Kablo") far more often."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    rules = tokenizer.rules or {}
    tokenizer.rules = {
        form: tokens
        for form, tokens in rules.items()
        if not (form[:1].isupper() and len(tokens) > 1 and not set("'’") & set(form))
    }


def _split_capitalised_hyphens(nlp: Language) -> None:
    """German keeps "Syrdarya-Region" and "Knauf-Werks" whole; split before a capital so the
    name and the noun are tokens of their own (English and Russian already split)."""
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[\wäöüÄÖÜß])-(?=[A-ZÄÖÜ])"]
    cast(Tokenizer, nlp.tokenizer).infix_finditer = compile_infix_regex(infixes).finditer
