"""A news page into an article: its main text, title, date and language, by trafilatura (the
page's menus, footers and comments left out), with the URL kept."""

from __future__ import annotations

import re

from graph_schema.errors import SourceError
from loaders.ingest import Article
from loaders.models import LANGUAGES, DocumentMeta, parse_published
from loaders.sources.fetch import Accept, FetchPolicy, fetch

HTML = Accept(("text/html", "application/xhtml+xml"), "a web page")
# Fewer words than a one-sentence news brief: a menu entry or a caption the extractor kept from
# a page that holds no article (an error page, a login wall, a section front).
MIN_ARTICLE_WORDS = 10

# <html lang="de-DE">: trafilatura reads no language without an optional detector, and the page
# usually says it. Anything but the extractor's languages is left to its own detection (which
# then names the language it refuses, Uzbek for instance).
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def page_language(html: bytes | str) -> str | None:
    head = html[:4096]
    if isinstance(head, bytes):
        head = head.decode("ascii", "ignore")
    found = _HTML_LANG.search(head)
    code = found.group(1).lower() if found else None
    return code if code in LANGUAGES else None


def article_from_html(html: bytes | str, url: str, lang: str | None = None) -> Article:
    """The page's article as an ingest item; SourceError when it holds no article text."""
    # lxml and friends load only when a page is read
    from trafilatura import bare_extraction
    from trafilatura.settings import Document

    # favor_precision: a section front or a list of teasers gives no text rather than its
    # menu entries as an "article".
    found = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    document = found if isinstance(found, Document) else None  # as_dict is off: never a dict
    title = ((document.title or "").strip() or None) if document is not None else None
    text = _without_headline((document.text or "") if document is not None else "", title)
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS:
        said = f" (only {words} words: {text[:60]!r})" if words else ""
        raise SourceError(f"{url} holds no article text that could be told from the page{said}")
    try:
        published = parse_published(document.date if document is not None else None)
    except ValueError:
        published = None
    meta = DocumentMeta(
        url=url,
        title=title,
        published=published,
        lang=lang or page_language(html),
    )
    return Article(url, text=text, meta=meta)


def _without_headline(text: str, title: str | None) -> str:
    """The text without a first line that repeats the title: the title is kept apart, and a
    headline is no sentence of the article."""
    lines = text.strip().split("\n")
    if title and lines and lines[0].strip() == title:
        lines = lines[1:]
    return "\n".join(lines).strip()


def read_page(url: str, policy: FetchPolicy | None = None, lang: str | None = None) -> Article:
    """Fetch a news page and take its article; the URL kept is where the page was found."""
    page = fetch(url, HTML, policy)
    # A charset the server declares wins; without one trafilatura reads the page's own.
    charset = page.charset if _known(page.charset) else None
    html = page.body.decode(charset, "replace") if charset else page.body
    return article_from_html(html, page.final_url, lang)


def _known(charset: str | None) -> bool:
    if not charset:
        return False
    try:
        "".encode(charset)
    except LookupError:
        return False
    return True
