"""Companies known by where an unknown name stands, read after the first selection (they need
the mentions already chosen): a name listed with a company ("Sinopharm, Sinovac and Kangtai
Biological Technology", "four companies: AltINFARM, MSP ROMPHARM ... and ..."), and a name
with its country in brackets after it ("Goldwind (PRC)", "Poly Technologies (China)",
"Sinopec (Peking / China)"). Both hold in every language: conjuncts share their kind, and a
bracketed country after a bare name is a company's origin (a person's would be a title)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from loaders.extraction.candidates import taken
from loaders.extraction.kinds import COMPANY, COUNTRY, LOCATION, ORGANIZATION
from loaders.extraction.matching import Hits
from loaders.extraction.model import Mention, Source
from loaders.extraction.names import name_run
from loaders.extraction.organizations import listable_name
from loaders.extraction.packs import words_of
from loaders.extraction.tokens import is_name_token

# an item's bracket ("СИБУР (30%)", "Mitsubishi Corporation (Japan)") is skipped up to this
MAX_BRACKET = 6


@dataclass(frozen=True)
class Item:
    """One member of a list: a chosen mention or a bare name run."""

    start: int
    end: int
    mention: Mention | None


def context_companies(doc: Doc, hits: Hits, chosen: list[Mention]) -> list[Mention]:
    """The bare names that their list or their bracketed country make companies."""
    used = taken(chosen)
    found: dict[tuple[int, int], Mention] = {}
    for mention in _listed(doc, hits, chosen, used) + _origin_bracketed(doc, hits, chosen, used):
        found.setdefault(mention.span, mention)
    return sorted(found.values(), key=lambda m: m.start)


def _listed(doc: Doc, hits: Hits, chosen: list[Mention], used: set[int]) -> list[Mention]:
    by_start = {m.start: m for m in chosen}
    # a list's first item is a mention or a name run, so only those tokens can open one
    openers = sorted(by_start.keys() | {t.i for t in doc if _may_open_name(t)})
    out: list[Mention] = []
    for sentence in doc.sents:
        at = bisect_left(openers, sentence.start)
        while at < len(openers) and openers[at] < sentence.end:
            index = openers[at]
            items, closed, after = _list_at(doc, hits, by_start, used, index, sentence.end)
            if (
                len(items) >= 2
                and closed
                and _has_company(doc, hits, items)
                and not _one_name(items)
            ):
                out += [_company(item) for item in items if item.mention is None]
            at = bisect_left(openers, max(after, index + 1), at + 1)
    return out


def _may_open_name(token: Token) -> bool:
    """What name_run accepts as a name's first token."""
    return is_name_token(token) or (token.text.isupper() and token.is_alpha)


def _list_at(
    doc: Doc, hits: Hits, by_start: dict[int, Mention], used: set[int], index: int, limit: int
) -> tuple[list[Item], bool, int]:
    """The list "A, B and C" starting at `index`: its items, whether a coordinator closes it,
    and where it ends."""
    joins = words_of(doc.lang_).coordinator
    items: list[Item] = []
    closed = False
    while index < limit:
        item = _item_at(doc, hits, by_start, used, index, limit)
        if item is None:
            break
        items.append(item)
        index = _past_bracket(doc, item.end, limit)
        if closed or index >= limit:
            break
        if doc[index].text == ",":
            index += 1
            if index < limit and doc[index].lower_ in joins:
                closed, index = True, index + 1
        elif doc[index].lower_ in joins:
            closed, index = True, index + 1
        else:
            break
    return items, closed, index


def _item_at(
    doc: Doc, hits: Hits, by_start: dict[int, Mention], used: set[int], index: int, limit: int
) -> Item | None:
    mention = by_start.get(index)
    if mention is not None:
        return Item(mention.start, mention.end, mention)
    if index in used or (index > 0 and is_name_token(doc[index - 1])):
        return None  # a bare name starts where its run starts ("Roman Sklyar", not "Sklyar")
    run_end = name_run(doc, index)
    cut = any(j in used for j in range(index, min(run_end + 1, len(doc))))
    end = run_end
    if cut or end == index or end > limit or not _bare_name(doc, hits, index, end):
        return None
    return Item(index, end, None)


def _one_name(items: list[Item]) -> bool:
    """ "Zhongyuan Plant and Export Corporation": a bare name joined by "and" to a company
    right after it may be one long name; two items and no comma say no list."""
    return len(items) == 2 and items[0].mention is None and items[1].start - items[0].end == 1


def _past_bracket(doc: Doc, index: int, limit: int) -> int:
    """Past a bracket right after an item ("(30%)", "(Japan)")."""
    if index >= limit or doc[index].text != "(":
        return index
    for close in range(index + 1, min(limit, index + MAX_BRACKET + 1)):
        if doc[close].text == ")":
            return close + 1
    return index


def _has_company(doc: Doc, hits: Hits, items: list[Item]) -> bool:
    """A member is a company, or the list follows a company noun and a colon ("four
    companies: ...")."""
    if any(i.mention is not None and _is_company(i.mention) for i in items):
        return True
    first = items[0].start
    after_noun = hits.ending("ORG_NOUN", first - 1) is not None
    return first >= 2 and doc[first - 1].text == ":" and after_noun


def _is_company(mention: Mention) -> bool:
    return mention.type == ORGANIZATION and mention.subtype == COMPANY and not mention.weak


def _origin_bracketed(doc: Doc, hits: Hits, chosen: list[Mention], used: set[int]) -> list[Mention]:
    """ "Goldwind (PRC)", "Sinopec (Peking / China)": a bare name, then its origin in brackets."""
    places = {m.start: m for m in chosen if m.type == LOCATION}
    out = []
    for opening in (t.i for t in doc if t.text == "(" and t.i > 0):
        if not bracketed_origin(doc, places, opening):
            continue
        start = _bare_run_ending(doc, hits, used, opening)
        if start is not None:
            out.append(_company(Item(start, opening, None)))
    return out


def bracketed_origin(doc: Doc, places: dict[int, Mention], opening: int) -> list[Mention]:
    """The places alone in the bracket opened at `opening`, separated by "/" or ",", a
    country among them ("(PRC)", "(Moskau / Russland)"): where what stands before it is
    from. None when anything else is inside. `places`: place mentions by start token."""
    inside = []
    index = opening + 1
    while (place := places.get(index)) is not None:
        inside.append(place)
        index = place.end
        if index < len(doc) and doc[index].text == ")":
            return inside if any(m.subtype == COUNTRY for m in inside) else []
        if index >= len(doc) or doc[index].text not in ("/", ","):
            return []
        index += 1
    return []


def _bare_run_ending(doc: Doc, hits: Hits, used: set[int], end: int) -> int | None:
    """The start of the bare name run that ends right before `end`."""
    for start in range(max(0, end - 4), end):
        if name_run(doc, start) == end and not any(i in used for i in range(start, end)):
            return start if _bare_name(doc, hits, start, end) else None
    return None


def _bare_name(doc: Doc, hits: Hits, start: int, end: int) -> bool:
    """An unknown name that a list may hold and that has no known place in it."""
    return listable_name(doc, hits, start, end) and not any(
        hits.covering("PLACE", j) for j in range(start, end)
    )


def _company(item: Item) -> Mention:
    return Mention(item.start, item.end, ORGANIZATION, COMPANY, source=Source.LISTED)
