"""Runs of name tokens: where a name starts and ends in running text (capitalised words,
initials, particles such as "van der", hyphenated given names, quotes and parentheses)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from loaders.extraction.packs import words_of
from loaders.extraction.tokens import (
    CLOSE_QUOTES,
    is_cyrillic,
    is_first_name,
    is_initial,
    is_name_token,
    joins_words,
    mostly_cyrillic,
    writes_cyrillic,
)

MAX_NAME_TOKENS = 4


def closing_quote(doc: Doc, index: int) -> int | None:
    """The closing quote of the quote opened at `index`, within one sentence."""
    for j in range(index + 1, min(len(doc), index + 12)):
        if doc[j].text in CLOSE_QUOTES:
            return j
        if doc[j].text in ".!?" and j + 1 < len(doc) and doc[j + 1].text not in CLOSE_QUOTES:
            return None
    return None


def name_like_span(span: Span) -> bool:
    first = span[0].text
    lowers = sum(1 for t in span if t.is_lower and t.is_alpha)
    return (first[:1].isupper() or first[:1].isdigit()) and lowers <= 1 and len(span) <= 8


def latin_in_cyrillic(span: Span) -> bool:
    """A Latin-script name in a Russian text: a company or brand name ("Allur", "BYD")."""
    return not is_cyrillic(span.text) and writes_cyrillic(span.doc)


def org_name_token(token: Token) -> bool:
    """A word that may stand in an organization's name (not the capital of a sentence start)."""
    text = token.text
    opens = bool(token.is_sent_start)
    return (
        (is_name_token(token) or (text.isupper() and text.isalpha()) or text in ("&", "-"))
        and not opens
    ) or (
        opens
        and len(text) > 1
        and (
            text.isupper()
            or (text.isalpha() and any(c.isupper() for c in text[1:]))
            or (is_name_token(token) and joins_words(token.doc, token.i + 1))
        )
    )  # "KAMAZ ...", "UzKorea Auto, ...", "Kichi-Chaarat CJSC": a capital inside the name


def name_run(doc: Doc, start: int, allow_linking: bool = False) -> int:
    """End of the run of name tokens at `start` (at most four; "and"/"of" inside when allowed)."""
    links = words_of(doc.lang_).name_links
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS + (6 if allow_linking else 0):
        token = doc[end]
        if (
            end > start
            and token.is_alpha
            and mostly_cyrillic(token.text) != mostly_cyrillic(doc[start].text)
        ):
            break  # "Kastamonu Entegre Хаккы Кылычем": the company's name ends with its script
        if (
            is_name_token(token)
            or (token.text.isupper() and token.is_alpha)
            or (token.text in ("-", "&") and end > start)
            or (allow_linking and _name_link(token.lower_, links) and end > start)
        ):
            end += 1
        else:
            break
    while end > start and (
        _name_link(doc[end - 1].lower_, links) or doc[end - 1].text in ("-", "&")
    ):
        end -= 1
    return end


def _name_link(lower: str, links: frozenset[str]) -> bool:
    return lower == "," or lower in links


def name_runs(doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
    """Every run of name tokens outside `blocked`."""
    runs = []
    i = 0
    while i < len(doc):
        if i not in blocked and (is_name_token(doc[i]) or is_initial(doc[i])):
            end = person_run_end(doc, i, blocked)
            runs.append((i, end))
            i = end
        else:
            i += 1
    return runs


def person_run_end(doc: Doc, start: int, blocked: set[int]) -> int:
    """End of a name run: capitalised words, an initial first, particles ("van der") inside,
    and hyphenated parts written without spaces ("Kassym-Jomart", "Jin-woo")."""
    end = start
    while end < len(doc) and end not in blocked and end - start < MAX_NAME_TOKENS + 1:
        token = doc[end]
        if end > start and mostly_cyrillic(token.text) != mostly_cyrillic(doc[start].text):
            break  # "Allur Андрея Лаврентьева": a Latin company name, then the person
        initial = is_initial(token) and end == start
        if is_name_token(token) or initial or _particle_inside(doc, start, end):
            end += 1
        elif _hyphen_inside(doc, start, end):
            end += 2
        else:
            break
    return end


def _particle_inside(doc: Doc, start: int, end: int) -> bool:
    following = doc[end + 1] if end + 1 < len(doc) else None
    particles = words_of(doc.lang_).name_particles
    return (
        doc[end].lower_ in particles
        and end > start
        and following is not None
        and (is_name_token(following) or following.lower_ in particles)
    )


def _hyphen_inside(doc: Doc, start: int, end: int) -> bool:
    token = doc[end]
    return (
        token.text == "-"
        and end > start
        and end + 1 < len(doc)
        and not token.whitespace_
        and not doc[end - 1].whitespace_
        and doc[end + 1].is_alpha
    )


def from_first_name(doc: Doc, start: int, end: int) -> int:
    """ "Trade Ilzat Kasimov": a run that has a given name inside starts there."""
    for i in range(start + 1, end - 1):
        if is_first_name(doc[i].text):
            return i
    return start


def trim(mention_start: int, mention_end: int, doc: Doc) -> tuple[int, int]:
    """No name starts or ends with a hyphen or ampersand ("-German JV", "SKD-")."""
    start, end = mention_start, mention_end
    while end - start > 1 and doc[start].text in ("-", "&"):
        start += 1
    while end - start > 1 and doc[end - 1].text in ("-", "&"):
        end -= 1
    return start, end


def has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def skip_parenthesis(doc: Doc, index: int) -> int:
    """The index after the parenthesis opened at `index` (or the next one if it never closes)."""
    for j in range(index + 1, min(len(doc), index + 15)):
        if doc[j].text == ")":
            return j + 1
    return index + 1
