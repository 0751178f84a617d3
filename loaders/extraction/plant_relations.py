"""Relations of plants: who plans or runs them (PLANS, OPERATES: their company, "operated by",
joint ventures, builders, signatories) and where they are (LOCATED_IN)."""

from __future__ import annotations

import itertools

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
from loaders.extraction.relation_base import (
    DISCOURSE,
    SENTENCE,
    STRUCTURAL,
    FinderBase,
    Sentence,
)

# plant nouns that name a site themselves (not a role reference, not an activity)
NAMING_NOUNS = (PlantNoun.STRONG, PlantNoun.WEAK, PlantNoun.PART)


class PlantRules(FinderBase):
    """PLANS, OPERATES and a plant's LOCATED_IN."""

    def _signatories(self, s: Sentence) -> None:
        """ "The agreement on the project was signed by the khokim, the president of Hyundai
        Motor and the vice-president of Posco Daewoo": the companies whose officers sign an
        agreement on a plant plan it."""
        plants = self.typed(s, PLANT)
        if not s.triggers.get("sign") or not plants:
            return
        for i in self.typed(s, PERSON):
            for seat in self.mentions[i].seats:
                company = self.mentions[seat]
                if company.type == ORGANIZATION and company.subtype == COMPANY:
                    for plant in plants[:1]:
                        self.add(RelationType.PLANS, self.ent(seat), self.ent(plant), s, SENTENCE)
        for org in self._signing_companies(s, plants[0]):
            self.add(RelationType.PLANS, org, self.ent(plants[0]), s, SENTENCE)
        if s.triggers.get("sides") and s.discourse.encounter is not None:
            # "стороны подписали соглашение о строительстве фабрики": the company met
            for side in s.discourse.encounter:
                entity = self.entities[side]
                if entity.type == ORGANIZATION and entity.subtype == COMPANY:
                    self.add(RelationType.PLANS, side, self.ent(plants[0]), s, DISCOURSE)

    def _signing_companies(self, s: Sentence, plant: int) -> list[int]:
        """ "Allur и китайская JAC подписали соглашение о строительстве автозавода", "X signed
        an agreement with Y to build a plant": the companies that sign, named before the
        signing word, plan the plant the agreement is about."""
        sign = min(s.triggers.get("sign", []))
        status = self.entities[self.ent(plant)].properties.get("status")
        noun = self.mentions[plant].features.plant_noun in NAMING_NOUNS
        if self.mentions[plant].start < sign or status == "operating" or not noun:
            return []  # "signed an agreement enabling the assembly": an activity, no plant
        seats = self._seats_of(s)
        return [
            self.ent(i)
            for i in self.typed(s, ORGANIZATION)
            if self.mentions[i].subtype == COMPANY
            and not self.mentions[i].weak
            and self.ent(i) not in seats
            and self.mentions[i].end <= sign
            and not self._brand(i)
        ]

    def _plants(self, s: Sentence) -> None:
        self._signatories(s)
        for i in self.typed(s, PLANT):
            plant = self.mentions[i]
            if s.triggers.get("open"):
                s.discourse.opened = (plant.entity, s.index)
            s.discourse.last_plant = (plant.entity, s.index)
            entity = self.entities[plant.entity]
            status = entity.properties.get("status") or plant.properties.get("status")
            if status is None:
                planning = s.triggers.get("plan") or s.triggers.get("future")
                status = "planned" if planning else "operating"
            rtype = RelationType.OPERATES if status == "operating" else RelationType.PLANS
            by_noun = plant.features.plant_noun in NAMING_NOUNS and not plant.weak
            agent = self._agent(s, plant) if by_noun else None
            if agent is not None:  # "the Saryarka AvtoProm plant, operated by the Allur group"
                self.add(rtype, agent, plant.entity, s, STRUCTURAL)
                if plant.org is not None and self._names_plant(plant.org):
                    self._name_after(plant)  # "Saryarka AvtoProm" is the plant's own name
            if plant.org is not None and (agent is None or not self._names_plant(plant.org)):
                self.add(rtype, self.ent(plant.org), plant.entity, s, STRUCTURAL)
                if plant.features.joint:  # "X's plans to build it together with Y"
                    for org in self._sentence_operators(s, plant):
                        if self._subject_before(s, org, plant):
                            self.add(rtype, org, plant.entity, s, SENTENCE)
            elif plant.org is None and agent is None and (by_noun or self._told_of(s, plant)):
                # "das Werk wurde von X errichtet": who builds a plant plans it (FORMAT.md)
                building = s.triggers.get("construct") or s.triggers.get("built")
                built = bool(building) and self._builder_named(s)
                for org in self._sentence_operators(s, plant):
                    if not built and self._told_as_others(plant, org, s):
                        continue
                    kind = self._builder_relation(plant.entity, org, status) if built else rtype
                    self.add(kind, org, plant.entity, s, SENTENCE)
            places = [self.ent(p) for p in plant.places]
            if not places and by_noun:
                places = self._locatives(s)
                if any(self.entities[p].subtype != COUNTRY for p in places):
                    places = [p for p in places if self.entities[p].subtype != COUNTRY]
            for place in places:
                self.add(
                    RelationType.LOCATED_IN,
                    plant.entity,
                    place,
                    s,
                    STRUCTURAL if plant.places else SENTENCE,
                )

    def _told_as_others(self, plant: Mention, company: int, s: Sentence) -> bool:
        """ "The SamAuto plant in Samarkand ... Isuzu plans to increase the plant's capacity":
        the plant told of before as another company's is still that company's; a company of a
        later sentence expands it, makes goods in it or invests in it, and runs it only if the
        text says so ("operated by", its noun phrase, a joint venture). A partner "together
        with" the company stays one."""
        if any(self.ent(i) == company and self.partner(i) for i in s.mentions):
            return False
        return any(
            key[2] == plant.entity
            and key[1] != company
            and key[0] in (RelationType.PLANS, RelationType.OPERATES)
            and relation.sentence < s.index
            for key, relation in self.found.items()
        )

    def _builder_relation(self, plant: int, builder: int, status: str) -> RelationType:
        """Who builds a plant plans it while it is being built; once it stands, the builder
        runs it, unless another company is said to (then the builder was its contractor)."""
        if status != "operating" or self._run_by_other(plant, builder):
            return RelationType.PLANS
        return RelationType.OPERATES

    def _run_by_other(self, plant: int, company: int) -> bool:
        """The plant was told of as another company's (its noun phrase, or a relation)."""
        owner = self.entities[plant].features.org  # an entity index
        if owner is not None and owner != company:
            return True
        return any(
            key[2] == plant
            and key[1] != company
            and key[0] in (RelationType.PLANS, RelationType.OPERATES)
            for key in self.found
        )

    def _brand(self, mention_index: int) -> bool:
        """ "под брендом Chevrolet", "der Marke Exeed": a brand, which makes no plant run."""
        noun = self.mentions[mention_index].features.noun or ""
        start = self.mentions[mention_index].start
        before = " ".join(t.lower_ for t in self.doc[max(0, start - 2) : start])
        return self.words.brand.matches(noun) or self.words.brand.inside(before)

    def _builder_named(self, s: Sentence) -> bool:
        """A company introduced as the agent of building: "built by X", "von X errichtet"."""
        return any(
            self.mentions[i].subtype == COMPANY and self.introduced_by(i, self.words.by)
            for i in self.typed(s, ORGANIZATION)
        )

    def _subject_before(self, s: Sentence, entity: int, plant: Mention) -> bool:
        """The company named before the plant, not as anyone's partner ("BASF's plans")."""
        return any(
            self.mentions[i].entity == entity
            and self.mentions[i].end <= plant.start
            and not self.word_before(i, self.words.together | self.words.with_, 3)
            and not self.partner(i)
            for i in s.mentions
        )

    def _told_of(self, s: Sentence, plant: Mention) -> bool:
        """ "the project ... is being implemented by X": a plant referred back to, in a
        sentence about planning or building it."""
        return plant.weak and bool(s.triggers.get("plan") or s.triggers.get("construct"))

    def _name_after(self, plant: Mention) -> None:
        org = self.mentions[plant.org] if plant.org is not None else None
        entity = self.entities[plant.entity]
        if org is not None and not entity.features.named:
            entity.name = self.doc[org.start : plant.end].text
            entity.features.named = True

    def _names_plant(self, org: int) -> bool:
        """ "the Saryarka AvtoProm plant": a name read off the plant's own name."""
        return self.mentions[org].features.name_before_noun

    def _sentence_operators(self, s: Sentence, plant: Mention) -> list[int]:
        """The company of the sentence that plans, builds or runs the plant: the only one, or
        several working on it together ("X совместно с Y", "X together with Y")."""
        if not any(s.triggers.get(k) for k in ("plan", "construct", "operate", "open")):
            return []
        seats = self._seats_of(s)
        # "visited the plant of X in Busan and discussed production in Fergana": X runs the
        # plant named with it, which says nothing of who plans another of the sentence
        status = self.entities[plant.entity].properties.get("status")
        others = {
            self.mentions[i].org
            for i in self.typed(s, PLANT)
            if self.mentions[i].entity != plant.entity
            and self.mentions[i].org is not None
            and self.entities[self.mentions[i].entity].properties.get("status") == "operating"
            and status != "operating"
        }
        mentioned = [
            i
            for i in self.typed(s, ORGANIZATION)
            if self.mentions[i].subtype == COMPANY
            and i not in others
            and self.ent(i) not in seats
            and not self._brand(i)
            and not self.mentions[i].features.goods
            and self.mentions[i].end not in s.triggers.get("product", [])
        ]
        companies = list(dict.fromkeys(self.ent(i) for i in mentioned))
        if not companies:
            return self._spokesman_company(s)
        named = self.named_venture(s)
        if named is not None and named[0] in companies:
            return [named[0]]  # "X, a joint venture of A and B, will build": X, not A or B
        if len(companies) == 1:
            return companies
        partners = list(dict.fromkeys(self.ent(i) for i in mentioned if self.partner(i)))
        if partners and len(companies) - len(partners) in (0, 1):
            # every company but one is a partner "together with" it; or all are, of a
            # subject that is none ("projects ... together with A, ... together with B")
            return companies
        if self._jointly(s, mentioned) or (
            self._venture_plant(plant) and self._joined_by_and(mentioned)
        ):
            return companies  # "Hyundai and Uzavtosanoat will jointly build"
        return []

    def _spokesman_company(self, s: Sentence) -> list[int]:
        """ "Ciech vice president X presented plans for a plant": an executive who opens the
        sentence speaks for his company (not one met "with", nor one a plan is told to)."""
        plans = s.triggers.get("plan", []) + s.triggers.get("construct", [])
        first = min(plans, default=s.span.end)
        for i in self.typed(s, PERSON):
            person = self.mentions[i]
            if person.start >= first or person.subtype != EXECUTIVE or self._after_with(i):
                continue
            seats = [self.ent(j) for j in person.seats if self.mentions[j].subtype == COMPANY]
            others = [j for j in self.typed(s, PERSON) if j != i and self.mentions[j].start < first]
            if len(seats) == 1 and not others:
                return seats
        return []

    def _venture_plant(self, plant: Mention) -> bool:
        """ "A и B объявили о создании совместного предприятия по выпуску X": the plant is
        called a joint venture, so the companies joined by "and" set it up together."""
        words = self.doc[max(0, plant.start - 1) : plant.end]
        return any(self.words.joint.matches(t.lower_) for t in words)

    def _jointly(self, s: Sentence, mentioned: list[int]) -> bool:
        """ "A and B will jointly build", "A und B wollen gemeinsam ... errichten", "A и B
        совместно построят": companies joined by "and", then a word that says they act
        together (not "together with", which names a partner)."""
        if not self._joined_by_and(mentioned):
            return False
        ordered = sorted(mentioned, key=lambda i: self.mentions[i].start)
        last = self.mentions[ordered[-1]].end
        for token in self.doc[last : min(s.span.end, last + 4)]:
            if token.lower_ in self.words.together:
                following = self.doc[token.i + 1] if token.i + 1 < s.span.end else None
                return following is None or following.lower_ not in self.words.with_
        return False

    def _joined_by_and(self, mentioned: list[int]) -> bool:
        """ "A and B", "A and the Uzbek company B", "A и местная компания «B»"."""
        if len(mentioned) < 2:
            return False
        ordered = sorted(mentioned, key=lambda i: self.mentions[i].start)
        nouns = word_classes(self.lang).org_nouns
        for a, b in itertools.pairwise(ordered):
            # "A and B", "A and the Uzbek company B", "A и местная компания «B»"
            between = self.doc[self.mentions[a].end : self.mentions[b].start]
            if not any((t.lower_ in self.words.and_ or t.text == ",") for t in between):
                return False
            if not all(
                (t.lower_ in self.words.and_ or t.text == ",")
                or t.lower_ in self.words.articles
                or t.lower_ in nouns
                or t.is_quote  # "«Узкимёсаноат» и турецкая Ak Kimya"
                or t.is_lower
                or self._adjective_place(t.i)
                for t in between
            ):
                return False
        return True

    def _agent(self, s: Sentence, plant: Mention) -> int | None:
        """The company after "operated by", "owned by", "betrieben von", "принадлежащий" that
        follows the plant in its sentence."""
        for i in self.typed(s, ORGANIZATION):
            mention = self.mentions[i]
            if mention.start <= plant.end or mention.subtype != COMPANY:
                continue
            before = " ".join(self._words_before(mention.start, 6))
            if self.words.agent_phrases.inside(before):
                return mention.entity
            by = self.doc[mention.start - 1].lower_ in self.words.by
            if by and fronted_agent_participle(self.doc, plant.start):
                return mention.entity  # "Betrieben wird das Werk von X"
        return None

    def _locatives(self, s: Sentence) -> list[int]:
        """Places introduced by in/im/в in the sentence, with the places apposed to them."""
        by_start: dict[int, int] = {}
        for i in s.mentions:  # the longer of two mentions that start together
            current = by_start.get(self.mentions[i].start)
            if current is None or self.mentions[i].end > self.mentions[current].end:
                by_start[self.mentions[i].start] = i
        out = []
        for i in self._locative_mentions(s):
            for j in chain(self.doc, self.mentions, i, by_start):
                if self.mentions[j].entity not in out:
                    out.append(self.mentions[j].entity)
        return out

    def _locative_mentions(self, s: Sentence) -> list[int]:
        seats = self._seats_of(s)
        out = []
        for i in self.typed(s, LOCATION):
            mention = self.mentions[i]
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
                locative_before(self.doc, mention.start)
                and mention.entity not in seats
                and not visit_place
                and not talk_place
                and not self._destination(s, i)
            ):
                out.append(i)
        return out

    def _joint_ventures(self, s: Sentence) -> None:
        """ "The factory is a joint venture of TALCO and TBEA", "Das Werk ist ein
        Gemeinschaftsunternehmen des Konzerns X und der Holding Y", "ООО «X», которое является
        совместным предприятием компании A и компании B": a plant is run (or planned) by the
        joint venture when it is named, else by each owner; a named venture is part of each."""
        phrase = self._venture_phrase(s)
        if phrase is None:
            return
        start, end = phrase
        seats = self._seats_of(s)
        companies = [
            i
            for i in self.typed(s, ORGANIZATION)
            if self.mentions[i].subtype == COMPANY
            and not self.mentions[i].weak
            and self.ent(i) not in seats
        ]
        owners = list(
            dict.fromkeys(self.ent(i) for i in companies if self.mentions[i].start >= end)
        )
        if not owners:
            return
        named = [self.ent(i) for i in companies if self.mentions[i].end <= start]
        venture = named[-1] if named and named[-1] not in owners else None
        plants = [self.ent(i) for i in self.typed(s, PLANT) if self.mentions[i].start < start]
        if not plants and venture is None and self._subject_refers_back(s, start):
            recent = s.discourse.last_plant  # "Предприятие является совместным предприятием A и B"
            plants = [recent[0]] if recent and s.index - recent[1] <= 2 else []
        if venture is not None:
            for owner in owners:
                self.add(RelationType.PART_OF, venture, owner, s, SENTENCE)
        for plant_entity in plants[-1:]:
            status = self.entities[plant_entity].properties.get("status")
            rtype = RelationType.PLANS if status in ("planned", "under_construction") else None
            rtype = rtype or RelationType.OPERATES
            for runner in [venture] if venture is not None else owners:
                self.add(rtype, runner, plant_entity, s, SENTENCE)

    def _subject_refers_back(self, s: Sentence, before: int) -> bool:
        """The sentence opens with a company or plant noun that names nothing itself ("The
        enterprise is a joint venture of ...")."""
        return any(
            self.mentions[i].weak and self.mentions[i].type in (ORGANIZATION, PLANT)
            for i in s.mentions
            if self.mentions[i].start < before
        )

    def _venture_phrase(self, s: Sentence) -> tuple[int, int] | None:
        """Where the sentence says its subject *is* a joint venture of owners named next."""
        words = [t.lower_ for t in s.span]
        for k, word in enumerate(words):
            two = f"{word} {words[k + 1]}" if k + 1 < len(words) else word
            pattern = self.pack.patterns.venture
            size = 2 if pattern.fullmatch(two) else 1 if pattern.fullmatch(word) else 0
            if not size:
                continue
            copula = any(w in self.words.copulas for w in words[max(0, k - 3) : k])
            following = words[k + size] if k + size < len(words) else ""
            owners = self.words.genitive_link | self.words.of_preposition | self.words.between
            owners_next = following in owners or (
                self.has(Feature.CASE_MORPHOLOGY) and following != "" and following.isalnum()
            )  # "совместным предприятием компании A": owners in the genitive, no preposition
            if copula and owners_next:
                return s.span.start + k, s.span.start + k + size
        return None
