"""Resolution inside one document: mentions of the same thing become one entity.

Named mentions group by a key (gazetteer id, surname, normalised name); surname-only mentions
and spelling variants join the person they name; role references ("das Staatsoberhaupt",
"the company", "der Region", "глава кабмина") join the nearest entity that fits; plants join
by their organization, place or name, and a bare "the plant" joins the last plant.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from loaders.extraction.gazetteer import CENTRAL_ASIA, Entry, gazetteer
from loaders.extraction.government import body_name
from loaders.extraction.kinds import (
    CITY,
    COMPANY,
    COUNTRY,
    DISTRICT,
    GOVERNMENT,
    LOCATION,
    MEDIA,
    ORGANIZATION,
    OTHER,
    PERSON,
    PLANT,
    REGION,
)
from loaders.extraction.model import Entity, Mention, Source
from loaders.extraction.packs import Feature, FunctionWords, pack
from loaders.extraction.person_names import (
    fuzzy,
    normalise,
    person_name,
    same_first,
    surname_stem,
    title_case,
)
from loaders.extraction.tokens import (
    is_cyrillic,
    is_initial,
    is_trigger_of,
    lowers,
    sentence_of,
    sentences,
)
from loaders.extraction.tokens import texts as token_texts
from loaders.extraction.translit import to_latin

# places of one level: two of them are two different places for a plant
PLACE_LEVEL: dict[str | None, int] = {
    CITY: 1,
    DISTRICT: 1,
    OTHER: 0,
    REGION: 2,
    COUNTRY: 3,
}


def resolve(doc: Doc, mentions: list[Mention], lang: str) -> list[Entity]:
    state = _State(doc, mentions, lang)
    for index, mention in enumerate(mentions):
        if not mention.weak and mention.type != PLANT:
            state.add_named(index)
    # a company named again without its cue counts before plants pick their companies
    state.add_name_repeats()
    for index, mention in enumerate(list(mentions)):
        if mention.weak and mention.type != PLANT and mention.entity < 0:
            state.add_weak(index)
    for index, mention in enumerate(list(mentions)):
        if mention.type == PLANT:
            state.add_plant(index)
    state.add_surname_mentions()
    for entity in state.entities:
        _finish(entity, mentions, doc)
    return state.entities


class _State:
    def __init__(self, doc: Doc, mentions: list[Mention], lang: str) -> None:
        self.doc, self.mentions, self.lang = doc, mentions, lang
        self.pack = pack(lang)
        self.words = self.pack.words
        self.entities: list[Entity] = []
        self.by_key: dict[str, int] = {}
        self.by_surname: dict[str, list[int]] = {}
        self.known_persons = gazetteer(lang).persons
        self._companies_by_sentence: dict[int, set[int]] | None = None
        self._country_of: dict[int, str | None] = {}  # id(place entity) -> its country
        self._headline: int | None = None  # where the headline ends (0: none), on first use
        self.known_orgs = gazetteer(lang).organizations

    def attach(self, index: int, entity: int) -> None:
        self.mentions[index].entity = entity
        self.entities[entity].mentions.append(index)

    def new(self, index: int, key: str | None) -> int:
        mention = self.mentions[index]
        self.entities.append(Entity(mention.type, mention.subtype, mention.name or "", key))
        entity = len(self.entities) - 1
        if key:
            self.by_key[key] = entity
        self.attach(index, entity)
        return entity

    def add_named(self, index: int) -> None:
        mention = self.mentions[index]
        full = self._abbreviated(mention)
        if full is not None:  # "(TALCO)" after "Tajik Aluminium Company"
            self.attach(index, full)
            earlier = self.by_key.get(self._key(mention))
            if earlier is not None and earlier != full:  # "CATL" in the headline, before
                self._merge_into(full, earlier)
            self.by_key[self._key(mention)] = full
            return
        key = mention.key or self._key(mention)
        if mention.type == PERSON:
            existing = self._person_match(mention)
            if existing is not None:
                self.attach(index, existing)
                return
        if key in self.by_key:
            self.attach(index, self.by_key[key])
        else:
            self.new(index, key)
        if mention.type == PERSON:
            surname = fuzzy(surname_stem(self.doc[mention.end - 1].text))
            owners = self.by_surname.setdefault(surname, [])
            if mention.entity not in owners:
                owners.append(mention.entity)

    def _abbreviated(self, mention: Mention) -> int | None:
        span = mention.features.alias_of
        if span is None:
            return None
        for other in self.mentions:
            if other.span == tuple(span) and other.entity >= 0:
                return other.entity
        return None

    def _key(self, mention: Mention) -> str:
        text = self.doc[mention.start : mention.end].text
        if mention.type == PERSON:
            return "person:" + fuzzy(surname_stem(text.split()[-1]))
        if mention.type == ORGANIZATION and mention.subtype == GOVERNMENT:
            return f"gov:{mention.role}:{mention.features.body_place}"
        if mention.type == LOCATION and mention.name:
            # "в Папском районе", "хокимияту Папского района": one place in two cases
            return f"Location:{mention.subtype}:{normalise(mention.name)}"
        plain = _legal_words(self.lang).sub("", normalise(text)).strip() or normalise(text)
        known = self.known_orgs.get(plain)
        if mention.type == ORGANIZATION and known is not None:
            mention.name = known.name
            return known.key
        return f"{mention.type}:{fuzzy(plain)}"

    def _person_match(self, mention: Mention) -> int | None:
        """A person already seen with the same surname and a compatible first name or initial."""
        tokens = self.doc[mention.start : mention.end]
        surname = fuzzy(surname_stem(tokens[-1].text))
        first = tokens[0]
        for entity_index in self.by_surname.get(surname, []):
            entity = self.entities[entity_index]
            for other_index in entity.mentions:
                other = self.doc[self.mentions[other_index].start : self.mentions[other_index].end]
                if fuzzy(surname_stem(other[-1].text)) != surname:
                    continue
                if len(tokens) == 1 or len(other) == 1 or same_first(first.text, other[0].text):
                    return entity_index
        return None

    def add_weak(self, index: int) -> None:
        mention = self.mentions[index]
        if mention.key:  # a country adjective
            if mention.key in self.by_key:
                self.attach(index, self.by_key[mention.key])
            else:
                entity = self.new(index, mention.key)
                self.entities[entity].features.weak = True
            return
        target = self._referent(index)
        if target is not None:
            self.attach(index, target)
        elif mention.type == ORGANIZATION and mention.role == "administration":
            self._new_body(index)
        elif mention.type == ORGANIZATION and mention.role in ("government", "cabinet"):
            self._national_body(index)
        elif mention.features.described or self._official_of_place(mention):
            # "Хоким Навоийской области провел переговоры": the officer of a place, unnamed
            if not mention.features.described and mention.title is not None:
                seat = self.mentions[mention.seats[0]]
                title = to_latin(mention.title.title)  # "Хоким" -> "Khokim"
                mention.name = f"{title} of {seat.name or to_latin(self._text(seat))}"
            self.new(index, f"described:{index}")

    def _official_of_place(self, mention: Mention) -> bool:
        """An unnamed official with the place of his office right after the title ("Хоким
        Навоийской области", "the governor of Khorezm region"; not "des Präsidenten in
        Deutschland", where the place is where he went)."""
        if mention.type != PERSON or mention.title is None or not mention.seats:
            return False
        seat = self.mentions[mention.seats[0]]
        if mention.role in (None, "plural", "executive") or seat.type != LOCATION or seat.weak:
            return False
        between = {t.lower_ for t in self.doc[mention.end : seat.start]}
        fw = self.words
        return between <= fw.genitive_link | fw.of_preposition | fw.articles

    def _text(self, mention: Mention) -> str:
        return self.doc[mention.start : mention.end].text

    def _new_body(self, index: int) -> None:
        """ "the regional khokimiyat", "Gebietsverwaltung": the body of the region named
        last before it."""
        mention = self.mentions[index]
        region = self._nearest(index, lambda e: e.type == LOCATION and e.subtype == REGION)
        place = self.entities[region].key if region is not None else None
        key = f"gov:{mention.role}:{place}"
        if key in self.by_key:
            self.attach(index, self.by_key[key])
            return
        noun = self.doc[mention.start : mention.end].text
        if region is not None:
            mention.name = body_name(
                self.words, "administration", noun, self.entities[region].name, "region"
            )
        self.new(index, key)

    def _national_body(self, index: int) -> None:
        """ "the Government", "die Regierung", "кабмин" with no country beside them: the
        country the article is about. Kept only where a relation needs it ("instructed the
        Government to ..."), as a country adjective is."""
        mention = self.mentions[index]
        country = self._home_country()
        key = f"gov:{mention.role}:{country.key if country else None}"
        if key in self.by_key:
            self.attach(index, self.by_key[key])
            return
        noun = self.doc[mention.start : mention.end].text
        if country is not None:
            mention.name = body_name(self.words, mention.role or "", noun, country.name, "country")
        entity = self.new(index, key)
        self.entities[entity].features.weak = True

    def _home_country(self) -> Entry | None:
        """The Central Asian country whose places the article names most."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.type == LOCATION and m.entity >= 0:
                country = m.features.country
                if country in CENTRAL_ASIA:
                    counts[country] = counts.get(country, 0) + 1
        if not counts:
            return None
        return gazetteer(self.lang).countries.get(max(counts, key=lambda c: counts[c]))

    def _referent(self, index: int) -> int | None:
        mention = self.mentions[index]
        if mention.type == PERSON:
            role = mention.role
            return self._nearest(
                index,
                lambda e: e.type == PERSON and role in self._roles(e),
                forward=True,
            )
        if mention.type == ORGANIZATION and mention.subtype == GOVERNMENT:
            role = mention.role
            return self._nearest(
                index,
                lambda e: e.key is not None and e.key.startswith(f"gov:{role}:"),
                forward=False,
            )
        if mention.type == ORGANIZATION:
            part = self._part_named_before(mention)
            financial = _financial_words(self._text(mention), self.words)
            return self._nearest(
                index,
                lambda e: (
                    e.type == ORGANIZATION
                    and e.subtype not in (MEDIA, GOVERNMENT)
                    and e is not part
                    # "the company" is no bank told of before ("financed by the Development
                    # Bank of Kazakhstan ... contracts with the company")
                    and (financial or not self._financial(e))
                ),
            )
        if mention.type == LOCATION:
            subtype = mention.subtype
            return self._nearest(
                index,
                lambda e: e.type == LOCATION and e.subtype == subtype,
                forward=True,
            )
        return None

    def _financial(self, entity: Entity) -> bool:
        """A bank or fund by one of its mentions (asked often: the first word test is cheap)."""
        return any(
            self.words.financial.intersection(t.lower_ for t in self.doc[m.start : m.end])
            for m in (self.mentions[i] for i in entity.mentions)
            if not m.weak
        )

    def _part_named_before(self, mention: Mention) -> Entity | None:
        """ "Mahle Uzbekistan, einer Tochter des Konzerns": the company before "subsidiary of"
        is the part, so "the group" after it is another, the whole."""
        start = mention.start
        owns = [
            t.i
            for t in self.doc[max(0, start - 3) : start]
            if is_trigger_of(self.lang, "own", t.lower_)
        ]
        if not owns:
            return None
        parts = [
            m
            for m in self.mentions
            if m.type == ORGANIZATION and m.entity >= 0 and 0 <= owns[0] - m.end <= 3
        ]
        return self.entities[parts[-1].entity] if parts else None

    def _roles(self, entity: Entity) -> set[str]:
        roles = set()
        for i in entity.mentions:
            mention = self.mentions[i]
            if mention.title is not None:
                roles.add(mention.title.role)
            if mention.role:
                roles.add(mention.role)
        return roles

    def _nearest(self, index: int, fits, forward: bool = False) -> int | None:
        """The entity that fits, mentioned last before `index` (or first after it)."""
        start = self.mentions[index].start
        best, best_start = None, -1
        after, after_start = None, len(self.doc) + 1
        for entity_index, entity in enumerate(self.entities):
            if not fits(entity) or entity.features.weak:
                continue
            for i in entity.mentions:
                other = self.mentions[i].start
                if best_start < other < start:
                    best, best_start = entity_index, other
                elif start < other < after_start:
                    after, after_start = entity_index, other
        return best if best is not None or not forward else after

    def add_plant(self, index: int) -> None:
        """Join the latest plant whose organization and places do not contradict this one."""
        mention = self.mentions[index]
        org = self.mentions[mention.org].entity if mention.org is not None else None
        places = [self.mentions[p].entity for p in mention.places]
        soft_org = org if org is not None else self._sole_company(mention)
        bare = org is None and not places and mention.name is None and not self._indefinite(mention)
        same = self._same_head(mention) if bare and not mention.weak else None
        if same is not None and not self._compatible(
            mention, self.entities[same], org, self.entities[same].features.org, []
        ):
            same = None
        if mention.features.part and bare:
            # "the complex will include painting workshops": the plant of the same sentence
            same = self._plant_in_sentence(mention) or same
        if same is None and org is None and not self._indefinite(mention):
            same = self._same_descriptors(mention)  # "the engine plant": the one called so
        if same is not None:  # "Das Werk wurde von X errichtet": the plant told of, not X's
            self._merge_plant(index, same, org, places)
            return
        if mention.weak and self._project_word(mention):
            planned = self._latest_planned()  # "the project": the plant still to be built
            if planned is not None:
                self._merge_plant(index, planned, org, places)
                return
        for entity_index in range(len(self.entities) - 1, -1, -1):
            entity = self.entities[entity_index]
            if entity.type != PLANT:
                continue
            their_org = entity.features.org
            if mention.weak or self._compatible(mention, entity, soft_org, their_org, places):
                self._merge_plant(index, entity_index, org, places)
                return
        if mention.weak:
            return
        created = self.new(index, None)
        self._merge_plant(index, created, org, places, attach=False)

    def _project_word(self, mention: Mention) -> bool:
        return self.words.project.matches(self.doc[mention.end - 1].lower_)

    def _latest_planned(self) -> int | None:
        for entity_index in range(len(self.entities) - 1, -1, -1):
            entity = self.entities[entity_index]
            if entity.type == PLANT and entity.properties.get("status") in (
                "planned",
                "under_construction",
            ):
                return entity_index
        return None

    def _sole_company(self, plant: Mention) -> int | None:
        """The one company named in the plant's sentence: "Der Konzern Lemken will in der Region
        ein neues Montagewerk errichten" is Lemken's plant, not the one mentioned before."""
        sentence = sentence_of(self.doc, plant.start)
        if self._companies_by_sentence is None:  # once: plants ask for every sentence
            self._companies_by_sentence = {}
            for m in self.mentions:
                if m.type == ORGANIZATION and m.subtype == COMPANY and m.entity >= 0:
                    if m.weak or m.features.goods:
                        continue  # "assembles Kia cars": a brand, not the plant's company
                    start = sentence_of(self.doc, m.start).start
                    self._companies_by_sentence.setdefault(start, set()).add(m.entity)
        companies = self._companies_by_sentence.get(sentence.start, set())
        return next(iter(companies)) if len(companies) == 1 else None

    def _compatible(
        self,
        mention: Mention,
        entity: Entity,
        org: int | None,
        their_org: int | None,
        places: list[int],
    ) -> bool:
        if mention.name and entity.name and mention.name != entity.name:
            return False
        if mention.features.part and mention.org is None and mention.name is None:
            return self._same_places(entity, places)  # "a weaving workshop" of the factory
        if org is not None and their_org is not None and org != their_org:
            return False
        if mention.features.another:
            return False  # "a second smelter"
        ours_said = mention.features.descriptors
        theirs_said = entity.features.descriptors
        told = self._in_headline(entity)
        # "the plant" that is only said to make buses is the car plant told of, unless it
        # is new or in another state ("a car plant" and "a plant to be built for cables")
        known = (
            mention.features.by_product
            and not self._indefinite(mention)
            and not self._new(mention)
            and not _status_conflict(mention, entity)
        )
        if ours_said and theirs_said and not ours_said & theirs_said and not known:
            return False  # "the engine plant" and "a component plant"
        specific = (mention.org is not None or mention.name is not None) and their_org is None
        # a plant of the headline is told of again in the lead: "new" there is the same news
        indefinite = self._indefinite(mention) and not told
        fresh = indefinite or (self._new(mention) and not told)  # "a plant", "the new plant"
        running = mention.features.running and entity.properties.get("status") == "planned"
        if running or ((specific or fresh) and _status_conflict(mention, entity)):
            return False  # a running plant of a company is not the one being planned
        if indefinite and specific and not ours_said & theirs_said:
            return False  # "eine Fabrik des Unternehmens Elsan": a plant of its own
        return self._same_places(entity, places)

    def _indefinite(self, mention: Mention) -> bool:
        """ "a new plant", "ein neues Walzwerk", "новый завод": introduced as a plant not told
        of before (Russian has no articles: "new" says it)."""
        for lower in lowers(self.doc)[max(0, mention.start - 3) : mention.start + 1]:
            if lower in self.words.indefinite or (
                self.pack.has(Feature.NO_ARTICLES) and lower in self.words.new
            ):
                return True
        return False

    def _same_descriptors(self, mention: Mention) -> int | None:
        said = mention.features.descriptors
        if not said:
            return None
        for entity_index in range(len(self.entities) - 1, -1, -1):
            entity = self.entities[entity_index]
            if entity.type == PLANT and said & entity.features.descriptors:
                return entity_index
        return None

    def _plant_in_sentence(self, mention: Mention) -> int | None:
        sentence = sentence_of(self.doc, mention.start)
        for other in self.mentions:
            if (
                other is not mention
                and other.type == PLANT
                and other.entity >= 0
                and sentence.start <= other.start < sentence.end
            ):
                return other.entity
        return None

    def _in_headline(self, entity: Entity) -> bool:
        """All the entity's mentions are in the headline (a first line without a full stop,
        followed by an empty line)."""
        if self._headline is None:
            _, spans = sentences(self.doc)
            first = spans[0].text if len(spans) > 1 else ""
            body = first.rstrip()
            headline = "\n\n" in first and body and body[-1] not in ".!?:"
            self._headline = spans[0].end if headline else 0
        return bool(entity.mentions) and all(
            self.mentions[i].end <= self._headline for i in entity.mentions
        )

    def _new(self, mention: Mention) -> bool:
        return any(
            self.words.new.matches(lower)
            for lower in lowers(self.doc)[max(0, mention.start - 2) : mention.end]
        )

    def _same_head(self, mention: Mention) -> int | None:
        """ "the complex", "das Werk": the latest plant once called by the same noun."""
        words = lowers(self.doc)
        head = _head(words[mention.end - 1], self.words)
        for entity_index in range(len(self.entities) - 1, -1, -1):
            entity = self.entities[entity_index]
            if entity.type == PLANT and any(
                _head(words[self.mentions[i].end - 1], self.words) == head for i in entity.mentions
            ):
                return entity_index
        return None

    def _same_places(self, entity: Entity, places: list[int]) -> bool:
        theirs = [self.entities[p] for p in entity.features.places]
        ours = [self.entities[p] for p in places]
        # two different towns (or regions) are two plants; a town and its region are not;
        # places in two countries are two plants ("in Busan" and "in Fergana region")
        countries, their_countries = self._countries(ours), self._countries(theirs)
        if countries and their_countries and countries.isdisjoint(their_countries):
            return False
        return not any(
            a is not b and PLACE_LEVEL.get(a.subtype) == PLACE_LEVEL.get(b.subtype)
            for a in ours
            for b in theirs
        )

    def _countries(self, places: list[Entity]) -> set[str]:
        """The countries of places, as the gazetteer knows them (read once per place)."""
        out = set()
        for place in places:
            country = self._country_of.get(id(place), "?")
            if country == "?":
                found = (self.mentions[i].features.country for i in place.mentions)
                country = self._country_of[id(place)] = next((c for c in found if c), None)
            if country:
                out.add(country)
        return out

    def _merge_plant(
        self, index: int, entity_index: int, org: int | None, places: list[int], attach: bool = True
    ) -> None:
        if attach:
            self.attach(index, entity_index)
        entity = self.entities[entity_index]
        features = entity.features
        features.descriptors |= self.mentions[index].features.descriptors
        if org is not None and features.org is None:
            features.org = org
        features.places += [p for p in places if p not in features.places]
        mention = self.mentions[index]
        for key, value in mention.properties.items():
            entity.properties.setdefault(key, value)
        if mention.name:
            entity.name = entity.name or mention.name
            features.named = True  # "Samarkand Automobile Plant": its own name

    def add_name_repeats(self) -> None:
        """ "Konzern Lemken ... von Lemken": a company's name written again without its cue."""
        taken = {i for m in self.mentions for i in range(m.start, m.end)}
        names: dict[str, tuple[int, int]] = {}
        for entity_index, entity in enumerate(self.entities):
            if entity.type != ORGANIZATION or entity.subtype != COMPANY:
                continue
            for i in entity.mentions:
                mention = self.mentions[i]
                if not mention.weak and mention.features.by_cue:
                    words = [t.text for t in self.doc[mention.start : mention.end]]
                    names.setdefault(_repeat_key(words), (entity_index, len(words)))
                    short = _without_legal_form(words, self.lang)
                    if short:  # "Hyosung Corporation ... Hyosung's plans"
                        names.setdefault(_repeat_key(short), (entity_index, len(short)))
        if not names:
            return
        lengths = {n for _, n in names.values()}
        texts = token_texts(self.doc)
        places = {i: m for m in self.mentions if m.type == LOCATION for i in range(m.start, m.end)}
        for start in range(len(texts)):
            for n in lengths:
                hit = names.get(_repeat_key(texts[start : start + n]))
                if not hit or hit[1] != n:
                    continue
                span = range(start, start + n)
                inside = {id(places[i]): places[i] for i in span if i in places}
                if any(i in taken and i not in places for i in span) or any(
                    m.start < start or m.end > start + n or m.end - m.start == n
                    for m in inside.values()
                ):
                    continue
                for place in inside.values():  # "Kastamonu" in "Kastamonu Entegre" is none
                    self._detach(place)
                self.mentions.append(
                    Mention(
                        start,
                        start + n,
                        ORGANIZATION,
                        COMPANY,
                        source=Source.REPEAT,
                    )
                )
                self.attach(len(self.mentions) - 1, hit[0])
                taken.update(span)

    def _merge_into(self, kept: int, gone: int) -> None:
        """All mentions of entity `gone` become mentions of `kept`."""
        for i in self.entities[gone].mentions:
            self.mentions[i].entity = kept
            self.entities[kept].mentions.append(i)
        self.entities[gone].mentions = []
        self.entities[gone].features.weak = True
        for key, entity in list(self.by_key.items()):
            if entity == gone:
                self.by_key[key] = kept

    def _detach(self, mention: Mention) -> None:
        """Take a mention back from its entity; an entity left without mentions is dropped
        unless a relation needs it."""
        if mention.entity < 0:
            return
        entity = self.entities[mention.entity]
        entity.mentions = [i for i in entity.mentions if self.mentions[i] is not mention]
        if not entity.mentions:
            entity.features.weak = True
        mention.entity = -1

    def add_surname_mentions(self) -> None:
        """ "Tokayev", "Жапарова", "Mirziyoyevs": a person's surname alone, in any case form."""
        taken = {i for m in self.mentions for i in range(m.start, m.end)}
        surnames: dict[str, int] = {}
        for entity_index, entity in enumerate(self.entities):
            if entity.type == PERSON:
                for i in entity.mentions:
                    tokens = self.doc[self.mentions[i].start : self.mentions[i].end]
                    if len(tokens) > 1 and not is_initial(tokens[-1]):
                        surnames[fuzzy(surname_stem(tokens[-1].text))] = entity_index
        for token in self.doc:
            if token.i in taken or not token.text[:1].isupper() or len(token.text) < 4:
                continue
            owner = surnames.get(fuzzy(surname_stem(token.text)))
            if owner is not None:
                self.mentions.append(Mention(token.i, token.i + 1, PERSON, source=Source.SURNAME))
                self.attach(len(self.mentions) - 1, owner)


def _financial_words(name: str, words: FunctionWords) -> bool:
    """A bank or fund by its name ("Development Bank of Kazakhstan", "Фонд развития")."""
    return any(w.lower() in words.financial for w in name.split())


def _status_conflict(mention: Mention, entity: Entity) -> bool:
    ours, theirs = mention.properties.get("status"), entity.properties.get("status")
    running = {ours, theirs} & {"operating"}
    return bool(running) and bool({ours, theirs} & {"planned", "under_construction"})


def _head(word: str, words: FunctionWords) -> str:
    """What a plant is called by: a German compound by its plant noun ("Zementwerk" ->
    "werk"), other words by their stem."""
    for suffix in words.plant_heads.forms:
        if suffix in word:
            return suffix
    return word[:5]


@cache
def _legal_words(lang: str) -> re.Pattern[str]:
    """The legal words of the pack as one pattern over a normalised name."""
    words = pack(lang).words.name_legal_words
    alternatives = [re.escape(w) for w in words] + [re.escape(s) + r"\w*" for s in words.stems]
    return re.compile(rf"\b({'|'.join(alternatives)})\b\.?")


def _without_legal_form(words: list[str], lang: str) -> list[str]:
    """ "Hyosung Corporation" -> "Hyosung", "Kipas Holding" -> "Kipas": a name without the
    legal word that ends it, as texts write it again (not "Daewoo Bus": "Bus" is its name)."""
    if len(words) < 2 or not _legal_words(lang).fullmatch(normalise(words[-1])):
        return []
    short = words[:-1]
    return short if short[-1][:1].isupper() and len(" ".join(short)) > 2 else []


def _repeat_key(texts: list[str]) -> str:
    return " ".join(texts)


def _finish(entity: Entity, mentions: list[Mention], doc: Doc) -> None:
    """Aliases from the mentions' surface forms; a Latin-script canonical name."""
    texts = []
    for i in entity.mentions:
        text = doc[mentions[i].start : mentions[i].end].text
        if text not in texts:
            texts.append(text)
    entity.aliases = texts
    if entity.name or not entity.mentions:
        return  # named already, or merged into another entity
    named = [mentions[i] for i in entity.mentions if not mentions[i].weak]
    candidates = [doc[m.start : m.end].text for m in named] or texts
    if entity.type == PERSON:
        candidates = [c for c in candidates if len(c.split()) > 1] or candidates
        best = max(candidates, key=lambda c: (not is_cyrillic(c), len(c.split()), len(c)))
        said = next((m for m in named if doc[m.start : m.end].text == best), None)
        case = title_case(said) if said is not None else None
        entity.name = person_name(best, oblique=case == "oblique", nominative=case == "nominative")
    else:
        best = max(candidates, key=lambda c: (not is_cyrillic(c), len(c)))
        entity.name = to_latin(best) if is_cyrillic(best) else best
