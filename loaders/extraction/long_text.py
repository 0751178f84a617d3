"""Texts longer than spaCy's limit (nlp.max_length, 1,000,000 characters: error E088).

The limit guards a statistical parser's memory; the rules have no such need. A long text is
tokenized paragraph chunk by paragraph chunk (chunks.py) and the pieces joined into one Doc
whose text is the whole text again, so token offsets, sentences (which never cross a line
break, hence never a chunk) and evidence sentences are those of the whole text, and the
components run on it once: the discourse (protagonist, last plant, delegation leader) and
the resolution of names carry across chunks as across paragraphs. A model component chunks
the text again for its own model (signal_components.py).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from loaders.extraction.chunks import chunks

# the piece the tokenizer gets at a time: paragraphs, far below spaCy's limit
TOKENIZER_CHUNK = 200_000


def is_long(nlp: Language, text: str) -> bool:
    return len(text) > nlp.max_length


def process(nlp: Language, text: str) -> Doc:
    """nlp(text), also for a text longer than nlp.max_length."""
    if not is_long(nlp, text):
        return nlp(text)
    pieces = [nlp.make_doc(chunk.text) for chunk in chunks(text, TOKENIZER_CHUNK)]
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
