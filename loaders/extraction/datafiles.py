"""Reading the files under data/: TSV tables, word lists and the inflection rules."""

from __future__ import annotations

import csv
from importlib import resources
from importlib.abc import Traversable

DATA = resources.files(__package__) / "data"


def read_rows(name: str) -> list[dict[str, str]]:
    """Rows of a TSV file in data/ without its '#' comment lines; the first row is the header."""
    return read_table(DATA / name)


def read_table(path: Traversable) -> list[dict[str, str]]:
    """Rows of a TSV file (of data/ or of a language pack) without its '#' comment lines."""
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def read_words(name: str) -> frozenset[str]:
    """A one-word-a-line list in data/, lower-cased."""
    text = (DATA / name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def split_forms(value: str) -> list[str]:
    return [form.strip() for form in value.split("|") if form.strip()]
