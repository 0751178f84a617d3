"""The `kg` command line: the graph server, ingest, extraction, evaluation and the service.

Every failure ends with one sentence on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import click
import typer
from neo4j.exceptions import DriverError
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from graph_schema.errors import NewsgraphError
from loaders.models import LANGUAGES
from service.runtime import (
    configure_extraction,
    embedded_server,
    extraction_config,
    open_graph,
)
from service.settings import Settings, get_settings

if TYPE_CHECKING:  # the loaders load when a command needs them
    from loaders.ingest import Article, Failure, IngestSummary

app = typer.Typer(
    help="newsgraph: news articles into a knowledge graph.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="The embedded graph server (ArcadeDB).", no_args_is_help=True)
app.add_typer(db_app, name="db")
keys_app = typer.Typer(help="API keys: who may read, write, or manage keys.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

Lang = Annotated[str | None, typer.Option("--lang", help="de, en or ru; detected when absent")]


def _fail(message: str, code: int = 1) -> None:
    # escape: a message's own brackets ('newsgraph[embedded]') are text, not rich markup.
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    raise typer.Exit(code)


def _first_error(exc: ValidationError) -> tuple[str, str]:
    """Where and what, of a pydantic error: ('log_level', "Input should be 'DEBUG', ...")."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return where, first.get("msg", "invalid").removeprefix("Value error, ")


def friendly(func: F) -> F:
    """Turn every error into one sentence on stderr and a non-zero exit, never a traceback.

    The project's own errors say what went wrong; file-system and driver errors are put into a
    sentence here; anything else is reported by its type and message, with the traceback in the
    log at DEBUG level (KG_LOG_LEVEL=DEBUG).
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, click.exceptions.Exit, click.ClickException):
            raise  # typer's own exits and usage errors
        except NewsgraphError as exc:
            _fail(str(exc))
        except ValidationError as exc:
            where, what = _first_error(exc)
            _fail(f"{where}: {what}")
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except OSError as exc:
            target = f" {exc.filename}" if exc.filename else ""
            _fail(f"cannot use{target}: {exc.strerror or exc}")
        except DriverError as exc:
            _fail(f"the Neo4j driver refused the configuration: {exc}")
        except Exception as exc:
            logging.getLogger(__name__).debug("unexpected failure", exc_info=True)
            _fail(
                f"failed unexpectedly ({type(exc).__name__}: {exc}); KG_LOG_LEVEL=DEBUG shows where"
            )
        return None

    return wrapper  # type: ignore[return-value]


def _settings() -> Settings:
    try:
        settings = get_settings()
    except ValidationError as exc:
        where, what = _first_error(exc)
        _fail(f"invalid configuration: KG_{where.upper()}: {what}", 2)
    logging.basicConfig(
        level=settings.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for chatty in ("neo4j", "pymorphy3"):  # their INFO lines are not news to our users
        logging.getLogger(chatty).setLevel(logging.WARNING)
    return settings


def _check_lang(lang: str | None) -> None:
    # Only text is extracted, so --lang is one of the extractor's languages (loaders.models).
    if lang is not None and lang not in LANGUAGES:
        _fail(f"--lang must be {', '.join(LANGUAGES[:-1])} or {LANGUAGES[-1]}, not {lang!r}", 2)


# -- kg db ---------------------------------------------------------------------------------------


@db_app.command("start")
@friendly
def db_start() -> None:
    """Start the embedded graph server (returns once Bolt accepts connections)."""
    settings = _settings()
    if settings.uses_neo4j:
        _fail("KG_NEO4J_URI is set: newsgraph uses that server and starts nothing embedded", 2)
    status = embedded_server(settings).start()
    out.print(
        f"graph server running: pid {status.pid}, {status.bolt_uri}, "
        f"database {status.database}, data in {status.data_dir}"
    )


@db_app.command("stop")
@friendly
def db_stop() -> None:
    """Stop the embedded graph server cleanly."""
    stopped = embedded_server(_settings()).stop()
    out.print("graph server stopped" if stopped else "graph server was not running")


@db_app.command("status")
@friendly
def db_status() -> None:
    """Is the embedded graph server running? Exit code 3 when it is not."""
    settings = _settings()
    if settings.uses_neo4j:
        out.print(f"using Neo4j at {settings.neo4j_uri} (KG_NEO4J_URI); nothing embedded")
        return
    status = embedded_server(settings).status()
    if not status.running:
        out.print(f"graph server not running (data in {status.data_dir})")
        raise typer.Exit(3)
    out.print(
        f"graph server running: pid {status.pid}, {status.bolt_uri}, "
        f"database {status.database}, data in {status.data_dir}"
    )


@db_app.command("migrate")
@friendly
def db_migrate() -> None:
    """Create the constraints and indexes that are missing, and fill in the counts and the
    search index of a database written by an older version (idempotent)."""
    runtime = open_graph(_settings())
    try:
        report = runtime.schema
        out.print(
            f"schema on {report.backend}: created {len(report.created)} "
            f"({', '.join(report.created) or 'none'}), {len(report.present)} present"
            + (f"; filled in {', '.join(report.filled_in)}" if report.filled_in else "")
        )
    finally:
        runtime.close(stop_embedded=False)


# -- kg ingest / extract / eval --------------------------------------------------------------------


# An ingest of a whole corpus names its documents, up to this many (the event stays far below
# the graph's message size).
MAX_AUDITED_IDS = 10_000


def _audit_ingest(graph: Any, loaded: list[str], summary: Any, exc: BaseException | None) -> None:
    from service.audit import Action, Outcome

    kept = loaded[:MAX_AUDITED_IDS]
    more = f" (the first {len(kept):,} of {len(loaded):,} named)" if len(kept) < len(loaded) else ""
    if exc is not None:
        outcome, message = Outcome.FAILED, f"stopped after {len(loaded)} documents: {exc}"
    else:
        failed = summary.failed
        outcome = Outcome.FAILED if failed else (Outcome.OK if loaded else Outcome.UNCHANGED)
        message = (
            f"documents {summary.documents}, skipped {summary.skipped}, copies "
            f"{summary.copies}, failed {failed}{more}"
        )
    _audit_cli(graph, Action.INGEST, kept, outcome, message)


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


class _Reporter:
    """Says, per item, which file, line or URL it came from and what became of it (the
    document it is, or why it failed); a progress bar on stderr while it runs."""

    def __init__(self, progress: Progress, on_done: Callable[[str, object], None] | None = None):
        self.progress = progress
        self.task = progress.add_task("ingesting", total=None)
        self.on_done = on_done
        self.loaded: list[str] = []  # the documents the graph gained, for the audit

    def __call__(self, source: str, result: object) -> None:
        from loaders.ingest import Failure
        from loaders.sources.syndication import CopyReport
        from loaders.write import LoadReport

        name = source if _is_url(source) else Path(source).name
        self.progress.update(self.task, advance=1, description=f"ingesting {name}")
        if isinstance(result, Failure):
            err.print(f"[yellow]failed:[/yellow] {escape(source)}: {escape(result.message)}")
        elif isinstance(result, CopyReport):
            out.print(
                f"copy: {source} is document {result.document_id[:12]}'s story "
                f"(similarity {result.similarity:.2f}); recorded as its source",
                markup=False,
                highlight=False,
            )
        elif isinstance(result, LoadReport):
            if result.status == "loaded":
                self.loaded.append(result.document_id)
            said = (
                f"{result.entities} entities, {result.relations} relations"
                if result.status == "loaded"
                else "already loaded"
            )
            out.print(
                f"{result.status}: {source}: document {result.document_id[:12]}, {said}",
                markup=False,
                highlight=False,
            )
        if self.on_done is not None:
            self.on_done(source, result)


def _print_summary(summary: IngestSummary) -> None:
    out.print(
        f"documents {summary.documents}, entities {summary.entities}, relations "
        f"{summary.relations}, skipped {summary.skipped} (already loaded), copies "
        f"{summary.copies} (of a story already loaded), failed {summary.failed}",
        highlight=False,
    )


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
    )


@app.command()
@friendly
def ingest(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help=".txt/.md/.json/.jsonl files or folders, or http(s) URLs of news pages",
            show_default=False,
        ),
    ] = None,
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", help="an RSS or Atom feed whose new entries to load (repeatable)"),
    ] = None,
    lang: Lang = None,
    workers: Annotated[
        int,
        typer.Option(
            min=0,
            help="processes extracting texts (default: one per core); 0 extracts in this one",
        ),
    ] = len(os.sched_getaffinity(0)),
) -> None:
    """Extract articles and load them into the graph: files, web pages, feeds' new entries.

    Each item says where it came from and which document it became; a summary at the end.
    A near copy of a story already loaded is recorded as a source of that story."""
    from loaders.ingest import ingest_items, read_articles
    from loaders.sources.feeds import FeedRound, FeedStore
    from loaders.sources.syndication import StoryIndex

    _check_lang(lang)
    given = list(sources or [])
    feeds = list(feed or [])
    if not given and not feeds:
        _fail("name files, folders or URLs to ingest, or a feed with --feed URL", 2)
    settings = _settings()
    configure_extraction(settings)
    paths = [Path(s) for s in given if not _is_url(s)]
    urls = [s for s in given if _is_url(s)]
    round_ = FeedRound(FeedStore(settings.data_dir / "feeds.json"), settings.fetch_policy(), lang)
    runtime = open_graph(settings)
    try:
        items: Iterator[Article | Failure] = itertools.chain(
            read_articles(paths, lang),
            _pages(urls, settings, lang),
            round_.items(feeds),
        )
        with _progress() as progress:
            reporter = _Reporter(progress, round_.done)
            try:
                summary = ingest_items(
                    runtime.graph,
                    items,
                    on_item=reporter,
                    workers=workers,
                    extraction=extraction_config(settings),
                    stories=StoryIndex(runtime.graph),
                )
            except BaseException as exc:
                _audit_ingest(runtime.graph, reporter.loaded, None, exc)
                raise
        _audit_ingest(runtime.graph, reporter.loaded, summary, None)
        if feeds:
            round_.finish()
    finally:
        runtime.close(stop_embedded=False)
    if summary.documents + summary.skipped + summary.copies + summary.failed == 0:
        if feeds and not paths and not urls:
            out.print("nothing new in the feeds", highlight=False)
            return
        _fail(
            f"no articles found under {', '.join(given)} "
            "(looked for .txt, .md, .json and .jsonl files)"
        )
    _print_summary(summary)
    if summary.failed:
        raise typer.Exit(1)


def _pages(urls: list[str], settings: Settings, lang: str | None) -> Iterator[Article | Failure]:
    """Each URL's article, or a failure saying why there is none."""
    from graph_schema.errors import NewsgraphError
    from loaders.ingest import Failure
    from loaders.sources.page import read_page

    for url in urls:
        try:
            yield read_page(url, settings.fetch_policy(), lang)
        except NewsgraphError as exc:
            yield Failure(url, str(exc))


@app.command()
@friendly
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feeds to follow")],
    every: Annotated[str, typer.Option(help="time between readings: 30s, 15m, 2h, 1d")] = "15m",
    rounds: Annotated[
        int | None, typer.Option(min=1, help="stop after this many readings (default: never)")
    ] = None,
    lang: Lang = None,
) -> None:
    """Read feeds every so often and load their new entries; Ctrl-C stops.

    What each feed gave (its ETag and Last-Modified, the entries loaded) is kept in
    KG_DATA_DIR/feeds.json, so a restart loads only what is new."""
    from loaders.ingest import ingest_items
    from loaders.sources.feeds import FeedRound, FeedStore, parse_every, sleep_until_next
    from loaders.sources.syndication import StoryIndex

    _check_lang(lang)
    try:
        interval = parse_every(every)
    except ValueError as exc:
        _fail(f"--every: {exc}", 2)
    settings = _settings()
    configure_extraction(settings)
    store = FeedStore(settings.data_dir / "feeds.json")
    runtime = open_graph(settings)
    try:
        stories = StoryIndex(runtime.graph)
        for number in itertools.count(1):
            started = time.monotonic()
            round_ = FeedRound(store, settings.fetch_policy(), lang)
            try:
                with _progress() as progress:
                    reporter = _Reporter(progress, round_.done)
                    try:
                        summary = ingest_items(
                            runtime.graph, round_.items(feeds), on_item=reporter, stories=stories
                        )
                    except BaseException as exc:
                        _audit_ingest(runtime.graph, reporter.loaded, None, exc)
                        raise
                _audit_ingest(runtime.graph, reporter.loaded, summary, None)
            finally:
                round_.finish()  # what was loaded before a Ctrl-C is not fetched again
            out.print(f"round {number}: ", end="", highlight=False)
            _print_summary(summary)
            if rounds is not None and number >= rounds:
                break
            sleep_until_next(started, interval)
    except KeyboardInterrupt:
        out.print("stopped", highlight=False)
    finally:
        runtime.close(stop_embedded=False)


@app.command()
@friendly
def extract(
    file: Annotated[
        Path,
        typer.Argument(help="one article: a .txt, .md or .json file, or a .jsonl file of one line"),
    ],
    lang: Lang = None,
) -> None:
    """Print the entities and relations of one article as FORMAT.md JSON.

    Exactly one article: a folder or a .jsonl file of several lines is refused (kg ingest
    loads many)."""
    from loaders.extraction import extract as run_extract
    from loaders.ingest import Article, Failure, read_articles

    _check_lang(lang)
    configure_extraction(_settings())
    items = list(itertools.islice(read_articles([file], lang), 2))
    if len(items) > 1:
        _fail(
            f"{file} holds more than one article; kg extract prints one, so name a single "
            "article (kg ingest loads many)",
            2,
        )
    item = items[0] if items else Failure(str(file), "no article found there")
    if isinstance(item, Failure):
        _fail(f"{item.source}: {item.message}")
    assert isinstance(item, Article)
    doc = item.extracted or run_extract(
        item.text or "", lang=item.meta.lang if item.meta else None, meta=item.meta
    )
    json.dump(doc.to_format_json(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@app.command()
@friendly
def rank() -> None:
    """Rank the neighbours of every entity a graph written before ranked lists existed
    holds (loaders.ranking): after that, /entities/{id}/neighbors reads them."""
    from loaders.ranking import rank_all

    runtime = open_graph(_settings())
    try:
        ranked = rank_all(runtime.graph)
    finally:
        runtime.close(stop_embedded=False)
    out.print(f"ranked the neighbours of {ranked} entities", highlight=False)


@app.command("schema")
@friendly
def schema() -> None:
    """Print the document format (docs/FORMAT.md) as JSON Schema, as GET /schema/document.json."""
    from loaders.models import document_json_schema

    json.dump(document_json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@app.command("eval")
@friendly
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="folder of gold FORMAT.md files")] = Path(
        "../shared/corpus/dev"
    ),
    scorer: Annotated[Path, typer.Option(help="the official score.py")] = Path(
        "../shared/eval/score.py"
    ),
    models: Annotated[
        str | None,
        typer.Option(
            help="statistical models: on, off (rules only), auto (each pack's default), or "
            "compare (rules only, the default and every model on, side by side); unset: "
            "KG_SPACY_MODEL_* settings"
        ),
    ] = None,
) -> None:
    """Run the extractor over gold files and print the scorer's table per language and overall."""
    from loaders.evaluation import compare_scores, side_by_side
    from loaders.evaluation import evaluate as run_evaluate
    from loaders.extraction import ExtractionConfig, configure

    if models not in (None, "on", "off", "auto", "compare"):
        _fail(f"--models must be on, off, auto or compare, not {models!r}", 2)
    if not gold_dir.is_dir():
        _fail(f"{gold_dir} is not a folder of gold files", 2)
    if not scorer.is_file():
        _fail(f"scorer {scorer} not found; pass --scorer PATH", 2)
    if models == "compare":
        runs = {  # the default (auto) runs a model only where its pack turns it on
            "rules only": ExtractionConfig.every("off"),
            "default (auto)": ExtractionConfig.every("auto"),
            "with models": ExtractionConfig.every("on"),
        }
        out.print(side_by_side(compare_scores(gold_dir, runs, scorer)), highlight=False)
        return
    if models is None:
        configure_extraction(_settings())
    else:
        configure(ExtractionConfig.every(models))
    out.print(run_evaluate(gold_dir, scorer), highlight=False)


# -- kg keys ---------------------------------------------------------------------------------------

LOCAL_KEY_NAME = "local-writer"
LOCAL_KEY_FILE = "local-writer.key"


def _audit_cli(graph: Any, action: Any, targets: list[str], outcome: Any, message: str) -> None:
    from service.audit import AuditEvent, record
    from service.auth import CLI_ACTOR

    record(
        graph,
        AuditEvent(
            actor=CLI_ACTOR, action=action, targets=targets, outcome=outcome, message=message
        ),
    )


@keys_app.command("create")
@friendly
def keys_create(
    role: Annotated[str, typer.Option("--role", help="reader, writer or admin")],
    name: Annotated[str | None, typer.Option("--name", help="unique; made up when absent")] = None,
) -> None:
    """Create a key and print it; it is shown this once (the graph keeps only its hash)."""
    from service.audit import Action, Outcome
    from service.auth import Role
    from service.repository.access import create_key

    if role not in [r.value for r in Role]:
        _fail(f"--role must be reader, writer or admin, not {role!r}", 2)
    runtime = open_graph(_settings())
    try:
        created = create_key(runtime.graph, Role(role), name)
        _audit_cli(runtime.graph, Action.KEY_CREATE, [created.name], Outcome.OK, f"role {role}")
    finally:
        runtime.close(stop_embedded=False)
    err.print(f"created {created.role.value} key {created.name!r}; it is not shown again:")
    out.print(created.key, highlight=False)


@keys_app.command("list")
@friendly
def keys_list() -> None:
    """Names, roles, first characters and creation times of the keys (never the keys)."""
    from service.repository.access import list_keys

    runtime = open_graph(_settings())
    try:
        keys = list_keys(runtime.graph)
    finally:
        runtime.close(stop_embedded=False)
    if not keys:
        out.print("no keys (kg keys create --role writer)")
    for key in keys:
        out.print(f"{key.name}\t{key.role.value}\t{key.prefix}…\t{key.created_at}", highlight=False)


@keys_app.command("revoke")
@friendly
def keys_revoke(name: Annotated[str, typer.Argument(help="the key's name")]) -> None:
    """Revoke a key: refused at once here, by every service within KG_KEY_CACHE_S seconds."""
    from service.audit import Action, Outcome
    from service.repository.access import revoke_key

    runtime = open_graph(_settings())
    try:
        revoked = revoke_key(runtime.graph, name)
        _audit_cli(runtime.graph, Action.KEY_REVOKE, [revoked.name], Outcome.OK, "revoked")
    finally:
        runtime.close(stop_embedded=False)
    out.print(f"revoked {revoked.role.value} key {revoked.name!r}")


@keys_app.command("local")
@friendly
def keys_local() -> None:
    """Make sure this machine has a writer key in KG_DATA_DIR (make run calls this)."""
    from service.audit import Action, Outcome
    from service.auth import Role
    from service.repository.access import create_key, find_caller, list_keys, revoke_key

    settings = _settings()
    path = settings.data_dir / LOCAL_KEY_FILE
    runtime = open_graph(settings)
    try:
        if path.exists() and find_caller(runtime.graph, path.read_text().strip()) is not None:
            out.print(f"writer key for this machine: {path}")
            out.print(_key_usage(path))
            return
        if any(k.name == LOCAL_KEY_NAME for k in list_keys(runtime.graph)):
            revoke_key(runtime.graph, LOCAL_KEY_NAME)  # its file is gone: nobody holds it
        created = create_key(runtime.graph, Role.WRITER, LOCAL_KEY_NAME)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.chmod(0o600)
        path.write_text(created.key + "\n", encoding="utf-8")
        _audit_cli(runtime.graph, Action.KEY_CREATE, [created.name], Outcome.OK, "role writer")
    finally:
        runtime.close(stop_embedded=False)
    out.print(f"created a writer key for this machine in {path} (mode 0600)")
    out.print(_key_usage(path))


def _key_usage(path: Path) -> str:
    return (
        f'send it as: curl -H "Authorization: Bearer $(cat {path})" ...; '
        "in /docs and /explore paste it into Authorize / Key"
    )


# -- kg serve ------------------------------------------------------------------------------------


@app.command()
@friendly
def serve(
    host: Annotated[str | None, typer.Option(help="default KG_HOST or 127.0.0.1")] = None,
    port: Annotated[
        int | None, typer.Option(min=1, max=65535, help="default KG_PORT or 8000")
    ] = None,
) -> None:
    """Serve the HTTP API (starts the embedded graph server when needed)."""
    import uvicorn

    from service.app import create_app

    settings = _settings()
    started = False
    if not settings.uses_neo4j:
        server = embedded_server(settings)
        if not server.status().running:
            server.start()
            started = True
    try:
        # Connect and migrate once here, so a graph that cannot be reached or migrated ends
        # with a sentence instead of uvicorn's start-up traceback.
        open_graph(settings, start_embedded=False).close(stop_embedded=False)
        uvicorn.run(
            create_app(settings),
            host=host or settings.host,
            port=port if port is not None else settings.port,
            log_level=settings.log_level.lower(),
            access_log=False,
        )
    finally:
        if started:
            embedded_server(settings).stop()


if __name__ == "__main__":
    app()
