"""Which language a text is in, when the caller does not say: lingua, limited to ours."""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from graph_schema.errors import ExtractionError
from loaders.extraction.packs import languages, pack, packs

# neighbours told apart rather than forced into one of ours (a Kazakh or Uzbek text)
NEIGHBOURS = (Language.UKRAINIAN, Language.KAZAKH, Language.FRENCH, Language.TURKISH)


@cache
def _codes() -> dict[Language, str]:
    """lingua's language of each pack (its manifest names it) -> the pack's code."""
    return {getattr(Language, p.lingua): code for code, p in packs().items()}


@cache
def _detector() -> LanguageDetector:
    ours = tuple(_codes())
    others = tuple(n for n in NEIGHBOURS if n not in ours)
    return LanguageDetectorBuilder.from_languages(*ours, *others).build()


def detect_language(text: str) -> str:
    """The code of a pack's language; ExtractionError for anything else."""
    found = _detector().detect_language_of(text[:2000])
    code = _codes().get(found) if found is not None else None
    if code is None:
        name = found.name.lower() if found else "unknown"
        raise ExtractionError(
            f"cannot extract from this text: its language is {name}, "
            f"supported are {', '.join(languages())}"
        )
    return code


def check_language(lang: str) -> str:
    """The language itself when a pack reads it; ExtractionError otherwise."""
    return pack(lang).code


def supported_languages() -> tuple[str, ...]:
    """The codes of the packs present, in their order."""
    return tuple(languages())
