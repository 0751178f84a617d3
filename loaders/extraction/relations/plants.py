"""Relations of plants: who plans or runs them (PLANS, OPERATES: their company, "operated by",
joint ventures, builders, signatories) and where they are (LOCATED_IN)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph_schema.vocabulary import RelationType
from loaders.extraction.kinds import (
    COMPANY,
    COUNTRY,
    EXECUTIVE,
    LOCATION,
    ORGANIZATION,
    PERSON,
    PLANT,
)
from loaders.extraction.lexicon import word_classes
from loaders.extraction.linking import chain, fronted_agent_participle, locative_before
from loaders.extraction.model import Mention, PlantNoun
from loaders.extraction.packs import Feature
from loaders.extraction.relations.reading import (
    DISCOURSE,
    SENTENCE,
    STRUCTURAL,
    Proposal,
    Reading,
    Sentence,
    propose,
)
from loaders.extraction.relations.registry import strategy

# plant nouns that name a site themselves (not a role reference, not an activity)
NAMING_NOUNS = (PlantNoun.STRONG, PlantNoun.WEAK, PlantNoun.PART)


@strategy("signatories")
def signatories(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "The agreement on the project was signed by the khokim, the president of Hyundai
    Motor and the vice-president of Posco Daewoo": the companies whose officers sign an
    agreement on a plant plan it."""
    plants = r.typed(s, PLANT)
    if not plants:
        return
    for i in r.typed(s, PERSON):
        for seat in r.mentions[i].seats:
            company = r.mentions[seat]
            if company.type == ORGANIZATION and company.subtype == COMPANY:
                for plant in plants[:1]:
                    yield propose(RelationType.PLANS, r.ent(seat), r.ent(plant), SENTENCE)
    for org in _signing_companies(r, s, plants[0]):
        yield propose(RelationType.PLANS, org, r.ent(plants[0]), SENTENCE)
    if s.triggers.get("sides") and s.discourse.encounter is not None:
        # "стороны подписали соглашение о строительстве фабрики": the company met
        for side in s.discourse.encounter:
            entity = r.entities[side]
            if entity.type == ORGANIZATION and entity.subtype == COMPANY:
                yield propose(RelationType.PLANS, side, r.ent(plants[0]), DISCOURSE)


def _signing_companies(r: Reading, s: Sentence, plant: int) -> list[int]:
    """ "Allur и китайская JAC подписали соглашение о строительстве автозавода", "X signed
    an agreement with Y to build a plant": the companies that sign, named before the
    signing word, plan the plant the agreement is about."""
    sign = min(s.triggers.get("sign", []))
    status = r.entities[r.ent(plant)].properties.get("status")
    noun = r.mentions[plant].features.plant_noun in NAMING_NOUNS
    if r.mentions[plant].start < sign or status == "operating" or not noun:
        return []  # "signed an agreement enabling the assembly": an activity, no plant
    seats = r.seats_of(s)
    return [
        r.ent(i)
        for i in r.typed(s, ORGANIZATION)
        if r.mentions[i].subtype == COMPANY
        and not r.mentions[i].weak
        and r.ent(i) not in seats
        and r.mentions[i].end <= sign
        and not _brand(r, i)
    ]


@strategy("plant_runners")
def plant_runners(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """Who plans or runs each plant of the sentence: the company of its noun phrase ("the
    Allur plant"), its agent ("operated by X"), or the company of the sentence that builds,
    plans or runs it; the plant's status says which (FORMAT.md)."""
    for i in r.typed(s, PLANT):
        plant = r.mentions[i]
        if s.triggers.get("open"):
            s.discourse.opened = (plant.entity, s.index)
        s.discourse.last_plant = (plant.entity, s.index)
        entity = r.entities[plant.entity]
        status = entity.properties.get("status") or plant.properties.get("status")
        if status is None:
            planning = s.triggers.get("plan") or s.triggers.get("future")
            status = "planned" if planning else "operating"
        standing = status == "operating" or plant.features.company_site  # visited, opened
        rtype = RelationType.OPERATES if standing else RelationType.PLANS
        by_noun = plant.features.plant_noun in NAMING_NOUNS and not plant.weak
        agent = _agent(r, s, plant) if by_noun else None
        if agent is not None:  # "the Saryarka AvtoProm plant, operated by the Allur group"
            yield propose(rtype, agent, plant.entity, STRUCTURAL)
            if plant.org is not None and _names_plant(r, plant.org):
                _name_after(r, plant)  # "Saryarka AvtoProm" is the plant's own name
        if plant.org is not None and (agent is None or not _names_plant(r, plant.org)):
            yield propose(rtype, r.ent(plant.org), plant.entity, STRUCTURAL)
            if plant.features.joint:  # "X's plans to build it together with Y"
                for org in _sentence_operators(r, s, plant):
                    if _subject_before(r, s, org, plant):
                        yield propose(rtype, org, plant.entity, SENTENCE)
        elif plant.org is None and agent is None and (by_noun or _told_of(r, s, plant)):
            # "das Werk wurde von X errichtet": who builds a plant plans it (FORMAT.md)
            building = s.triggers.get("construct") or s.triggers.get("built")
            built = bool(building) and _builder_named(r, s)
            for org in _sentence_operators(r, s, plant):
                if not built and _told_as_others(r, plant, org, s):
                    continue
                kind = _builder_relation(r, plant.entity, org, status) if built else rtype
                yield propose(kind, org, plant.entity, SENTENCE)


@strategy("plant_places")
def plant_places(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """Where each plant of the sentence is: the places of its noun phrase ("the Bukhara
    refinery"), else the places the sentence introduces with in/im/в."""
    for i in r.typed(s, PLANT):
        plant = r.mentions[i]
        by_noun = plant.features.plant_noun in NAMING_NOUNS and not plant.weak
        # "the largest plant in Central Asia" compares: the sentence may still say where it is
        own = [r.ent(p) for p in plant.places if not r.is_scope(r.ent(p))]
        for place in own:
            yield propose(RelationType.LOCATED_IN, plant.entity, place, STRUCTURAL)
        where = [] if own else _where_places(r, s, plant)
        for place in where:
            yield propose(RelationType.LOCATED_IN, plant.entity, place, SENTENCE)
        if where:
            continue
        # "В Караколе открыли крупнейший в Кыргызстане мясокомбинат": a country in the
        # plant's phrase leaves the town the sentence names to be its place as well
        if by_noun and all(r.entities[p].subtype == COUNTRY for p in own):
            places = _locatives(r, s)
            if own or any(r.entities[p].subtype != COUNTRY for p in places):
                places = [p for p in places if r.entities[p].subtype != COUNTRY]
            for place in places:
                yield propose(RelationType.LOCATED_IN, plant.entity, place, SENTENCE)


def _told_as_others(r: Reading, plant: Mention, company: int, s: Sentence) -> bool:
    """ "The SamAuto plant in Samarkand ... Isuzu plans to increase the plant's capacity":
    the plant told of before as another company's is still that company's; a company of a
    later sentence expands it, makes goods in it or invests in it, and runs it only if the
    text says so ("operated by", its noun phrase, a joint venture). A partner "together
    with" the company stays one."""
    if any(r.ent(i) == company and r.partner(i) for i in s.mentions):
        return False
    return any(
        key[2] == plant.entity
        and key[1] != company
        and key[0] in (RelationType.PLANS, RelationType.OPERATES)
        and relation.sentence < s.index
        for key, relation in r.found.items()
    )


def _builder_relation(r: Reading, plant: int, builder: int, status: str) -> RelationType:
    """Who builds a plant plans it while it is being built; once it stands, the builder
    runs it, unless another company is said to (then the builder was its contractor)."""
    if status != "operating" or _run_by_other(r, plant, builder):
        return RelationType.PLANS
    return RelationType.OPERATES


def _run_by_other(r: Reading, plant: int, company: int) -> bool:
    """The plant was told of as another company's (its noun phrase, or a relation)."""
    owner = r.entities[plant].features.org  # an entity index
    if owner is not None and owner != company:
        return True
    return any(
        key[2] == plant
        and key[1] != company
        and key[0] in (RelationType.PLANS, RelationType.OPERATES)
        for key in r.found
    )


def _brand(r: Reading, mention_index: int) -> bool:
    """ "под брендом Chevrolet", "der Marke Exeed": a brand, which makes no plant run."""
    noun = r.mentions[mention_index].features.noun or ""
    start = r.mentions[mention_index].start
    before = " ".join(t.lower_ for t in r.doc[max(0, start - 2) : start])
    return r.words.brand.matches(noun) or r.words.brand.inside(before)


def _builder_named(r: Reading, s: Sentence) -> bool:
    """A company introduced as the agent of building: "built by X", "von X errichtet"."""
    return any(
        r.mentions[i].subtype == COMPANY and r.introduced_by(i, r.words.by)
        for i in r.typed(s, ORGANIZATION)
    )


def _subject_before(r: Reading, s: Sentence, entity: int, plant: Mention) -> bool:
    """The company named before the plant, not as anyone's partner ("BASF's plans")."""
    return any(
        r.mentions[i].entity == entity
        and r.mentions[i].end <= plant.start
        and not r.word_before(i, r.words.together | r.words.with_, 3)
        and not r.partner(i)
        for i in s.mentions
    )


def _told_of(r: Reading, s: Sentence, plant: Mention) -> bool:
    """ "the project ... is being implemented by X": a plant referred back to, in a
    sentence about planning or building it."""
    return plant.weak and bool(s.triggers.get("plan") or s.triggers.get("construct"))


def _name_after(r: Reading, plant: Mention) -> None:
    org = r.mentions[plant.org] if plant.org is not None else None
    entity = r.entities[plant.entity]
    if org is not None and not entity.features.named:
        entity.name = r.doc[org.start : plant.end].text
        entity.features.named = True


def _names_plant(r: Reading, org: int) -> bool:
    """ "the Saryarka AvtoProm plant": a name read off the plant's own name."""
    return r.mentions[org].features.name_before_noun


def _sentence_operators(r: Reading, s: Sentence, plant: Mention) -> list[int]:
    """The company of the sentence that plans, builds or runs the plant: the only one, or
    several working on it together ("X совместно с Y", "X together with Y")."""
    if not any(s.triggers.get(k) for k in ("plan", "construct", "operate", "open")):
        return []
    seats = r.seats_of(s)
    # "visited the plant of X in Busan and discussed production in Fergana": X runs the
    # plant named with it, which says nothing of who plans another of the sentence
    status = r.entities[plant.entity].properties.get("status")
    others = {
        r.mentions[i].org
        for i in r.typed(s, PLANT)
        if r.mentions[i].entity != plant.entity
        and r.mentions[i].org is not None
        and r.entities[r.mentions[i].entity].properties.get("status") == "operating"
        and status != "operating"
    }
    mentioned = [
        i
        for i in r.typed(s, ORGANIZATION)
        if r.mentions[i].subtype == COMPANY
        and i not in others
        and r.ent(i) not in seats
        and not _brand(r, i)
        and not r.mentions[i].features.goods
        and r.mentions[i].end not in s.triggers.get("product", [])
        and not r.news_source(r.mentions[i])
    ]
    companies = list(dict.fromkeys(r.ent(i) for i in mentioned))
    if not companies:
        return _spokesman_company(r, s)
    named = r.named_venture(s)
    if named is not None and named[0] in companies:
        return [named[0]]  # "X, a joint venture of A and B, will build": X, not A or B
    if len(companies) == 1:
        return companies
    partners = list(dict.fromkeys(r.ent(i) for i in mentioned if r.partner(i)))
    if partners and len(companies) - len(partners) in (0, 1):
        # every company but one is a partner "together with" it; or all are, of a
        # subject that is none ("projects ... together with A, ... together with B")
        return companies
    if _jointly(r, s, mentioned) or (_venture_plant(r, plant) and _joined_by_and(r, mentioned)):
        return companies  # "Hyundai and Uzavtosanoat will jointly build"
    if _coordinated_subject(r, s, mentioned, plant):
        return companies  # "Uzkimyosanoat и Samsung планируют построить завод"
    return []


# how far the verb of planning may stand after the last company of its subject ("A and B
# plan", "A und B planen", "A и B планируют построить")
SUBJECT_REACH = 3


def _coordinated_subject(r: Reading, s: Sentence, mentioned: list[int], plant: Mention) -> bool:
    """ "A and B plan to build a plant", "A и B планируют построить завод": every company of
    the sentence stands in one list joined by "and" right before the verb of planning or
    building, which comes before the plant: the list is the verb's subject, and each plans
    it (ANNOTATION.md: partners building jointly)."""
    if not _joined_by_and(r, mentioned):
        return False
    last = max(r.mentions[i].end for i in mentioned)
    verbs = s.triggers.get("plan", []) + s.triggers.get("construct", [])
    verb = min((t for t in verbs if t >= last), default=None)
    return verb is not None and verb - last <= SUBJECT_REACH and verb < plant.start


def _spokesman_company(r: Reading, s: Sentence) -> list[int]:
    """ "Ciech vice president X presented plans for a plant": an executive who opens the
    sentence speaks for his company (not one met "with", nor one a plan is told to)."""
    plans = s.triggers.get("plan", []) + s.triggers.get("construct", [])
    first = min(plans, default=s.span.end)
    for i in r.typed(s, PERSON):
        person = r.mentions[i]
        if person.start >= first or person.subtype != EXECUTIVE or r.after_with(i):
            continue
        seats = [r.ent(j) for j in person.seats if r.mentions[j].subtype == COMPANY]
        others = [j for j in r.typed(s, PERSON) if j != i and r.mentions[j].start < first]
        if len(seats) == 1 and not others:
            return seats
    return []


def _venture_plant(r: Reading, plant: Mention) -> bool:
    """ "A и B объявили о создании совместного предприятия по выпуску X": the plant is
    called a joint venture, so the companies joined by "and" set it up together."""
    words = r.doc[max(0, plant.start - 1) : plant.end]
    return any(r.words.joint.matches(t.lower_) for t in words)


def _jointly(r: Reading, s: Sentence, mentioned: list[int]) -> bool:
    """ "A and B will jointly build", "A und B wollen gemeinsam ... errichten", "A и B
    совместно построят": companies joined by "and", then a word that says they act
    together (not "together with", which names a partner)."""
    if not _joined_by_and(r, mentioned):
        return False
    ordered = sorted(mentioned, key=lambda i: r.mentions[i].start)
    last = r.mentions[ordered[-1]].end
    for token in r.doc[last : min(s.span.end, last + 4)]:
        if token.lower_ in r.words.together:
            following = r.doc[token.i + 1] if token.i + 1 < s.span.end else None
            return following is None or following.lower_ not in r.words.with_
    return False


def _joined_by_and(r: Reading, mentioned: list[int]) -> bool:
    """ "A and B", "A and the Uzbek company B", "A и местная компания «B»"."""
    if len(mentioned) < 2:
        return False
    ordered = sorted(mentioned, key=lambda i: r.mentions[i].start)
    nouns = word_classes(r.lang).org_nouns
    for a, b in itertools.pairwise(ordered):
        # "A and B", "A and the Uzbek company B", "A и местная компания «B»", "A (its name in
        # words) of Uzbekistan and B"
        between = _outside_brackets(r.doc[r.mentions[a].end : r.mentions[b].start])
        if not any((t.lower_ in r.words.and_ or t.text == ",") for t in between):
            return False
        if not all(
            (t.lower_ in r.words.and_ or t.text == ",")
            or t.lower_ in r.words.articles
            or t.lower_ in nouns
            or t.is_quote  # "«Узкимёсаноат» и турецкая Ak Kimya"
            or t.is_lower
            or r.adjective_place(t.i)
            or r.place_at(t.i)
            for t in between
        ):
            return False
    return True


def _outside_brackets(span: Span) -> list[Token]:
    """The tokens of a span outside round brackets ("(Узбекская химическая промышленность)")."""
    out, depth = [], 0
    for token in span:
        depth += token.text == "("
        if depth == 0:
            out.append(token)
        depth -= token.text == ")" and depth > 0
    return out


def _agent(r: Reading, s: Sentence, plant: Mention) -> int | None:
    """The company after "operated by", "owned by", "betrieben von", "принадлежащий" that
    follows the plant in its sentence."""
    for i in r.typed(s, ORGANIZATION):
        mention = r.mentions[i]
        if mention.start <= plant.end or mention.subtype != COMPANY:
            continue
        before = " ".join(r.words_before(mention.start, 6))
        if r.words.agent_phrases.inside(before):
            return mention.entity
        by = r.doc[mention.start - 1].lower_ in r.words.by
        if by and fronted_agent_participle(r.doc, plant.start):
            return mention.entity  # "Betrieben wird das Werk von X"
    return None


def _where_places(r: Reading, s: Sentence, plant: Mention) -> list[int]:
    """ "отправился в Бободжонгафуровский район, где принял участие в открытии предприятия",
    "made a trip to the Almaty region, where he inspected a new plant": a plant told in a
    clause of "where" lies at the place the clause hangs on (and in the places apposed to it)."""
    opens = [
        t.i
        for t in r.doc[s.span.start + 2 : plant.start]
        if t.lower_ in r.words.place_relatives and r.doc[t.i - 1].text == ","
    ]
    if not opens:
        return []
    by_end = {r.mentions[i].end: i for i in r.typed(s, LOCATION)}
    place = by_end.get(opens[-1] - 1)
    if place is None or (r.mentions[place].weak and r.mentions[place].role is None):
        return []
    by_start = _longest_by_start(r, s)
    return list(dict.fromkeys(r.ent(j) for j in chain(r.doc, r.mentions, place, by_start)))


def _longest_by_start(r: Reading, s: Sentence) -> dict[int, int]:
    """Token -> the sentence's mention that starts there (the longer of two that start
    together), for `chain` to walk the places apposed to a place."""
    by_start: dict[int, int] = {}
    for i in s.mentions:
        current = by_start.get(r.mentions[i].start)
        if current is None or r.mentions[i].end > r.mentions[current].end:
            by_start[r.mentions[i].start] = i
    return by_start


def _locatives(r: Reading, s: Sentence) -> list[int]:
    """Places introduced by in/im/в in the sentence, with the places apposed to them."""
    by_start = _longest_by_start(r, s)
    out = []
    for i in _locative_mentions(r, s):
        for j in chain(r.doc, r.mentions, i, by_start):
            if r.mentions[j].entity not in out:
                out.append(r.mentions[j].entity)
    return out


def _locative_mentions(r: Reading, s: Sentence) -> list[int]:
    seats = r.seats_of(s)
    out = []
    for i in r.typed(s, LOCATION):
        mention = r.mentions[i]
        if mention.weak and mention.role is None:
            continue
        visit_place = any(0 < mention.start - t <= 3 for t in s.triggers.get("visit", []))
        # "обсудил в Намангане строительство завода": where the talks were held
        talk_place = any(
            0 < mention.start - t <= 2
            for kind in ("meet", "discuss")
            for t in s.triggers.get(kind, [])
        )
        if (
            locative_before(r.doc, mention.start)
            and mention.entity not in seats
            and not visit_place
            and not talk_place
            and not r.destination(s, i)
        ):
            out.append(i)
    return out


def _venture_sides(r: Reading, s: Sentence) -> tuple[int | None, list[int], int] | None:
    """The sentence says its subject is a joint venture ("The factory is a joint venture of
    TALCO and TBEA", "Das Werk ist ein Gemeinschaftsunternehmen des Konzerns X und der
    Holding Y", "ООО «X», которое является совместным предприятием компании A и компании
    B"): the venture named before the phrase (if one is), its owners, where the phrase
    starts."""
    phrase = _venture_phrase(r, s)
    if phrase is None:
        return None
    start, end = phrase
    seats = r.seats_of(s)
    companies = [
        i
        for i in r.typed(s, ORGANIZATION)
        if r.mentions[i].subtype == COMPANY and not r.mentions[i].weak and r.ent(i) not in seats
    ]
    owners = list(dict.fromkeys(r.ent(i) for i in companies if r.mentions[i].start >= end))
    if not owners:
        return None
    named = [r.ent(i) for i in companies if r.mentions[i].end <= start]
    venture = named[-1] if named and named[-1] not in owners else None
    return venture, owners, start


@strategy("venture_phrase_owners")
def venture_phrase_owners(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "ООО «X», которое является совместным предприятием компании A и компании B": the
    named venture is part of each owner."""
    sides = _venture_sides(r, s)
    if sides is None:
        return
    venture, owners, _ = sides
    if venture is None:
        return
    for owner in owners:
        yield propose(RelationType.PART_OF, venture, owner, SENTENCE)


@strategy("venture_runners")
def venture_runners(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "The factory is a joint venture of TALCO and TBEA": the plant is run (or planned) by
    the joint venture when it is named, else by each owner."""
    sides = _venture_sides(r, s)
    if sides is None:
        return
    venture, owners, start = sides
    plants = [r.ent(i) for i in r.typed(s, PLANT) if r.mentions[i].start < start]
    if not plants and venture is None and _subject_refers_back(r, s, start):
        recent = s.discourse.last_plant  # "Предприятие является совместным предприятием A и B"
        plants = [recent[0]] if recent and s.index - recent[1] <= 2 else []
    for plant_entity in plants[-1:]:
        status = r.entities[plant_entity].properties.get("status")
        rtype = RelationType.PLANS if status in ("planned", "under_construction") else None
        rtype = rtype or RelationType.OPERATES
        for runner in [venture] if venture is not None else owners:
            yield propose(rtype, runner, plant_entity, SENTENCE)


def _subject_refers_back(r: Reading, s: Sentence, before: int) -> bool:
    """The sentence opens with a company or plant noun that names nothing itself ("The
    enterprise is a joint venture of ...")."""
    return any(
        r.mentions[i].weak and r.mentions[i].type in (ORGANIZATION, PLANT)
        for i in s.mentions
        if r.mentions[i].start < before
    )


def _venture_phrase(r: Reading, s: Sentence) -> tuple[int, int] | None:
    """Where the sentence says its subject *is* a joint venture of owners named next."""
    words = s.lower_words()
    for k, word in enumerate(words):
        two = f"{word} {words[k + 1]}" if k + 1 < len(words) else word
        pattern = r.pack.patterns.venture
        size = 2 if pattern.fullmatch(two) else 1 if pattern.fullmatch(word) else 0
        if not size:
            continue
        copula = any(w in r.words.copulas for w in words[max(0, k - 3) : k])
        following = words[k + size] if k + size < len(words) else ""
        owners = r.words.genitive_link | r.words.of_preposition | r.words.between
        owners_next = following in owners or (
            r.has(Feature.CASE_MORPHOLOGY) and following != "" and following.isalnum()
        )  # "совместным предприятием компании A": owners in the genitive, no preposition
        if copula and owners_next:
            return s.span.start + k, s.span.start + k + size
    return None
