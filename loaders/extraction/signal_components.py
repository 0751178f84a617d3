"""The components that run a statistical model beside the rules (factories "kg_*_signal").

A pack names its component and package in its manifest's [models] table; build_nlp adds the
component right after kg_sentences. Each runs its model on the Doc's text paragraph by
paragraph (chunks.py, so no model meets more than MODEL_CHUNK characters at once) and leaves
a ModelSignal on doc._.kg_signal (signals.py). Models are loaded once per process and
package; nothing is downloaded: a package that is not installed is an ExtractionError.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from graph_schema.errors import ExtractionError
from graph_schema.vocabulary import EntityType
from loaders.extraction.chunks import chunks
from loaders.extraction.kinds import LOCATION, ORGANIZATION, PERSON
from loaders.extraction.signals import FoundName, FoundRole, to_signal

# the longest text a model is given at once (spaCy's parser needs ~1 GB per 100,000)
MODEL_CHUNK = 100_000
# what the signal needs of a spaCy pipeline: its NER and its parse (tok2vec feeds both)
SPACY_NEEDED = ("tok2vec", "transformer", "parser", "ner")
SPACY_TYPES: dict[str, EntityType] = {
    "PERSON": PERSON,
    "ORG": ORGANIZATION,
    "GPE": LOCATION,
    "LOC": LOCATION,
}
NATASHA_TYPES: dict[str, EntityType] = {"PER": PERSON, "ORG": ORGANIZATION, "LOC": LOCATION}
# Universal Dependencies (natasha, spaCy's German and Russian) and ClearNLP (spaCy's English)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "sb"})
OBJECT_DEPS = frozenset({"obj", "dobj", "oa"})


@Language.factory(
    "kg_spacy_signal",
    default_config={"package": "", "chunk": MODEL_CHUNK},
    assigns=["doc._.kg_signal"],
)
def make_spacy_signal(nlp: Language, name: str, package: str, chunk: int) -> SpacySignal:
    return SpacySignal(package, chunk)


class SpacySignal:
    """A spaCy pipeline's NER and dependency parse, run on the text on its own."""

    def __init__(self, package: str, chunk: int = MODEL_CHUNK) -> None:
        self.package = package
        self.chunk = chunk
        self.model = _spacy_model(package)

    def __call__(self, doc: Doc) -> Doc:
        names: list[FoundName] = []
        roles: list[FoundRole] = []
        pieces = list(chunks(doc.text, self.chunk))
        for piece, parsed in zip(pieces, self.model.pipe(p.text for p in pieces), strict=True):
            names += [
                FoundName(piece.start + e.start_char, piece.start + e.end_char, kind)
                for e in parsed.ents
                if (kind := SPACY_TYPES.get(e.label_)) is not None
            ]
            roles += _roles(piece.start, ((t.idx, len(t.text), t.dep_) for t in parsed))
        doc._.kg_signal = to_signal(doc, self.package, names, roles)
        return doc


@cache
def _spacy_model(package: str) -> Language:
    try:
        nlp = spacy.load(package)
    except OSError as error:
        raise ExtractionError(
            f"the statistical pipeline {package!r} is not installed ({error}); "
            "make install brings the packs' models, or turn models off"
        ) from error
    for name in nlp.pipe_names:
        if name not in SPACY_NEEDED:
            nlp.disable_pipe(name)
    return nlp


@Language.factory(
    "kg_natasha_signal",
    default_config={"package": "natasha", "chunk": MODEL_CHUNK},
    assigns=["doc._.kg_signal"],
)
def make_natasha_signal(nlp: Language, name: str, package: str, chunk: int) -> NatashaSignal:
    return NatashaSignal(package, chunk)


class NatashaSignal:
    """natasha's NER (slovnet), morphology (the normal form of an inflected name) and syntax
    (subjects and objects), run on the text on its own."""

    def __init__(self, package: str, chunk: int = MODEL_CHUNK) -> None:
        self.package = package
        self.chunk = chunk
        self.tools = _natasha(package)

    def __call__(self, doc: Doc) -> Doc:
        natasha, segmenter, ner, morph, syntax, vocab = self.tools
        names: list[FoundName] = []
        roles: list[FoundRole] = []
        for piece in chunks(doc.text, self.chunk):
            parsed = natasha.Doc(piece.text)
            parsed.segment(segmenter)
            parsed.tag_ner(ner)
            _tag_morph_of_names(parsed, morph)
            parsed.parse_syntax(syntax)
            for span in parsed.spans:
                kind = NATASHA_TYPES.get(span.type)
                if kind is None:
                    continue
                span.normalize(vocab)
                names.append(
                    FoundName(piece.start + span.start, piece.start + span.stop, kind, span.normal)
                )
            tokens = ((t.start, t.stop - t.start, t.rel or "") for t in parsed.tokens)
            roles += _roles(piece.start, tokens)
        doc._.kg_signal = to_signal(doc, self.package, names, roles)
        return doc


def _tag_morph_of_names(parsed: Any, morph: Any) -> None:
    """Morphology for the sentences that hold a name, as natasha's Doc.tag_morph does for all.

    Only a name's normal form reads the tags (span.normalize); the parse does not. Tagging
    was 40% of natasha's time; the tagger reads one sentence at a time (its convolutions
    see zeros past a sentence's end), so the tags of these sentences are those of before."""
    spans = [(span.start, span.stop) for span in parsed.spans]
    named = [
        sent
        for sent in parsed.sents
        if any(start < sent.stop and sent.start < stop for start, stop in spans)
    ]
    markups = morph.map([[token.text for token in sent.tokens] for sent in named])
    for sent, markup in zip(named, markups, strict=True):
        for token, tagged in zip(sent.tokens, markup.tokens, strict=True):
            token.pos, token.feats = tagged.pos, tagged.feats


@cache
def _natasha(package: str) -> tuple[Any, ...]:
    try:
        natasha = importlib.import_module(package)
    except ImportError as error:
        raise ExtractionError(
            f"{package!r} is not installed ({error}); make install brings it, or turn models off"
        ) from error
    embedding = natasha.NewsEmbedding()
    return (
        natasha,
        natasha.Segmenter(),
        natasha.NewsNERTagger(embedding),
        natasha.NewsMorphTagger(embedding),
        natasha.NewsSyntaxParser(embedding),
        natasha.MorphVocab(),
    )


def _roles(offset: int, tokens: Iterable[tuple[int, int, str]]) -> list[FoundRole]:
    """Subjects and objects among (start, length, dependency label) of a chunk's tokens."""
    out = []
    for start, length, dep in tokens:
        label = dep.split(":")[0] if dep not in SUBJECT_DEPS else dep
        if label in SUBJECT_DEPS or label in OBJECT_DEPS:
            out.append(FoundRole(offset + start, offset + start + length, label in SUBJECT_DEPS))
    return out
