"""Assembling the per-language pipelines and caching them for the process."""

from __future__ import annotations

import gc
import logging
import threading
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

import loaders.extraction.components
import loaders.extraction.signal_components  # noqa: F401  (registers the kg_*_signal ones)
from loaders.extraction.candidates import MENTION_SPANS
from loaders.extraction.config import AUTO, ON, ExtractionConfig, ModelChoice
from loaders.extraction.language import check_language
from loaders.extraction.packs import Feature, LanguagePack, pack

log = logging.getLogger(__name__)
KG_COMPONENTS = ("kg_mentions", "kg_entities", "kg_relations")
# a spaCy pipeline named in the configuration brings its signal through this component
SPACY_SIGNAL = "kg_spacy_signal"

_lock = threading.Lock()
_config = ExtractionConfig()
_pipelines: dict[str, Language] = {}


def configure(config: ExtractionConfig) -> None:
    """Use these settings from now on (pipelines already built are dropped)."""
    global _config
    with _lock:
        _config = config
        _pipelines.clear()
        gc.unfreeze()  # what the dropped pipelines held is the collector's again


def get_nlp(lang: str) -> Language:
    """The pipeline for a language, built on first use and kept for the process."""
    check_language(lang)
    with _lock:
        if lang not in _pipelines:
            _pipelines[lang] = build_nlp(lang, _config)
            _freeze_what_lives_on()
        return _pipelines[lang]


def _freeze_what_lives_on() -> None:
    """Keep a kept pipeline's tables out of the cycle collector's full collections.

    Gazetteers, lexicons, morphology and matcher payloads are some 175,000 objects that live
    as long as the process; every full collection walked them all again (0.1 s each, a tenth
    of the Russian and English rules' time). Frozen, they are still freed by reference
    counting; configure() hands them back to the collector when it drops the pipelines."""
    gc.collect()  # garbage of the build goes now, not into the permanent generation
    gc.freeze()


def build_nlp(lang: str, config: ExtractionConfig | None = None) -> Language:
    """spacy.blank(<the pack's spaCy base>) with the kg_* components, and the statistical
    signal the configuration chooses (model_choice) right after the sentences; everything
    language-specific comes from the language's pack."""
    language = pack(check_language(lang))
    nlp = spacy.blank(language.spacy_base)
    if language.has(Feature.SPLIT_HYPHEN_BEFORE_CAPITAL):
        _split_capitalised_hyphens(nlp)
    if language.has(Feature.CONTRACTION_NAMES):
        _keep_capitalised_words_whole(nlp)
    nlp.add_pipe("kg_unglue", first=True)
    nlp.add_pipe("kg_sentences")
    choice = model_choice(lang, config or ExtractionConfig())
    if choice is not None:
        nlp.add_pipe(choice.component, config={"package": choice.package})
        log.info("extraction %s: %s (%s) as extra signal", lang, choice.package, choice.component)
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


def model_choice(lang: str, config: ExtractionConfig) -> ModelChoice | None:
    """The signal a language's pipeline runs: none when models are off, or "auto" and the
    pack does not turn its model on by default; the pack's [models] component and package;
    or a spaCy pipeline the configuration names."""
    wanted = config.model_for(lang)
    settings = pack(lang).models
    if wanted is None:
        return None
    if wanted in (AUTO, ON):
        if not settings.present or (wanted == AUTO and not settings.default):
            return None
        assert settings.component is not None and settings.package is not None
        return ModelChoice(settings.component, settings.package)
    return ModelChoice(SPACY_SIGNAL, wanted)


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
