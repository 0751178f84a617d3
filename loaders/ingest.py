"""Ingesting articles: text in, graph out. Files, folders, JSONL and FORMAT.md JSON.

Articles are extracted and resolved in worker processes (one per core by default) and written
by this process in batches, one transaction each, in the order they were read. A bad file, line
or document is reported with a sentence and the others still load; a worker that dies fails
the article it held. Re-running an interrupted ingest completes it: documents already in the
graph are skipped.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from graph_schema.errors import InvalidInputError, NewsgraphError
from graph_schema.graph import Graph
from loaders import write
from loaders.linking.graph_index import linked
from loaders.models import DocumentMeta, ExtractedDocument
from loaders.parallel import OrderedPool
from loaders.resolve import GraphDocument, resolve
from loaders.sources import syndication
from loaders.sources.syndication import CopyReport, StoryIndex
from loaders.write import (
    LoadReport,
    Rejected,
    document_bytes,
    write_document,
    write_documents,
)

if TYPE_CHECKING:
    from loaders.extraction.config import ExtractionConfig

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md"}
LOADABLE_SUFFIXES = TEXT_SUFFIXES | {".json", ".jsonl"}
_FRONT_MATTER_KEYS = {"title", "url", "published", "lang"}


@dataclass(frozen=True)
class Article:
    """One article to load: raw text to extract, or a document extracted elsewhere."""

    source: str
    text: str | None = None
    meta: DocumentMeta | None = None
    extracted: ExtractedDocument | None = None


@dataclass(frozen=True)
class Failure:
    source: str
    message: str


@dataclass
class IngestSummary:
    documents: int = 0
    skipped: int = 0
    copies: int = 0  # syndicated copies, recorded on the story's first document
    failed: int = 0
    entities: int = 0
    relations: int = 0
    failures: list[Failure] = field(default_factory=list)
    # Where each document came from: its id -> the files, lines or URLs that gave it.
    sources: dict[str, list[str]] = field(default_factory=dict)

    def add(self, report: LoadReport | CopyReport, source: str | None = None) -> None:
        if source is not None:
            self.sources.setdefault(report.document_id, []).append(source)
        if not isinstance(report, LoadReport):  # a CopyReport
            self.copies += 1
            return
        if report.status == "skipped":
            self.skipped += 1
            return
        self.documents += 1
        self.entities += report.entities
        self.relations += report.relations

    def fail(self, failure: Failure) -> None:
        self.failed += 1
        self.failures.append(failure)


# -- reading sources ---------------------------------------------------------------------------


def expand(paths: Iterable[Path]) -> Iterator[Path | Failure]:
    """Files named directly, and loadable files inside folders (recursively, sorted)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in LOADABLE_SUFFIXES
            )
        elif not path.exists():
            yield Failure(str(path), "no such file or folder")
        elif path.suffix.lower() not in LOADABLE_SUFFIXES:
            yield Failure(
                str(path),
                f"cannot load {path.suffix or 'files without a suffix'}; "
                "use .txt, .md, .json (FORMAT.md) or .jsonl",
            )
        else:
            yield path


def parse_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Split '---\\nkey: value\\n---\\n' metadata off the top of a text or Markdown article."""
    lines = raw.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, raw
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            meta = {}
            for entry in lines[1:end]:
                key, sep, value = entry.partition(":")
                if sep and key.strip() in _FRONT_MATTER_KEYS and value.strip():
                    meta[key.strip()] = _unquoted(value.strip())
            return meta, "\n".join(lines[end + 1 :])
    return {}, raw


def _unquoted(value: str) -> str:
    """A front-matter value as YAML reads a quoted scalar: title: "Chery in Karshi" is the
    title without its quotes ('' inside single quotes, \\" and \\\\ inside double ones)."""
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r'\\(["\\])', r"\1", value[1:-1])
    return value


def _markdown_title(text: str) -> str | None:
    first = text.lstrip().split("\n", 1)[0]
    if not first.startswith("#"):
        return None
    return first.lstrip("#").strip() or None


def _read_text_file(path: Path, lang: str | None) -> Article:
    raw = path.read_text(encoding="utf-8")
    front, text = parse_front_matter(raw)
    if not text.strip():
        raise InvalidInputError("the file holds no text")
    if path.suffix.lower() == ".md" and "title" not in front:
        title = _markdown_title(text)
        if title:
            front["title"] = title
    meta = DocumentMeta.model_validate({**front, "lang": lang or front.get("lang")})
    return Article(str(path), text=text, meta=meta)


def _meta(row: dict[str, object], lang: str | None) -> DocumentMeta:
    fields = {k: row.get(k) for k in ("url", "title", "published")}
    return DocumentMeta.model_validate({**fields, "lang": lang or row.get("lang")})


def _text(row: dict[str, object]) -> str:
    """The article's text: a string with more than white space, or a sentence saying why not."""
    text = row.get("text")
    if text is None:
        raise InvalidInputError('"text" is missing: the article\'s text must be a string')
    if not isinstance(text, str):
        raise InvalidInputError(
            f'"text" must be a string, not {type(text).__name__} ({json.dumps(text)[:40]})'
        )
    if not text.strip():
        raise InvalidInputError('"text" is empty')
    return text


def _read_json_file(path: Path, lang: str | None) -> Article:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise InvalidInputError("a .json file must hold one FORMAT.md document (an object)")
    if "entities" not in data:  # text and metadata only: extract it here
        return Article(str(path), text=_text(data), meta=_meta(data, lang))
    return Article(str(path), extracted=ExtractedDocument.model_validate(data))


def _read_jsonl_file(path: Path, lang: str | None) -> Iterator[Article | Failure]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            source = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise InvalidInputError('each line must be an object with a "text" string')
                yield Article(source, text=_text(row), meta=_meta(row, lang))
            except (json.JSONDecodeError, ValidationError, InvalidInputError) as exc:
                yield Failure(source, describe(exc))


def read_articles(paths: Iterable[Path], lang: str | None = None) -> Iterator[Article | Failure]:
    for item in expand(paths):
        if isinstance(item, Failure):
            yield item
            continue
        suffix = item.suffix.lower()
        try:
            if suffix == ".jsonl":
                yield from _read_jsonl_file(item, lang)
            elif suffix == ".json":
                yield _read_json_file(item, lang)
            else:
                yield _read_text_file(item, lang)
        except (
            OSError,
            UnicodeDecodeError,
            json.JSONDecodeError,
            ValidationError,
            InvalidInputError,
        ) as exc:
            yield Failure(str(item), describe(exc))


def describe(exc: BaseException) -> str:
    """One sentence for a person, not a traceback."""
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "document"
        return f"{where}: {first.get('msg', 'invalid')}"
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


# -- loading -----------------------------------------------------------------------------------

# A batch is written once it is full (loaders.write's limits) or its first document has
# waited this long, so that progress shows and an interrupted run loses little work.
FLUSH_AFTER_S = 2.0


@dataclass(frozen=True)
class Prepared:
    """An item ready for the writer: the graph rows of an article, or why there are none."""

    source: str
    result: GraphDocument | Failure


def _graph_document(article: Article) -> GraphDocument:
    """Extract (unless already extracted) and resolve one article."""
    doc = article.extracted
    if doc is None:
        from loaders.extraction import extract  # spaCy loads only when text must be extracted

        doc = extract(
            article.text or "", lang=article.meta.lang if article.meta else None, meta=article.meta
        )
    try:
        return resolve(doc)
    except ValueError as exc:
        raise InvalidInputError(str(exc)) from exc


def load_article(
    graph: Graph, article: Article, stories: StoryIndex | None = None
) -> LoadReport | CopyReport:
    """Extract (unless already extracted), resolve and write one article. With `stories`, a
    near copy of a document already loaded is recorded as its copy instead (nothing else is
    written), and a document loaded keeps its fingerprint (written with it)."""
    # Resolving costs seconds the first time (the gazetteer is built): a graph that does not
    # answer is told at once, before that work, as every read and write of it is.
    graph.ensure_reachable()
    if stories is None:
        gdoc = syndication.fingerprinted(_graph_document(article))
        return write_document(graph, gdoc, prepare=linked)
    extracted = article.extracted
    text = (extracted.text if extracted else article.text) or ""
    signature = syndication.fingerprint(text) if syndication.long_enough(text) else None
    with stories.exclusive():
        copy = stories.record_copy(text, extracted.meta if extracted else article.meta, signature)
        if copy is not None:
            return copy
        gdoc = syndication.fingerprinted(_graph_document(article))
        report = write_document(graph, gdoc, prepare=linked)
        if report.status == "loaded":
            stories.loaded(gdoc)
        return report


def prepare_item(item: Article | Failure) -> Prepared:
    """An item of `read_articles` made ready for the writer; runs in the extraction workers.
    Whatever goes wrong becomes the item's failure, with a sentence for a person."""
    if isinstance(item, Failure):
        return Prepared(item.source, item)
    try:
        # fingerprinted here, in the worker, not in the one writer's process
        return Prepared(item.source, syndication.fingerprinted(_graph_document(item)))
    except (NewsgraphError, ValidationError) as exc:
        return Prepared(item.source, Failure(item.source, describe(exc)))
    except Exception as exc:  # a bug met by one article must not stop the others
        log.debug("unexpected failure on %s", item.source, exc_info=True)
        return Prepared(item.source, Failure(item.source, _unexpected(exc)))


def _unexpected(exc: BaseException | str) -> str:
    what = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return f"failed unexpectedly ({what}); rerun with KG_LOG_LEVEL=DEBUG for details"


def _needs_no_extraction(item: Article | Failure) -> bool:
    return isinstance(item, Failure) or item.extracted is not None


def _worker_failed(item: Article | Failure, why: str) -> Prepared:
    return Prepared(item.source, Failure(item.source, f"extraction failed: {why}"))


def prepared_items(
    items: Iterable[Article | Failure],
    workers: int,
    extraction: ExtractionConfig | None = None,
) -> Iterator[Prepared]:
    """Items made ready for the writer, in their order. With workers, texts are extracted in
    that many processes (the extraction configured with `extraction` in each); documents
    extracted already are only resolved, here. With none, everything runs here."""
    if workers <= 0:
        yield from map(prepare_item, items)
        return
    from loaders.extraction import configure

    pool: OrderedPool[Article | Failure, Prepared] = OrderedPool(
        prepare_item,
        workers=workers,
        failed=_worker_failed,
        local=_needs_no_extraction,
        initializer=configure if extraction is not None else None,
        initargs=(extraction,) if extraction is not None else (),
    )
    yield from pool.map(items)


class _Batch:
    """Prepared items waiting for the writer, in order; written when full or old enough.
    A syndicated copy found on arrival waits here too, so that every item is told in order."""

    def __init__(self) -> None:
        self.items: list[tuple[str, GraphDocument | Failure | CopyReport]] = []
        self.docs: list[GraphDocument] = []
        self.bytes = 0
        self.started = 0.0

    def add(self, source: str, result: GraphDocument | Failure | CopyReport) -> None:
        if not self.items:
            self.started = time.monotonic()
        self.items.append((source, result))
        if isinstance(result, GraphDocument):
            self.docs.append(result)
            self.bytes += document_bytes(result)

    def ready(self) -> bool:
        return (
            len(self.docs) >= write.MAX_BATCH_DOCUMENTS
            or self.bytes >= write.MAX_BATCH_BYTES
            or (bool(self.items) and time.monotonic() - self.started >= FLUSH_AFTER_S)
        )


Outcome = LoadReport | CopyReport | Failure


def _write(graph: Graph, batch: _Batch) -> list[tuple[str, Outcome]]:
    results = iter(write_documents(graph, batch.docs, prepare=linked))
    outcomes: list[tuple[str, Outcome]] = []
    for source, item in batch.items:
        if not isinstance(item, GraphDocument):
            outcomes.append((source, item))
            continue
        result = next(results)
        if isinstance(result, Rejected):
            outcomes.append((source, Failure(source, _refused(result.error))))
        else:
            outcomes.append((source, result))
    return outcomes


def _refused(exc: Exception) -> str:
    if isinstance(exc, (NewsgraphError, ValidationError)):
        return describe(exc)
    return _unexpected(exc)


class _Copies:
    """Syndicated copies among the items of one ingest: a text nearly the same as a document
    in the graph, or as one waiting in the batch, is recorded as that story's copy instead of
    being loaded (loaders.sources.syndication); each document loaded keeps its fingerprint."""

    def __init__(self, stories: StoryIndex) -> None:
        self.stories = stories
        self.waiting: list[Any] = []  # fingerprints of the documents in the batch

    def waits_for_original(self, gdoc: GraphDocument) -> bool:
        """Whether `gdoc` is a copy of a document not yet written (the batch must go first)."""
        if not self.waiting:
            return False
        signature = syndication.signature_of(gdoc)
        if signature is None:
            return False
        return any(signature.jaccard(w) >= self.stories.threshold for w in self.waiting)

    def copy_of_loaded(self, gdoc: GraphDocument) -> CopyReport | None:
        row = gdoc.document
        meta = DocumentMeta(url=row.url, title=row.title, published=row.published, lang=None)
        signature = syndication.signature_of(gdoc)
        copy = self.stories.record_copy(row.text, meta, signature)
        if copy is None and signature is not None:
            self.waiting.append(signature)
        return copy

    def written(self, batch: _Batch, outcomes: list[tuple[str, Outcome]]) -> None:
        """The batch's documents loaded join the index; their fingerprints were written with
        them, in the batch's transaction."""
        docs = {d.document.id: d for d in batch.docs}
        for _, result in outcomes:
            if isinstance(result, LoadReport) and result.status == "loaded":
                self.stories.loaded(docs[result.document_id])
        self.waiting = []


def ingest(
    graph: Graph,
    paths: Iterable[Path],
    *,
    lang: str | None = None,
    on_item: Callable[[str, Outcome], None] | None = None,
    workers: int = 0,
    extraction: ExtractionConfig | None = None,
    stories: StoryIndex | None = None,
) -> IngestSummary:
    return ingest_items(
        graph,
        read_articles(paths, lang),
        on_item=on_item,
        workers=workers,
        extraction=extraction,
        stories=stories,
    )


def ingest_items(
    graph: Graph,
    items: Iterable[Article | Failure],
    *,
    on_item: Callable[[str, Outcome], None] | None = None,
    workers: int = 0,
    extraction: ExtractionConfig | None = None,
    stories: StoryIndex | None = None,
) -> IngestSummary:
    """Load articles from any source (files, pages, feeds): extracted in `workers` processes
    (none: here), written in batches by this one writer; `on_item` hears of every item, in
    order, once its fate is known. With `stories`, syndicated copies are recorded as such."""
    summary = IngestSummary()
    copies = _Copies(stories) if stories is not None else None

    def flush(batch: _Batch) -> None:
        outcomes = _write(graph, batch)
        if copies is not None:
            copies.written(batch, outcomes)
        for source, result in outcomes:
            if isinstance(result, Failure):
                summary.fail(result)
                log.warning("%s: %s", result.source, result.message)
            else:
                summary.add(result, source)
            if on_item is not None:
                on_item(source, result)

    def admit(batch: _Batch, item: Prepared) -> _Batch:
        result: GraphDocument | Failure | CopyReport = item.result
        if copies is not None and isinstance(result, GraphDocument):
            if copies.waits_for_original(result):
                flush(batch)
                batch = _Batch()
            result = copies.copy_of_loaded(result) or result
        batch.add(item.source, result)
        return batch

    # One writer thread: looking a copy up and writing its batch need no lock between them
    # (the service's threads load one document at a time, under the index's lock).
    batch = _Batch()
    for item in prepared_items(items, workers, extraction):
        batch = admit(batch, item)
        if batch.ready():
            flush(batch)
            batch = _Batch()
    if batch.items:
        flush(batch)
    return summary
