"""Cutting a long text into paragraph chunks that keep their place in the text.

spaCy refuses texts over nlp.max_length (1,000,000 characters, error E088) because a
statistical parser or NER needs about a gigabyte per 100,000 characters; the tokenizer and
the models therefore get a long text paragraph by paragraph, and every chunk carries the
character offset it starts at, so that what is found in it maps back onto the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# where a chunk may end, best first: after a blank line, a line break, a sentence, a space
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s+"), re.compile(r"\s"))


@dataclass(frozen=True)
class Chunk:
    """A piece of a text and the character offset where it starts in the text."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def chunks(text: str, limit: int) -> Iterator[Chunk]:
    """Consecutive pieces of at most `limit` characters that join into `text` again, each
    ending after a paragraph break where there is one in reach, else a line break, a
    sentence end, a space, else at the limit."""
    if limit < 1:
        raise ValueError("a chunk holds at least one character")
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        yield Chunk(start, text[start:end])
        start = end
    if start < len(text) or not text:
        yield Chunk(start, text[start:])


def _cut(text: str, start: int, limit: int) -> int:
    """Where the chunk starting at `start` ends: after the last break of the best kind that
    lies in its second half (a chunk is never cut to a sliver)."""
    floor = start + (limit - start) // 2
    window = text[floor:limit]
    for pattern in _BREAKS:
        ends = [found.end() for found in pattern.finditer(window)]
        if ends:
            return floor + ends[-1]
    return limit
