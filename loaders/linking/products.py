"""Kinds of product, for telling two plants apart: a plant's product (free text in its
article's language) falls into kinds by the stems of data/products.tsv. A kind may lie within a
broader one (a wind farm and a solar park both make power): two plants whose products are two
kinds within one broader kind are two plants, as are two plants of two unrelated kinds."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from graph_schema.keys import fold


@dataclass(frozen=True)
class Kind:
    name: str
    within: str | None
    stems: tuple[str, ...]


@cache
def kinds() -> dict[str, Kind]:
    text = resources.files("loaders.linking").joinpath("data", "products.tsv").read_text("utf-8")
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    return {
        row["kind"]: Kind(row["kind"], row["within"] or None, tuple(row["stems"].split("|")))
        for row in csv.DictReader(lines, delimiter="\t")
    }


@cache
def _matchers() -> dict[str, re.Pattern[str]]:
    """One pattern per kind over a text's folded words joined by spaces: a stem with a space
    anywhere in it; a stem of four letters or more at a word's start; a shorter stem as a
    whole word, English plural included ("cars", "EVs")."""
    out = {}
    for kind in kinds().values():
        phrases = [re.escape(s) for s in kind.stems if " " in s]
        prefixes = [re.escape(s) for s in kind.stems if " " not in s and len(s) >= 4]
        words = [re.escape(s) for s in kind.stems if " " not in s and len(s) < 4]
        parts = [*phrases]
        if prefixes:
            parts.append(rf"(?:^| )(?:{'|'.join(prefixes)})")
        if words:
            parts.append(rf"(?:^| )(?:{'|'.join(words)})s?(?= |$)")
        out[kind.name] = re.compile("|".join(parts))
    return out


# A pure function of the text, asked for every word of every plant name each time two plants
# are scored (names.plant_residue): the same few thousand texts over and over.
@lru_cache(maxsize=100_000)
def product_kinds(text: str) -> frozenset[str]:
    """The kinds a product text names, a narrower kind standing for its broader one too."""
    joined = " ".join(fold(text).split())
    found = {name for name, pattern in _matchers().items() if pattern.search(joined)}
    broader = {kinds()[k].within for k in found}
    return frozenset(found | {k for k in broader if k})


def products_fit(a: str | None, b: str | None) -> bool | None:
    """True one kind of product, False one side says nothing known, None two different kinds
    (also two narrower kinds of one broader kind: wind and solar power)."""
    kinds_a, kinds_b = product_kinds(a or ""), product_kinds(b or "")
    if not kinds_a or not kinds_b:
        return False
    if not kinds_a & kinds_b:
        return None
    narrow_a, narrow_b = _narrowest(kinds_a), _narrowest(kinds_b)
    shared_broad = {kinds()[k].within for k in narrow_a} & {kinds()[k].within for k in narrow_b}
    if shared_broad and not narrow_a & narrow_b:
        return None  # wind farm and solar park
    return True


def _narrowest(found: frozenset[str]) -> frozenset[str]:
    """The kinds that lie within a broader kind."""
    return frozenset(k for k in found if kinds()[k].within)
