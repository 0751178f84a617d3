"""RSS and Atom feeds: what is new since the last reading, as ingest items.

A feed is asked with the ETag and Last-Modified of its last answer, so an unchanged one answers
304 and costs nothing; the ids of the entries already loaded are kept, so only new entries are
fetched (each entry's page, read as `page.read_page` reads any page). What each feed gave is
kept in one JSON file in the data folder (`FeedStore`), written when a round is done.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from graph_schema.errors import (
    InvalidInputError,
    NewsgraphError,
    SourceError,
    SourceUnavailableError,
)
from loaders.ingest import Article, Failure
from loaders.models import DocumentMeta
from loaders.sources.fetch import Accept, Conditional, FetchPolicy, check_url, fetch
from loaders.sources.page import read_page
from loaders.write import LoadReport

log = logging.getLogger(__name__)

FEED = Accept(
    (
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    ),
    "an RSS or Atom feed",
)
# Entry ids kept per feed: far more than a feed lists at once, so nothing listed is forgotten.
MAX_SEEN = 5_000


@dataclass
class FeedMemory:
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)


class FeedStore:
    """What each feed gave before, in one JSON file (`feeds.json` in the data folder)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._feeds: dict[str, FeedMemory] = {}
        if path.is_file():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                self._feeds = {url: FeedMemory(**memory) for url, memory in raw.items()}
            except (ValueError, TypeError, AttributeError) as exc:
                raise InvalidInputError(
                    f"{path} is not the feed memory newsgraph writes ({exc}); move it away "
                    "to read every feed afresh (documents already loaded are skipped)"
                ) from exc

    def memory(self, feed: str) -> FeedMemory:
        return self._feeds.setdefault(feed, FeedMemory())

    def seen(self, feed: str, entry_id: str) -> bool:
        return entry_id in self.memory(feed).seen

    def mark_seen(self, feed: str, entry_id: str) -> None:
        memory = self.memory(feed)
        if entry_id not in memory.seen:
            memory.seen = [*memory.seen, entry_id][-MAX_SEEN:]

    def save(self) -> None:
        """Written whole to a temporary file and renamed: a crash leaves the old file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        body = {url: asdict(memory) for url, memory in self._feeds.items()}
        temporary.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)


@dataclass(frozen=True)
class FeedEntry:
    feed: str
    entry_id: str
    link: str
    title: str | None = None
    published: str | None = None


def _entry_date(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return date(*parsed[:3]).isoformat()
    except (TypeError, ValueError):
        return None


def parse_feed(feed: str, body: bytes) -> list[FeedEntry]:
    """The entries of an RSS or Atom document that link to a page, in the feed's order."""
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = getattr(parsed.get("bozo_exception"), "args", [""])[0] or "no entries"
        raise SourceError(f"{feed} is not an RSS or Atom feed that could be read ({reason})")
    entries = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not link:
            continue
        entries.append(
            FeedEntry(
                feed=feed,
                entry_id=(entry.get("id") or link).strip(),
                link=link,
                title=(entry.get("title") or "").strip() or None,
                published=_entry_date(entry),
            )
        )
    return entries


def _with_feed_metadata(article: Article, entry: FeedEntry) -> Article:
    """What the page did not say, the feed may have: its title and date."""
    meta = article.meta or DocumentMeta(url=entry.link, lang=None)
    meta = meta.model_copy(
        update={
            "title": meta.title or entry.title,
            "published": meta.published or entry.published,
        }
    )
    return Article(article.source, text=article.text, meta=meta)


class FeedRound:
    """One reading of some feeds. `items` yields the new entries' articles (or failures); the
    caller loads each and reports it to `done`; `finish` writes down what was seen.

    An entry is remembered once it was loaded, or failed for a reason that would not change
    (not an article, a language the extractor does not read). One that could not be fetched
    (a time-out, a 5xx) is tried again next round, and its feed's ETag is not kept, so that
    the feed is read in full next time.
    """

    def __init__(
        self, store: FeedStore, policy: FetchPolicy | None = None, lang: str | None = None
    ):
        self.store = store
        self.policy = policy or FetchPolicy()
        self.lang = lang
        self._pending: dict[str, FeedEntry] = {}
        self._retry: set[str] = set()
        self._headers: dict[str, Conditional] = {}

    def items(self, feeds: Iterable[str]) -> Iterator[Article | Failure]:
        for feed in feeds:
            try:
                entries = self._new_entries(check_url(feed))
            except NewsgraphError as exc:
                yield Failure(feed, str(exc))
                continue
            for entry in entries:
                yield self._article(entry)

    def _new_entries(self, feed: str) -> list[FeedEntry]:
        memory = self.store.memory(feed)
        answer = fetch(feed, FEED, self.policy, Conditional(memory.etag, memory.last_modified))
        if answer.not_modified:
            log.info("%s: not modified since the last reading", feed)
            return []
        self._headers[feed] = Conditional(answer.etag, answer.last_modified)
        fresh = [e for e in parse_feed(feed, answer.body) if not self.store.seen(feed, e.entry_id)]
        log.info("%s: %d new entries", feed, len(fresh))
        return fresh

    def _article(self, entry: FeedEntry) -> Article | Failure:
        try:
            article = _with_feed_metadata(read_page(entry.link, self.policy, self.lang), entry)
        except SourceUnavailableError as exc:
            self._retry.add(entry.feed)
            return Failure(entry.link, str(exc))
        except SourceError as exc:
            self.store.mark_seen(entry.feed, entry.entry_id)  # it will not become an article
            return Failure(entry.link, str(exc))
        self._pending[article.source] = entry
        return article

    def done(self, source: str, result: LoadReport | Failure | object) -> None:
        """After the item from `source` was loaded (or failed to load)."""
        entry = self._pending.pop(source, None)
        if entry is not None:
            self.store.mark_seen(entry.feed, entry.entry_id)

    def finish(self) -> None:
        for feed, conditional in self._headers.items():
            memory = self.store.memory(feed)
            if feed in self._retry:
                memory.etag = memory.last_modified = None
            else:
                memory.etag, memory.last_modified = conditional.etag, conditional.last_modified
        self.store.save()


def parse_every(text: str) -> float:
    """'15m', '30s', '2h', '1d' or plain seconds -> seconds (at least one)."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    value = text.strip().lower()
    factor = units.get(value[-1:])
    number = value[:-1] if factor else value
    try:
        seconds = float(number) * (factor or 1)
    except ValueError:
        raise ValueError(f"{text!r} is no interval: write 30s, 15m, 2h or 1d") from None
    if seconds < 1:
        raise ValueError(f"{text!r} is less than a second")
    return seconds


def sleep_until_next(started: float, every: float) -> None:
    time.sleep(max(0.0, started + every - time.monotonic()))
