"""ASGI middleware: a body-size cap, cancellation of a request's queries when its client goes
away, and one log line per request."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Callable

import anyio
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_schema.watchdog import QueryScope, query_scope

log = logging.getLogger("service.requests")


class BodyTooLarge(HTTPException):
    """Raised by `receive` once a streamed body passes the cap.

    An HTTPException, so wherever it surfaces it becomes the same 413 answer: FastAPI re-raises
    HTTPExceptions met while reading a body (anything else there becomes a 400), the app's
    handler renders them in the JSON error shape, and BodySizeLimit answers it itself if it
    escapes the app before a response started.
    """

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"the request body is larger than {max_bytes:,} bytes")


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodySizeLimit:
    """Answer 413 to bodies over the cap, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = BodyTooLarge(self.max_bytes).detail
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _send_error(send, 413, "payload_too_large", message)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            msg = await receive()
            if msg["type"] == "http.request":
                received += len(msg.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return msg

        async def tracking_send(msg: Message) -> None:
            nonlocal started
            started = started or msg["type"] == "http.response.start"
            await send(msg)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _send_error(send, 413, "payload_too_large", message)


class CancelQueriesOnDisconnect:
    """Give each request a query scope; if the client disconnects first, terminate its queries.

    One pump task reads the client's messages and hands them to the app through a queue, so
    the app and the disconnect watch never compete for `receive`. If reading fails (the body
    size cap raises BodyTooLarge from `receive`), the pump hands the error over instead and
    the app's next `receive` raises it: the app answers rather than waiting for a body that
    will never come.
    """

    def __init__(self, app: ASGIApp, cancel: Callable[[QueryScope], int]) -> None:
        self.app = app
        self.cancel = cancel

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        queue: asyncio.Queue[Message | Exception] = asyncio.Queue()
        done = asyncio.Event()

        async def app_receive() -> Message:
            item = await queue.get()
            if isinstance(item, Exception):
                queue.put_nowait(item)  # every later receive fails the same way
                raise item
            return item

        with query_scope() as qscope:
            pump = asyncio.create_task(self._pump(receive, queue, qscope, done))
            try:
                await self.app(scope, app_receive, send)
            finally:
                done.set()
                pump.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await pump

    async def _pump(
        self,
        receive: Receive,
        queue: asyncio.Queue[Message | Exception],
        qscope: QueryScope,
        done: asyncio.Event,
    ) -> None:
        while True:
            try:
                message = await receive()
            except Exception as exc:
                await queue.put(exc)
                return
            await queue.put(message)
            if message["type"] == "http.disconnect":
                if not done.is_set() and qscope.snapshot():
                    stopped = await anyio.to_thread.run_sync(self.cancel, qscope)
                    log.info("client went away; terminated %d running statement(s)", stopped)
                return


def loggable(path: str) -> str:
    """The path as one safe token of a log line: '%', spaces and anything unprintable (line
    breaks, NUL, other control and format characters) percent-encoded, so a request for
    '/a%0a... GET /admin 200' cannot write a line of its own. Other characters (Cyrillic ids)
    stay readable."""
    return "".join(c if c.isprintable() and c not in "% " else _percent(c) for c in path)


def _percent(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


class RequestLog:
    """One INFO line per request: method, path (escaped by loggable), status, milliseconds."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def recording_send(msg: Message) -> None:
            nonlocal status
            if msg["type"] == "http.response.start":
                status = msg["status"]
            await send(msg)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            log.info(
                "%s %s %s %.0f ms",
                scope["method"],
                loggable(scope["path"]),
                status,
                (time.perf_counter() - start) * 1000,
            )


def host_name(header: str) -> str:
    """'127.0.0.1:8000' → '127.0.0.1', '[::1]:8000' → '::1', 'Example.org' → 'example.org'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class AllowedHosts:
    """Answer 400 to a Host header not on the list: a page that rebinds its own DNS name to
    127.0.0.1 reaches the port, but its requests still name its host, not ours."""

    def __init__(self, app: ASGIApp, names: frozenset[str] | None) -> None:
        self.app = app
        self.names = names

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.names is None:
            await self.app(scope, receive, send)
            return
        raw = dict(scope["headers"]).get(b"host")
        name = host_name(raw.decode("latin-1")) if raw is not None else None
        if name is None or name in self.names:
            await self.app(scope, receive, send)
            return
        await _send_error(
            send,
            400,
            "invalid_host",
            f"this service does not answer to the host {name!r}; allowed: "
            f"{', '.join(sorted(self.names))} (KG_ALLOWED_HOSTS)",
        )


class _NotJsonNumber(ValueError):
    pass


def _constant(name: str) -> float:
    raise _NotJsonNumber(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _NotJsonNumber(f"{text} is out of the range of a number")
    return value


class StrictJsonNumbers:
    """Refuse JSON bodies with NaN, Infinity or numbers past a double's range (400).

    Python's json reads them (1e400 as infinity) though JSON has no such numbers; downstream
    they became nulls in Cypher parameters, or answers that cannot be written back as JSON.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope.get("headers", ()))
        kind = headers.get(b"content-type", b"").split(b";", 1)[0].strip().lower()
        if scope["type"] != "http" or not kind.endswith(b"json"):
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        body = b""
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        try:
            json.loads(body, parse_constant=_constant, parse_float=_finite)
        except _NotJsonNumber as exc:
            await _send_error(send, 400, "invalid_input", f"the JSON body is invalid: {exc}")
            return
        except ValueError:
            pass  # not JSON at all: the app answers that as it always did

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)
