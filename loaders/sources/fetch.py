"""Fetching one URL with bounds: http(s) only, time budgets, a size cap, the content types the
caller reads, redirects followed by hand (at most a few, each hop checked again).

A page that cannot be used (a bad URL, a 4xx, the wrong type, too large) is a SourceError with
a sentence; one that did not answer (a time-out, a refused connection, a 5xx) is a
SourceUnavailableError, worth trying again later. An address on this machine or a private
network is refused unless the policy allows it: the service fetches what a client names. The
check is made where the connection is opened, on the very address connected to: a name that
resolves to a public address when checked and to a private one when connected (DNS
rebinding) cannot slip between the two.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from graph_schema.errors import SourceError, SourceUnavailableError

USER_AGENT = "newsgraph/0.1 (news knowledge graph)"
REDIRECTS = {301, 302, 303, 307, 308}


Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system resolves `host` to."""
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


@dataclass(frozen=True)
class FetchPolicy:
    """How far a fetch may go. `timeout_s` bounds each network step and the whole transfer."""

    timeout_s: float = 10.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = True
    resolver: Resolver = field(default=system_resolver, compare=False, repr=False)


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class Conditional:
    """What the last answer said, sent back so an unchanged feed answers 304 with no body."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {k: v for k, v in found.items() if v}


@dataclass(frozen=True)
class Accept:
    """The content types a caller reads, and how to name them in a refusal."""

    types: tuple[str, ...]
    what: str
    header: str = field(default="")

    def accept_header(self) -> str:
        return self.header or ", ".join(self.types) + ", */*;q=0.1"


def check_url(url: str) -> str:
    """The URL itself, when it is http(s) with a host; else a SourceError saying why."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise SourceError(f"{url!r} is not an http(s) URL")
    return url.strip()


def public_addresses(host: str, port: int, resolver: Resolver) -> list[str]:
    """The addresses of `host`, when every one is public; else a SourceError saying which is not."""
    try:
        addresses = resolver(host, port)
    except OSError as exc:
        raise SourceUnavailableError(f"{host} cannot be resolved: {exc.strerror or exc}") from exc
    for address in addresses:
        if not ipaddress.ip_address(address).is_global:
            raise SourceError(
                f"{host} is an address on this machine or a private network ({address}); "
                "the service fetches only public addresses (KG_FETCH_ALLOW_PRIVATE)"
            )
    return addresses


class _PublicOnlyBackend(httpcore.NetworkBackend):
    """Connects to an address it resolved and checked itself, never to the name again.

    TLS still verifies the certificate against the URL's host name, which httpcore passes to
    start_tls separately."""

    def __init__(self, resolver: Resolver) -> None:
        self._resolver = resolver
        self._system = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        failure: Exception | None = None
        for address in public_addresses(host, port, self._resolver):
            try:
                return self._system.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:  # the next address may answer
                failure = exc
        raise failure or httpcore.ConnectError(f"{host} has no address")

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._system.sleep(seconds)


class _PublicOnlyTransport(httpx.HTTPTransport):
    # httpx takes no network backend, so the pool it builds is replaced by one with the guard;
    # proxies from the environment are not used here: a proxy would connect for us, unchecked.
    def __init__(self, resolver: Resolver) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=_PublicOnlyBackend(resolver),
        )


def _client(policy: FetchPolicy, headers: dict[str, str]) -> httpx.Client:
    transport = None if policy.allow_private else _PublicOnlyTransport(policy.resolver)
    return httpx.Client(
        timeout=policy.timeout_s, follow_redirects=False, headers=headers, transport=transport
    )


def _media_type(response: httpx.Response) -> tuple[str, str | None]:
    raw = response.headers.get("content-type", "")
    media = raw.split(";", 1)[0].strip().lower()
    charset = None
    for part in raw.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return media, charset


def _read_body(response: httpx.Response, url: str, policy: FetchPolicy, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise SourceError(f"{url} is {int(declared):,} bytes, more than {policy.max_bytes:,}")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > policy.max_bytes:
            raise SourceError(f"{url} is more than {policy.max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise SourceUnavailableError(f"{url} took longer than {policy.timeout_s:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(
    url: str,
    accept: Accept,
    policy: FetchPolicy | None = None,
    conditional: Conditional | None = None,
) -> Fetched:
    """GET `url` within the policy; a 304 (with `conditional`) answers an empty body."""
    policy = policy or FetchPolicy()
    asked = check_url(url)
    current = asked
    deadline = time.monotonic() + policy.timeout_s
    headers = {"User-Agent": USER_AGENT, "Accept": accept.accept_header()}
    headers.update((conditional or Conditional()).headers())
    with _client(policy, headers) as client:
        for _ in range(policy.max_redirects + 1):
            try:
                with client.stream("GET", current) as response:
                    if response.status_code in REDIRECTS and "location" in response.headers:
                        current = check_url(urljoin(current, response.headers["location"]))
                        continue
                    return _answer(asked, current, response, accept, policy, deadline)
            except httpx.TimeoutException as exc:
                raise SourceUnavailableError(
                    f"{current} did not answer within {policy.timeout_s:g} s"
                ) from exc
            except httpx.HTTPError as exc:
                raise SourceUnavailableError(f"{current} cannot be reached: {exc}") from exc
    raise SourceError(f"{asked} redirects more than {policy.max_redirects} times")


def _answer(
    asked: str,
    current: str,
    response: httpx.Response,
    accept: Accept,
    policy: FetchPolicy,
    deadline: float,
) -> Fetched:
    status = response.status_code
    etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
    if status == 304:
        return Fetched(asked, current, status, "", None, b"", etag, modified)
    if status >= 500:
        raise SourceUnavailableError(f"{current} answered {status} (a failure on its side)")
    if status >= 400:
        raise SourceError(f"{current} answered {status} {response.reason_phrase}".rstrip())
    media, charset = _media_type(response)
    if media not in accept.types:
        raise SourceError(
            f"{current} is {media or 'of no declared type'}, not {accept.what} "
            f"({', '.join(accept.types)})"
        )
    body = _read_body(response, current, policy, deadline)
    return Fetched(asked, current, status, media, charset, body, etag, modified)
