"""Relations of places and organizations: places inside places (LOCATED_IN), where an
organization is from (BASED_IN), what it is part of (PART_OF)."""

from __future__ import annotations

import itertools
from collections.abc import Generator, Iterator

from graph_schema.vocabulary import RelationType
from loaders.extraction.kinds import (
    CITY,
    COMPANY,
    COUNTRY,
    DISTRICT,
    GOVERNMENT,
    LOCATION,
    ORGANIZATION,
    REGION,
)
from loaders.extraction.lexicon import word_classes
from loaders.extraction.linking import LEVEL, lies_within, locative_before, owned_place_start
from loaders.extraction.model import Mention
from loaders.extraction.name_contexts import bracketed_origin
from loaders.extraction.packs import Feature
from loaders.extraction.relations.reading import (
    SENTENCE,
    STRUCTURAL,
    Proposal,
    Reading,
    Sentence,
    propose,
)
from loaders.extraction.relations.registry import strategy
from loaders.extraction.tokens import is_trigger_word


@strategy("places_in_places")
def places_in_places(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "Asaka, Andijan province", "Асаке (Андижанская область)", "В Узбекистане в
    Наманганской области", "usbekischen Dorf Shursuv": a place inside a larger one."""
    places = r.typed(s, LOCATION)
    for i in places:  # "Hauptstadt Deutschlands"
        country = r.mentions[i].features.capital_of
        target = next((k for k, e in enumerate(r.entities) if e.key == country), None)
        if country and target is not None:
            yield propose(RelationType.LOCATED_IN, r.ent(i), target, STRUCTURAL)
    parents: set[int] = set()  # "Shursuv, Bezirk Ferghana, Region Usbekistan": all Shursuv's
    for a, b in itertools.pairwise(places):
        ma, mb = r.mentions[a], r.mentions[b]
        between = r.doc[ma.end : mb.start].text.strip()
        la, lb = LEVEL.get(ma.subtype or "", 0), LEVEL.get(mb.subtype or "", 0)
        if (mb.weak and mb.role is None) or (ma.weak and ma.key and between):
            continue
        genitive = between.lower() in r.words.genitive_link or (
            between == "" and r.has(Feature.CASE_MORPHOLOGY) and not ma.weak and not mb.weak
        )  # "Bezirk Gijduvan des Gebiets Buchara", "Китабском районе Кашкадарьинской области"
        district_of_city = ma.subtype == DISTRICT and mb.subtype == CITY
        owned = _owned_place(r, places, b)
        if genitive and owned is not None:  # "Devashtich district of Tajikistan's Sughd region"
            yield propose(RelationType.LOCATED_IN, ma.entity, r.ent(owned), STRUCTURAL)
        elif genitive and (
            (lb > la and (lb >= LEVEL[REGION] or mb.subtype == DISTRICT)) or district_of_city
        ):
            yield propose(RelationType.LOCATED_IN, ma.entity, mb.entity, STRUCTURAL)
        elif between in (",", "(") and lb > la and a not in parents:
            yield propose(RelationType.LOCATED_IN, ma.entity, mb.entity, STRUCTURAL)
            parents.update((yield from _chain_up(r, places, a, b, s)))
        elif between == "" and ma.weak and ma.key and lb < la:
            yield propose(RelationType.LOCATED_IN, mb.entity, ma.entity, STRUCTURAL)
        elif (
            between.lstrip(", ").lower() in r.words.in_
            and la > lb
            and locative_before(r.doc, ma.start)
        ):  # "in Kazakhstan, in the city of Shymkent", "in the Akhal region, in Ovadandepe"
            yield propose(RelationType.LOCATED_IN, mb.entity, ma.entity, SENTENCE)
    yield from _places_in_larger(r, places)
    yield from _possessive_places(r, places)
    yield from _before_designated_place(r, places)


_TOWNS = (CITY, DISTRICT)  # what a trip's sentence places in the trip's region


@strategy("trip_regions")
def trip_regions(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "visited a plant in the city of Yangier during his trip to the Syrdarya region",
    "Рабочую поездку по Согдийской области президент начал с города Бустон": the towns and
    districts of a sentence that tells of a trip to a region lie in that region, unless the
    sentence places them elsewhere or the gazetteer puts them in another country."""
    places = r.typed(s, LOCATION)
    region = _trip_region(r, s, places)
    if region is None:
        return
    target = r.mentions[region]
    placed = {key[1] for key in r.found if key[0] is RelationType.LOCATED_IN}
    for i in places:
        m = r.mentions[i]
        if m.weak or m.subtype not in _TOWNS or m.entity in placed:
            continue
        if m.features.country and target.features.country != m.features.country:
            continue
        yield propose(RelationType.LOCATED_IN, m.entity, target.entity, SENTENCE)


def _trip_region(r: Reading, s: Sentence, places: list[int]) -> int | None:
    """The region a trip noun of the sentence goes to: named after it with at most three
    words and no name between ("trip to the X region", "Arbeitsreise in die Region X")."""
    trips = [t.i for t in r.doc[s.span.start : s.span.end] if r.words.trips.matches(t.lower_)]
    for trip in trips:
        for i in places:
            m = r.mentions[i]
            if (
                m.subtype == REGION
                and not m.weak
                and 0 < m.start - trip <= 4
                and not any(t.is_title for t in r.doc[trip + 1 : m.start])
            ):
                return i
    return None


def _before_designated_place(r: Reading, places: list[int]) -> Iterator[Proposal]:
    """ "районе Исмоили Сомони города Душанбе": a place word standing alone right before a
    known place is that place's; with case morphology, the place just before the place word
    lies in it as in a genitive chain."""
    if not r.has(Feature.CASE_MORPHOLOGY):
        return
    for a, word, b in zip(places, places[1:], places[2:], strict=False):
        ma, mw, mb = r.mentions[a], r.mentions[word], r.mentions[b]
        if (
            mw.weak
            and mw.role is not None
            and ma.end == mw.start
            and mw.end == mb.start
            and not ma.weak
            and not mb.weak
            and lies_within(ma, mb)
        ):
            yield propose(RelationType.LOCATED_IN, ma.entity, mb.entity, STRUCTURAL)


def _places_in_larger(r: Reading, places: list[int]) -> Iterator[Proposal]:
    """ "the village of Aktogai in the Abai Region", "Kostanay in northern Kazakhstan", "in
    Korauziak in der autonomen Region Karakalpakstan", "Bezirk Mubarek, in der Region
    Kashkadarya", "поселка Актогай в области Абай": a place, "in" (after a comma, too) with
    only articles and words that narrow the larger place between, and a larger place."""
    named = [i for i in places if not r.mentions[i].weak]
    for a, b in itertools.pairwise(named):
        ma, mb = r.mentions[a], r.mentions[b]
        if LEVEL.get(mb.subtype or "", 0) <= LEVEL.get(ma.subtype or "", 0):
            continue
        words = [t.lower_ for t in r.doc[ma.end : mb.start] if not _weak_place_at(r, t.i)]
        if words[:1] == [","]:
            words = words[1:]
        if words and _in_part_of(r, words):
            yield propose(RelationType.LOCATED_IN, ma.entity, mb.entity, SENTENCE)


def _in_part_of(r: Reading, words: list[str]) -> bool:
    """ "in (northern)", "in the north-west of", "im Nordwesten", "на севере": the words
    between a place and a larger one say the first lies in (a part of) the second."""
    fw = r.words
    compass = [w for w in words[1:] if w in fw.compass]
    if not (words[0] in fw.in_ or (compass and words[0] in fw.locative)):
        return False
    return all(
        w in fw.articles
        or fw.place_qualifiers.matches(w)
        or w in fw.compass
        or (compass and (w in fw.of_preposition or w in fw.genitive_link))
        for w in words[1:]
    )


def _weak_place_at(r: Reading, index: int) -> bool:
    """A country adjective covers the token ("in der kasachischen Region Turkistan")."""
    return any(m.weak and m.type == LOCATION and m.start <= index < m.end for m in r.mentions)


def _owned_place(r: Reading, places: list[int], owner: int) -> int | None:
    """The smaller place named right after the owner and its possessive ending."""
    mo = r.mentions[owner]
    start = None if mo.weak else owned_place_start(r.doc, mo.end, r.words)
    if start is None:
        return None
    return next(
        (
            i
            for i in places
            if r.mentions[i].start == start
            and not r.mentions[i].weak
            and lies_within(r.mentions[i], mo)
        ),
        None,
    )


def _possessive_places(r: Reading, places: list[int]) -> Iterator[Proposal]:
    """ "Tajikistan's Sughd region", "Kazakhstan's TURAN Special Economic Zone": a smaller
    place right after a place and the possessive ending lies in it."""
    for owner in places:
        owned = _owned_place(r, places, owner)
        if owned is not None:
            yield propose(RelationType.LOCATED_IN, r.ent(owned), r.ent(owner), STRUCTURAL)


def _chain_up(
    r: Reading, places: list[int], a: int, b: int, s: Sentence
) -> Generator[Proposal, None, set[int]]:
    """Link `a` to every larger place apposed after `b`; returns the apposed places."""
    index = places.index(b)
    last, apposed = b, {b}
    for c in places[index + 1 :]:
        mc, ml = r.mentions[c], r.mentions[last]
        if r.doc[ml.end : mc.start].text.strip() not in (",", ")", "),", "("):
            break
        if LEVEL.get(mc.subtype or "", 0) > LEVEL.get(r.mentions[a].subtype or "", 0):
            yield propose(RelationType.LOCATED_IN, r.mentions[a].entity, mc.entity, SENTENCE)
        last = c
        apposed.add(c)
    return apposed


@strategy("homes")
def homes(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """Where organizations are based: "the Chinese company X", "Germany's X", "the Navoi
    regional hokimiyat", "X, headquartered in Y", "X aus Y", "the Warsaw-based X"."""
    orgs = [
        i
        for i in r.typed(s, ORGANIZATION)
        if not r.mentions[i].weak or r.mentions[i].role == "company"
    ]
    for i in r.typed(s, LOCATION):
        mention = r.mentions[i]
        if not (mention.weak and mention.key) or "-" in r.doc[mention.end : mention.end + 1].text:
            continue
        org = _org_after_adjective(r, mention, orgs)
        if org is not None and r.mentions[org].subtype != GOVERNMENT:
            # a body of state is its country's, based nowhere (ANNOTATION.md)
            yield propose(RelationType.BASED_IN, r.ent(org), mention.entity, SENTENCE)
    for i in r.typed(s, LOCATION):
        country = r.mentions[i]
        end = country.end
        if country.subtype != COUNTRY or country.weak or end + 1 >= s.span.end:
            continue
        if r.doc[end].lower_ in r.words.possessive_clitic:
            owned = next((j for j in orgs if r.mentions[j].start == end + 1), None)
            if owned is not None and r.mentions[owned].subtype == COMPANY:
                yield propose(RelationType.BASED_IN, r.ent(owned), country.entity, STRUCTURAL)
    for i in orgs:
        body = r.mentions[i]
        place = body.features.body_place
        span = body.features.body_place_span
        if body.subtype == GOVERNMENT and (place or span) and body.role != "embassy":
            target = next(
                (
                    r.ent(j)
                    for j in s.mentions
                    if r.mentions[j].type == LOCATION and _is_place_of(r.mentions[j], span, place)
                ),
                None,
            )
            if target is None and place is not None:
                # "Navoi regional hokimiyat": the region named elsewhere in the article
                target = next((k for k, e in enumerate(r.entities) if e.key == place), None)
            if target is not None and r.entities[target].subtype != COUNTRY:
                # a national body (government, ministry) is its country's, based nowhere
                yield propose(RelationType.BASED_IN, body.entity, target, STRUCTURAL)
        if body.role == "embassy":
            yield from _based_after(r, s, i, None)
        elif s.triggers.get("found"):
            yield from _based_after(r, s, i, s.triggers["found"])
        yield from _based_from(r, s, i)
        yield from _based_bracketed(r, s, i)
    yield from _based_compound(r, s, orgs)


def _is_place_of(mention: Mention, span: tuple[int, int] | None, key: str | None) -> bool:
    return mention.span == span or (key is not None and mention.key == key)


def _org_after_adjective(r: Reading, adjective: Mention, orgs: list[int]) -> int | None:
    if not _company_word_after(r, adjective):
        return None
    after = [i for i in orgs if 0 <= r.mentions[i].start - adjective.end <= 3]
    named_after = [i for i in after if not r.mentions[i].weak]
    if after:  # "таджикской компании «Гаюр»": the name, not the noun's referent
        return (named_after or after)[0]
    following = [i for i in orgs if 0 <= r.mentions[i].start - adjective.end <= 12]
    preceding = [i for i in orgs if r.mentions[i].end <= adjective.start]
    if _plural_noun_after(r, adjective):
        preceding = []  # "to Tajik construction companies": not the company named before
    candidates = following or preceding[-1:]
    named = [i for i in candidates if not r.mentions[i].weak]
    return named[0] if named else None


def _plural_noun_after(r: Reading, adjective: Mention) -> bool:
    """ "Tajik construction companies": English company nouns in the plural close by."""
    nouns = word_classes(r.lang).org_nouns
    return r.has(Feature.PLURAL_S) and any(
        t.lower_ in nouns and t.lower_.endswith("s") and not t.lower_.endswith("ss")
        for t in r.doc[adjective.end : adjective.end + 3]
    )


def _company_word_after(r: Reading, adjective: Mention) -> bool:
    """ "deutschen Firma", "Chinese carmaker", "китайская компания", "Agrarunternehmen"."""
    words = word_classes(r.lang)
    nouns = (*words.org_noun_suffixes, *words.org_nouns)
    for token in r.doc[adjective.end : adjective.end + 2]:
        lower = token.lower_
        if lower in words.org_nouns or any(len(n) > 3 and n in lower for n in nouns):
            return True
        if any(m.start == token.i and m.type == ORGANIZATION for m in r.mentions):
            return True
    return False


def _based_after(r: Reading, s: Sentence, org: int, found: list[int] | None) -> Iterator[Proposal]:
    """ "X, headquartered in Y", "Mahle mit Sitz in Stuttgart", "X wurde in Y gegründet",
    "die in München ansässige Firma X": the place next to the founding word (any place
    after an embassy)."""
    company = r.mentions[org]
    homes = [
        i
        for i in r.typed(s, LOCATION)
        if r.word_before(i, r.words.locative | {","}, 1) and not r.mentions[i].weak
    ]
    if found is None:
        homes = [i for i in homes if 0 <= r.mentions[i].start - company.end < 12]
    else:  # "X has its seat in Y and a plant in Z": Z is no home
        homes = [i for i in homes if _next_to_found(r, r.mentions[i], company, found)]
        homes = homes[:1]
    for i in homes:
        yield propose(RelationType.BASED_IN, r.ent(org), r.ent(i), SENTENCE)


def _next_to_found(r: Reading, place: Mention, company: Mention, found: list[int]) -> bool:
    """The place follows the founding word after the company ("founded in 1984 in
    Baoding", "mit Sitz in Stuttgart", "со штаб-квартирой в Штутгарте") or ends just
    before it ("in Stuttgart gegründet", "die in München ansässige Firma X")."""
    for t in found:
        before = 0 <= t - place.end <= 2
        if company.end <= t:
            after = 0 < place.start - t <= 5 and _plain_between(r, t + 1, place.start)
            if after or (before and place.start >= company.end):
                return True
        elif 0 < company.start - t <= 3 and before:
            return True
    return False


def _plain_between(r: Reading, start: int, end: int) -> bool:
    """No other name and no verb between a founding word and its place ("mit Hauptsitz
    in Iphofen betreibt in Buchara": Buchara is not the home)."""
    return not any(
        (t.is_title and not t.is_sent_start) or is_trigger_word(r.lang, t.lower_)
        for t in r.doc[start:end]
    )


def _whole_referred_to(r: Reading, s: Sentence, own: int, part: int) -> list[int]:
    """A company noun right after "subsidiary of" that refers to another company."""
    return [
        i
        for i in r.typed(s, ORGANIZATION)
        if r.mentions[i].role == "company"
        and 0 < r.mentions[i].start - own <= 2
        and r.ent(i) != part
    ]


def _based_from(r: Reading, s: Sentence, org: int) -> Iterator[Proposal]:
    """ "Sanko Tekstil из Газиантепа", "GEA Group aus Düsseldorf", "Ciech from Warsaw": a
    place right after the company and "from" is its home."""
    end = r.mentions[org].end
    if end >= s.span.end - 1 or r.doc[end].lower_ not in r.words.from_:
        return
    for i in r.typed(s, LOCATION):
        mention = r.mentions[i]
        if mention.start == end + 1 and not mention.weak:
            yield propose(RelationType.BASED_IN, r.ent(org), mention.entity, SENTENCE)


def _based_bracketed(r: Reading, s: Sentence, org: int) -> Iterator[Proposal]:
    """ "Goldwind (PRC)", "Sibur (Moskau / Russland)": places alone in a bracket right after
    a company, a country among them, are its home."""
    index = r.mentions[org].end
    while index < s.span.end and (
        r.doc[index].lower_.rstrip(".") in r.words.name_legal_words or r.doc[index].text == ","
    ):
        index += 1  # "Poly Technologies Inc. (China)"
    if index >= s.span.end or r.doc[index].text != "(":
        return
    places = {
        r.mentions[i].start: r.mentions[i] for i in r.typed(s, LOCATION) if not r.mentions[i].weak
    }
    for place in bracketed_origin(r.doc, places, index):
        yield propose(RelationType.BASED_IN, r.ent(org), place.entity, STRUCTURAL)


def _based_compound(r: Reading, s: Sentence, orgs: list[int]) -> Iterator[Proposal]:
    """ "the Warsaw-based chemicals group Ciech": the place before "-based" is the home of
    the company named within a few words after it."""
    for i in r.typed(s, LOCATION):
        place = r.mentions[i]
        if place.end >= s.span.end:
            continue  # a headline may end with the place
        word = place.end + (1 if r.doc[place.end].text == "-" else 0)
        if place.weak or word >= s.span.end or r.doc[word].lower_ not in r.words.based:
            continue
        org = next((j for j in orgs if 0 < r.mentions[j].start - word <= 4), None)
        if org is not None:
            yield propose(RelationType.BASED_IN, r.ent(org), place.entity, STRUCTURAL)


@strategy("named_venture_owners")
def named_venture_owners(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "UzKorea Auto, a joint venture of A and B": the venture is part of each owner."""
    named = r.named_venture(s)
    if named is not None:  # "UzKorea Auto, a joint venture of A and B"
        venture, owners = named
        for owner in owners:
            yield propose(RelationType.PART_OF, venture, owner, SENTENCE)


def _companies(r: Reading, s: Sentence) -> list[int]:
    return [
        i
        for i in r.typed(s, ORGANIZATION)
        if r.mentions[i].subtype == COMPANY and not r.mentions[i].weak
    ]


@strategy("subsidiaries")
def subsidiaries(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "X, a subsidiary of Y", "X, einer Tochter des Konzerns Y", "X, дочерняя компания Y"."""
    companies = _companies(r, s)
    for own in s.triggers.get("own", []):
        before = [i for i in companies if r.mentions[i].end <= own]
        after = [i for i in companies if r.mentions[i].start > own]
        if before and not after:  # "X, einer Tochter des Konzerns": the group told of
            after = _whole_referred_to(r, s, own, r.ent(before[-1]))
        if after and r.mentions[after[0]].features.goods:
            continue  # "montiert Mähdrescher der Marke Claas": the goods' brand
        if before and after:
            yield propose(RelationType.PART_OF, r.ent(before[-1]), r.ent(after[0]), SENTENCE)


@strategy("joint_venture_words")
def joint_venture_words(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """A sentence that speaks of a joint venture: the venture it names (quoted, or after a
    naming word) is part of the other companies of the sentence."""
    text = s.span.text.lower()
    if any(f" {w} " in f" {text} " for w in r.words.joint_venture.forms):
        companies = _companies(r, s)
        ventures = [
            i
            for i in companies
            if r.word_before(i, r.words.naming, 1) or r.mentions[i].features.quoted
        ]
        for venture in ventures:
            for owner in companies:
                if owner != venture:
                    yield propose(RelationType.PART_OF, r.ent(venture), r.ent(owner), SENTENCE)
