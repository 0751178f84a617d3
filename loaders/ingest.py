"""Ingesting articles: text in, graph out. Files, folders, JSONL and FORMAT.md JSON.

Each article is extracted, resolved and written in its own transaction; a bad file or line is
reported with a sentence and the others still load. Re-running an interrupted ingest completes
it: documents already in the graph are skipped.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from graph_schema.errors import GraphUnavailableError, InvalidInputError, NewsgraphError
from graph_schema.graph import Graph
from loaders.linking.graph_index import GraphIndex
from loaders.linking.link import link_document
from loaders.models import DocumentMeta, ExtractedDocument
from loaders.resolve import resolve
from loaders.write import LoadReport, write_document

if TYPE_CHECKING:
    from loaders.sources.syndication import CopyReport, StoryIndex

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


def load_article(
    graph: Graph, article: Article, stories: StoryIndex | None = None
) -> LoadReport | CopyReport:
    """Extract (unless already extracted), resolve and write one article. With `stories`, a
    near copy of a document already loaded is recorded as its copy instead (nothing else is
    written), and a document loaded keeps its fingerprint."""
    if stories is None:
        return _load(graph, article)
    extracted = article.extracted
    text = (extracted.text if extracted else article.text) or ""
    with stories.exclusive():
        copy = stories.record_copy(text, extracted.meta if extracted else article.meta)
        if copy is not None:
            return copy
        report = _load(graph, article)
        if report.status == "loaded":
            stories.remember(report.document_id, text)
        return report


def _load(graph: Graph, article: Article) -> LoadReport:
    doc = article.extracted
    if doc is None:
        from loaders.extraction import extract  # spaCy loads only when text must be extracted

        doc = extract(
            article.text or "", lang=article.meta.lang if article.meta else None, meta=article.meta
        )
    try:
        graph_doc = resolve(doc)
    except ValueError as exc:
        raise InvalidInputError(str(exc)) from exc
    return write_document(graph, link_document(graph_doc, GraphIndex(graph)))


def ingest(
    graph: Graph,
    paths: Iterable[Path],
    *,
    lang: str | None = None,
    on_item: Callable[[str, LoadReport | CopyReport | Failure], None] | None = None,
    stories: StoryIndex | None = None,
) -> IngestSummary:
    return ingest_items(graph, read_articles(paths, lang), on_item=on_item, stories=stories)


def ingest_items(
    graph: Graph,
    items: Iterable[Article | Failure],
    *,
    on_item: Callable[[str, LoadReport | CopyReport | Failure], None] | None = None,
    stories: StoryIndex | None = None,
) -> IngestSummary:
    """Load articles from any source (files, pages, feeds), each in its own transaction."""
    summary = IngestSummary()
    for item in items:
        result: LoadReport | CopyReport | Failure
        if isinstance(item, Failure):
            result = item
        else:
            try:
                result = load_article(graph, item, stories)
            except GraphUnavailableError:
                raise  # every later article would fail the same way
            except (NewsgraphError, ValidationError) as exc:
                result = Failure(item.source, describe(exc))
            except Exception as exc:  # a bug met by one article must not stop the others
                log.debug("unexpected failure on %s", item.source, exc_info=True)
                result = Failure(
                    item.source,
                    f"failed unexpectedly ({type(exc).__name__}: "
                    f"{exc}); rerun with KG_LOG_LEVEL=DEBUG for details",
                )
        if isinstance(result, Failure):
            summary.fail(result)
            log.warning("%s: %s", result.source, result.message)
        else:
            summary.add(result, item.source)
        if on_item is not None:
            on_item(item.source, result)
    return summary
