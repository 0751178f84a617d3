"""Government bodies: a body noun with its place ("Hokimiyat des Gebiets Samarkand", "кабинета
министров КР", "Embassy of Uzbekistan in China", "kasachische Regierung", "Navoi regional
hokimiyat"), ministries with their portfolio ("Ministry of Industry and Construction",
"Energieministerium", "Министерство инвестиций"), and bare ones ("Gebietsverwaltung", "the
Government"), which are role references. Bodies are named in English the way the gold names
them: "Ministry of Energy", "Government of Kazakhstan", "Samarkand regional khokimiyat"."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from graph_schema.vocabulary import Subtype
from loaders.extraction.candidates import Lexicon, taken
from loaders.extraction.gazetteer import Entry
from loaders.extraction.kinds import (
    CITY,
    COUNTRY,
    GOVERNMENT,
    LOCATION,
    ORGANIZATION,
    PERSON,
    REGION,
)
from loaders.extraction.matching import Hit, Hits
from loaders.extraction.model import Mention, Source
from loaders.extraction.names import name_run
from loaders.extraction.packs import Feature, FunctionWords, words_of
from loaders.extraction.portfolios import portfolio_at, portfolio_in_compound
from loaders.extraction.tokens import lowers, texts

# bodies named by the office they serve: one per country, never a mere reference back
PRESS_SERVICE = "press"
NAMED_BY_OFFICE = (PRESS_SERVICE, "presidency")


def government_bodies(lex: Lexicon, doc: Doc, hits: Hits, chosen: list[Mention]) -> list[Mention]:
    by_start = {m.start: m for m in chosen if m.type in (LOCATION, ORGANIZATION)}
    used = taken(chosen)
    out: list[Mention] = []
    fw = lex.pack.words
    by_end = {m.end: m for m in chosen if m.type == LOCATION and not m.weak}
    gov_hits = hits.get("GOV_NOUN") + _german_ministries(lex, doc)
    for hit in gov_hits:
        office_only = hit.payload in NAMED_BY_OFFICE and _only_offices(chosen, hit)
        if (any(i in used for i in range(hit.start, hit.end)) and not office_only) or any(
            h.start <= hit.start and hit.end <= h.end and h != hit for h in gov_hits
        ):
            continue  # inside "regional administration", "administration" is no body
        if any(m.start <= hit.start < m.end for m in out):
            continue  # "комитета по ... управлению имуществом": a portfolio, not a second body
        body_class: str = hit.payload
        end, portfolios = hit.end, list[str]()
        if body_class in ("ministry", "agency"):
            # "Ministry of Energy", "Komitee für Industrieentwicklung", "управлению промышленности"
            end, portfolios = _ministry_complement(lex, doc, hit)
            if body_class == "agency" and not portfolios:
                end = hit.end  # "the agency said": no portfolio, no name of its own
        place = _complement_place(doc, end, by_start) or by_end.get(hit.start)
        if place is not None and place.start >= end:
            end = place.end
            if body_class == "embassy":  # "Embassy of Uzbekistan in China"
                host = _complement_place(doc, end, by_start)
                end = host.end if host is not None else end
        if place is not None and fw.regional.inside(doc[hit.start : hit.end].text.lower()):
            _as_region(place, hits)  # "Navoi regional hokimiyat" is the region's, not the town's
        start = min(hit.start, place.start) if place is not None else hit.start
        if start > 0 and doc[start - 1].lower_ in fw.level_adjectives:
            start -= 1  # "the regional department of entrepreneurship": the region's body
        adjective = hits.ending("COUNTRY_ADJ", start)
        place_entry: Entry | None = None
        place_subtype: Subtype | None
        if adjective is not None and place is None:
            start, place_entry = adjective.start, adjective.payload
            place_key, place_name, place_subtype = (
                place_entry.key,
                place_entry.name,
                COUNTRY,
            )
        else:
            place_key = place.key if place else None
            place_name = place.name if place else None
            place_subtype = place.subtype if place else None
        mention = Mention(
            start,
            end,
            ORGANIZATION,
            GOVERNMENT,
            source=Source.GOVERNMENT,
            role=body_class,
        )
        mention.features = replace(
            mention.features,
            body_place=place_key,
            body_place_span=(place.start, place.end) if place is not None else None,
        )
        noun = doc[hit.start : hit.end].text
        mention.name = body_name(fw, body_class, noun, place_name, place_subtype, portfolios)
        if portfolios:  # two ministries of one country are two bodies
            mention.key = f"gov:{body_class}:{'+'.join(portfolios)}:{place_key}"
        # "Energieministerium" names itself, as the president's press service and office do
        complement = end > hit.end or bool(portfolios) or body_class in NAMED_BY_OFFICE
        mention.weak = place_key is None and not complement
        out.append(mention)
    return out


def _only_offices(chosen: list[Mention], hit: Hit) -> bool:
    """What the rules found inside "пресс-служба президента", "Pressedienst des Präsidenten"
    is the office the body serves (a bare title read as a reference to its holder)."""
    return all(
        m.type == PERSON and m.weak and hit.start <= m.start and m.end <= hit.end
        for m in chosen
        if m.start < hit.end and hit.start < m.end
    )


def without_served_offices(chosen: list[Mention]) -> list[Mention]:
    """The mentions less the bare titles inside a body named by the office it serves: the
    president's press service speaks for no president of the sentence."""
    bodies = [m for m in chosen if m.type == ORGANIZATION and m.role in NAMED_BY_OFFICE]
    return [
        m
        for m in chosen
        if not (
            m.type == PERSON
            and m.weak
            and any(b.start <= m.start and m.end <= b.end for b in bodies)
        )
    ]


def body_name(
    words: FunctionWords,
    body_class: str,
    noun: str,
    place_name: str | None,
    place_subtype: str | None,
    portfolios: list[str] | tuple[str, ...] = (),
) -> str | None:
    """The English name of a body, or None where the text's own words are the best name."""
    country = f" of {place_name}" if place_name and place_subtype == COUNTRY else ""
    if body_class == "ministry" and portfolios:
        return f"Ministry of {_enumerate(portfolios)}{country}"
    if body_class == "agency" and portfolios:
        return f"{_agency_word(words, noun)} of {_enumerate(portfolios)}"
    if body_class == "government" and country:
        return f"Government{country}"
    if body_class == "cabinet" and country:
        return f"Cabinet of Ministers{country}"
    if body_class == PRESS_SERVICE:
        return f"Press service of the President{country}"
    if body_class == "presidency":
        return f"Presidential Administration{country}"
    if body_class == "administration" and place_name and place_subtype != COUNTRY:
        base = place_name.removesuffix(" region")
        kind = "regional" if place_subtype == REGION else place_subtype or "regional"
        return f"{base} {kind} {_administration_word(words, noun)}"
    return None


def _agency_word(words: FunctionWords, noun: str) -> str:
    """What an agency noun is called in English, by its head's first letters ("State
    Committee" is a committee)."""
    lower = noun.lower().split()[-1]
    named = (
        ("Committee", words.committee),
        ("Department", words.department),
        ("Agency", words.agency),
        ("Authority", words.authority),
    )
    return next((english for english, stems in named if stems.matches(lower)), "Agency")


def _administration_word(words: FunctionWords, noun: str) -> str:
    lower = noun.lower()
    if words.administration_khokim.inside(lower):
        return "khokimiyat"
    if words.administration_akim.inside(lower):
        return "akimat"
    return "administration"


def _enumerate(names: list[str] | tuple[str, ...]) -> str:
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _german_ministries(lex: Lexicon, doc: Doc) -> list[Hit]:
    """ "Energieministerium", "Wirtschaftsministeriums": German compounds name a ministry with
    its portfolio."""
    heads = lex.pack.words.ministry_compound_heads
    if not lex.pack.has(Feature.NOUN_COMPOUNDS) or not heads:
        return []
    shortest = min(len(head) for head in heads.forms)
    return [  # every token is asked: the cached texts, no Token object each
        Hit("GOV_NOUN", i, i + 1, "ministry")
        for i, (lower, text) in enumerate(zip(lowers(doc), texts(doc), strict=True))
        if heads.ends(lower) and len(text) > shortest + 2
    ]


def _ministry_complement(lex: Lexicon, doc: Doc, hit: Hit) -> tuple[int, list[str]]:
    """Where a ministry's name ends and the English names of its portfolios: "of Investment,
    Industry and Trade", "für Industrie und Bau", "промышленности и новых технологий"."""
    head = doc[hit.end - 1]
    fw = lex.pack.words
    if lex.pack.has(Feature.NOUN_COMPOUNDS) and fw.ministry_compound_heads.ends(head.lower_):
        found = portfolio_in_compound(lex.lang, head.text)
        if found is not None:
            return hit.end, [found.english]
    j = hit.end
    # Russian names the portfolio in the genitive, with no preposition ("министерство энергетики")
    by_case = lex.pack.has(Feature.CASE_MORPHOLOGY)
    starts = fw.complement_starts
    if head.lower_ not in starts and j < len(doc) and doc[j].lower_ in starts:
        j += 1
    elif head.lower_ not in starts and not by_case:
        return hit.end, []  # a bare "ministry" refers back to one named before
    portfolios: list[str] = []
    end = j
    while j < len(doc):
        found_at = portfolio_at(doc, j)
        if found_at is None:
            break
        end, portfolio = found_at
        portfolios.append(portfolio.english)
        j = end
        if j + 1 < len(doc) and _joins_portfolios(doc[j].lower_, fw):
            j += 1
            if j < len(doc) and _joins_portfolios(doc[j].lower_, fw):
                j += 1  # "Investment, Industry, and Trade"
    if portfolios:
        return end, portfolios
    if by_case:
        return hit.end, []
    return name_run(doc, end, allow_linking=True), []  # "Ministry of Mining Affairs"


def _joins_portfolios(lower: str, words: FunctionWords) -> bool:
    return lower in words.and_ or lower in (",", "&")


def _as_region(place: Mention, hits: Hits) -> None:
    """Make a town's name read as the region named after it ("Navoi regional hokimiyat")."""
    if place.subtype != CITY:
        return
    hit = hits.covering("PLACE", place.start)
    region = next((e for e in hit.payload if e.subtype == REGION), None) if hit else None
    if region is not None:
        place.key, place.name, place.subtype = region.key, region.name, REGION
        place.properties = dict(region.properties)
        place.features = replace(place.features, country=None)  # (as the body's place only)


def _complement_place(doc: Doc, index: int, by_start: dict[int, Mention]) -> Mention | None:
    fw = words_of(doc.lang_)
    for j in range(index, min(len(doc), index + 3)):
        mention = by_start.get(j)
        if mention is not None and mention.type == LOCATION:
            return mention
        if doc[j].lower_ not in fw.linking and doc[j].lower_ not in fw.articles:
            return None
    return None
