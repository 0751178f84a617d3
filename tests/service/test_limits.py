"""Limits that hold under load: per-key rate limits on writes and on POST /query (429 with
Retry-After, the one error shape), and a cap on concurrent expensive reads that leaves /health
and the light endpoints their threads."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Iterator

import pytest

from graph_schema.graph import Graph
from service.errors import BusyError, RateLimitedError
from service.limits import ConcurrencyCap, RateLimiter
from tests.conftest import Backend, Service, make_key, start_service, stop_service
from tests.service.world import error, load_world


def test_a_bucket_allows_its_rate_then_says_when_to_retry() -> None:
    limiter = RateLimiter("writes", per_minute=3)
    for _ in range(3):
        limiter.take("key 'a'")
    with pytest.raises(RateLimitedError) as refused:
        limiter.take("key 'a'")
    assert refused.value.headers["Retry-After"] == "20"  # one request every 20 s at 3 a minute
    limiter.take("key 'b'")  # another key has its own allowance


def test_a_cap_lets_its_slots_run_and_refuses_past_the_wait() -> None:
    async def scenario() -> tuple[int, list[str]]:
        cap = ConcurrencyCap("expensive reads", slots=2, wait_s=0.2)
        running, most, outcomes = 0, 0, []
        release = asyncio.Event()

        async def one() -> None:
            nonlocal running, most
            try:
                async with cap.hold():
                    running += 1
                    most = max(most, running)
                    await release.wait()
                    running -= 1
                outcomes.append("ran")
            except BusyError as exc:
                assert exc.headers["Retry-After"] == "1"
                outcomes.append("busy")

        tasks = [asyncio.create_task(one()) for _ in range(5)]
        await asyncio.sleep(0.5)  # past the wait: three were refused
        release.set()
        await asyncio.gather(*tasks)
        return most, sorted(outcomes)

    most, outcomes = asyncio.run(scenario())
    assert most == 2 and outcomes == ["busy"] * 3 + ["ran"] * 2


@pytest.fixture(scope="module")
def limited(
    backend: Backend, graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    running = start_service(
        backend,
        tmp_path_factory.mktemp("limited"),
        {
            "KG_WRITES_PER_MINUTE": "3",
            "KG_QUERIES_PER_MINUTE": "2",
            "KG_EXPENSIVE_READS_MAX": "1",
            "KG_EXPENSIVE_READS_WAIT_S": "0",
        },
    )
    try:
        yield running
    finally:
        stop_service(running)


def test_writes_past_the_rate_get_429_with_retry_after(limited: Service, backend: Backend) -> None:
    with limited.client() as writer:
        for _ in range(3):
            error(writer.delete("/documents/no-such-document"), 404, "not_found")
        refused = writer.delete("/documents/no-such-document")
        message = error(refused, 429, "rate_limited")
        assert "3 writes a minute" in message
        assert int(refused.headers["Retry-After"]) >= 1
    with limited.client(key=make_key(backend.config, "writer")) as other:
        error(other.delete("/documents/no-such-document"), 404, "not_found")


def test_queries_past_the_rate_get_429_also_without_a_key(limited: Service) -> None:
    with limited.client(key=None) as anonymous:
        for _ in range(2):
            assert anonymous.post("/query", json={"cypher": "RETURN 1 AS one"}).status_code == 200
        refused = anonymous.post("/query", json={"cypher": "RETURN 1 AS one"})
        assert "address 127.0.0.1" in error(refused, 429, "rate_limited")
        assert refused.headers["Retry-After"].isdigit()
        # reads other than /query are not rate-limited
        assert anonymous.get("/stats").status_code == 200


def test_a_burst_of_expensive_reads_is_capped_and_health_answers_throughout(
    limited: Service, service: Service, graph: Graph
) -> None:
    load_world(service, graph)
    heavy = [
        "/export?format=graphml",
        "/paths?source=per:aziz-testov&target=loc:testland&max_hops=6",
        "/entities/loc:testland/neighbors?depth=3&limit=500",
    ] * 8
    with (
        limited.client() as client,
        concurrent.futures.ThreadPoolExecutor(len(heavy)) as pool,
    ):
        running = [pool.submit(client.get, path) for path in heavy]
        health = []  # asked while the burst runs, not after it
        while not all(r.done() for r in running) or not health:
            health.append(client.get("/health"))
        answers = [r.result() for r in running]
    statuses = {a.status_code for a in answers}
    assert statuses == {200, 503}, statuses  # some ran, the others were refused at once
    for answer in answers:
        if answer.status_code == 503:
            assert answer.json()["error"]["code"] == "busy"
            assert answer.headers["Retry-After"] == "1"
    assert all(h.status_code == 200 for h in health)
    # Light reads are not capped: a depth-1 neighbourhood runs whatever the cap's state.
    with limited.client() as client:
        assert client.get("/entities/loc:testland/neighbors").status_code == 200
