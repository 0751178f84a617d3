"""Extraction settings. The service maps its KG_SPACY_MODEL_DE/EN/RU settings onto this;
extraction code never reads the environment itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.extraction.packs import languages

AUTO = "auto"


@dataclass(frozen=True)
class ExtractionConfig:
    """models: per language, a statistical spaCy pipeline (package name or path) to use as an
    extra signal; "auto" (the default) finds an installed package whose name starts with the
    pack's statistical_prefix (de_core_news_*, en_core_web_*, ...); None uses the rule-based
    pipeline alone."""

    models: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(languages(), AUTO))

    def model_for(self, lang: str) -> str | None:
        return self.models.get(lang, AUTO)
