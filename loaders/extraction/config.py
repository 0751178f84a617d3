"""Extraction settings. The service maps its KG_SPACY_MODEL_DE/EN/RU settings onto this;
extraction code never reads the environment itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from loaders.extraction.packs import languages

AUTO = "auto"
ON = "on"
OFF = "off"


class Models(StrEnum):
    """What `kg eval --models` and ExtractionConfig.every() choose for every language."""

    AUTO = AUTO  # each pack's default (its manifest's [models] default)
    ON = ON  # every pack's statistical signal, where it has one
    OFF = OFF  # the rules alone


@dataclass(frozen=True)
class ModelChoice:
    """The statistical signal one pipeline runs: a registered component and the package (or
    path) it loads."""

    component: str
    package: str


@dataclass(frozen=True)
class ExtractionConfig:
    """models, per language: "auto" (the default: the pack's [models] signal if the pack
    turns it on by default), "on" (the pack's signal), None or "off" (the rules alone), or
    the name or path of a spaCy pipeline whose NER and parse are the signal (in place of the
    pack's)."""

    models: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(languages(), AUTO))

    @classmethod
    def every(cls, choice: Models | str) -> ExtractionConfig:
        """The same choice for every language."""
        return cls(models=dict.fromkeys(languages(), Models(choice).value))

    def model_for(self, lang: str) -> str | None:
        wanted = self.models.get(lang, AUTO)
        return None if wanted is None or wanted.lower() == OFF else wanted
