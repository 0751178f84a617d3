"""What a statistical model tells the rules (doc._.kg_signal), in the rules' own tokens.

A model runs on the text on its own (its own tokenizer and sentences, paragraph by paragraph:
chunks.py), and what it found is mapped back by character offsets onto the rule pipeline's
tokens, so the rules keep their tokenization and sentences whether a model runs or not.
signal_components.py holds the components that fill it; signal_mentions.py and the relation
rules read it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from graph_schema.vocabulary import EntityType

if not Doc.has_extension("kg_signal"):
    Doc.set_extension("kg_signal", default=None)


@dataclass(frozen=True)
class ModelName:
    """A name the model's NER found: rule-token span, type, and the model's normal form of it
    where it gives one (natasha: "Ваном Чуаньфу" -> "Ван Чуаньфу")."""

    start: int
    end: int
    type: EntityType
    normal: str | None = None


@dataclass(frozen=True)
class ModelSignal:
    """One document's signal: the names found, and the rule tokens the parse makes the
    nominal subject or the object of a verb."""

    model: str
    names: tuple[ModelName, ...] = ()
    subjects: frozenset[int] = frozenset()
    objects: frozenset[int] = frozenset()


@dataclass(frozen=True)
class FoundName:
    """A name as a model reports it: character offsets in the whole text."""

    start_char: int
    end_char: int
    type: EntityType
    normal: str | None = None


@dataclass(frozen=True)
class FoundRole:
    """A model token the parse gives a role, by character offsets in the whole text."""

    start_char: int
    end_char: int
    subject: bool  # else an object


def signal_of(doc: Doc) -> ModelSignal | None:
    """The signal a model left on the Doc, or None (rules only)."""
    signal = doc._.kg_signal
    return signal if isinstance(signal, ModelSignal) else None


def to_signal(
    doc: Doc, model: str, names: Iterable[FoundName], roles: Iterable[FoundRole]
) -> ModelSignal:
    """Map what a model found (character offsets) onto the rule tokens of the Doc."""
    mapped = []
    for name in names:
        span = doc.char_span(name.start_char, name.end_char, alignment_mode="expand")
        if span is not None and len(span):
            mapped.append(ModelName(span.start, span.end, name.type, name.normal))
    subjects: set[int] = set()
    objects: set[int] = set()
    for role in roles:
        span = doc.char_span(role.start_char, role.end_char, alignment_mode="expand")
        if span is not None:
            (subjects if role.subject else objects).update(range(span.start, span.end))
    return ModelSignal(model, tuple(mapped), frozenset(subjects), frozenset(objects))
