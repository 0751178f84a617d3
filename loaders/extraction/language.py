"""Which language a text is in, when the caller does not say: lingua, limited to ours."""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from graph_schema.errors import ExtractionError

_CODES = {Language.GERMAN: "de", Language.ENGLISH: "en", Language.RUSSIAN: "ru"}
_SUPPORTED = ("de", "en", "ru")


@cache
def _detector() -> LanguageDetector:
    # The three we extract and a few neighbours, so that a Kazakh or Uzbek text is told apart
    # rather than forced into one of ours.
    others = (Language.UKRAINIAN, Language.KAZAKH, Language.FRENCH, Language.TURKISH)
    return LanguageDetectorBuilder.from_languages(*_CODES, *others).build()


def detect_language(text: str) -> str:
    """'de', 'en' or 'ru'; ExtractionError for anything else."""
    found = _detector().detect_language_of(text[:2000])
    code = _CODES.get(found) if found is not None else None
    if code is None:
        name = found.name.lower() if found else "unknown"
        raise ExtractionError(
            f"cannot extract from this text: its language is {name}, "
            f"supported are {', '.join(_SUPPORTED)}"
        )
    return code


def check_language(lang: str) -> str:
    if lang not in _SUPPORTED:
        raise ExtractionError(
            f"unsupported language {lang!r}; supported are {', '.join(_SUPPORTED)}"
        )
    return lang


def supported_languages() -> tuple[str, ...]:
    return _SUPPORTED
