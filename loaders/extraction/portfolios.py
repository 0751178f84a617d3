"""Portfolios of ministries and ministers ("Industry and Construction", "Energie-",
"инвестиций"): found in the text and named in English."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from loaders.extraction.lexicon import Portfolio, word_classes


def portfolio_at(doc: Doc, index: int) -> tuple[int, Portfolio] | None:
    """The portfolio whose words start at `index` (end, portfolio), or None."""
    first = doc[index].lower_
    for portfolio in _starting_with(doc.lang_, first):
        end = index + len(portfolio.words)
        if end > len(doc):
            continue
        tokens = [t.lower_ for t in doc[index:end]]
        if all(_fits(t, w, portfolio.stem) for t, w in zip(tokens, portfolio.words, strict=True)):
            return end, portfolio
    return None


@lru_cache(maxsize=65536)
def _starting_with(lang: str, first: str) -> tuple[Portfolio, ...]:
    """The portfolios whose first word a token can be (cached: titles ask for each word)."""
    return tuple(p for p in word_classes(lang).portfolios if _fits(first, p.words[0], p.stem))


def portfolio_in_compound(lang: str, word: str) -> Portfolio | None:
    """ "Energieministerium", "Landwirtschaftsminister": the portfolio a German compound
    starts with."""
    lower = word.lower()
    for portfolio in word_classes(lang).portfolios:
        if portfolio.stem and len(portfolio.words) == 1 and lower.startswith(portfolio.words[0]):
            return portfolio
    return None


def _fits(token: str, word: str, stem: bool) -> bool:
    return token.startswith(word) if stem else token == word
