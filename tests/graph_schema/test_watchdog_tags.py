"""The watchdog's pool of tags: a tag is reused only by a statement that starts after the one
holding it ended on its own, so that ArcadeDB's caches of parsed statements and plans (keyed
on the whole text) see the same text again, and a termination never reaches another caller's
statement."""

from __future__ import annotations

import time

import pytest

from graph_schema.watchdog import Watchdog, query_scope


@pytest.fixture
def watchdog() -> Watchdog:
    terminated: list[list[str]] = []
    dog = Watchdog(lambda tags: terminated.append(tags) or len(tags), interval_s=0.02)
    dog.terminated = terminated  # type: ignore[attr-defined]
    yield dog
    dog.close()


def test_a_tag_is_reused_once_its_statement_ended(watchdog: Watchdog) -> None:
    with watchdog.tagged(5) as first:
        pass
    with watchdog.tagged(5) as second:
        pass
    assert first == second


def test_statements_running_at_once_have_tags_of_their_own(watchdog: Watchdog) -> None:
    with watchdog.tagged(5) as one, watchdog.tagged(5) as two:
        assert one != two
    with watchdog.tagged(5) as again, watchdog.tagged(5) as other:
        assert {again, other} == {one, two}


def test_a_tag_past_its_budget_is_not_reused(watchdog: Watchdog) -> None:
    with watchdog.tagged(0.01) as expired:
        deadline = time.monotonic() + 5
        while not watchdog.terminated and time.monotonic() < deadline:  # type: ignore[attr-defined]
            time.sleep(0.01)
    assert watchdog.terminated == [[expired]]  # type: ignore[attr-defined]
    with watchdog.tagged(5) as later:
        assert later != expired


def test_a_tag_of_a_cancelled_scope_is_not_reused(watchdog: Watchdog) -> None:
    with query_scope() as scope:
        with watchdog.tagged(5) as cancelled:
            assert watchdog.cancel(scope) == 1
        with watchdog.tagged(5) as later:
            assert later != cancelled
    with watchdog.tagged(5) as outside:
        assert outside not in (cancelled,)


def test_a_tag_ended_before_a_cancel_is_not_terminated(watchdog: Watchdog) -> None:
    with query_scope() as scope:
        with watchdog.tagged(5):
            pass
        assert watchdog.cancel(scope) == 0
    assert watchdog.terminated == []  # type: ignore[attr-defined]
