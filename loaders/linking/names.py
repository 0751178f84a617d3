"""How names are compared across documents: folded, designators dropped, spellings of one
transliterated name brought to one skeleton. Pure functions over strings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from graph_schema.keys import fold

# Spellings of one Cyrillic or Turkic sound in English, German and Uzbek Latin, brought to one
# letter ("Dschamschid", "Jamshid", "Djamshid"; "Khayrullo", "Hajrullo", "Xayrullo"; "Tokaev",
# "Tokayev"; "Mirziyoyev", "Mirziyoev"). Applied in order to a folded word.
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("dsch", "j"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("x", "h"),
    ("gh", "g"),
    ("q", "k"),
    ("w", "v"),
    ("ts", "c"),
    ("tz", "c"),
    ("yo", "o"),
    ("yu", "u"),
    ("ya", "a"),
    ("ye", "e"),
    ("iy", "i"),
    ("y", "i"),
    ("j", "i"),
    ("ii", "i"),
)
_DOUBLE = re.compile(r"(.)\1+")
# A soft c is an s in the Cyrillic spelling: "Mercedes" and "Мерседес" (mersedes), "Tojikcement"
# and "Тоджикцемент" (todzhiktsement -> tojikcement -> tojiksement).
_SOFT_C = re.compile(r"c(?=[ei])")


# Scoring a person compares every name word with every word of each namesake: the same few
# thousand words over and over, so their skeletons are kept (a pure function of the word).
@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """One spelling for the transliterations of a name word."""
    text = fold(word).replace(" ", "")
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    return _DOUBLE.sub(r"\1", _SOFT_C.sub("s", text))


def name_skeleton(name: str) -> str:
    """The skeleton of every word of a name: "Todzhiktsement" and "Tojikcement", "Qazinform"
    and "Kazinform" meet."""
    return " ".join(skeleton(w) for w in name.split())


def _data_lines(name: str) -> list[str]:
    text = resources.files("loaders.linking").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def designators() -> frozenset[str]:
    return frozenset(fold(line) for line in _data_lines("designators.txt"))


@cache
def generic_words() -> frozenset[str]:
    return frozenset(fold(line) for line in _data_lines("generic_words.txt"))


@cache
def generic_compound_tails() -> tuple[str, ...]:
    """The endings that make a German compound a company noun ("Bergbauunternehmen",
    "Autobauer"): extraction's `noun_suffix` forms, one list for both (imported here, as
    web_domains does, so that linking alone does not load spaCy)."""
    from loaders.extraction.datafiles import read_rows, split_forms

    rows = read_rows("org_designators.tsv")
    return tuple(
        fold(form)
        for row in rows
        if row["kind"] == "noun_suffix"
        for form in split_forms(row["forms"])
    )


@cache
def web_domains() -> frozenset[str]:
    # One list with extraction, which reads the same words as marking a media outlet; imported
    # here, as gazetteer_ids does, so that linking alone does not load spaCy.
    from loaders.extraction.datafiles import read_words

    return frozenset(fold(word) for word in read_words("web_domains.txt"))


@cache
def family_designators() -> frozenset[str]:
    return frozenset(fold(line) for line in _data_lines("family_designators.txt"))


@cache
def location_prepositions() -> frozenset[str]:
    return frozenset(fold(line) for line in _data_lines("location_prepositions.txt"))


def _without_domain(name: str) -> str:
    """ "turkmenportal.com" and "Orda.kz" are the media Turkmenportal and Orda."""
    head, dot, tail = name.strip().rpartition(".")
    if dot and head and " " not in name.strip() and fold(tail) in web_domains():
        return head
    return name


@lru_cache(maxsize=100_000)  # a pure function of the name, asked at every score of two orgs
def core(name: str) -> str:
    """A name folded, without legal forms, company nouns and a web domain: the part that
    identifies."""
    words = fold(_without_domain(name)).split()
    drop = designators()
    phrases = _designator_phrases()
    kept: list[str] = []
    i = 0
    while i < len(words):
        phrase = next((p for p in phrases if words[i : i + len(p)] == p), None)
        if phrase is not None:
            i += len(phrase)
            continue
        if words[i] not in drop:
            kept.append(words[i])
        i += 1
    return " ".join(kept)


@cache
def _designator_phrases() -> list[list[str]]:
    """The designators of more than one word, longest first."""
    return sorted((d.split() for d in designators() if " " in d), key=len, reverse=True)


def designator_kinds(name: str) -> frozenset[str]:
    """'family' when the name says it is a group of companies ("Mitsubishi Group", "Çalık
    Holding"), 'entity' when it names one legal entity ("Mitsubishi Corporation", "JSC Sibur"),
    both or neither."""
    words = set(fold(name).split())
    kinds = set()
    if words & family_designators():
        kinds.add("family")
    if (words & designators()) - family_designators() - {"the"}:
        kinds.add("entity")
    return frozenset(kinds)


@lru_cache(maxsize=100_000)  # a pure function of the name, asked at every score of two plants
def plant_residue(name: str) -> str:
    """What a plant's name says beyond its kind, its product and where it is: "Rogun
    hydropower plant" -> "rogun", "Talas gold mining combine at Jerooy" -> "talas",
    "cement plant in Jizzakh" and "plant in Kazakhstan" -> "" (they name no plant in
    particular). The place phrase is cut at its preposition; kind and product words dropped."""
    from loaders.linking.products import product_kinds

    kept: list[str] = []
    for word in fold(name).split():
        if word in location_prepositions():
            break
        if word.isdigit() or is_generic(word) or product_kinds(word):
            continue
        kept.append(word)
    return " ".join(kept)


@lru_cache(maxsize=100_000)  # a pure function of the form, asked for every form of every profile
def is_generic(form: str) -> bool:
    """True when every word of the form only names a kind of thing or role."""
    words = fold(form).split()
    generic = _generic_or_designator()
    return all(w in generic or w.isdigit() or _generic_compound(w) for w in words)


def _generic_compound(word: str) -> bool:
    """ "bergbauunternehmen", "textilhersteller": a kind of company in one German word."""
    return any(word.endswith(t) and len(word) - len(t) >= 3 for t in generic_compound_tails())


@cache
def _generic_or_designator() -> frozenset[str]:
    return generic_words() | designators()


def identifying(forms: Iterable[str]) -> list[str]:
    """The forms that name something in particular (not "the company", "Werk", "Präsident")."""
    return [f for f in forms if f.strip() and not is_generic(f)]


def acronym(name: str) -> str | None:
    """ "UzAuto Motors" has none; "Uzbekistan Railways" -> "ur"; only for names of 2+ words."""
    words = core(name).split()
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


# words an acronym skips ("Mining and Metallurgical Combine" -> MMC), in the scripts names
# are written in
_ACRONYM_SKIPS = frozenset({"and", "of", "und", "der", "des", "и"})


def tail_acronyms(form: str) -> frozenset[str]:
    """ "Almalyk MMC" and "Almalyk Mining and Metallurgical Combine" both give
    "almalyk:mmc": a name's first word or two, and the rest as an acronym, whether the form
    writes the acronym (an upper-case last word) or its words."""
    written = written_tail_acronym(form)
    return spelled_tail_acronyms(form) | ({written} if written else set())


@lru_cache(maxsize=100_000)  # pure, and asked for every form of both sides of each org pair
def written_tail_acronym(form: str) -> str | None:
    """ "Almalyk MMC" -> "almalyk:mmc" (a legal form such as "LLP" is no such acronym)."""
    words, written = core(form).split(), form.split()
    if len(words) >= 2 and looks_like_acronym(written[-1]) and fold(written[-1]) == words[-1]:
        return f"{' '.join(words[:-1])}:{words[-1]}"
    return None


@lru_cache(maxsize=100_000)
def spelled_tail_acronyms(form: str) -> frozenset[str]:
    """ "Almalyk Mining and Metallurgical Combine" -> "almalyk:mmc", "almalyk mining:mc"; a
    company word counts as a letter of the acronym or not ("Navoi Mining and Metallurgical
    Company": "navoi:mmc" and "navoi:mm")."""
    out = set()
    for words in (core(form).split(), re.sub(r"[^\w\s]", " ", fold(form)).split()):
        for lead in (1, 2):
            tail = [w for w in words[lead:] if w not in _ACRONYM_SKIPS]
            if len(tail) >= 2:
                out.add(f"{' '.join(words[:lead])}:{''.join(w[0] for w in tail)}")
    return frozenset(out)


def looks_like_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return 2 <= len(letters) <= 6 and form.upper() == form and " " not in form.strip()


@lru_cache(maxsize=100_000)  # a pure function of two words, asked at every score of two names
def similarity(a: str, b: str) -> float:
    """Jaro-Winkler similarity of two words (1.0 equal, 0.0 nothing in common)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(len(a), len(b)) // 2 - 1
    matched_a = [False] * len(a)
    matched_b = [False] * len(b)
    matches = 0
    for i, char in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not matched_b[j] and b[j] == char:
                matched_a[i] = matched_b[j] = True
                matches += 1
                break
    if not matches:
        return 0.0
    order_a = [c for c, m in zip(a, matched_a, strict=True) if m]
    order_b = [c for c, m in zip(b, matched_b, strict=True) if m]
    transpositions = sum(x != y for x, y in zip(order_a, order_b, strict=True)) / 2
    jaro = (matches / len(a) + matches / len(b) + (matches - transpositions) / matches) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)
