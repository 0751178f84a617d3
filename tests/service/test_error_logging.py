"""How failures are logged: a bug once (with its traceback, by the server), a client that went
away at INFO and without a 504, a timeout at ERROR. The handlers of service.errors on a small
app of their own; nothing here needs the graph."""

from __future__ import annotations

import logging

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from graph_schema.errors import QueryCancelledError, QueryTimeoutError
from service import errors


def make_app() -> FastAPI:
    app = FastAPI()
    errors.install(app)

    @app.get("/bug")
    def bug() -> None:
        raise RuntimeError("a bug")

    @app.get("/gone")
    def gone() -> None:
        raise QueryCancelledError("statement X was stopped: its caller went away")

    @app.get("/slow")
    def slow() -> None:
        raise QueryTimeoutError("the query ran past its time budget of 15 s and was stopped")

    return app


def test_a_bug_is_answered_500_and_left_to_the_server_to_log_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with TestClient(make_app(), raise_server_exceptions=False) as client:
        answer = client.get("/bug")
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "internal_error"
    assert "a bug" not in answer.text
    assert [r for r in caplog.records if r.name.startswith("service")] == []
    # Starlette re-raises after answering, which is what the server logs (uvicorn's
    # "Exception in ASGI application" with the traceback): the one record of the bug.
    with TestClient(make_app()) as client, pytest.raises(RuntimeError, match="a bug"):
        client.get("/bug")


def test_a_client_that_went_away_is_logged_at_info_without_a_504(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with TestClient(make_app()) as client:
        answer = client.get("/gone")
    assert answer.status_code == 499
    assert answer.json()["error"]["code"] == "client_closed_request"
    records = [r for r in caplog.records if r.name == "service.errors"]
    assert [r.levelno for r in records] == [logging.INFO]
    assert "went away" in records[0].getMessage()
    assert "time budget" not in caplog.text


def test_a_statement_past_its_budget_is_a_504_logged_at_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with TestClient(make_app()) as client:
        answer = client.get("/slow")
    assert answer.status_code == 504
    records = [r for r in caplog.records if r.name == "service.errors"]
    assert [r.levelno for r in records] == [logging.ERROR]
