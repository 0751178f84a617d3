"""Place mentions: gazetteer names widened by their place word ("Region Kaschkadarja", "Andijan
province", "Наманганской области"), capitals named by their country ("Hauptstadt
Deutschlands"), unknown towns apposed to a known region, role references ("der Region") and
country adjectives ("usbekischen"), which are weak until a relation needs them."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from loaders.extraction.candidates import P_PLACE, Candidate, Lexicon, entry_mention, taken
from loaders.extraction.gazetteer import Entry
from loaders.extraction.kinds import CITY, COUNTRY, DISTRICT, LOCATION, OTHER, REGION
from loaders.extraction.matching import Hit, Hits
from loaders.extraction.model import REFERENCE, Mention, Source
from loaders.extraction.packs import Feature, pack, words_of
from loaders.extraction.sites import site_candidates
from loaders.extraction.tokens import is_cyrillic, is_name_token, joins_words, sentence_of
from loaders.extraction.translit import to_latin


def place_candidates(lex: Lexicon, doc: Doc, hits: Hits) -> list[Candidate]:
    out = _capitals(lex, doc, hits) + _towns_before_regions(doc, hits)
    for hit in hits.get("PLACE"):
        if _first_part_of_a_place_name(doc, hits, hit.end):
            continue  # "Иссык" of "Иссык-Атинского района" names no town
        following = doc[hit.end : hit.end + 2].text.lower()
        if lex.pack.words.currency_after.matches(following):
            continue  # "US-Dollar" is a currency
        if _noun_with_article(doc, hit):
            continue  # "die Halle", "das Werk": a German noun, not the town
        out.append((P_PLACE, _place(doc, hits, hit)))
    for hit in hits.get("PLACE_DESIGNATOR"):
        subtype, position = hit.payload
        if position not in ("before", "both") or hit.end >= len(doc):
            continue
        if hits.starting("PLACE", hit.end) or hits.starting("ORG", hit.end):
            continue
        end = _name_after(doc, hits, hit.end)
        if end > hit.end and subtype in (OTHER, DISTRICT, CITY):
            mention = Mention(hit.start, end, LOCATION, subtype, source=Source.DESIGNATED)
            mention.name = doc[hit.end : end].text  # "Dorf Shursuv" is Shursuv
            out.append((P_PLACE - 1, mention))
    out.extend(_names_before_place_words(lex, doc, hits))
    out.extend(site_candidates(doc, hits))
    for hit in hits.get("REGION_ADJ"):
        after = hits.starting("PLACE_DESIGNATOR", hit.end)
        if after and after.payload[0] == REGION:
            entry: Entry = hit.payload
            out.append((P_PLACE + 1, entry_mention(entry, hit.start, after.end, Source.REGION_ADJ)))
    return out


def _name_after(doc: Doc, hits: Hits, start: int) -> int:
    """Where the unknown name after a place word ends: up to two name words, each may be
    hyphenated ("Dorf Shursuv", "the city of Istiklol", "Dorf AK-Bashat"); a second word that
    a place word follows names that place where case endings tie adjective and place word
    ("селе Элок Файзабадского района")."""
    end, words = start, 0
    chained = pack(doc.lang_).has(Feature.CASE_MORPHOLOGY)
    while end < len(doc) and words < 2 and is_name_token(doc[end]):
        last = _compound_end(doc, end)
        if words and (hits.starting("PLACE", end) or hits.starting("REGION_ADJ", end)):
            break  # "селе Тилекмат Иссык-Кульской области": the region is a place of its own
        if words and chained and _named_by_place_word_after(hits, last - 1):
            break  # "селе Элок Файзабадского района", "селе Тилекмат Джети-Огузского района"
        end, words = last, words + 1
    return end


def _compound_end(doc: Doc, index: int) -> int:
    """Where the word at `index` ends, its hyphenated parts included ("AK-Bashat",
    "Джети-Огузского")."""
    end = index + 1
    while end + 1 < len(doc) and joins_words(doc, end) and is_name_token(doc[end + 1]):
        end += 2
    return end


def _first_part_of_a_place_name(doc: Doc, hits: Hits, end: int) -> bool:
    """A known name that a hyphen joins to the next word, when a place word follows the
    compound: the compound names that place ("Иссык-Атинского района" is Issyk-Ata district,
    not the town Issyk)."""
    if not joins_words(doc, end) or not is_name_token(doc[end + 1]):
        return False
    return _named_by_place_word_after(hits, _compound_end(doc, end + 1) - 1)


def _named_by_place_word_after(hits: Hits, index: int) -> bool:
    after = hits.starting("PLACE_DESIGNATOR", index + 1)
    return after is not None and after.payload[1] in ("after", "both")


# the place words after an unknown name that make it a place of their kind ("the Ismoili
# Somoni district", "Bahoristan region", "Чарджевском этрапе", "TURAN special economic zone")
_NAMED_BEFORE = (DISTRICT, REGION, OTHER)
_ENGLISH_KIND = {DISTRICT: "district", REGION: "region"}  # the canonical name's last word
_MAX_NAME_WORDS = 3


def _names_before_place_words(lex: Lexicon, doc: Doc, hits: Hits) -> list[Candidate]:
    out = []
    for hit in hits.get("PLACE_DESIGNATOR"):
        subtype, position = hit.payload
        if subtype not in _NAMED_BEFORE or position not in ("after", "both") or hit.start == 0:
            continue
        if doc[hit.start].lower_ in lex.pack.words.capital:
            continue
        start = _unknown_name_before(doc, hits, hit.start)
        if start is None:
            continue
        words = doc[start : hit.start].text.split()
        words[-1] = _district_base(lex, words[-1])
        mention = Mention(start, hit.end, LOCATION, subtype, source=Source.DESIGNATED)
        designator = _ENGLISH_KIND.get(subtype, place_word_text(doc, hit))
        mention.name = " ".join([*words, designator])
        out.append((P_PLACE - 1, mention))
    return out


def _unknown_name_before(doc: Doc, hits: Hits, end: int) -> int | None:
    """Where the run of up to three name words before `end` starts, when no known place,
    organisation or sentence start is among them; where case endings tie adjective and place
    word, the name of a town or village its own place word introduces is not among them
    ("селе Элок Файзабадского района")."""
    start, words = end, 0
    sentence_start = sentence_of(doc, end - 1).start
    chained = pack(doc.lang_).has(Feature.CASE_MORPHOLOGY)
    while (
        start > sentence_start + 1
        and words < _MAX_NAME_WORDS
        and is_name_token(doc[start - 1])
        and not _known_place_at(doc, hits, start - 1)
        and not hits.covering("ORG", start - 1)
        and not (chained and _named_by_settlement_word(hits, start - 1))
    ):
        start -= 1
        words += 1
        while start - 2 >= sentence_start and joins_words(doc, start - 1):
            start -= 2  # "Toguz-Toro district", "Джети-Огузском районе": one word
    return start if start < end else None


def _known_place_at(doc: Doc, hits: Hits, index: int) -> bool:
    place = hits.covering("PLACE", index)
    return place is not None and not _first_part_of_a_place_name(doc, hits, place.end)


def _named_by_settlement_word(hits: Hits, index: int) -> bool:
    before = hits.ending("PLACE_DESIGNATOR", index)
    return before is not None and before.payload in ((OTHER, "before"), (CITY, "before"))


def _noun_with_article(doc: Doc, hit: Hit) -> bool:
    """German towns take no article ("in Halle"), nouns do ("die Halle soll ... herstellen");
    countries and regions may ("die Mongolei", "die Türkei")."""
    return (
        pack(doc.lang_).has(Feature.CAPITALISED_NOUNS)
        and hit.start > 0
        and doc[hit.start - 1].lower_ in words_of(doc.lang_).articles
        and all(entry.subtype == CITY for entry in hit.payload)
    )


def _district_base(lex: Lexicon, word: str) -> str:
    """The English name a district is called by: Russian names it with an adjective made
    from its town ("Китабский район" -> Kitab), which the gazetteer may know by its noun."""
    if not is_cyrillic(word):
        return word
    lower = word.lower()
    for ending in lex.pack.words.district_adjective_endings.forms:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            noun = lower[: -len(ending)]
            town = lex.gaz.places.get(noun)
            return town[0].name if town else to_latin(word[: -len(ending)])
    return to_latin(word)


def _capitals(lex: Lexicon, doc: Doc, hits: Hits) -> list[Candidate]:
    """The capital named by its country: after the word ("Hauptstadt Deutschlands", "the
    capital of Uzbekistan", "столица Казахстана") or before it ("the Kazakh capital", "in der
    usbekischen Hauptstadt", "Uzbekistan's capital", "в узбекской столице")."""
    out = []
    fw = lex.pack.words
    for hit in hits.get("PLACE_DESIGNATOR"):
        if doc[hit.start].lower_ not in fw.capital:
            continue
        j = hit.end + (1 if hit.end < len(doc) and doc[hit.end].lower_ in fw.of_preposition else 0)
        place = hits.starting("PLACE", j)
        start, end, country = hit.start, place.end if place else hit.end, None
        if place is not None:
            country = place.payload[0]
        else:
            before = hit.start - (
                1 if hit.start and doc[hit.start - 1].lower_ in fw.possessive_clitic else 0
            )
            adjective = hits.ending("COUNTRY_ADJ", before)
            named = hits.ending("PLACE", before)
            if adjective is not None:
                start, country = adjective.start, adjective.payload
            elif named is not None and before < hit.start:
                start, country = named.start, named.payload[0]
        capital = lex.gaz.capitals.get(country.key) if country is not None else None
        if capital is not None and country is not None and country.subtype == COUNTRY:
            mention = entry_mention(capital, start, end, Source.CAPITAL)
            # the country may be named too: "Kazakh" in "the Kazakh capital"
            country_span = (start, hit.start) if start < hit.start else None
            mention.features = replace(
                mention.features, capital_of=country.key, country_span=country_span
            )
            out.append((P_PLACE + 5, mention))
    return out


def capital_countries(chosen: list[Mention], hits: Hits) -> list[Mention]:
    """The country named inside "the Kazakh capital", as a weak mention of its own."""
    out = []
    for mention in chosen:
        span = mention.features.country_span
        if mention.features.capital_of is None or span is None:
            continue
        hit = hits.starting("COUNTRY_ADJ", span[0]) or hits.starting("PLACE", span[0])
        if hit is None:
            continue
        entry = hit.payload if hit.label == "COUNTRY_ADJ" else hit.payload[0]
        country = entry_mention(entry, hit.start, hit.end, Source.ADJECTIVE)
        country.weak = hit.label == "COUNTRY_ADJ"
        out.append(country)
    return out


def _towns_before_regions(doc: Doc, hits: Hits) -> list[Candidate]:
    """ "in Jambay, Samarkand region": an unknown name apposed to a known region."""
    out = []
    locative = words_of(doc.lang_).locative
    for hit in hits.get("PLACE"):
        entries = hit.payload
        if hit.start < 3 or not any(e.subtype in (REGION, COUNTRY) for e in entries):
            continue
        if doc[hit.start - 1].text != "," or not is_name_token(doc[hit.start - 2]):
            continue
        town = hit.start - 2
        if doc[town - 1].lower_ in locative and not (
            hits.covering("PLACE", town) or hits.covering("ORG", town)
        ):
            out.append(
                (
                    P_PLACE - 1,
                    Mention(town, town + 1, LOCATION, OTHER, source=Source.APPOSED),
                )
            )
    return out


def _place(doc: Doc, hits: Hits, hit: Hit) -> Mention:
    entries: tuple[Entry, ...] = hit.payload
    start, end, designated = hit.start, hit.end, None
    before = hits.ending("PLACE_DESIGNATOR", start)
    if (
        before
        and before.payload[1] in ("before", "both")
        and not _names_place_before(doc, hits, before)
    ):
        start, designated = before.start, before.payload[0]
    after_start = end + 1 if end < len(doc) and doc[end].text == "-" else end
    after = _designator_after(hits, after_start)
    if after and after.payload[1] in ("after", "both") and not designated:
        if after.payload[0] == OTHER:
            # "Kashagan field", "Navoi free economic zone": a site named after the place
            return _site_named_after(doc, hit.start, after)
        end, designated = after.end, after.payload[0]
    entry = _choose_place(entries, designated)
    mention = entry_mention(entry, start, end, Source.GAZETTEER)
    region = next((e for e in entries if e.subtype == REGION), None)
    if designated is None and entry.subtype == CITY and region is not None:
        # "Hokim von Namangan": the region, by the office
        mention.features = replace(mention.features, region=region)
    if designated and designated != entry.subtype and entry.subtype != COUNTRY:
        # "Region Asaka": a district named after its town
        mention.subtype = DISTRICT if entry.subtype == CITY else designated
    return mention


def _site_named_after(doc: Doc, start: int, place_word: Hit) -> Mention:
    mention = Mention(start, place_word.end, LOCATION, OTHER, source=Source.DESIGNATED)
    mention.name = f"{doc[start : place_word.start].text} {place_word_text(doc, place_word)}"
    return mention


def place_word_text(doc: Doc, place_word: Hit) -> str:
    return doc[place_word.start : place_word.end].text.lower()


def _names_place_before(doc: Doc, hits: Hits, designator: Hit) -> bool:
    """ "the Yangiyul district of Tashkent region", "the Devashtich district of Tajikistan's
    Sughd region": "district" is the name's before it, not "district of Tashkent"."""
    if hits.ending("PLACE", designator.start) is not None:
        return True
    return _unknown_name_before(doc, hits, designator.start) is not None


def _designator_after(hits: Hits, start: int) -> Hit | None:
    """The place word after a name that belongs to it ("district" of "district of ...")."""
    return next(
        (
            h
            for h in hits.all_starting("PLACE_DESIGNATOR", start)
            if h.payload[1] in ("after", "both")
        ),
        hits.starting("PLACE_DESIGNATOR", start),
    )


def _choose_place(entries: tuple[Entry, ...], designated: str | None) -> Entry:
    if designated in (REGION, CITY):
        same_kind = [entry for entry in entries if entry.subtype == designated]
        same_country = [entry for entry in same_kind if entry.country == entries[0].country]
        if same_country:
            return same_country[0]
        if designated == REGION and same_kind:
            return same_kind[0]  # "Talas region" is Kyrgyz, though Taraz was once called Talas
    return entries[0]


def place_roles(lex: Lexicon, doc: Doc, hits: Hits, chosen: list[Mention]) -> list[Mention]:
    """ "the region", "der Region", "области" standing alone refer back to a place."""
    used = taken(chosen)
    out = []
    for hit in hits.get("PLACE_DESIGNATOR"):
        if any(i in used for i in range(hit.start, hit.end)):
            continue
        subtype = hit.payload[0]
        if subtype not in (REGION, CITY) or doc[hit.start].lower_ in lex.pack.words.capital:
            continue  # "the capital" may be money ("registered capital")
        plural = lex.pack.has(Feature.PLURAL_S) and doc[hit.start].text.lower().endswith("s")
        if plural and subtype == REGION:
            continue  # "regions": plural, no single referent
        out.append(
            Mention(
                hit.start,
                hit.end,
                LOCATION,
                subtype,
                weak=True,
                role=subtype,
                source=Source.ROLE,
                features=REFERENCE,
            )
        )
    return out


def country_adjectives(hits: Hits, chosen: list[Mention]) -> list[Mention]:
    """ "usbekischen", "Chinese", "узбекский": weak country mentions."""
    used = taken(chosen)
    out = []
    for hit in hits.get("COUNTRY_ADJ"):
        if any(i in used for i in range(hit.start, hit.end)):
            continue
        mention = entry_mention(hit.payload, hit.start, hit.end, Source.ADJECTIVE)
        mention.weak = True
        out.append(mention)
    return out
