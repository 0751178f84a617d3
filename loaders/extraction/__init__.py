"""Extraction: article text (de, en, ru) -> entities and relations in FORMAT.md shape.

    extract(text, lang=None, meta=None) -> ExtractedDocument
    extract_many(((text, meta), ...)) -> Iterator[ExtractedDocument]

Pipelines are rule- and gazetteer-based spaCy pipelines built once per language and process;
a statistical model (the pack's [models]: en_core_web_sm, natasha) adds its NER and parse
as a signal where configured. Texts over spaCy's 1,000,000 characters go through in
paragraph chunks (long_text.py). See docs/EXTRACTION.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from graph_schema.errors import ExtractionError
from loaders.extraction.config import ExtractionConfig
from loaders.extraction.convert import to_document
from loaders.extraction.language import check_language, detect_language
from loaders.extraction.long_text import is_long, process
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
    doc = process(get_nlp(chosen), text)
    return to_document(doc, text, chosen, meta)


def extract_many(items: Iterable[tuple[str, DocumentMeta | None]]) -> Iterator[ExtractedDocument]:
    """Stream many articles; consecutive articles of one language go through nlp.pipe together."""
    tagged = ((_language(text, None, meta), text, meta) for text, meta in items)
    for lang, group in groupby(tagged, key=lambda item: item[0]):
        nlp = get_nlp(lang)
        # a text over spaCy's limit goes alone, in chunks; the others stream through nlp.pipe
        for long, run in groupby(group, key=lambda item: is_long(nlp, item[1])):
            if long:
                for _, text, meta in run:
                    yield to_document(process(nlp, text), text, lang, meta)
                continue
            pairs = ((text, (text, meta)) for _, text, meta in run)
            for doc, (text, meta) in nlp.pipe(pairs, as_tuples=True):
                yield to_document(doc, text, lang, meta)


def _language(text: str, lang: str | None, meta: DocumentMeta | None) -> str:
    if not text or not text.strip():
        raise ExtractionError("cannot extract from blank text")
    chosen = lang or (meta.lang if meta else None)
    return check_language(chosen) if chosen else detect_language(text)
