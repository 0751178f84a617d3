"""A news page into an article: the saved pages of two news sites' layouts (menus, cookie
banner, related links, comments, footers) give only the article's text, its title, date and
language, served from a local HTTP server."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_schema.errors import SourceError
from loaders.sources.page import article_from_html, page_language, read_page
from tests.web import PAGES, Route, local_site


def test_the_main_text_without_menus_comments_or_footer() -> None:
    html = (PAGES / "kurier-chery-karshi.html").read_bytes()
    article = article_from_html(html, "https://kurier.example/a")
    assert article.meta is not None
    assert article.meta.title == "Chery baut Automobilwerk in Karshi"
    assert article.meta.published == "2024-09-17"
    assert article.meta.lang == "de" and article.meta.url == "https://kurier.example/a"
    assert article.text is not None
    assert article.text.startswith("Der Gouverneur des Gebiets Kaschkadarja, Murotjon Azimov")
    assert article.text.endswith("für die Nachbarländer der Region liefern.")
    for boilerplate in ("Cookies", "Politik", "Endlich Arbeitsplätze", "Impressum", "Fergana"):
        assert boilerplate not in article.text


def test_a_headline_repeated_in_the_text_is_left_out() -> None:
    html = (PAGES / "samarkand-isuzu.html").read_bytes()
    article = article_from_html(html, "https://silkroad.example/b")
    assert (
        article.meta is not None
        and article.meta.title == "Samarkand hokim visits SamAuto bus plant"
    )
    assert article.text is not None and not article.text.startswith(article.meta.title)
    assert "Erkinjon Turdimov visited the SamAuto plant" in article.text
    assert "Sign up" not in article.text and "Subscribe" not in article.text
    assert (article.meta.published, article.meta.lang) == ("2024-06-28", "en")


def test_a_section_front_holds_no_article() -> None:
    html = (PAGES / "section-front.html").read_bytes()
    with pytest.raises(SourceError, match="holds no article text"):
        article_from_html(html, "https://silkroad.example/industry")


@pytest.mark.parametrize(
    ("head", "lang"),
    [
        ('<html lang="de-DE">', "de"),
        ("<html class='x' lang='ru'>", "ru"),
        ("<HTML LANG=en>", "en"),
        ('<html lang="uz-Latn">', None),  # not one the extractor reads: detection decides
        ("<html>", None),
    ],
)
def test_the_language_a_page_declares(head: str, lang: str | None) -> None:
    assert page_language(head + "<body></body></html>") == lang


def test_read_page_keeps_where_the_page_was_found_and_a_declared_charset(tmp_path: Path) -> None:
    html = (PAGES / "kurier-chery-karshi.html").read_text(encoding="utf-8")
    latin1 = html.replace('<meta charset="utf-8">', "").encode("latin-1", "replace")
    with local_site() as site:
        site.routes["/old"] = Route(status=301, headers={"Location": "/new"})
        site.routes["/new"] = Route(body=latin1, content_type="text/html; charset=ISO-8859-1")
        article = read_page(site.url("/old"))
        assert article.source == site.url("/new") and article.meta is not None
        assert article.meta.url == site.url("/new")
        assert article.text is not None and "Geländewagen" in article.text
        site.routes["/front"] = Route(body=(PAGES / "section-front.html").read_bytes())
        with pytest.raises(SourceError, match="/front holds no article text"):
            read_page(site.url("/front"))
