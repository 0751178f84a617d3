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
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_schema.watchdog import QueryScope, query_scope

log = logging.getLogger("service.requests")


class _BodyTooLarge(Exception):
    pass


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
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
        message = f"the request body is larger than {self.max_bytes:,} bytes"
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
                    raise _BodyTooLarge
            return msg

        async def tracking_send(msg: Message) -> None:
            nonlocal started
            started = started or msg["type"] == "http.response.start"
            await send(msg)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await _send_error(send, 413, "payload_too_large", message)


class CancelQueriesOnDisconnect:
    """Give each request a query scope; if the client disconnects first, terminate its queries.

    One pump task reads the client's messages and hands them to the app through a queue, so
    the app and the disconnect watch never compete for `receive`.
    """

    def __init__(self, app: ASGIApp, cancel: Callable[[QueryScope], int]) -> None:
        self.app = app
        self.cancel = cancel

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        queue: asyncio.Queue[Message] = asyncio.Queue()
        done = asyncio.Event()
        with query_scope() as qscope:
            pump = asyncio.create_task(self._pump(receive, queue, qscope, done))
            try:
                await self.app(scope, queue.get, send)
            finally:
                done.set()
                pump.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await pump

    async def _pump(self, receive: Receive, queue: asyncio.Queue[Message], qscope: QueryScope,
                    done: asyncio.Event) -> None:
        while True:
            message = await receive()
            await queue.put(message)
            if message["type"] == "http.disconnect":
                if not done.is_set() and qscope.snapshot():
                    stopped = await anyio.to_thread.run_sync(self.cancel, qscope)
                    log.info("client went away; terminated %d running statement(s)", stopped)
                return


class RequestLog:
    """One INFO line per request: method, path, status, milliseconds."""

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
            log.info("%s %s %s %.0f ms", scope["method"], scope["path"], status,
                     (time.perf_counter() - start) * 1000)
