"""Limits that hold under load: per-key rate limits, and caps on concurrent expensive reads.

Both live in the service process (several processes each keep their own). A rate limit is a
token bucket per (kind, key): `per_minute` requests a minute, up to `per_minute` at once after
a quiet minute. A cap is a semaphore acquired on the event loop, before a worker thread is
taken, so a burst of expensive reads waits (or is refused) without occupying the threads that
/health and the light endpoints need.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

from service.errors import BusyError, RateLimitedError


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Token buckets for one kind of request (writes, or POST /query)."""

    def __init__(self, kind: str, per_minute: int, max_buckets: int = 10_000) -> None:
        self.kind = kind
        self.per_minute = per_minute
        self.max_buckets = max_buckets
        self._buckets: dict[str, _Bucket] = {}

    def take(self, who: str) -> None:
        """Spend one request of `who`'s allowance, or raise RateLimitedError with Retry-After."""
        now = time.monotonic()
        rate = self.per_minute / 60.0
        bucket = self._buckets.get(who)
        if bucket is None:
            if len(self._buckets) >= self.max_buckets:
                self._forget_full(now)
            bucket = self._buckets[who] = _Bucket(float(self.per_minute), now)
        bucket.tokens = min(self.per_minute, bucket.tokens + (now - bucket.updated) * rate)
        bucket.updated = now
        if bucket.tokens < 1:
            wait = math.ceil((1 - bucket.tokens) / rate)
            raise RateLimitedError(
                f"more than {self.per_minute} {self.kind} a minute from {who}; retry in {wait} s",
                wait,
            )
        bucket.tokens -= 1

    def _forget_full(self, now: float) -> None:
        """Drop buckets that have refilled (they hold nothing a new bucket would not)."""
        rate = self.per_minute / 60.0
        full = [
            who
            for who, b in self._buckets.items()
            if b.tokens + (now - b.updated) * rate >= self.per_minute
        ]
        for who in full or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[who]


class ConcurrencyCap:
    """At most `slots` requests of one kind at a time; others wait up to `wait_s`, then 503."""

    def __init__(self, kind: str, slots: int, wait_s: float) -> None:
        self.kind = kind
        self.slots = slots
        self.wait_s = wait_s
        self._semaphore: asyncio.Semaphore | None = None

    @contextlib.asynccontextmanager
    async def hold(self) -> AsyncIterator[None]:
        if self._semaphore is None:  # made on the serving loop, not at import
            self._semaphore = asyncio.Semaphore(self.slots)
        try:
            if self._semaphore.locked():  # no free slot: wait for one, at most wait_s
                await asyncio.wait_for(self._semaphore.acquire(), timeout=self.wait_s)
            else:  # a free slot is taken at once (wait_for(…, 0) would refuse even that)
                await self._semaphore.acquire()
        except TimeoutError:
            raise BusyError(
                f"{self.slots} {self.kind} are running, the most this service runs at once; "
                "retry in a few seconds",
                retry_after_s=max(1, math.ceil(self.wait_s)),
            ) from None
        try:
            yield
        finally:
            self._semaphore.release()
