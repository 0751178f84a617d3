"""Token-level predicates and trigger-word lookup shared by the components."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

import pymorphy3
from spacy.tokens import Doc, Span, Token

from loaders.extraction.datafiles import read_words
from loaders.extraction.inflect import russian
from loaders.extraction.lexicon import first_names, not_names, word_classes
from loaders.extraction.trigger_kinds import TriggerKind

INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.$")
NAME_SHAPE = re.compile(r"^[A-ZÀ-ÞА-ЯЁ][\w'’.-]*$")
OPEN_QUOTES = frozenset("«„“\"‚‘'")
CLOSE_QUOTES = frozenset("»“”\"‘’'")


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


@lru_cache(maxsize=65536)  # a pure function of a word, asked for every token of every run
def mostly_cyrillic(text: str) -> bool:
    """Written in Cyrillic: most of its letters are ("Xianghе" with one Cyrillic "е" from a
    sloppy source is Latin)."""
    letters = [c for c in text if c.isalpha()]
    return sum("\u0400" <= c <= "\u04ff" for c in letters) * 2 > len(letters)


def joins_words(doc: Doc, index: int) -> bool:
    """A hyphen written without spaces between two words ("Jeti-Oguz", "Kichi-Chaarat",
    "Джети-Огузском"): one name, which the tokenizer cut in three."""
    return (
        0 < index < len(doc) - 1
        and doc[index].text == "-"
        and not doc[index - 1].whitespace_
        and not doc[index].whitespace_
        and doc[index - 1].is_alpha
        and doc[index + 1].is_alpha
    )


def lowers(doc: Doc) -> list[str]:
    """The lower-cased token texts, computed once per Doc (rules that scan every token for a
    cue word read these strings rather than make a Token object per position)."""
    known = doc.user_data.get("kg_lowers")
    if known is None:
        known = doc.user_data["kg_lowers"] = [t.lower_ for t in doc]
    return known


def texts(doc: Doc) -> list[str]:
    """The token texts, computed once per Doc."""
    known = doc.user_data.get("kg_texts")
    if known is None:
        known = doc.user_data["kg_texts"] = [t.text for t in doc]
    return known


def writes_cyrillic(doc: Doc) -> bool:
    """Whether the text is in Cyrillic script (computed once per Doc: Doc.text is costly)."""
    known = doc.user_data.get("kg_cyrillic")
    if known is None:
        start = "".join(t.text for t in doc[: min(len(doc), 80)])
        known = doc.user_data["kg_cyrillic"] = is_cyrillic(start)
    return bool(known)


def is_initial(token: Token) -> bool:
    return bool(INITIAL.match(token.text))


def is_capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def is_name_token(token: Token) -> bool:
    """Capitalised, word-shaped and not a month, pronoun or sentence opener."""
    return is_name_text(token.text)


@lru_cache(maxsize=65536)  # a pure function of a word; rules ask it of one token many times
def is_name_text(text: str) -> bool:
    return (
        len(text) > 1
        and bool(NAME_SHAPE.match(text))
        and text.lower() not in not_names()
        and not text.endswith(".")
    )


@cache
def looks_like_surname(text: str) -> bool:
    return len(text) > 4 and text.lower().endswith(_surname_endings())


@cache
def _surname_endings() -> tuple[str, ...]:
    """Family-name endings of the region (data/surname_endings.txt)."""
    return tuple(read_words("surname_endings.txt"))


@cache
def is_first_name(text: str) -> bool:
    names = first_names()
    lower = text.lower()
    if lower in names:
        return True
    # Russian case forms of a given name ("Шавката", "Акылбеку")
    return is_cyrillic(text) and any(
        lower.endswith(end) and lower[: -len(end)] in names
        for end in russian("first_name_case_endings")
    )


@cache
def is_russian_verb(text: str) -> bool:
    """A Russian finite verb or short participle ("строит", "запустила", "построен")."""
    if not is_cyrillic(text) or not text.islower():
        return False
    best = russian_morphology().parse(text)[0]
    return best.tag.POS in ("VERB", "PRTS")


@cache
def russian_morphology() -> pymorphy3.MorphAnalyzer:
    """pymorphy3's Russian dictionary, loaded once for the process (names, verbs, places)."""
    return pymorphy3.MorphAnalyzer(lang="ru")


def sentences(doc: Doc) -> tuple[list[int], list[Span]]:
    """Sentence start tokens and spans, computed once per Doc (token.sent is O(n) a call)."""
    bounds = doc.user_data.get("kg_sentence_bounds")
    if bounds is None:
        spans = list(doc.sents) if len(doc) > 1 else [doc[:]]
        bounds = doc.user_data["kg_sentence_bounds"] = ([s.start for s in spans], spans)
    return bounds


def sentence_of(doc: Doc, index: int) -> Span:
    starts, spans = sentences(doc)
    return spans[bisect_right(starts, index) - 1]


@dataclass(frozen=True)
class TriggerIndex:
    """For one language: a compiled pattern per trigger kind over lower-cased text."""

    patterns: dict[str, re.Pattern[str]]
    # German separable verbs: kind -> {verb: particles} ("wies ... an", "nahmen ... teil")
    separable: dict[str, dict[str, frozenset[str]]]

    def find(self, doc: Doc) -> dict[str, list[int]]:
        """kind -> sorted token indices where a trigger of that kind starts."""
        # the tokens joined by spaces, not doc.text: split glued words ("angebotenBau") count
        words = lowers(doc)
        starts, offset = [], 0
        for lower in words:
            starts.append(offset)
            offset += len(lower) + 1
        text = " ".join(words)
        out: dict[str, list[int]] = {}
        for kind, pattern in self.patterns.items():
            hits = {bisect_right(starts, m.start()) - 1 for m in pattern.finditer(text)}
            out[kind] = sorted(hits)
        for kind, verbs in self.separable.items():
            found = [i for i, lower in enumerate(words) if _particle_follows(words, i, verbs)]
            out[kind] = sorted(set(out.get(kind, [])) | set(found))
        return out


def _particle_follows(lowers: list[str], index: int, verbs: dict[str, frozenset[str]]) -> bool:
    """ "wies das Ministerium an": the verb's particle later in its clause."""
    particles = verbs.get(lowers[index])
    if not particles:
        return False
    for lower in lowers[index + 1 : index + 30]:
        if lower in particles:
            return True
        if lower in (".", ";", "!", "?"):
            return False
    return False


@lru_cache(maxsize=65536)
def is_trigger_word(lang: str, lower: str) -> bool:
    """Whether one lower-cased word is a trigger of a verbal kind ("opens", "build")."""
    return any(
        (m := pattern.match(lower)) is not None and m.end() >= len(lower) - 3
        for kind, pattern in trigger_index(lang).patterns.items()
        if TriggerKind(kind).verbal
    )


@lru_cache(maxsize=65536)
def is_trigger_of(lang: str, kind: str, lower: str) -> bool:
    """Whether one lower-cased word is a trigger of one kind ("exportiert" of "export")."""
    pattern = trigger_index(lang).patterns.get(kind)
    return pattern is not None and pattern.search(lower) is not None


@cache
def trigger_index(lang: str) -> TriggerIndex:
    kinds = word_classes(lang).triggers
    patterns = {}
    separable: dict[str, dict[str, frozenset[str]]] = {}
    for kind, forms in kinds.items():
        TriggerKind(kind)  # a kind a pack's triggers.tsv misspells fails here, at build
        joined = tuple((match, form) for match, form in forms if match != "separable")
        if joined:
            patterns[kind] = _kind_pattern(joined)
        verbs: dict[str, set[str]] = defaultdict(set)
        for match, form in forms:
            if match == "separable":  # "wies an": the verb, then its particle
                verb, particle = form.split()
                verbs[verb].add(particle)
        if verbs:
            separable[kind] = {verb: frozenset(p) for verb, p in verbs.items()}
    return TriggerIndex(patterns, separable)


def _kind_pattern(forms: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One pattern per kind, its alternatives grouped under their first letter.

    Each alternative is a form with the word-boundary checks of how it matches ("word":
    neither a letter before nor after, "prefix": none before, "contains": anywhere). Led by
    a literal letter, the groups let the regex engine skip to the positions where one of
    those letters stands (this runs over every text) instead of trying every alternative at
    every character. At one position only the alternatives of its letter can match, and
    they keep their order (word, prefix, contains; longest first within each), so what
    matches is what the plain alternation of all forms would match."""
    by_match: dict[str, list[str]] = {"word": [], "prefix": [], "contains": []}
    for match, form in forms:
        by_match[match].append(" ".join(form.split()))
    by_letter: dict[str, list[str]] = {}
    for match, group in by_match.items():
        # longest first: "held talks" before "held"
        for form in sorted(set(group), key=lambda f: len(_body(f)), reverse=True):
            first, tail = form[0], form[1:]
            rest = (r"\s+" if tail[:1] == " " else "") + _body(tail)
            before = r"(?<!\w.)" if match != "contains" else ""  # no letter before the first
            after = r"(?!\w)" if match == "word" else ""
            by_letter.setdefault(first, []).append(before + rest + after)
    return re.compile(
        "|".join(f"{re.escape(letter)}(?:{'|'.join(rests)})" for letter, rests in by_letter.items())
    )


def _body(form: str) -> str:
    """A form as a pattern: its words literally, any run of spaces between them."""
    return r"\s+".join(re.escape(part) for part in form.split())
