"""Relations between people and what they meet or visit: offices (HOLDS_POSITION), visits,
meetings, receptions, trips, openings and the sides of a meeting (VISITED, MET_WITH)."""

from __future__ import annotations

from collections.abc import Iterator

from graph_schema.vocabulary import RelationType
from loaders.extraction.kinds import (
    CITY,
    COMPANY,
    DISTRICT,
    LOCATION,
    MEDIA,
    ORGANIZATION,
    OTHER,
    PERSON,
    PLANT,
)
from loaders.extraction.lexicon import word_classes
from loaders.extraction.model import Mention
from loaders.extraction.relations.reading import (
    DISCOURSE,
    SENTENCE,
    STRUCTURAL,
    Evidence,
    Proposal,
    Reading,
    Sentence,
    propose,
)
from loaders.extraction.relations.registry import review, strategy
from loaders.extraction.tokens import is_trigger_word, sentences


@strategy("office_holders")
def office_holders(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "Minister of Industry X", "Claas-Chef X": a person holds the office his title names."""
    for i in r.typed(s, PERSON):
        mention = r.mentions[i]
        ministry = _ministry_of(r, mention)
        if ministry is not None:  # "Minister of Industry and Construction X"
            yield propose(
                RelationType.HOLDS_POSITION,
                mention.entity,
                ministry,
                STRUCTURAL,
                title=mention.title_text or "",
            )
        for seat in mention.seats:
            yield propose(
                RelationType.HOLDS_POSITION,
                mention.entity,
                r.ent(seat),
                STRUCTURAL,
                title=mention.title_text or "",
            )


def _ministry_of(r: Reading, minister: Mention) -> int | None:
    """The ministry of the text that has the minister's portfolio."""
    portfolios = minister.features.portfolios
    if not portfolios or minister.title is None or minister.title.role != "minister":
        return None
    prefix = f"gov:ministry:{'+'.join(portfolios)}:"
    return next((k for k, e in enumerate(r.entities) if e.key and e.key.startswith(prefix)), None)


def actors(r: Reading, s: Sentence) -> list[int]:
    """Who acts in the sentence, read once per sentence (the first strategy to ask reads it,
    and notes the delegation's leader in the discourse); on a visit the delegation's leader
    goes along with the guests ("accompanied the guests to ...")."""
    if s.actors is None:
        acting = _actors(r, s)
        if (
            acting
            and s.triggers.get("visit")
            and s.discourse.leader is not None
            and s.discourse.leader not in acting
            and _guests_told(r, s)
        ):
            acting = [*acting, s.discourse.leader]
        s.actors = acting
    return s.actors


def _confidence(r: Reading, s: Sentence) -> Evidence:
    """Named people act in the sentence; else the actor comes from the discourse."""
    return SENTENCE if r.typed(s, PERSON) else DISCOURSE


def _actors(r: Reading, s: Sentence) -> list[int]:
    """People who act in the sentence: not the partners after "with", not the seats; the
    leader of a delegation ("led by", "во главе с") acts for it unless someone before him
    does ("X received a delegation led by Y": Y is the guest)."""
    persons: list[int] = []
    for i in r.typed(s, PERSON):
        if r.is_seat(i, s):
            continue
        led = r.led(i)
        if not led and r.complement(i, s) and not r.word_before(i, r.words.together, 3):
            continue  # "at the invitation of President X": X does not act
        if led:
            s.discourse.leader = r.ent(i)
        if led and persons:
            continue
        if led or not r.after_with(i) or r.word_before(i, r.words.together, 3):
            persons.append(i)
    if _delegation_acts(r, s, persons):  # "In Taschkent traf die Delegation ... X"
        company = _delegation_of(r, s)  # "делегация компании посетила ..."
        if company is not None:
            return [company]
        acting = s.discourse.leader if s.discourse.leader is not None else s.discourse.protagonist
        return [acting] if acting is not None else []
    if r.parsed:  # a model's parse says who the subject is: it goes first
        persons.sort(key=lambda i: not r.is_subject(r.mentions[i]))
    entities = list(dict.fromkeys(r.ent(i) for i in persons))
    if entities:
        return entities
    first = min((t for k in ("visit", "meet") for t in s.triggers.get(k, [])), default=0)
    guest = _guest_subject(r, s, first)
    if guest is not None:  # "Затем гости посетили фабрику": the guest just received
        return [guest]
    companies = [
        r.ent(i)
        for i in r.typed(s, ORGANIZATION)
        if r.mentions[i].subtype == COMPANY
        and r.mentions[i].end <= first
        and not r.word_before(i, r.words.genitive_link | r.words.of_preposition | r.words.with_, 1)
    ]
    if companies:  # "die Unternehmensleitung wird Karshi besuchen"
        return companies[:1]
    delegation = _delegation_of(r, s)
    if delegation is not None:  # "die Delegation des Konzerns wird das Werk besuchen"
        return [delegation]
    return [s.discourse.protagonist] if s.discourse.protagonist is not None else []


def _guest_subject(r: Reading, s: Sentence, trigger: int) -> int | None:
    """ "the guests", "die Gäste", "гости" before the verb, and a person met last: him."""
    if s.discourse.encounter is None or r.entities[s.discourse.encounter[1]].type != PERSON:
        return None
    words = [t.lower_ for t in r.doc[s.span.start : trigger]]
    return s.discourse.encounter[1] if any(r.words.guest.matches(w) for w in words) else None


def _delegation_of(r: Reading, s: Sentence) -> int | None:
    """The company whose delegation the sentence is about ("a delegation of CNBM", "die
    Delegation des Konzerns", "делегация компании X")."""
    for i in r.typed(s, ORGANIZATION):
        before = r.words_before(r.mentions[i].start, 3)
        opened = [k for k, w in enumerate(before) if r.words.delegation.matches(w)]
        if (
            r.mentions[i].subtype == COMPANY
            and opened
            # "the delegation visited the Hyundai plant": Hyundai is what it visited
            and not any(is_trigger_word(r.lang, w) for w in before[opened[0] + 1 :])
        ):
            return r.ent(i)
    return None


def _guests_told(r: Reading, s: Sentence) -> bool:
    return any(r.guest_word(w) for w in s.lower_words())


def _delegation_acts(r: Reading, s: Sentence, persons: list[int]) -> bool:
    """The delegation told of before is the subject: it is named before every person of
    the sentence, and a leader of it is known."""
    if s.discourse.leader is None and s.discourse.protagonist is None:
        return False
    delegation = [t for t in s.span if r.words.delegation.matches(t.lower_)]
    if not delegation:
        return False
    first_person = min((r.mentions[i].start for i in persons), default=s.span.end)
    return delegation[0].i < first_person and not any(r.led(i) for i in persons)


@strategy("visits")
def visits(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "X visited Y", "X besuchte Y", "X посетил Y": the actors visit the places, bodies and
    plants named after the verb (or before a verb that closes the clause)."""
    acting = actors(r, s)
    if not acting:
        return
    status = {"status": "planned"} if s.triggers.get("future") else {}
    for target in dict.fromkeys(visited(r, s)):
        for actor in acting:
            yield propose(RelationType.VISITED, actor, target, _confidence(r, s), **status)
        if r.entities[target].type in (ORGANIZATION, PERSON):
            s.discourse.encounter = (acting[0], target)
    s.discourse.protagonist = acting[0]


def visited(r: Reading, s: Sentence) -> list[int]:
    """What the sentence's actors visit (entity indices), read once per sentence."""
    if s.visited is None:
        acting, seats = actors(r, s), r.seats_of(s)
        visit_words = s.triggers.get("visit", [])
        targets = [t for v in visit_words for t in _visit_targets(r, s, v, seats, acting)]
        if not targets:  # verb-final clause: "... die Leitung Karshi besuchen wird"
            targets = _visit_targets(r, s, s.span.start, seats, acting, until=visit_words[-1])
        s.visited = _without_plant_places(r, s, targets)
    return s.visited


@strategy("meetings")
def meetings(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "X received Y", "X met Y", "X held talks with Y", "X и Y провели переговоры"."""
    acting = actors(r, s)
    if not acting:
        return
    seats = r.seats_of(s)
    orders = s.triggers.get("order", [])
    # "instructed to speed up the negotiations with X": talks ordered, not held
    meets = [t for t in s.triggers.get("meet", []) if not any(o < t for o in orders)]
    receives = _receptions(r, s)
    if receives:  # "X received Y", "X hat Y empfangen", "X принял Y"
        partners = _guests(r, s, acting[0], seats)
    elif meets:
        partners = _partners(r, s, meets[0], seats)
        if _delegation_acts(r, s, [i for i in r.typed(s, PERSON)]):
            partners += [
                r.ent(i)
                for i in r.typed(s, PERSON)
                if r.mentions[i].start > meets[0] and not r.mentions[i].weak
            ]
    else:
        return
    host = acting[0]
    if not partners and meets:  # "Tokayev and Mirziyoyev held talks"
        partners = _joined_subject(r, s, host, min(meets))
    for partner in partners:
        yield propose(RelationType.MET_WITH, host, partner, _confidence(r, s))
        if partner != host:
            s.discourse.encounter = (host, partner)


@strategy("discussions")
def discussions(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "Berdimuhamedov hat die Projekte mit dem Vorsitzenden von Calik, Ahmet Calik,
    diskutiert", "Бектенов и председатель China Nonferrous Си Чжэнпин обсудили
    сотрудничество": a discussion with a named person, or between named people, is talks
    (ANNOTATION.md), told without a word of meeting."""
    if s.triggers.get("meet") or s.triggers.get("receive"):
        return  # the meeting rules read it
    acting = actors(r, s)
    if not acting:
        return
    host, seats = acting[0], r.seats_of(s)
    discuss = min(s.triggers["discuss"])
    partners = [
        r.ent(i)
        for i in r.typed(s, PERSON, ORGANIZATION)
        if not r.mentions[i].weak
        and r.mentions[i].subtype != MEDIA
        and r.ent(i) not in seats
        and r.after_with(i)
        and not r.word_before(i, r.words.together, 3)
    ]
    partners += _joined_subject(r, s, host, discuss)
    for partner in dict.fromkeys(p for p in partners if p != host):
        yield propose(RelationType.MET_WITH, host, partner, _confidence(r, s))
        s.discourse.encounter = (host, partner)


@strategy("briefings")
def briefings(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "Commercial Director Orozbai Atadzhanov informed that the enterprise ...", "Akim
    Askhat Shakharov briefed the President", "Руководитель завода X рассказал": who briefs
    the official the text follows on a visit talks with him (ANNOTATION.md: a plant's
    manager reporting to a visiting official)."""
    visitor = s.discourse.protagonist
    if visitor is None or not any(
        key[0] == RelationType.VISITED and key[1] == visitor for key in r.found
    ):
        return
    if any(r.mentions[i].subtype == MEDIA for i in r.typed(s, ORGANIZATION)):
        return  # "informiert Kun.uz": the press is told, not the visitor
    if all(t > 0 and r.doc[t - 1].lower_ in r.words.as_said for t in s.triggers["brief"]):
        return  # "Как рассказал директор X, ...": a source quoted
    for i in r.typed(s, PERSON):
        speaker = r.ent(i)
        if r.mentions[i].weak or speaker == visitor or r.after_with(i):
            continue
        yield propose(RelationType.MET_WITH, visitor, speaker, DISCOURSE)


def _joined_subject(r: Reading, s: Sentence, host: int, verb: int) -> list[int]:
    """The people joined to the host by "and" before the verb ("Tokayev and Mirziyoyev held
    talks", "A и председатель X B обсудили"), with no other verb between."""
    ends = [r.mentions[i].end for i in r.typed(s, PERSON) if r.ent(i) == host]
    if not ends or ends[0] >= verb:
        return []
    out = []
    for i in r.typed(s, PERSON):
        mention = r.mentions[i]
        if mention.weak or not ends[0] <= mention.start or mention.end > verb:
            continue
        between = r.doc[ends[0] : mention.start]
        if any(t.lower_ in r.words.and_ for t in between) and not any(
            is_trigger_word(r.lang, t.lower_) for t in between
        ):
            out.append(r.ent(i))
    return out


def _receptions(r: Reading, s: Sentence) -> list[int]:
    """Reception verbs, except "принял участие / решение" (took part, decided)."""
    refused = set(s.triggers.get("not_receive", []))
    return [t for t in s.triggers.get("receive", []) if t + 1 not in refused]


def _guests(r: Reading, s: Sentence, host: int, seats: set[int]) -> list[int]:
    """Whom a host receives: the people after the host (not the offices' seats), else a
    delegation's company ("received a delegation of Hyosung Corporation")."""
    host_end = max(
        (r.mentions[i].end for i in s.mentions if r.mentions[i].entity == host),
        default=s.span.start,
    )
    after = [i for i in s.mentions if r.mentions[i].start >= host_end]
    people = [
        r.ent(i)
        for i in after
        if r.mentions[i].type == PERSON
        and not r.mentions[i].weak
        and r.ent(i) not in seats
        and r.ent(i) != host
    ]
    if people:
        return list(dict.fromkeys(people))
    bodies = [
        r.ent(i)
        for i in after
        if r.mentions[i].type == ORGANIZATION
        and r.mentions[i].subtype != MEDIA
        and r.ent(i) not in seats
        and not r.reporter(r.mentions[i])
    ]
    return bodies[:1]


@strategy("attendance")
def attendance(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "An der Zeremonie nahmen X und Y teil", "X took part in the opening of the
    factory", "with the participation of X": those present at a plant's opening visit the
    plant."""
    yield from _present_at_opening(r, s, r.typed(s, PERSON))


@strategy("opening_agents")
def opening_agents(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "opened by President X", "die Eröffnung des Windparks durch Präsident X": the people
    after "by" that follow an opening word are at the opening (a sentence with an attendance
    word is read by "attendance")."""
    if s.triggers.get("attend"):
        return
    opens = s.triggers.get("inaugurate", []) + [
        s.span.start + k for k, w in enumerate(s.lower_words()) if r.words.ceremony.matches(w)
    ]
    if not opens:
        return
    first = min(opens)
    agents = [
        i
        for i in r.typed(s, PERSON)
        if r.mentions[i].start > first
        and any(w in r.words.by for w in r.words_before(r.argument_start(i), 2))
    ]
    yield from _present_at_opening(r, s, agents)


def _present_at_opening(r: Reading, s: Sentence, present: list[int]) -> Iterator[Proposal]:
    """The people present (mentions) visit the plant of this sentence, else the one just
    opened, else, at a ceremony ("The opening ceremony was attended by ..."), the plant last
    told of."""
    people = [r.ent(i) for i in present if not r.mentions[i].weak and not r.is_seat(i, s)]
    if not people:
        return
    plants = [r.ent(i) for i in r.typed(s, PLANT)]
    if not plants and s.discourse.opened is not None and s.index - s.discourse.opened[1] <= 2:
        plants = [s.discourse.opened[0]]
    if not plants and any(r.words.ceremony.matches(w) for w in s.lower_words()):
        recent = s.discourse.opened or s.discourse.last_plant
        plants = [recent[0]] if recent is not None else []
    for person in dict.fromkeys(people):
        for plant in plants[:1]:
            yield propose(RelationType.VISITED, person, plant, SENTENCE)


@strategy("inauguration")
def inauguration(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "President X opened the factory", "hat das Zementwerk eröffnet", "открыл новый цех":
    who opens a plant is at the plant."""
    for trigger in s.triggers.get("inaugurate", []):
        people = [
            i
            for i in r.typed(s, PERSON)
            if r.mentions[i].end <= trigger and not r.is_seat(i, s) and not r.after_with(i)
        ]
        plants = [i for i in r.typed(s, PLANT) if not r.mentions[i].weak]
        after = [i for i in plants if r.mentions[i].start > trigger]
        target = (after or (plants if r.verb_final(s, trigger) else []))[:1]
        openers = [r.ent(i) for i in _conjoined(r, people)]
        evidence = SENTENCE
        if not openers and s.discourse.protagonist is not None and _pronoun_before(r, s, trigger):
            openers, evidence = [s.discourse.protagonist], DISCOURSE  # "он открыл цех"
        for person in openers:
            for plant in target:
                yield propose(RelationType.VISITED, person, r.ent(plant), evidence)


def _conjoined(r: Reading, people: list[int]) -> list[int]:
    """The last person and those joined to them by "and" or a comma ("Emomali Rahmon and
    Rustam Emomali commissioned ..."): all of them open it."""
    if not people:
        return []
    out = [people[-1]]
    for i in reversed(people[:-1]):
        if not r.listed_together(i, out[-1]):
            break
        out.append(i)
    return out


def _pronoun_before(r: Reading, s: Sentence, trigger: int) -> bool:
    """A person's pronoun before the verb, or right after it ("Dort eröffnete er")."""
    words = s.lower_words()[: trigger + 2 - s.span.start]
    return any(word in r.words.person_pronouns for word in words)


@strategy("sides")
def sides(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "The parties discussed ...", "Die Seiten erörterten ...", "Стороны обсудили ...":
    the two sides of the meeting or visit just told are meeting."""
    if s.discourse.encounter is None:
        return
    first, second = s.discourse.encounter
    yield propose(RelationType.MET_WITH, first, second, DISCOURSE)


@strategy("trip_places")
def trip_places(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "In Istanbul, the delegation held talks ...", "В Сеуле делегация провела
    переговоры ...": on a trip, the town a sentence opens with is where its meetings and
    visits take place."""
    acting = actors(r, s)
    if not acting:
        return
    actor = acting[0]
    if not (_travelling(r, actor) or _own_delegation(r, s)):
        return
    first_verb = min(
        (t for k in ("meet", "receive", "visit") for t in s.triggers.get(k, [])),
        default=s.span.end,
    )
    for i in r.typed(s, LOCATION):
        mention = r.mentions[i]
        opening = mention.start - s.span.start <= 4 and mention.end <= first_verb
        if not opening or mention.weak:
            continue
        if r.word_before(i, r.words.locative, 2):  # "In Istanbul, ...", "Later, in Berlin, ..."
            yield propose(RelationType.VISITED, actor, mention.entity, _confidence(r, s))


def _own_delegation(r: Reading, s: Sentence) -> bool:
    """A delegation that acts ("the delegation held talks"), not one met as the guests
    ("встреча хокима с делегацией компании": the host is at home)."""
    return any(
        t == 0 or r.doc[t - 1].lower_ not in r.words.with_ for t in s.triggers.get("lead", [])
    )


def _travelling(r: Reading, actor: int) -> bool:
    """Someone who was said to visit a place before this sentence (a trip)."""
    return any(
        key[0] == RelationType.VISITED and key[1] == actor and r.entities[key[2]].type == LOCATION
        for key in r.found
    )


def _without_plant_places(r: Reading, s: Sentence, targets: list[int]) -> list[int]:
    """ "besuchte das Werk der Firma X in Kostanai": Kostanai is where the plant is; "visited
    the joint venture Artel Electronics in Andijan village, Kara-Suu district", "das
    Treibhaus der AG X im Bezirk Yangiarik": the places told right after a visited company or
    plant (with "in", and the places apposed to them) are where it is, not visited."""
    visited = set(targets)
    places = {
        r.ent(p)
        for i in r.typed(s, PLANT)
        if r.mentions[i].entity in visited
        for p in r.mentions[i].places
        if not _told_before(r, s, r.ent(p), r.mentions[i].start)
    }
    places |= _places_of_visited(r, s, visited)
    return [t for t in targets if t not in places]


def _told_before(r: Reading, s: Sentence, entity: int, start: int) -> bool:
    """ "during a working trip to Issyk-Kul region, took part in the launch of the largest
    meat processing enterprise in the region": a place named before the plant it holds is
    visited in its own right; one in the plant's own phrase ("at the Turkmenbashi complex")
    is where the plant is (told before means a punctuation mark stands between the two)."""
    return any(
        r.mentions[i].entity == entity
        and r.mentions[i].end <= start
        and any(t.is_punct for t in r.doc[r.mentions[i].end : start])
        for i in s.mentions
    )


def _places_of_visited(r: Reading, s: Sentence, visited: set[int]) -> set[int]:
    """The places after a visited company or plant with only "in", articles, "of", place
    words and punctuation between (the first one after a locative word)."""
    designators = word_classes(r.lang).place_designators
    out: set[int] = set()
    end: int | None = None  # where the last visited company or plant (or its place) ends
    located = False  # a locative word came between it and the places after it
    start = s.span.start  # where that company or plant starts
    for i in s.mentions:
        mention = r.mentions[i]
        if mention.type in (ORGANIZATION, PLANT):
            end, located = (mention.end, False) if mention.entity in visited else (None, False)
            start = mention.start
            continue
        if mention.type != LOCATION or end is None:
            continue
        tokens = r.doc[end : mention.start]
        between = [t.lower_ for t in tokens if not t.is_punct]
        located = located or any(w in r.words.locative for w in between)
        if located and all(
            w in r.words.locative
            or w in r.words.articles
            or w in r.words.genitive_link
            or w in designators  # "in Andijan village, Kara-Suu district"
            for w in between
        ):
            if not _told_before(r, s, mention.entity, start):
                out.add(mention.entity)
            end = mention.end
        else:
            end = None
    return out


def _visit_targets(
    r: Reading,
    s: Sentence,
    trigger: int,
    seats: set[int],
    actors: list[int],
    until: int | None = None,
) -> list[int]:
    operators = {r.mentions[i].org for i in r.typed(s, PLANT)}
    # a company told of as its own site is visited at the site (plants.company_sites)
    sites = {r.mentions[i].span for i in r.typed(s, PLANT) if r.mentions[i].features.company_site}
    site_companies = {r.ent(i) for i in r.typed(s, ORGANIZATION) if r.mentions[i].span in sites}
    out = []
    for i in s.mentions:
        mention = r.mentions[i]
        if mention.start < trigger or mention.entity in actors:
            continue
        if until is not None and mention.start >= until:
            break
        if any(trigger < t <= mention.start for t in s.triggers.get("order", [])):
            break  # what follows "angeboten", "instructed" is ordered, not visited
        if (mention.type == PERSON and not mention.weak) or r.clause_break(trigger, mention.start):
            break
        if mention.type not in (LOCATION, ORGANIZATION, PLANT):
            continue
        if mention.weak and mention.type == LOCATION and mention.key and mention.role is None:
            continue  # an adjective ("Uzbek") is no destination
        if mention.type == LOCATION and _inside_body(r, mention, s):
            continue  # "the Navoi regional hokimiyat" is visited, not Navoi
        if mention.type == ORGANIZATION and mention.entity in site_companies:
            continue
        if mention.subtype == MEDIA or i in operators or r.word_before(i, r.words.from_, 2):
            continue
        if mention.end in s.triggers.get("product", []):
            continue  # "where Chevrolet cars are assembled": a brand
        if mention.type == LOCATION and r.destination(s, i):
            continue  # "a factory that makes yarn for the CIS market": not visited
        if mention.type == ORGANIZATION and r.introduced_by(i, r.words.with_):
            continue  # "в ходе визита провел переговоры с представителями компании X"
        if mention.entity in seats or r.reporter(mention):
            continue
        out.append(mention.entity)
    return out


def _inside_body(r: Reading, place: Mention, s: Sentence) -> bool:
    return any(
        r.mentions[i].type == ORGANIZATION
        and r.mentions[i].start <= place.start
        and place.end <= r.mentions[i].end
        for i in s.mentions
    )


@strategy("visited_plant_places")
def visited_plant_places(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "During a visit to Khiva, ... toured the carpet factory": the factory is in Khiva."""
    if not actors(r, s):
        return
    targets = visited(r, s)
    plants = [t for t in targets if r.entities[t].type == PLANT]
    towns = [
        t
        for t in targets
        if r.entities[t].type == LOCATION and r.entities[t].subtype in (CITY, DISTRICT, OTHER)
    ]
    if len(towns) == 1:
        for plant in plants:
            yield propose(RelationType.LOCATED_IN, plant, towns[0], SENTENCE)


def _partners(r: Reading, s: Sentence, trigger: int, seats: set[int]) -> list[int]:
    out = []
    object_taken = False
    for i in s.mentions:
        mention = r.mentions[i]
        if mention.type not in (PERSON, ORGANIZATION) or mention.subtype == MEDIA:
            continue
        if mention.start < trigger or mention.entity in seats or mention.weak:
            continue
        start = r.argument_start(i)
        before = r.words_before(start, 6)
        direct = mention.type == PERSON and (
            0 < start - trigger <= 2 or (not object_taken and _object_of(r, trigger, start))
        )
        object_taken = object_taken or mention.type == PERSON
        if any(w in r.words.with_ or w in r.words.and_ for w in before) or direct:
            out.append(mention.entity)
    if not out:  # verb-final: "... mit Bundeskanzler Olaf Scholz besprochen"
        out = [
            r.ent(i)
            for i in r.typed(s, PERSON)
            if r.mentions[i].start < trigger
            and r.after_with(i)
            and not r.word_before(i, r.words.together, 3)
        ]
    if not out and trigger not in s.triggers.get("discuss", []):
        # "обсудил организацию производства", "besprach den Bau": a subject discussed,
        # with no one named, is no meeting with the company of the sentence
        companies = {
            r.ent(i)
            for i in r.typed(s, ORGANIZATION)
            if r.mentions[i].subtype == COMPANY and r.ent(i) not in seats
        }
        if len(companies) == 1:
            out = list(companies)
    return out


def _object_of(r: Reading, trigger: int, start: int) -> bool:
    """The first person after a meeting verb is whom it meets if only a few words without a
    comma stand between ("traf am Freitag den Konzernchef Y"). A capitalised trigger is a
    German noun ("Das Gespräch führte Y"), which takes no object."""
    between = r.doc[trigger + 1 : start]
    return (
        not r.doc[trigger].is_title
        and 2 < start - trigger <= 5
        and not any(t.is_punct for t in between)
    )


@review("leaders_for_delegations")
def leaders_for_delegations(r: Reading) -> Iterator[tuple[RelationType, int, int]]:
    """A meeting with a company's delegation is a meeting with its leader (the dev
    conventions): drop "A met X" where A met a person who holds an office at X."""
    holds = {(k[1], k[2]) for k in r.found if k[0] == RelationType.HOLDS_POSITION}
    met = {
        (k[1], k[2]): rel.sentence for k, rel in r.found.items() if k[0] == RelationType.MET_WITH
    }
    met |= {(b, a): n for (a, b), n in met.items()}
    for key in [k for k in r.found if k[0] == RelationType.MET_WITH]:
        _, a, b = key
        sentence = r.found[key].sentence
        for actor, body in ((a, b), (b, a)):
            if r.entities[body].type != ORGANIZATION:
                continue
            same = any(
                (actor, p) in met
                and (p, body) in holds
                and (met[(actor, p)] == sentence or _delegation_sentence(r, sentence))
                for p, _ in holds
            )
            if same:
                yield key
                break


def _delegation_sentence(r: Reading, index: int) -> bool:
    """A sentence about a delegation: whom it meets is its leader, named elsewhere."""
    _, spans = sentences(r.doc)
    return any(r.words.delegation.matches(t.lower_) for t in spans[index])
