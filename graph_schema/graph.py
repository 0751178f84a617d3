"""The one way the project speaks to the graph: a driver, the database named on every call,
time budgets on every statement, and driver errors translated into the project's errors."""

from __future__ import annotations

import contextlib
import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from neo4j import (
    READ_ACCESS,
    Driver,
    GraphDatabase,
    ManagedTransaction,
    Query,
    RoutingControl,
    unit_of_work,
)
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph_schema.admin import FIND_TAGGED_TRANSACTIONS, PING, TERMINATE_TRANSACTION
from graph_schema.errors import (
    GraphUnavailableError,
    InvalidInputError,
    NewsgraphError,
    QueryCancelledError,
    QueryTimeoutError,
    StorageFullError,
)
from graph_schema.statement import Backend, Statement, detect_backend
from graph_schema.watchdog import Watchdog, current_scope

log = logging.getLogger(__name__)

T = TypeVar("T")

_TIMEOUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.ClientError.Transaction.Terminated",
    "Neo.TransientError.Transaction.Terminated",
    "Neo.ClientError.Transaction.LockClientStopped",
    "Neo.TransientError.Transaction.LockClientStopped",
)


@dataclass(frozen=True)
class GraphConfig:
    uri: str
    user: str
    password: str
    database: str
    read_timeout_s: float = 15.0
    write_timeout_s: float = 60.0
    connect_timeout_s: float = 30.0
    # The user analysts' Cypher (POST /query) runs as: one the server lets read only. Unset,
    # Neo4j runs it as `user` in a READ transaction, which Neo4j enforces; ArcadeDB refuses it.
    query_user: str | None = None
    query_password: str | None = None
    # The folder the server keeps its files in, when it is on this machine (the embedded
    # server): writes are refused while it has less than `min_free_mb` free. ArcadeDB commits
    # to memory and flushes pages later, so a full disk would not fail the write that filled it.
    storage_dir: Path | None = None
    min_free_mb: int = 64


@dataclass(frozen=True)
class WriteResult:
    records: list[dict[str, Any]]
    counters: dict[str, int]


class Tx:
    """A write transaction handed to a unit of work: runs named statements only."""

    def __init__(self, tx: ManagedTransaction, backend: Backend) -> None:
        self._tx = tx
        self._backend = backend

    def run(self, statement: Statement, **params: Any) -> WriteResult:
        result = self._tx.run(statement.text(self._backend), params)
        records = [record.data() for record in result]
        summary = result.consume()
        counters = {k: v for k, v in vars(summary.counters).items() if isinstance(v, int) and v}
        return WriteResult(records, counters)


class Graph:
    """One per process. Reads run with a time budget, writes one unit of work at a time."""

    def __init__(
        self,
        driver: Driver,
        config: GraphConfig,
        backend: Backend,
        query_driver: Driver | None = None,
    ) -> None:
        self.driver = driver
        self.config = config
        self.backend = backend
        # Logged in as the read-only user: analysts' Cypher runs here (graph_schema.readonly).
        self.query_driver = query_driver
        # ArcadeDB conflicts often under concurrent writers (MVCC retries of ~1 s each); one
        # writer per process keeps latency flat and costs nothing at our write rates.
        self._write_lock = threading.Lock()
        self.watchdog = Watchdog(self._terminate)
        # When the graph last answered (monotonic); 0 after it failed to. A call long after it
        # checks first with one ping that is never retried, so a dead server costs ms, not the
        # driver's 15 s of retries.
        self._answered_at = time.monotonic()
        # Set while writes fail for want of disk space (what /health reports), cleared by the
        # next write that succeeds.
        self.storage_problem: str | None = None

    # -- life cycle ----------------------------------------------------------------------------
    @classmethod
    def connect(cls, config: GraphConfig) -> Graph:
        driver = _driver(config.uri, config.user, config.password)
        deadline = time.monotonic() + config.connect_timeout_s
        while True:
            try:
                driver.verify_connectivity()
                driver.execute_query(PING.cypher, database_=config.database)
                break
            except AuthError as exc:
                driver.close()
                raise GraphUnavailableError(f"the graph at {config.uri} refused the login") from exc
            except (ServiceUnavailable, SessionExpired, TransientError, OSError) as exc:
                if time.monotonic() > deadline:
                    driver.close()
                    raise GraphUnavailableError(
                        f"the graph at {config.uri} does not answer: {exc}"
                    ) from exc
                time.sleep(0.5)
            except Neo4jError as exc:
                driver.close()
                raise GraphUnavailableError(
                    f"the graph at {config.uri} cannot serve database "
                    f"{config.database!r}: {exc.message}"
                ) from exc
        backend = detect_backend(driver.get_server_info().agent or "")
        log.info("connected to %s (%s), database %s", config.uri, backend, config.database)
        try:
            query_driver = _query_driver(config)
        except BaseException:
            driver.close()
            raise
        return cls(driver, config, backend, query_driver)

    def close(self) -> None:
        self.watchdog.close()
        self.driver.close()
        if self.query_driver is not None:
            self.query_driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- statements ----------------------------------------------------------------------------
    def read(
        self,
        statement: Statement,
        params: dict[str, Any] | None = None,
        *,
        timeout_s: float | None = None,
        plain: bool = False,
    ) -> list[dict[str, Any]]:
        """Run a read statement within its time budget and return its rows as dicts.

        `plain=True` promises that the rows hold only maps, lists and scalars (no nodes,
        relationships or paths), so the driver's value-by-value conversion can be skipped:
        15 µs a row, most of an export's time on the Python side (measured).
        """
        if statement.writes:
            # A READ transaction does not stop ArcadeDB from writing (F6 in
            # ../shared/docs/arcadedb-notes.md): a write sent here would commit outside a unit
            # of work.
            raise ValueError(f"{statement.name} writes to the graph; run it in Graph.write")
        budget = timeout_s or self.config.read_timeout_s
        self.ensure_reachable()
        with (
            self._answers(),
            self.watchdog.tagged(budget) as tag,
            translated_errors(statement.name, budget),
        ):
            records, _, _ = self.driver.execute_query(
                Query(f"/* {tag} */ {statement.text(self.backend)}", timeout=budget),
                params or {},
                database_=self.config.database,
                routing_=RoutingControl.READ,
            )
        if plain:
            return [dict(record) for record in records]
        return [record.data() for record in records]

    def stream(
        self,
        statement: Statement,
        params: dict[str, Any] | None = None,
        *,
        timeout_s: float | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Run a read statement and yield its rows as the driver fetches them (a few thousand
        at a time), for answers too large to hold: memory stays flat whatever the row count.
        The rows must hold only maps, lists and scalars (as `read(plain=True)`). Closing the
        iterator early (a client that went away) ends the statement."""
        if statement.writes:
            raise ValueError(f"{statement.name} writes to the graph; run it in Graph.write")
        budget = timeout_s or self.config.read_timeout_s
        with (
            self.watchdog.tagged(budget) as tag,
            translated_errors(statement.name, budget),
            self.driver.session(
                database=self.config.database, default_access_mode=READ_ACCESS, fetch_size=2_000
            ) as session,
        ):
            text = f"/* {tag} */ {statement.text(self.backend)}"
            for record in session.run(Query(text, timeout=budget), params or {}):
                yield dict(record)

    def write(self, work: Callable[[Tx], T], *, name: str = "write") -> T:
        """Run `work` in one write transaction: all of it is committed or none of it."""
        backend = self.backend

        @unit_of_work(timeout=self.config.write_timeout_s)
        def _work(tx: ManagedTransaction) -> T:
            return work(Tx(tx, backend))

        self.ensure_reachable()
        problem = self.low_disk()
        if problem:
            raise StorageFullError(problem)
        with (
            self._write_lock,
            self._answers(),
            translated_errors(name, self.config.write_timeout_s),
        ):
            for attempt in range(4):
                try:
                    with self.driver.session(database=self.config.database) as session:
                        done = session.execute_write(_work)
                    self.storage_problem = None
                    return done
                except ConstraintError:
                    # Another process wrote the same key between our check and our commit:
                    # ArcadeDB reports even a concurrent MERGE so, Neo4j a concurrent CREATE of
                    # a document both writers found missing. Units of work are idempotent and
                    # check first (DOCUMENT_EXISTS), so the retry matches or skips.
                    if attempt == 3:
                        raise
                    time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def ping(self, timeout_s: float = 3.0) -> None:
        """One round trip without the driver's retries, so a dead graph is reported at once."""
        with (
            self._answers(),
            translated_errors(PING.name, timeout_s),
            self.driver.session(database=self.config.database) as session,
        ):
            session.run(Query(PING.text(self.backend), timeout=timeout_s)).consume()

    def low_disk(self) -> str | None:
        """Why writes fail for want of disk space, or None: the free space of `storage_dir`
        (one statvfs, microseconds) and what the last write's error said."""
        folder = self.config.storage_dir
        if folder is not None:
            try:
                free = shutil.disk_usage(folder).free
            except OSError:
                free = None
            if free is not None and free < self.config.min_free_mb * 1024 * 1024:
                return (
                    f"the graph's disk is full: {free // (1024 * 1024)} MB free in {folder} "
                    f"(below KG_MIN_FREE_DISK_MB={self.config.min_free_mb}); writes are refused "
                    "until space is freed (reads still work)"
                )
        return self.storage_problem

    # How long an answer vouches for the server: past it, a call pings first.
    REACHABLE_FOR_S = 1.0

    def ensure_reachable(self) -> None:
        """Raise GraphUnavailableError at once when the server does not answer a ping.

        Skipped while the graph answered within REACHABLE_FOR_S, so a busy service pings
        almost never; after a failure every call pings until the server answers again.
        """
        if time.monotonic() - self._answered_at > self.REACHABLE_FOR_S:
            self.ping(timeout_s=3.0)

    @contextlib.contextmanager
    def _answers(self) -> Iterator[None]:
        """Note whether the graph answered: any reply counts, only losing it does not."""
        try:
            yield
        except StorageFullError as exc:
            self.storage_problem = str(exc)
            self._answered_at = time.monotonic()
            raise
        except GraphUnavailableError:
            self._answered_at = 0.0
            raise
        except NewsgraphError:
            self._answered_at = time.monotonic()
            raise
        self._answered_at = time.monotonic()

    # -- cancellation --------------------------------------------------------------------------
    def _terminate(self, tags: list[str]) -> int:
        records, _, _ = self.driver.execute_query(
            FIND_TAGGED_TRANSACTIONS.text(self.backend),
            {"tags": tags},
            database_=self.config.database,
        )
        for record in records:
            try:
                self.driver.execute_query(
                    TERMINATE_TRANSACTION.text(self.backend),
                    {"id": record["transactionId"]},
                    database_=self.config.database,
                )
            except Neo4jError as exc:  # it may have finished in between
                log.debug("terminate %s: %s", record["transactionId"], exc)
        return len(records)


def _driver(uri: str, user: str, password: str) -> Driver:
    return GraphDatabase.driver(
        uri,
        auth=(user, password),
        connection_timeout=10,
        max_transaction_retry_time=15,
        connection_acquisition_timeout=30,
    )


def _query_driver(config: GraphConfig) -> Driver | None:
    """The read-only user's driver, its login checked now rather than at the first query."""
    if not config.query_user:
        return None
    driver = _driver(config.uri, config.query_user, config.query_password or "")
    try:
        driver.execute_query(PING.cypher, database_=config.database)
    except AuthError as exc:
        driver.close()
        raise GraphUnavailableError(
            f"the graph at {config.uri} refused the login of the read-only user "
            f"{config.query_user!r}"
        ) from exc
    except (Neo4jError, DriverError, OSError) as exc:
        driver.close()
        raise GraphUnavailableError(
            f"the read-only user {config.query_user!r} cannot read database "
            f"{config.database!r}: {exc}"
        ) from exc
    return driver


def _packing_error(exc: BaseException) -> bool:
    """Raised by the driver while encoding parameters: a value Bolt cannot carry (an integer
    past 64 bits, a string with a lone surrogate, a type it does not know)."""
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_globals.get("__name__", "").startswith("neo4j._codec"):
            return True
        tb = tb.tb_next
    return False


def _unsendable(exc: Exception) -> InvalidInputError:
    if isinstance(exc, UnicodeEncodeError):
        bad = exc.object[exc.start : exc.end] if isinstance(exc.object, str) else ""
        return InvalidInputError(
            f"a text holds {bad!r}, which is not a character (a lone UTF-16 surrogate); "
            f"send valid Unicode"
        )
    if isinstance(exc, OverflowError):
        return InvalidInputError(
            "a number is too large for the graph: integers must fit in 64 bits "
            f"({-(2**63)} to {2**63 - 1})"
        )
    return InvalidInputError(f"a value cannot be sent to the graph: {exc}")


@contextlib.contextmanager
def translated_errors(
    name: str, budget_s: float, *, user_statement: bool = False
) -> Iterator[None]:
    """Turn driver errors into the project's errors, with a message meant for a person.

    `user_statement` marks a statement a user wrote (POST /query): whatever the graph refuses
    in it is the user's to fix (400), not the service's failure.
    """
    try:
        yield
    except NewsgraphError:
        raise
    except (Neo4jError, DriverError) as exc:
        scope = current_scope()
        if scope is not None and scope.cancelled:
            # Terminated by the watchdog because the caller went away, not by the budget.
            raise QueryCancelledError(
                f"statement {name} was stopped: its caller went away"
            ) from exc
        if isinstance(exc, Neo4jError):
            _raise_graph_error(budget_s, exc, user_statement)
        elif isinstance(exc, (ServiceUnavailable, SessionExpired)):
            raise GraphUnavailableError(f"the graph server does not answer: {exc}") from exc
        log.error("statement %s failed: %s", name, exc)
        raise
    except (OverflowError, ValueError, TypeError) as exc:  # UnicodeEncodeError is a ValueError
        if _packing_error(exc):
            raise _unsendable(exc) from exc
        raise


# How a full disk reads in the servers' messages (Java's IOException on both).
_DISK_FULL = ("no space left on device", "disk full", "not enough space on the disk", "disk quota")


def _disk_full(exc: BaseException) -> bool:
    text = f"{getattr(exc, 'message', '') or ''} {exc}".lower()
    return any(sign in text for sign in _DISK_FULL)


def _raise_graph_error(budget_s: float, exc: Neo4jError, user_statement: bool) -> None:
    """Raise the project's error for `exc`, or return when it is the service's own failure."""
    if _disk_full(exc):
        raise StorageFullError(
            "the graph cannot write: its disk is full; free space on the graph server's disk "
            "(reads still work)"
        ) from exc
    code = exc.code or ""
    if code in _TIMEOUT_CODES:
        raise QueryTimeoutError(
            f"the query ran past its time budget of {budget_s:g} s and was stopped"
        ) from exc
    if code.startswith("Neo.TransientError.Database") or code.endswith("DatabaseNotFound"):
        raise GraphUnavailableError(f"the graph cannot serve its database: {exc.message}") from exc
    if isinstance(exc, ClientError) and code.startswith("Neo.ClientError.Statement"):
        raise InvalidInputError(f"the graph rejected the statement: {exc.message}") from exc
    if user_statement and not isinstance(exc, TransientError):
        raise InvalidInputError(f"the graph could not run the statement: {exc.message}") from exc
