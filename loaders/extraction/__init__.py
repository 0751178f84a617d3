"""Extraction: article text (de, en, ru) -> entities and relations in FORMAT.md shape.

    extract(text, lang=None, meta=None) -> ExtractedDocument
    extract_many(((text, meta), ...)) -> Iterator[ExtractedDocument]

Pipelines are rule- and gazetteer-based spaCy pipelines built once per language and process;
a statistical spaCy pipeline, when installed or configured, adds its parser as a signal.
See docs/EXTRACTION.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from graph_schema.errors import ExtractionError
from loaders.extraction.config import ExtractionConfig
from loaders.extraction.convert import to_document
from loaders.extraction.language import check_language, detect_language
from loaders.extraction.pipeline import build_nlp, configure, get_nlp
from loaders.models import DocumentMeta, ExtractedDocument

__all__ = [
    "ExtractionConfig",
    "build_nlp",
    "configure",
    "detect_language",
    "extract",
    "extract_many",
]


def extract(
    text: str, lang: str | None = None, meta: DocumentMeta | None = None
) -> ExtractedDocument:
    """Entities and relations of one article. ExtractionError for blank text or a language
    other than de/en/ru."""
    chosen = _language(text, lang, meta)
    doc = get_nlp(chosen)(text)
    return to_document(doc, text, chosen, meta)


def extract_many(items: Iterable[tuple[str, DocumentMeta | None]]) -> Iterator[ExtractedDocument]:
    """Stream many articles; consecutive articles of one language go through nlp.pipe together."""
    tagged = ((_language(text, None, meta), text, meta) for text, meta in items)
    for lang, group in groupby(tagged, key=lambda item: item[0]):
        nlp = get_nlp(lang)
        pairs = ((text, (text, meta)) for _, text, meta in group)
        for doc, (text, meta) in nlp.pipe(pairs, as_tuples=True):
            yield to_document(doc, text, lang, meta)


def _language(text: str, lang: str | None, meta: DocumentMeta | None) -> str:
    if not text or not text.strip():
        raise ExtractionError("cannot extract from blank text")
    chosen = lang or (meta.lang if meta else None)
    return check_language(chosen) if chosen else detect_language(text)
