"""Extraction for POST /documents in worker processes, never on the request threads.

Extraction is CPU-bound Python: on a request thread it holds the service's GIL for as long as
a long article takes, and every other request (/health too) waits its turn at the lock (three
199,000-character posts made /health's median 4 → 165 ms). In a process of its own it costs
the service nothing but a wait on a future. The pool is bounded: `workers` processes, and at
most `queue` more articles waiting; past that a post is refused with 503 `busy` and
Retry-After rather than piling up.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from loaders.models import DocumentMeta, ExtractedDocument
from service.errors import BusyError

log = logging.getLogger(__name__)


PARENT_CHECK_S = 1.0


def _exit_with(parent: int) -> None:
    # A service killed outright (SIGKILL, the OOM killer, a supervisor's timeout) never shuts
    # its pool down, and a spawned worker would live on holding its models (~600 MB): the worker
    # watches for being handed to another parent and leaves then.
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(0)


def _start_worker(models: dict[str, str | None]) -> None:
    threading.Thread(
        target=_exit_with, args=(os.getppid(),), name="exit-with-service", daemon=True
    ).start()
    from loaders.extraction import ExtractionConfig, configure

    configure(ExtractionConfig(models=models))


def _extract(text: str, meta: DocumentMeta) -> ExtractedDocument:
    from loaders.extraction import extract

    return extract(text, lang=meta.lang, meta=meta)


class ExtractionPool:
    def __init__(self, workers: int, queue: int, models: dict[str, str | None]) -> None:
        self.workers = workers
        self.models = models
        self._slots = threading.BoundedSemaphore(workers + queue)
        self._lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the service process holds driver threads and sockets a fork would copy.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.models,),
        )

    def extract(self, text: str, meta: DocumentMeta) -> ExtractedDocument:
        """Extract in a worker; called from a request thread, which only waits."""
        if not self._slots.acquire(blocking=False):
            raise BusyError(
                "every extraction worker is busy and the queue is full; retry shortly "
                "(KG_EXTRACT_WORKERS, KG_EXTRACT_QUEUE)",
                retry_after_s=5,
            )
        try:
            with self._lock:
                pool = self._pool
            return pool.submit(_extract, text, meta).result()
        except BrokenProcessPool:
            log.error("an extraction worker died; starting a new pool")
            with self._lock:
                if self._pool is pool:
                    self._pool = self._new_pool()
            raise BusyError("the extraction worker stopped; retry", retry_after_s=1) from None
        finally:
            self._slots.release()

    def worker_pids(self) -> list[int]:
        return [p.pid for p in list(getattr(self._pool, "_processes", {}).values()) if p.pid]

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
