"""Extraction settings. The service maps its KG_SPACY_MODEL_DE/EN/RU settings onto this;
extraction code never reads the environment itself."""

from __future__ import annotations

from dataclasses import dataclass, field

LANGUAGES = ("de", "en", "ru")
# Package name prefixes of spaCy's statistical pipelines, tried in this order per language.
STATISTICAL_PREFIXES = {"de": "de_core_news_", "en": "en_core_web_", "ru": "ru_core_news_"}
AUTO = "auto"


@dataclass(frozen=True)
class ExtractionConfig:
    """models: per language, a statistical spaCy pipeline (package name or path) to use as an
    extra signal; "auto" (the default) finds an installed de_core_news_* / en_core_web_* /
    ru_core_news_* package; None uses the rule-based pipeline alone."""

    models: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(LANGUAGES, AUTO))

    def model_for(self, lang: str) -> str | None:
        return self.models.get(lang, AUTO)
