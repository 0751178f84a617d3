"""Kinds of product, for telling two plants apart: a plant's product (free text in its
article's language) falls into kinds by the stems of data/products.tsv. A kind may lie within a
broader one (a wind farm and a solar park both make power): two plants whose products are two
kinds within one broader kind are two plants, as are two plants of two unrelated kinds."""

from __future__ import annotations

import csv
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


# A pure function of the text, asked for every word of every plant name each time two plants
# are scored (names.plant_residue): the same few thousand texts over and over.
@lru_cache(maxsize=100_000)
def product_kinds(text: str) -> frozenset[str]:
    """The kinds a product text names, a narrower kind standing for its broader one too."""
    words = fold(text).split()
    joined = " ".join(words)
    found = set()
    for kind in kinds().values():
        for stem in kind.stems:
            if " " in stem:
                hit = stem in joined
            elif len(stem) >= 4:
                hit = any(w.startswith(stem) for w in words)
            else:  # short stems are whole words, English plurals included ("cars", "EVs")
                hit = stem in words or f"{stem}s" in words
            if hit:
                found.add(kind.name)
                break
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
