"""Time budgets and cancellation that hold on both backends.

Every read is tagged with a comment (`/* kg-… */`) so it can be found in SHOW TRANSACTIONS.
The watchdog terminates a tagged statement when its budget runs out (ArcadeDB ignores the
driver's timeout) or when the scope it belongs to is cancelled (an HTTP client went away).

A tag only needs to be unique among the statements running at once, so the project's own
statements take theirs from a pool (`Watchdog.tagged`): ArcadeDB keys its caches of parsed
statements and plans on the whole text, and a new tag per call made it parse and plan every
read again (1-5 ms a statement, measured). A tag whose statement was, or may be, terminated is
never handed out again.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class QueryScope:
    """The statements run on behalf of one caller (an HTTP request)."""

    tags: set[str] = field(default_factory=set)
    cancelled: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, tag: str) -> None:
        with self.lock:
            self.tags.add(tag)

    def discard(self, tag: str) -> None:
        with self.lock:
            self.tags.discard(tag)

    def snapshot(self) -> list[str]:
        with self.lock:
            return list(self.tags)


_current_scope: ContextVar[QueryScope | None] = ContextVar("kg_query_scope", default=None)


@contextlib.contextmanager
def query_scope() -> Iterator[QueryScope]:
    scope = QueryScope()
    token = _current_scope.set(scope)
    try:
        yield scope
    finally:
        _current_scope.reset(token)


def current_scope() -> QueryScope | None:
    return _current_scope.get()


def new_tag() -> str:
    return f"kg-{uuid.uuid4().hex[:16]}"


# Free tags kept for reuse: as many as statements ran at once, up to this many.
MAX_FREE_TAGS = 64


class Watchdog:
    """A daemon thread that terminates tagged statements past their deadline."""

    def __init__(self, terminate: Callable[[list[str]], int], interval_s: float = 0.25) -> None:
        self._terminate = terminate
        self._interval_s = interval_s
        self._deadlines: dict[str, float] = {}
        self._free: list[str] = []  # tags of statements that ended on their own
        self._doomed: set[str] = set()  # tags sent to be terminated: never reused
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="kg-watchdog", daemon=True)
        self._thread.start()

    @contextlib.contextmanager
    def tagged(self, budget_s: float) -> Iterator[str]:
        """A tag for one statement, from the pool, watched for `budget_s`; back in the pool
        when the statement ended on its own (neither terminated nor cancelled)."""
        with self._lock:
            tag = self._free.pop() if self._free else new_tag()
        with self.watch(tag, budget_s, reuse=True):
            yield tag

    @contextlib.contextmanager
    def watch(self, tag: str, budget_s: float, *, reuse: bool = False) -> Iterator[None]:
        scope = current_scope()
        with self._lock:
            self._deadlines[tag] = time.monotonic() + budget_s
        if scope is not None:
            scope.add(tag)
        try:
            yield
        finally:
            # Out of the scope first: a cancel that snapshot the scope before this saw
            # `cancelled` set already (cancel sets it before its snapshot).
            if scope is not None:
                scope.discard(tag)
            with self._lock:
                self._deadlines.pop(tag, None)
                doomed = tag in self._doomed or (scope is not None and scope.cancelled)
                self._doomed.discard(tag)
                if reuse and not doomed and len(self._free) < MAX_FREE_TAGS:
                    self._free.append(tag)

    def cancel(self, scope: QueryScope) -> int:
        """Terminate whatever the scope still runs; returns how many statements were stopped."""
        scope.cancelled = True
        tags = scope.snapshot()
        if not tags:
            return 0
        with self._lock:
            self._doomed.update(t for t in tags if t in self._deadlines)
        return self._terminate(tags)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)

    def _loop(self) -> None:
        while not self._stop.wait(self._interval_s):
            now = time.monotonic()
            with self._lock:
                expired = [tag for tag, deadline in self._deadlines.items() if deadline < now]
                for tag in expired:  # terminate once; the statement fails and unregisters
                    self._deadlines[tag] = float("inf")
                    self._doomed.add(tag)
            if expired:
                try:
                    stopped = self._terminate(expired)
                    log.warning("terminated %d statement(s) past their time budget", stopped)
                except Exception:  # the watchdog must outlive a failing graph
                    log.exception("could not terminate statements past their budget")
