"""Which language a text is in, when the caller does not say: lingua, limited to ours."""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from graph_schema.errors import ExtractionError
from loaders.extraction.datafiles import read_words
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


# lingua knows no Uzbek: an Uzbek Latin text came out as "turkish", an Uzbek Cyrillic one as
# Russian or Kazakh. Uzbek is told by its own signs: Latin o‘ and g‘ (spelt with ‘ ʻ ' or `),
# and its most frequent words, which Turkish spells otherwise (va/ve, bilan/ile, uchun/için);
# in Cyrillic, ў and ҳ, which neither Russian nor Kazakh writes.
_UZBEK_WORDS = read_words("uzbek_words.txt")
_APOSTROPHES = str.maketrans({c: "'" for c in "‘’ʻʼ`´"})
_UZBEK_LETTER = re.compile(r"\b\w*[og]'\w*", re.IGNORECASE)
_LATIN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
_UZBEK_CYRILLIC = re.compile(r"[ўҳЎҲ]")
_KAZAKH_ONLY = re.compile(r"[әіңөүұһӘІҢӨҮҰҺ]")


def is_uzbek(text: str) -> bool:
    """Whether a text reads as Uzbek, in Latin or Cyrillic script (a quoted name in an article
    of another language is too few of its words to count)."""
    sample = text[:2000]
    if _UZBEK_CYRILLIC.search(sample) and not _KAZAKH_ONLY.search(sample):
        letters = sum(ch.isalpha() for ch in sample)
        return len(_UZBEK_CYRILLIC.findall(sample)) >= max(2, letters // 200)
    words = _LATIN_WORD.findall(sample.translate(_APOSTROPHES).lower())
    if len(words) < 5:
        return False
    signs = sum(w in _UZBEK_WORDS or bool(_UZBEK_LETTER.fullmatch(w)) for w in words)
    # Uzbek news runs at 25-45 % of such words; an article quoting an Uzbek name or two, at 5-12 %.
    return signs >= 3 and signs / len(words) >= 0.2


def detect_language(text: str) -> str:
    """The code of a pack's language; ExtractionError for anything else."""
    if is_uzbek(text):
        raise ExtractionError(_refusal("uzbek"))
    found = _detector().detect_language_of(text[:2000])
    code = _codes().get(found) if found is not None else None
    if code is None:
        name = found.name.lower() if found else "unknown"
        raise ExtractionError(_refusal(name))
    return code


def _refusal(name: str) -> str:
    return f"cannot extract from this text: its language is {name}, supported are " + ", ".join(
        languages()
    )


def check_language(lang: str) -> str:
    """The language itself when a pack reads it; ExtractionError otherwise."""
    return pack(lang).code


def supported_languages() -> tuple[str, ...]:
    """The codes of the packs present, in their order."""
    return tuple(languages())
