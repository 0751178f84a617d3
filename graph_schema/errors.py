"""The project's exceptions: one root, a few kinds; the service maps each kind to one status."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Root of every error newsgraph raises on purpose; the message is meant for the user."""


class NotFoundError(NewsgraphError):
    """An entity, relation or document id that the graph does not hold."""


class InvalidInputError(NewsgraphError):
    """Input that cannot be processed as given (bad parameters, bad file, unsupported language)."""


class ExtractionError(InvalidInputError):
    """Text that the extractor cannot process (empty, unsupported language...)."""


class SchemaError(NewsgraphError):
    """The graph's schema cannot be applied or does not match what the code expects."""


class GraphUnavailableError(NewsgraphError):
    """The graph server does not answer."""


class QueryTimeoutError(NewsgraphError):
    """A statement ran past its time budget and was stopped."""


class QueryCancelledError(NewsgraphError):
    """A statement stopped because the caller it ran for went away (an HTTP client hung up)."""


class ForbiddenQueryError(NewsgraphError):
    """A user-supplied statement that would write to the graph."""


class ConflictError(NewsgraphError):
    """A name that must be unique is taken (an API key's name)."""


class StorageFullError(GraphUnavailableError):
    """The graph server cannot write: its disk is full."""


class AmbiguousError(NewsgraphError):
    """A name that fits several things equally well; `candidates` lists them for the user."""

    def __init__(self, message: str, candidates: list[dict[str, object]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class SourceError(InvalidInputError):
    """A web page or feed that cannot be used as given: not http(s), refused by the server (4xx),
    not HTML or a feed, too large, no article text, an address the service may not fetch."""


class SourceUnavailableError(NewsgraphError):
    """A web source that did not answer in time, or failed on its side (5xx): try again later."""
