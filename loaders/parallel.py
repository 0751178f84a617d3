"""Running a function over a stream of items in worker processes, results handed back in the
order of the items.

Each worker holds one item at a time, so a worker that dies (killed, out of memory, a crash in
native code) takes exactly that item with it: the item is answered by `failed(item, why)`, a
new worker takes the worker's place, and the run goes on. Items `local(item)` says are cheap
are computed here instead of being sent away. A background thread keeps the workers busy
while the consumer does its own work (writing to the graph), reading the input at most
`window` items ahead of what was consumed.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# Workers that die before answering anything, one after another: they cannot start at all
# (a broken installation), and the run stops with a sentence instead of restarting forever.
MAX_DEATHS_AT_START = 3


class WorkersFailedError(RuntimeError):
    pass


class _NotNow:
    """The consumer is a whole window behind: read no further input for now."""


NOT_NOW = _NotNow()


def _serve(conn: Connection, func: Callable[[Any], Any], initializer: Callable[..., None] | None,
           initargs: tuple[Any, ...]) -> None:  # fmt: skip
    """A worker's life: take an item, answer it, until told to stop or the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        seq, item = message
        try:
            conn.send((seq, True, func(item)))
        except Exception as exc:  # reported for the item; the worker goes on
            conn.send((seq, False, f"{type(exc).__name__}: {exc}"))


# Each worker runs one item at a time on one core: native thread pools (OpenBLAS, which numpy
# starts with a thread per core, OpenMP, MKL) only spin beside it. Two workers with a pool
# each on two cores spent 85-147 ms of CPU per article against 66-67 ms with one thread each
# (200 articles, measured back to back). A spawned worker takes the environment it starts
# with, so the limits are set for its start only, where the user has not set them.
SINGLE_THREADED = {
    name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
}


@contextlib.contextmanager
def _native_pools_of_one() -> Iterator[None]:
    added = [name for name in SINGLE_THREADED if name not in os.environ]
    os.environ.update({name: SINGLE_THREADED[name] for name in added})
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


class _Worker:
    def __init__(self, context: Any, target: Callable[..., None], args: tuple[Any, ...]) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=target, args=(child, *args), daemon=True)
        with _native_pools_of_one():
            self.process.start()
        child.close()
        self.holding: tuple[int, Any] | None = None
        self.answered = 0

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


class OrderedPool(Generic[T, R]):
    def __init__(
        self,
        func: Callable[[T], R],
        *,
        workers: int,
        failed: Callable[[T, str], R],
        local: Callable[[T], bool] | None = None,
        initializer: Callable[..., None] | None = None,
        initargs: tuple[Any, ...] = (),
        window: int = 512,
    ) -> None:
        if workers < 1:
            raise ValueError("an OrderedPool needs at least one worker")
        self._func = func
        self._failed = failed
        self._local = local or (lambda item: False)
        self._args = (func, initializer, initargs)
        self._size = workers
        self._window = window
        self._context = multiprocessing.get_context("spawn")  # no inherited driver threads
        self._results: dict[int, R] = {}
        self._read = 0  # items taken from the input
        self._consumed = 0  # results handed to the consumer
        self._done = False  # the input is exhausted and every item answered
        self._error: BaseException | None = None
        self._closing = False
        self._cond = threading.Condition()
        self._workers: list[_Worker] = []

    # -- the consumer's side ---------------------------------------------------------------
    def map(self, items: Iterable[T]) -> Iterator[R]:
        thread = threading.Thread(target=self._dispatch, args=(iter(items),), daemon=True)
        thread.start()
        try:
            while True:
                with self._cond:
                    while (
                        self._consumed not in self._results
                        and not self._error
                        and not (self._done and self._consumed >= self._read)
                    ):
                        self._cond.wait()
                    if self._consumed in self._results:
                        result = self._results.pop(self._consumed)
                        self._consumed += 1
                        self._cond.notify_all()
                    elif self._error is not None:
                        raise self._error
                    else:
                        return
                yield result
        finally:
            with self._cond:
                self._closing = True
                self._cond.notify_all()
            thread.join(timeout=30)
            for worker in self._workers:
                worker.stop()

    # -- the dispatcher thread ---------------------------------------------------------------
    def _answer(self, seq: int, result: R) -> None:
        with self._cond:
            self._results[seq] = result
            self._cond.notify_all()

    def _next_item(self, items: Iterator[T]) -> tuple[int, T] | _NotNow | None:
        """The next item for a worker (answering cheap ones here on the way); None when the
        input is exhausted or the run closes, NOT_NOW while the consumer is `window` items
        behind (never waiting for it here: the item it waits for may be in a worker)."""
        while True:
            with self._cond:
                if self._closing:
                    return None
                if self._read - self._consumed >= self._window:
                    return NOT_NOW
            try:
                item = next(items)
            except StopIteration:
                return None
            seq = self._read
            with self._cond:
                self._read += 1
            if not self._local(item):
                return seq, item
            self._answer(seq, self._run_here(item))

    def _wait_for_room(self) -> None:
        """Nothing is in a worker and the window is full: wait for the consumer."""
        with self._cond:
            while self._read - self._consumed >= self._window and not self._closing:
                self._cond.wait()

    def _run_here(self, item: T) -> R:
        try:
            return self._func(item)
        except Exception as exc:
            return self._failed(item, f"{type(exc).__name__}: {exc}")

    def _spawn(self) -> _Worker:
        return _Worker(self._context, _serve, self._args)

    def _dispatch(self, items: Iterator[T]) -> None:
        try:
            self._dispatch_all(items)
        except BaseException as exc:
            log.debug("dispatcher failed", exc_info=True)
            with self._cond:
                self._error = exc
                self._cond.notify_all()
        else:
            with self._cond:
                self._done = True
                self._cond.notify_all()

    def _dispatch_all(self, items: Iterator[T]) -> None:
        exhausted = False
        deaths_at_start = 0
        while True:
            idle = [w for w in self._workers if w.holding is None]
            behind = False
            while not exhausted and (idle or len(self._workers) < self._size):
                job = self._next_item(items)
                if job is None:
                    exhausted = True
                    break
                if isinstance(job, _NotNow):
                    behind = True
                    break
                if not idle:
                    self._workers.append(self._spawn())
                    idle = [self._workers[-1]]
                worker = idle.pop()
                if not worker.process.is_alive():  # died idle: replaced, no item lost
                    self._workers.remove(worker)
                    worker.conn.close()
                    worker = self._spawn()
                    self._workers.append(worker)
                worker.holding = job
                # It may have died just now: its sentinel tells, and its item fails.
                with contextlib.suppress(OSError, ValueError):
                    worker.conn.send(job)
            busy = [w for w in self._workers if w.holding is not None]
            if not busy and behind:
                self._wait_for_room()
                continue
            if not busy:
                return  # exhausted (or closing) and nothing outstanding
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=1)
            for worker in busy:
                answer = self._receive(worker) if worker.conn in ready else None
                if answer is not None:
                    seq, ok, value = answer
                    item = worker.holding[1]  # type: ignore[index]
                    worker.holding = None
                    worker.answered += 1
                    deaths_at_start = 0
                    self._answer(seq, value if ok else self._failed(item, value))
                elif worker.process.sentinel in ready or not worker.process.is_alive():
                    worker.process.join(timeout=5)
                    deaths_at_start = self._bury(worker, deaths_at_start)
            with self._cond:
                if self._closing:
                    return

    @staticmethod
    def _receive(worker: _Worker) -> tuple[int, bool, Any] | None:
        """The worker's answer, or None when there is none (it died before answering)."""
        try:
            return worker.conn.recv() if worker.conn.poll() else None
        except (EOFError, OSError):
            return None

    def _bury(self, worker: _Worker, deaths_at_start: int) -> int:
        """A dead worker's item fails; a new worker takes its place."""
        seq, item = worker.holding  # type: ignore[misc]
        code = worker.process.exitcode
        log.warning("an extraction worker died (exit code %s) on item %d", code, seq)
        self._answer(seq, self._failed(item, f"its worker process died (exit code {code})"))
        worker.conn.close()
        self._workers.remove(worker)
        deaths_at_start = deaths_at_start + 1 if worker.answered == 0 else 0
        if deaths_at_start >= MAX_DEATHS_AT_START:
            raise WorkersFailedError(
                f"{deaths_at_start} worker processes in a row died before answering anything "
                f"(last exit code {code}); run with --workers 0 to see why"
            )
        return deaths_at_start
