"""Reading the files under data/: TSV tables, word lists and the inflection rules."""

from __future__ import annotations

import csv
from importlib import resources

DATA = resources.files(__package__) / "data"


def read_rows(name: str) -> list[dict[str, str]]:
    """Rows of a TSV file in data/ without its '#' comment lines; the first row is the header."""
    text = (DATA / name).read_text(encoding="utf-8")
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
