"""Sites named after a site word: an economic zone, an industrial park, a deposit, its name
in quotes or bare, a known place's name or not ("СЭЗ «Дангара»", "freien Wirtschaftszone
„Angren“", "промышленной зоне Овадандепе", "Gewerbegebiet „DAMU“"). The site is a place of
its own (Location/other), not the town it is named after nor a company, named in English
"<name> <kind>" ("Dangara free economic zone") so that articles in every language name it
alike. The site words are data/site_words.tsv."""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.extraction.candidates import P_QUOTED, Candidate
from loaders.extraction.gazetteer import CENTRAL_ASIA, Entry
from loaders.extraction.kinds import LOCATION, OTHER
from loaders.extraction.matching import Hit, Hits
from loaders.extraction.model import Mention, Source
from loaders.extraction.names import closing_quote
from loaders.extraction.tokens import OPEN_QUOTES, is_cyrillic, is_name_token
from loaders.extraction.translit import to_latin

# the most words of an unknown site name ("Innovation Technology Park")
MAX_SITE_WORDS = 3
# above a quoted company name and a bare place: the site word says what the name is
P_SITE = P_QUOTED + 2


def site_candidates(doc: Doc, hits: Hits) -> list[Candidate]:
    out = []
    for hit in hits.get("SITE_WORD"):
        named = _name_after(doc, hits, hit.end)
        if named is None:
            continue
        end, base = named
        mention = Mention(hit.start, end, LOCATION, OTHER, source=Source.DESIGNATED)
        mention.name = f"{base} {hit.payload}"
        out.append((P_SITE, mention))
    return out


def _name_after(doc: Doc, hits: Hits, start: int) -> tuple[int, str] | None:
    """Where the site's name after its word ends (its closing quote included) and the name
    in English; None when no name follows."""
    start = _after_abbreviation(doc, start)
    quote = start < len(doc) and doc[start].text in OPEN_QUOTES
    first = start + 1 if quote else start
    if first >= len(doc):
        return None
    place = hits.starting("PLACE", first)
    if place is not None and _regional(place):
        end, base = place.end, place.payload[0].name
    else:
        end = first
        while end < len(doc) and end - first < MAX_SITE_WORDS and is_name_token(doc[end]):
            end += 1
        if end == first:
            return None
        text = doc[first:end].text
        base = to_latin(text) if is_cyrillic(text) else text
    if quote:
        closing = closing_quote(doc, start)
        if closing != end:
            return None
        end += 1
    return end, base


def _after_abbreviation(doc: Doc, start: int) -> int:
    """Past the site word's bracketed abbreviation: "малой промышленной зоне (МПЗ) «Кавали»",
    "специальной экономической зоны (СЭЗ) TURAN"."""
    if start + 2 >= len(doc) or doc[start].text != "(" or doc[start + 2].text != ")":
        return start
    if not (doc[start + 1].is_upper and doc[start + 1].is_alpha):
        return start
    end = start + 3
    while end < len(doc) and doc[end].text == ")":
        end += 1  # "(СЗЭ))": a doubled bracket, as printed
    return end


def _regional(place: Hit) -> bool:
    """A town of the region names the site after it ("СЭЗ «Дангара»"); a far town's name is
    the site's own word ("СЭЗ TURAN" is no zone of Da Nang, also called Turan)."""
    entries: tuple[Entry, ...] = place.payload
    return entries[0].country in CENTRAL_ASIA
