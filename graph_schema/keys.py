"""Identity in the graph: canonical entity keys, relation ids and the folded search keys.

Writers (loaders) and readers (the search endpoint) both fold text with `fold`, so a query
matches a stored name regardless of case, accents and script.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from enum import StrEnum

from unidecode import unidecode

from graph_schema.vocabulary import SYMMETRIC_RELATIONS, EntityType, RelationType

_NON_WORD = re.compile(r"[\W_]+")

_TYPE_PREFIX = {
    EntityType.PERSON: "per",
    EntityType.ORGANIZATION: "org",
    EntityType.LOCATION: "loc",
    EntityType.PLANT: "plant",
}


def fold(text: str) -> str:
    """Case-, accent- and script-insensitive form: 'Qarshi', 'QARSHI', 'Карши' → 'qarshi', 'karshi'.

    Cyrillic is transliterated to Latin, marks and punctuation are dropped, spaces collapsed.
    """
    text = unicodedata.normalize("NFKC", text)
    text = unidecode(text).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def slug(text: str) -> str:
    return fold(text).replace(" ", "-")


def entity_key(
    entity_type: EntityType,
    name: str,
    *,
    geonames_id: int | None = None,
    iso: str | None = None,
) -> str:
    """The canonical key an entity is MERGEd on.

    An external id wins over the name, so 'Usbekistan' and 'Узбекистан' from two documents
    become one node when the gazetteer knows them.
    """
    prefix = _TYPE_PREFIX[entity_type]
    if geonames_id is not None:
        return f"{prefix}:gn-{int(geonames_id)}"
    if iso:
        return f"{prefix}:iso-{iso.lower()}"
    key = slug(name)
    if not key:
        raise ValueError(f"entity name {name!r} has no letters or digits")
    return f"{prefix}:{key}"


def relation_id(source: str, rtype: RelationType, target: str) -> str:
    """One relation per (source, type, target); MET_WITH is undirected, so its ends are sorted."""
    if rtype in SYMMETRIC_RELATIONS:
        source, target = sorted((source, target))
    digest = hashlib.sha1(f"{source}|{rtype.value}|{target}".encode()).hexdigest()[:20]
    return f"rel-{digest}"


def search_keys(*names: str) -> list[str]:
    """Sorted distinct folded forms of a name and its aliases (stored on the node for search)."""
    return sorted({f for f in map(fold, names) if f})


# How much of a word a search-key entry keeps at least (graph_schema.statements.search): a
# query inside a word is found through the word's suffixes, each a prefix of what follows.
MIN_SUFFIX = 3


class SearchEntryKind(StrEnum):
    KEY = "key"  # a whole folded key: 'qarshi city'
    WORD = "word"  # a word of a key: 'qarshi', 'city'
    SUFFIX = "suffix"  # a word without its first letters, at least MIN_SUFFIX long: 'arshi'


def search_entries(keys: Iterable[str]) -> set[tuple[str, SearchEntryKind]]:
    """The entries under which an entity's folded keys are indexed for search.

    Every tier of the search ranking has its entries: a whole key answers an exact query, a
    word a query that starts a word, a suffix a query inside a word (it starts a suffix) and
    the halves of a misspelt query (the intact half starts a word or is a suffix)."""
    entries: set[tuple[str, SearchEntryKind]] = set()
    for key in keys:
        entries.add((key, SearchEntryKind.KEY))
        for word in key.split():
            entries.add((word, SearchEntryKind.WORD))
            entries.update(
                (word[i:], SearchEntryKind.SUFFIX) for i in range(1, len(word) - MIN_SUFFIX + 1)
            )
    return entries
