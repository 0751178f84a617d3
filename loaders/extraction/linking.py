"""Links inside noun phrases, found by word order: the seat of an office ("khokim of Jizzakh
region", "Uzbek President", "Geschäftsführer der Knauf Gruppe") and the organization and
places of a plant ("Knauf-Werks", "завод UzAuto Motors в городе Асаке")."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from loaders.extraction.kinds import (
    CITY,
    COMPANY,
    COUNTRY,
    DISTRICT,
    EXECUTIVE,
    GOVERNMENT,
    LOCATION,
    MEDIA,
    OFFICIAL,
    ORGANIZATION,
    OTHER,
    PERSON,
    PLANT,
    REGION,
)
from loaders.extraction.lexicon import word_classes
from loaders.extraction.model import Mention, PlantNoun
from loaders.extraction.packs import Feature, FunctionWords, pack, words_of
from loaders.extraction.portfolios import portfolio_at
from loaders.extraction.tokens import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    is_trigger_of,
    is_trigger_word,
    russian_morphology,
    sentence_of,
)
from loaders.extraction.translit import to_latin

# how large a kind of place is ("Yangiyul district of Tashkent region": the region is larger)
LEVEL: dict[str | None, int] = {
    OTHER: 0,
    CITY: 1,
    DISTRICT: 1,
    REGION: 2,
    COUNTRY: 3,
}


def _longest_by_start(mentions: list[Mention]) -> dict[int, int]:
    """Mention index by start token; where two start together ("Kazakh capital" and
    "Kazakh"), the longer one."""
    out: dict[int, int] = {}
    for i, m in enumerate(mentions):
        current = out.get(m.start)
        if current is None or m.end > mentions[current].end:
            out[m.start] = i
    return out


def link_seats(doc: Doc, mentions: list[Mention]) -> None:
    """Seats again, after resolution added mentions (a company's name written a second time)."""
    by_start = _longest_by_start(mentions)
    by_end: dict[int, int] = {}
    for i, m in enumerate(mentions):
        by_end.setdefault(m.end, i)
    for mention in mentions:
        if mention.type == PERSON and mention.title is not None and not mention.seats:
            mention.seats = _seats(doc, mentions, mention, by_start, by_end)
            _public_office(mention, mentions)


def link(doc: Doc, mentions: list[Mention]) -> None:
    """Fill Mention.seats of titled persons and Mention.org / .places of plants, in place."""
    by_start = _longest_by_start(mentions)
    by_end: dict[int, int] = {}
    for i, m in enumerate(mentions):
        by_end.setdefault(m.end, i)
    previous_plant: Mention | None = None
    words = words_of(doc.lang_)
    for mention in mentions:
        if mention.type == PERSON and mention.title is not None:
            mention.seats = _seats(doc, mentions, mention, by_start, by_end)
            _company_office(mention, mentions)
            _public_office(mention, mentions)
            if mention.features.described and mention.seats:
                _describe(doc, mention, mentions[mention.seats[0]])
        elif mention.type == PLANT:
            former = any(
                words.former.matches(t.lower_) for t in doc[mention.start - 2 : mention.end]
            )
            # "in der ehemaligen Anlage von „Kastechmasch“": no longer the company's plant
            mention.org = None if former else _plant_org(doc, mentions, mention, by_start, by_end)
            mention.places = _plant_places(doc, mentions, mention, by_start, by_end)
            if (
                previous_plant is not None
                and not mention.places
                and _coordinated(doc, mentions, previous_plant, mention)
            ):
                mention.places = list(previous_plant.places)  # "in X das Werk ... sowie die Fabrik"
            previous_plant = mention


def _coordinated(doc: Doc, mentions: list[Mention], first: Mention | None, second: Mention) -> bool:
    """The second plant is joined to the first by "und", "sowie", "and", "и" with only its
    company's noun phrase between: a place said before the first holds for both (one said
    after the first is its own: "das Werk in Taschkent und die Fabrik von X")."""
    if first is None or not first.places or first.end > second.start:
        return False
    if any(mentions[p].start >= first.end for p in first.places):
        return False
    between = doc[first.end : second.start]
    words = words_of(doc.lang_)
    coordinators = words.coordinator | words.contrast
    return (
        any(t.lower_ in coordinators for t in between)
        and sentence_of(doc, first.start).start == sentence_of(doc, second.start).start
        and all(_inside_noun_phrase(t) or t.lower_ in coordinators for t in between)
    )


def _company_office(person: Mention, mentions: list[Mention]) -> None:
    """ "президент Allur", "the president of Hyundai Motor": an office that sits in a company
    is an executive's, not the head of state's (whom "глава государства" refers to)."""
    title = person.title
    if title is None or title.seat != "any" or title.subtype == EXECUTIVE:
        return
    if any(
        mentions[s].type == ORGANIZATION and mentions[s].subtype == COMPANY for s in person.seats
    ):
        person.title = replace(title, subtype=EXECUTIVE, seat="organization", role="executive")
        person.subtype = EXECUTIVE
        if person.role == title.role:  # an unnamed holder refers to an executive
            person.role = "executive"


def _public_office(person: Mention, mentions: list[Mention]) -> None:
    """ "Председатель Согдийской области", "head of Tomdi district", "Глава Государственного
    комитета по инвестициям": a head whose seat is a place or a government body holds a
    public office (an official's), though the same word before a company is an executive's."""
    title = person.title
    if title is None or not title.head_by_seat or not person.seats:
        return
    seat = mentions[person.seats[0]]
    if seat.type == LOCATION and seat.subtype == COUNTRY:
        role = "head_of_state"  # "глава Узбекистана"
    elif seat.type == LOCATION and seat.subtype in (REGION, DISTRICT, CITY):
        role = "governor"
    elif seat.type == LOCATION or (seat.type == ORGANIZATION and seat.subtype == GOVERNMENT):
        role = "official"
    else:
        return
    person.title = replace(title, subtype=OFFICIAL, role=role)
    person.subtype = OFFICIAL
    if person.role == title.role:
        person.role = role


def _describe(doc: Doc, person: Mention, seat: Mention) -> None:
    """An unnamed officer is named by office and seat: "Khokim of Namangan region"."""
    seat_name = seat.name or doc[seat.start : seat.end].text
    title = to_latin(person.title.title) if person.title else ""
    person.name = f"{title} of {seat_name}" if title else seat_name
    person.end = max(person.end, seat.end)


def _seats(
    doc: Doc,
    mentions: list[Mention],
    person: Mention,
    by_start: dict[int, int],
    by_end: dict[int, int],
) -> list[int]:
    title_start, title_end = _title_span(person)
    stop = person.start if person.start >= title_end else min(len(doc), title_end + 8)
    seats: list[int] = [  # "Председатель кабинета министров КР": the body in the title
        i
        for i in (by_start.get(j) for j in range(title_start, title_end))
        if i is not None
        and mentions[i].type == ORGANIZATION
        and mentions[i].subtype == GOVERNMENT
        and mentions[i].end >= title_end
    ]
    i = title_end
    words = words_of(doc.lang_)
    while i < stop:
        token = doc[i]
        if token.text == "(":
            i = _after(doc, i, ")")
            continue
        if token.lower_ in words.seat_stop and (
            seats or _before_title(doc, title_start, by_end, mentions)
        ):
            break
        index = by_start.get(i)
        if index is not None and mentions[index].type in (
            LOCATION,
            ORGANIZATION,
        ):
            if mentions[index].subtype != MEDIA:
                seats.append(index)
            i = mentions[index].end
            continue
        if (
            person.start < title_end
            and token.lower_ not in words.linking
            and token.lower_ not in words.articles
            and not _modifier_before_company(doc, mentions, by_start, i)
        ):
            break
        i += 1
    seat_type = person.title.seat if person.title else "any"
    before = _before_title(doc, title_start, by_end, mentions, seat_type)
    if before is None and not seats:
        before = _possessor(doc, mentions, title_start)
    if before is None and not seats and person.title and person.title.held_in_company:
        before = _delegation_company(doc, mentions, title_start)
    if before is not None and (
        not seats
        or mentions[before].subtype == COUNTRY
        or (person.title and person.title.held_in_company)
    ):
        seats.insert(0, before)
    allowed = _seat_types(person)
    chosen = [s for s in seats if mentions[s].type in allowed]
    if person.title is not None and person.title.head_by_seat:  # not "Turkey" (its country)
        chosen = [s for s in chosen if mentions[s].type == ORGANIZATION] or chosen
    chosen = chosen[:2]
    if person.title is not None and person.title.role == "governor":
        for seat in chosen:
            _as_region(mentions[seat])
    return chosen


def _title_span(person: Mention) -> tuple[int, int]:
    """Where a titled person's office is written (persons.py records it with the title)."""
    span = person.features.title_span
    if span is None:
        raise ValueError("a titled person without the span of the title")
    return span


def _as_region(place: Mention) -> None:
    """A governor's seat named like a town and a region is the region ("Hokim von Namangan")."""
    region = place.features.region
    if place.subtype == CITY and region is not None:
        place.key, place.name, place.subtype = region.key, region.name, REGION
        place.properties = dict(region.properties)
        place.features = replace(place.features, country=region.country)


def _modifier_before_company(
    doc: Doc, mentions: list[Mention], by_start: dict[int, int], index: int
) -> bool:
    """ "the head of Chinese battery maker CATL": words that describe the company named next."""
    token = doc[index]
    if not (token.is_lower and token.is_alpha) or is_trigger_word(doc.lang_, token.lower_):
        return False
    for j in range(index + 1, min(len(doc), index + 4)):
        found = by_start.get(j)
        if found is not None:
            company = mentions[found]
            return (
                company.type == ORGANIZATION and company.subtype == COMPANY and not (company.weak)
            )
        if not (doc[j].is_lower and doc[j].is_alpha):
            return False
    return False


def _before_title(
    doc: Doc,
    title_start: int,
    by_end: dict[int, int],
    mentions: list[Mention],
    seat_type: str = "any",
) -> int | None:
    """ "Uzbek President", "usbekische Premierminister", "GM chairman", "Hyundai's president"."""
    end = _before_portfolio(doc, title_start)  # "Uzbek Energy Minister"
    before_title = words_of(doc.lang_).before_title
    while end > 0 and (doc[end - 1].lower_ in before_title or doc[end - 1].text == "-"):
        end -= 1  # "Hyundai's president", "Claas-Chef"
    index = by_end.get(end)
    if index is None:
        return None
    mention = mentions[index]
    if (mention.type == LOCATION and mention.subtype == COUNTRY) or mention.type == ORGANIZATION:
        return index
    if mention.type == LOCATION and not mention.weak and seat_type == "location":
        return index  # "Navoi region governor", "Samarkand mayor"
    return None


def _before_portfolio(doc: Doc, title_start: int) -> int:
    """Where an English portfolio written before its office starts ("Energy Minister",
    "Foreign Trade Minister"), else the office's start."""
    if not pack(doc.lang_).has(Feature.NOUN_ADJUNCTS):
        return title_start
    for size in (1, 2, 3):
        start = title_start - size
        found = portfolio_at(doc, start) if start >= 0 else None
        if found is not None and found[0] == title_start:
            return start
    return title_start


def _possessor(doc: Doc, mentions: list[Mention], title_start: int) -> int | None:
    """ "Hyosung Corporation led by its vice chairman Cho": "its" is the company named last
    before it in the sentence."""
    if title_start == 0 or doc[title_start - 1].lower_ not in words_of(doc.lang_).possessives:
        return None
    sentence_start = sentence_of(doc, title_start).start
    named = [
        i
        for i, m in enumerate(mentions)
        if m.type == ORGANIZATION
        and not m.weak
        and m.subtype == COMPANY
        and sentence_start <= m.start
        and m.end < title_start
    ]
    return max(named, key=lambda i: mentions[i].end) if named else None


def _delegation_company(doc: Doc, mentions: list[Mention], title_start: int) -> int | None:
    """ "a delegation of Linde led by board member Jürgen Nowicki": the company whose
    delegation the executive leads."""
    before = " ".join(t.lower_ for t in doc[max(0, title_start - 4) : title_start])
    if not words_of(doc.lang_).leader_phrases.inside(before):
        return None
    sentence_start = sentence_of(doc, title_start).start
    companies = [
        i
        for i, m in enumerate(mentions)
        if m.type == ORGANIZATION
        and m.subtype == COMPANY
        and not m.weak
        and sentence_start <= m.start
        and m.end <= title_start
    ]
    return max(companies, key=lambda i: mentions[i].end) if companies else None


def _seat_types(person: Mention) -> set[str]:
    seat = person.title.seat if person.title else "any"
    if seat == "location":
        return (
            {LOCATION, ORGANIZATION}
            if person.title and person.title.role == "head_of_government"
            else {LOCATION}
        )
    if seat == "organization":
        return {ORGANIZATION}
    return {LOCATION, ORGANIZATION}


def _plant_org(
    doc: Doc,
    mentions: list[Mention],
    plant: Mention,
    by_start: dict[int, int],
    by_end: dict[int, int],
) -> int | None:
    if plant.features.company_site:  # the company told of as a site runs it
        return next(
            (i for i, m in enumerate(mentions) if m.type == ORGANIZATION and m.span == plant.span),
            None,
        )
    words = words_of(doc.lang_)
    for end in (plant.start, plant.start - 1):
        index = by_end.get(end)
        if (
            index is not None
            and _is_operator(mentions[index])
            and (end == plant.start or _joins_owner(doc[end].text, words))
        ):
            return index
    if fronted_agent_participle(doc, plant.start):
        return None
    i = plant.end
    while i < min(len(doc), plant.end + 8):
        index = by_start.get(i)
        if index is not None:
            mention = mentions[index]
            if mention.type == ORGANIZATION and (not mention.weak or mention.role == "company"):
                production = plant.features.plant_noun == PlantNoun.PRODUCTION
                activity = production or words.production.matches(doc[plant.end - 1].lower_)
                product = activity and doc[i - 1].lower_ in words.goods_of
                if product or mention.features.goods:
                    break  # "production of MAN trucks", "собирают автомобили Kia": brands
                return index if _is_operator(mention) else None
            if not mention.weak:
                return None
            i = mention.end  # "der chinesischen Marke Exeed": an adjective on the way
            continue
        token = doc[i]
        if token.lower_ in words.locative or not _inside_noun_phrase(token):
            break
        i += 1
    partner = _joint_partner(doc, mentions, plant, by_start)
    if partner is not None:
        plant.features = replace(plant.features, joint=True)  # the partner, and its partner
    return partner


def fronted_agent_participle(doc: Doc, plant_start: int) -> bool:
    """ "Betrieben wird das Werk von X": the clause opens with the participle of running."""
    opening = sentence_of(doc, plant_start).start
    participles = words_of(doc.lang_).agent_participle
    return any(t.lower_ in participles for t in doc[opening:plant_start])


def _joint_partner(
    doc: Doc, mentions: list[Mention], plant: Mention, by_start: dict[int, int]
) -> int | None:
    """ "the production of furniture together with the Zhongwang Group", "a plant in Jizzakh
    in partnership with the Turkish company Vestel": the partner."""
    sentence_end = min(len(doc), plant.end + 12)
    text = [t.lower_ for t in doc[plant.end : sentence_end]]
    words = words_of(doc.lang_)
    for k, word in enumerate(text):
        partnered = word in words.together or word in words.cooperation
        if partnered and k + 1 < len(text) and text[k + 1] in words.with_:
            # "together with the local company X": articles, adjectives, nouns, quotes between
            for j in range(plant.end + k + 2, min(len(doc), plant.end + k + 8)):
                index = by_start.get(j)
                if index is not None:
                    return index if _is_operator(mentions[index]) else None
                if not (doc[j].is_lower or doc[j].text in OPEN_QUOTES):
                    return None
        if word in (".", ";", ","):
            return None
    return None


def _inside_noun_phrase(token: Token) -> bool:
    """Words that may stand between a plant noun and its company: articles, "of", adjectives,
    company nouns, and in German any noun ("Produktion elektrischer Autos des Unternehmens")."""
    lang, lower = token.doc.lang_, token.lower_
    language = pack(lang)
    words = language.words
    if _company_noun(token) or _compound_hyphen(token):
        return True  # "das Werk des Lkw-Herstellers X": "Hersteller" names no act of making
    if lower in words.auxiliary or is_trigger_word(lang, lower):
        return False  # "das Werk wurde von X errichtet": a clause, no longer the noun phrase
    if token.is_lower and is_trigger_of(lang, "export", lower):
        return False  # "Technik für die Molkerei lieferte der Anlagenbauer X": its supplier
    return (
        lower in words.linking
        or lower in words.articles
        or lower in words.company_nouns
        or token.text in OPEN_QUOTES
        or lower in words.legal_forms  # "предприятие ООО «X»"
        or (token.is_lower and token.is_alpha)
        or (language.has(Feature.CAPITALISED_NOUNS) and token.is_alpha)
    )


def _company_noun(token: Token) -> bool:
    """A company noun, or a German compound ending in one ("Herstellers", "Anlagenbauer")."""
    words = word_classes(token.doc.lang_)
    lower = token.lower_
    return lower in words.org_nouns or (
        pack(token.doc.lang_).has(Feature.NOUN_COMPOUNDS)
        and token.is_title
        and any(lower.endswith(s) for s in words.org_noun_suffixes)
    )


def _compound_hyphen(token: Token) -> bool:
    """The hyphen inside a written compound ("Lkw-Hersteller"), with no space on either side."""
    doc = token.doc
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not doc[token.i - 1].whitespace_
        and token.i + 1 < len(doc)
    )


def _is_operator(mention: Mention) -> bool:
    return mention.type == ORGANIZATION and mention.subtype not in (
        MEDIA,
        GOVERNMENT,
    )


def _plant_places(
    doc: Doc,
    mentions: list[Mention],
    plant: Mention,
    by_start: dict[int, int],
    by_end: dict[int, int],
) -> list[int]:
    before = _place_just_before(doc, mentions, plant, by_end)
    if before is not None:  # "строит в Алматы новый завод", "in Temirtau ein neues Walzwerk"
        return chain(doc, mentions, before, by_start)
    i = plant.end
    limit = min(sentence_of(doc, plant.start).end, plant.end + 8)  # a headline ends at its line
    while i < limit:
        index = by_start.get(i)
        token = doc[i]
        if (
            index is not None
            and mentions[index].type == LOCATION
            and not (mentions[index].weak and mentions[index].role is None)
            and (i == plant.end or locative_before(doc, i) or doc[i - 1].text in CLOSE_QUOTES)
            and not _owns_a_name(doc, mentions, index, by_start)
        ):
            return chain(doc, mentions, index, by_start)
        if index is not None:
            i = mentions[index].end
            continue
        if token.text in ".;:" or is_trigger_of(doc.lang_, "export", token.lower_):
            break  # "продукция завода экспортируется в Казахстан": where it goes, not is
        i += 1
    return []


def _owns_a_name(doc: Doc, mentions: list[Mention], place: int, by_start: dict[int, int]) -> bool:
    """ "in cooperation with China's Ming Yuan Silu company": a place with the possessive
    ending before a name that is no place of its own describes that name, not where a plant is."""
    words = words_of(doc.lang_)
    start = owned_place_start(doc, mentions[place].end, words)
    return start is not None and _owned_after(doc, mentions, place, by_start) == place


def _place_just_before(
    doc: Doc, mentions: list[Mention], plant: Mention, by_end: dict[int, int]
) -> int | None:
    """A place introduced by "in"/"в" that ends at most two words (an article, an adjective)
    before the plant noun."""
    for end in (plant.start, plant.start - 1, plant.start - 2):
        index = by_end.get(end)
        if index is None:
            continue
        mention = mentions[index]
        if (
            mention.type == LOCATION
            and not mention.weak
            and 0 <= plant.start - mention.end <= 2
            and (locative_before(doc, mention.start) or _english_place_modifier(doc, mention))
            and all(_modifier_or_article(t) for t in doc[mention.end : plant.start])
        ):
            return index
    return None


def _english_place_modifier(doc: Doc, place: Mention) -> bool:
    """ "the Bukhara refinery", "a new Navoi copper plant": a town or region named as the
    plant's modifier, after an article or adjective (not the subject "Navoi plans a plant")."""
    if not pack(doc.lang_).has(Feature.NOUN_ADJUNCTS):
        return False
    if place.subtype not in (CITY, REGION, DISTRICT) or place.start == 0:
        return False
    before = doc[place.start - 1]
    return before.lower_ in words_of(doc.lang_).articles or (before.is_lower and before.is_alpha)


def _modifier_or_article(token: Token) -> bool:
    """ "ein neues", "новый": what stands between a place and its plant; not a verb
    ("в Иссык-Кульскую область посетил комбинат": the region was visited)."""
    language = pack(token.doc.lang_)
    if token.lower_ in language.words.articles:
        return True
    if not token.is_lower or is_trigger_word(language.code, token.lower_):
        return False
    return not language.has(Feature.CASE_MORPHOLOGY) or language.words.adjective_endings.ends(
        token.lower_
    )


def locative_before(doc: Doc, index: int) -> bool:
    """ "in Asaka", "in der Stadt Karshi", "в городе Асаке": a locative word, articles skipped;
    not Russian "в" with the accusative ("в Казахстан", "в Южную Корею") nor German "in das",
    "in die" (accusative), which say whither."""
    language = pack(doc.lang_)
    words = language.words
    j = index - 1
    while j >= 0 and index - j < 3 and (doc[j].lower_ in words.articles or doc[j].is_lower):
        if doc[j].lower_ in words.locative:
            break
        j -= 1  # "im usbekischen Dorf X": articles and adjectives between
    if j < 0 or doc[j].lower_ not in words.locative:
        return False
    if doc[j].lower_ not in words.in_:
        return True
    following = doc[j + 1].lower_
    # "Arbeitsreise in das Gebiet Tschüi", "in die Mongolei", "в Казахстан": whither
    return not (
        following in words.accusative_articles
        or (language.has(Feature.CASE_MORPHOLOGY) and _whither(following))
    )


@lru_cache(maxsize=16384)
def _whither(word: str) -> bool:
    """A Russian word that can be accusative but not locative ("Казахстан", "Россию", "город";
    not "Ташкенте", nor the indeclinable "Карши"): after "в" it names a destination."""
    cases = {
        p.tag.case
        for p in russian_morphology().parse(word)
        if p.tag.POS in ("NOUN", "ADJF") and p.tag.case
    }
    return "accs" in cases and not cases & {"loct", "loc2"}


def chain(doc: Doc, mentions: list[Mention], first: int, by_start: dict[int, int]) -> list[int]:
    """A place and its apposed parents: "Asaka, Andijan province", "Асаке (Андижанская обл.)",
    "the Yangiyul district of Tashkent region"; and a narrower place apposed with its own "in":
    "in Kazakhstan, in the city of Shymkent", "в Казахстане — в городе Шымкенте". A place
    named with its owner's possessive ("in Turkmenistan's Ahal region") is the owned one."""
    words = words_of(doc.lang_)
    first = _owned_after(doc, mentions, first, by_start)
    chain = [first]
    i = mentions[first].end
    while i + 1 < len(doc) and (
        doc[i].text in (",", "(", "—", "–") or doc[i].text in words.genitive_link
    ):
        narrower = doc[i + 1].lower_ in words.locative and doc[i].text in (",", "—", "–")
        index = by_start.get(i + 2 if narrower else i + 1)
        if index is None or mentions[index].type != LOCATION or mentions[index].weak:
            break
        level, last = _level(mentions[index]), _level(mentions[chain[-1]])
        if (narrower and level >= last) or (doc[i].text[0].isalpha() and level <= last):
            break  # "in Shymkent, in Kazakhstan" is a second place; "of" names a larger one
        if doc[i].text in ("—", "–") and not narrower:
            break
        chain.append(index)
        i = mentions[index].end
        if i < len(doc) and doc[i].text == ")":
            i += 1
    return chain


def _owned_after(doc: Doc, mentions: list[Mention], owner: int, by_start: dict[int, int]) -> int:
    """The smaller place right after the owner and its possessive ending, else the owner."""
    start = owned_place_start(doc, mentions[owner].end, words_of(doc.lang_))
    index = by_start.get(start) if start is not None else None
    if index is None or mentions[index].type != LOCATION or mentions[index].weak:
        return owner
    return index if lies_within(mentions[index], mentions[owner]) else owner


def owned_place_start(doc: Doc, end: int, words: FunctionWords) -> int | None:
    """Where a place owned by the one ending at `end` begins: after its possessive ending and
    the words that say where in it ("Kyrgyzstan's northern Chui region"); None without one."""
    if end >= len(doc) or doc[end].lower_ not in words.possessive_clitic:
        return None
    start = end + 1
    while start < len(doc) and words.place_qualifiers.matches(doc[start].lower_):
        start += 1
    return start if start < len(doc) else None


def lies_within(place: Mention, owner: Mention) -> bool:
    """Whether `place` can lie in `owner` by their kinds: a smaller kind, or a district of a
    city ("Dushanbe's Firdavsi district")."""
    return _level(place) < _level(owner) or (place.subtype == DISTRICT and owner.subtype == CITY)


def _level(place: Mention) -> int:
    return LEVEL.get(place.subtype or "", 0)


def _after(doc: Doc, index: int, closing: str) -> int:
    for j in range(index + 1, min(len(doc), index + 15)):
        if doc[j].text == closing:
            return j + 1
    return index + 1


def mark_goods(doc: Doc, mentions: list[Mention], products: list[int]) -> None:
    """Companies named as the goods' brand, not as anyone's maker: "assembles Kia and
    Chevrolet cars", "собирают автомобили Kia и Chevrolet", "Autos der Marken Kia und
    Chevrolet" (features.goods); a plant where they are made is not theirs for that."""
    if not products:
        return
    product_at = set(products)
    orgs = sorted(
        (m for m in mentions if m.type == ORGANIZATION and m.subtype == COMPANY and not m.weak),
        key=lambda m: m.start,
    )
    words = words_of(doc.lang_)
    groups: list[list[Mention]] = []  # names joined by "and" / ","
    for mention in orgs:
        last = groups[-1][-1] if groups else None
        gap = doc[last.end : mention.start] if last is not None else None
        if gap is not None and len(gap) and all(_joins_names(t.lower_, words) for t in gap):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    for group in groups:
        end, start = group[-1].end, group[0].start
        before = start - 1
        while before >= 0 and doc[before].lower_ in words.brand_noun | words.articles:
            before -= 1  # "Autos der Marken Kia", "автомобили марки Isuzu"
        skipped = {t.lower_ for t in doc[before + 1 : start]}
        if skipped and not skipped & words.brand_noun:
            before = -1  # "Autos des Unternehmens X": the company's cars, it makes them
        if end in product_at or (before >= 0 and before in product_at):
            for mention in group:
                mention.features = replace(mention.features, goods=True)


def _joins_names(lower: str, words: FunctionWords) -> bool:
    """ "Kia and Chevrolet", "Kia, Chevrolet": what joins the names of a list."""
    return lower in words.and_ or lower in (",", "&")


def _joins_owner(text: str, words: FunctionWords) -> bool:
    """ "Knauf-Werk", "Hyundai's plant": what joins a company to its plant noun."""
    return text == "-" or text in words.possessive_clitic
