"""The extraction pool hands results back in the order of the items, computes cheap items in
the caller, and a worker that dies fails the one item it held, not the run."""

from __future__ import annotations

import os

import pytest

from loaders.parallel import SINGLE_THREADED, OrderedPool, WorkersFailedError

DIES_ON = 13


def square_or_die(n: int) -> str:
    """Squares, slowly for small numbers (so answers arrive out of order); dies on DIES_ON."""
    if n == DIES_ON:
        os._exit(9)  # as a crash in native code or the OOM killer would end it
    if n == 7:
        raise ValueError("seven is refused")
    return f"{n * n} in {os.getpid()}"


def failed(n: int, why: str) -> str:
    return f"failed {n}: {why}"


def always_dies(n: int) -> str:
    os._exit(3)


def test_results_come_in_order_and_a_dead_worker_fails_only_its_item() -> None:
    pool: OrderedPool[int, str] = OrderedPool(
        square_or_die, workers=2, failed=failed, local=lambda n: n % 10 == 0, window=8
    )
    results = list(pool.map(range(40)))
    assert len(results) == 40
    for n, result in enumerate(results):
        if n == DIES_ON:
            assert result.startswith(f"failed {n}: its worker process died (exit code 9)")
        elif n == 7:
            assert result == "failed 7: ValueError: seven is refused"
        else:
            assert result.startswith(f"{n * n} in ")
    local = {r.split(" in ")[1] for n, r in enumerate(results) if n % 10 == 0}
    workers = {r.split(" in ")[1] for n, r in enumerate(results) if n % 10 and " in " in r}
    assert local == {str(os.getpid())}
    assert str(os.getpid()) not in workers and len(workers) >= 2  # one replaced the dead one


def test_workers_that_cannot_start_stop_the_run_with_a_sentence() -> None:
    pool: OrderedPool[int, str] = OrderedPool(always_dies, workers=1, failed=failed)
    with pytest.raises(WorkersFailedError, match="died before answering anything"):
        list(pool.map(range(10)))


def native_pools(n: int) -> str:
    return ",".join(os.environ.get(name, "-") for name in SINGLE_THREADED)


def test_workers_run_native_thread_pools_of_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "3")  # what a user sets is kept
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.delenv("MKL_NUM_THREADS", raising=False)
    pool: OrderedPool[int, str] = OrderedPool(native_pools, workers=1, failed=failed)
    assert list(pool.map(range(2))) == ["1,3,1", "1,3,1"]
    assert "OPENBLAS_NUM_THREADS" not in os.environ  # the parent's own is left as it was
