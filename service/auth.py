"""API keys and roles: who a request is, and whether that role may do what the route does.

A key is 256 random bits (`kg_…`); the graph stores only its SHA-256 (a key that random needs no
slow hash: nobody can guess one from its hash). Keys are looked up by hash and cached for
`KG_KEY_CACHE_S` seconds per process, so a revocation made elsewhere (another service process,
`kg keys revoke`) holds everywhere within that time, and at once in the process that made it.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from enum import StrEnum

KEY_PREFIX = "kg_"
# What the command line records as the actor of its changes (it holds the graph's password).
CLI_ACTOR = "cli"


class Role(StrEnum):
    """Each role may do what the ones before it may: admin ⊃ writer ⊃ reader."""

    READER = "reader"
    WRITER = "writer"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def includes(self, other: Role) -> bool:
        return self.rank >= other.rank


@dataclass(frozen=True)
class Caller:
    """The key a request came with: its name (what the audit records) and its role."""

    name: str
    role: Role


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def key_prefix(key: str) -> str:
    """Enough of a key to tell which one a person holds, not enough to use it."""
    return key[: len(KEY_PREFIX) + 6]


def presented_key(authorization: str | None, x_api_key: str | None) -> str | None:
    """The key of `Authorization: Bearer KEY` or `X-API-Key: KEY`; None when neither is sent.

    A malformed Authorization header (another scheme, no key) counts as a wrong key, not as
    no key, so the client learns its header was not understood.
    """
    if x_api_key is not None:
        return x_api_key.strip()
    if authorization is None:
        return None
    scheme, _, value = authorization.strip().partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


class KeyCache:
    """Hash → Caller (None for an unknown key), each answer kept for `ttl_s` seconds.

    Bounded, so a client sending random keys cannot grow it without end.
    """

    def __init__(self, ttl_s: float, max_entries: int = 10_000) -> None:
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[float, Caller | None]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key_hash: str) -> tuple[bool, Caller | None]:
        with self._lock:
            entry = self._entries.get(key_hash)
            if entry is None or entry[0] < time.monotonic():
                return False, None
            return True, entry[1]

    def put(self, key_hash: str, caller: Caller | None) -> None:
        with self._lock:
            self._entries[key_hash] = (time.monotonic() + self.ttl_s, caller)
            self._entries.move_to_end(key_hash)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def forget(self, name: str) -> None:
        """Drop every cached answer for the key called `name` (revoked in this process)."""
        with self._lock:
            for key_hash in [h for h, (_, c) in self._entries.items() if c and c.name == name]:
                del self._entries[key_hash]
