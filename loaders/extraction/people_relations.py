"""Relations between people and what they meet or visit: offices (HOLDS_POSITION), visits,
meetings, receptions, trips, openings and the sides of a meeting (VISITED, MET_WITH)."""

from __future__ import annotations

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
from loaders.extraction.model import Mention
from loaders.extraction.relation_base import (
    DISCOURSE,
    SENTENCE,
    STRUCTURAL,
    FinderBase,
    Sentence,
)
from loaders.extraction.tokens import is_trigger_word, sentences


class PeopleRules(FinderBase):
    """HOLDS_POSITION, VISITED and MET_WITH of one sentence (and what carries over)."""

    def _holds_position(self, s: Sentence) -> None:
        for i in self.typed(s, PERSON):
            mention = self.mentions[i]
            ministry = self._ministry_of(mention)
            if ministry is not None:  # "Minister of Industry and Construction X"
                self.add(
                    RelationType.HOLDS_POSITION,
                    mention.entity,
                    ministry,
                    s,
                    STRUCTURAL,
                    title=mention.title_text or "",
                )
            for seat in mention.seats:
                self.add(
                    RelationType.HOLDS_POSITION,
                    mention.entity,
                    self.ent(seat),
                    s,
                    STRUCTURAL,
                    title=mention.title_text or "",
                )

    def _ministry_of(self, minister: Mention) -> int | None:
        """The ministry of the text that has the minister's portfolio."""
        portfolios = minister.features.portfolios
        if not portfolios or minister.title is None or minister.title.role != "minister":
            return None
        prefix = f"gov:ministry:{'+'.join(portfolios)}:"
        return next(
            (k for k, e in enumerate(self.entities) if e.key and e.key.startswith(prefix)), None
        )

    def _actors(self, s: Sentence) -> list[int]:
        """People who act in the sentence: not the partners after "with", not the seats; the
        leader of a delegation ("led by", "во главе с") acts for it unless someone before him
        does ("X received a delegation led by Y": Y is the guest)."""
        persons: list[int] = []
        for i in self.typed(s, PERSON):
            if self._is_seat(i, s):
                continue
            led = self._led(i)
            if led:
                s.discourse.leader = self.ent(i)
            if led and persons:
                continue
            if led or not self._after_with(i) or self.word_before(i, self.words.together, 3):
                persons.append(i)
        if self._delegation_acts(s, persons):  # "In Taschkent traf die Delegation ... X"
            company = self._delegation_of(s)  # "делегация компании посетила ..."
            if company is not None:
                return [company]
            acting = (
                s.discourse.leader if s.discourse.leader is not None else s.discourse.protagonist
            )
            return [acting] if acting is not None else []
        if self.doc.has_annotation("DEP"):  # a parser says who the subject is: it goes first
            persons.sort(key=lambda i: not self._is_subject(self.mentions[i]))
        entities = list(dict.fromkeys(self.ent(i) for i in persons))
        if entities:
            return entities
        first = min((t for k in ("visit", "meet") for t in s.triggers.get(k, [])), default=0)
        guest = self._guest_subject(s, first)
        if guest is not None:  # "Затем гости посетили фабрику": the guest just received
            return [guest]
        companies = [
            self.ent(i)
            for i in self.typed(s, ORGANIZATION)
            if self.mentions[i].subtype == COMPANY
            and self.mentions[i].end <= first
            and not self.word_before(
                i, self.words.genitive_link | self.words.of_preposition | self.words.with_, 1
            )
        ]
        if companies:  # "die Unternehmensleitung wird Karshi besuchen"
            return companies[:1]
        delegation = self._delegation_of(s)
        if delegation is not None:  # "die Delegation des Konzerns wird das Werk besuchen"
            return [delegation]
        return [s.discourse.protagonist] if s.discourse.protagonist is not None else []

    def _guest_subject(self, s: Sentence, trigger: int) -> int | None:
        """ "the guests", "die Gäste", "гости" before the verb, and a person met last: him."""
        if s.discourse.encounter is None or self.entities[s.discourse.encounter[1]].type != PERSON:
            return None
        words = [t.lower_ for t in self.doc[s.span.start : trigger]]
        return s.discourse.encounter[1] if any(self.words.guest.matches(w) for w in words) else None

    def _delegation_of(self, s: Sentence) -> int | None:
        """The company whose delegation the sentence is about ("a delegation of CNBM", "die
        Delegation des Konzerns", "делегация компании X")."""
        for i in self.typed(s, ORGANIZATION):
            before = self._words_before(self.mentions[i].start, 3)
            opened = [k for k, w in enumerate(before) if self.words.delegation.matches(w)]
            if (
                self.mentions[i].subtype == COMPANY
                and opened
                # "the delegation visited the Hyundai plant": Hyundai is what it visited
                and not any(is_trigger_word(self.lang, w) for w in before[opened[0] + 1 :])
            ):
                return self.ent(i)
        return None

    def _guests_told(self, s: Sentence) -> bool:
        return any(self._guest_word(t.lower_) for t in s.span)

    def _delegation_acts(self, s: Sentence, persons: list[int]) -> bool:
        """The delegation told of before is the subject: it is named before every person of
        the sentence, and a leader of it is known."""
        if s.discourse.leader is None and s.discourse.protagonist is None:
            return False
        delegation = [t for t in s.span if self.words.delegation.matches(t.lower_)]
        if not delegation:
            return False
        first_person = min((self.mentions[i].start for i in persons), default=s.span.end)
        return delegation[0].i < first_person and not any(self._led(i) for i in persons)

    def _visits_and_meetings(self, s: Sentence) -> None:
        visits, meets = s.triggers.get("visit", []), s.triggers.get("meet", [])
        if not visits and not meets and not s.triggers.get("receive"):
            return
        actors = self._actors(s)
        if not actors:
            return
        confidence = SENTENCE if self.typed(s, PERSON) else DISCOURSE
        seats = self._seats_of(s)
        if (
            visits
            and s.discourse.leader is not None
            and s.discourse.leader not in actors
            and self._guests_told(s)
        ):
            actors = [*actors, s.discourse.leader]  # "accompanied the guests to ...": they go too
        if visits:
            status = {"status": "planned"} if s.triggers.get("future") else {}
            targets = [t for v in visits for t in self._visit_targets(s, v, seats, actors)]
            if not targets:  # verb-final clause: "... die Leitung Karshi besuchen wird"
                targets = self._visit_targets(s, s.span.start, seats, actors, until=visits[-1])
            targets = self._without_plant_places(s, targets)
            self._visited_plant_places(s, targets)
            for target in dict.fromkeys(targets):
                for actor in actors:
                    self.add(RelationType.VISITED, actor, target, s, confidence, **status)
                if self.entities[target].type in (ORGANIZATION, PERSON):
                    s.discourse.encounter = (actors[0], target)
            s.discourse.protagonist = actors[0]
        self._meetings(s, actors, seats, confidence)
        self._trip_places(s, actors, confidence)

    def _meetings(self, s: Sentence, actors: list[int], seats: set[int], confidence: float) -> None:
        orders = s.triggers.get("order", [])
        # "instructed to speed up the negotiations with X": talks ordered, not held
        meets = [t for t in s.triggers.get("meet", []) if not any(o < t for o in orders)]
        receives = self._receptions(s)
        if receives:  # "X received Y", "X hat Y empfangen", "X принял Y"
            partners = self._guests(s, actors[0], seats)
        elif meets:
            partners = self._partners(s, meets[0], seats)
            if self._delegation_acts(s, [i for i in self.typed(s, PERSON)]):
                partners += [
                    self.ent(i)
                    for i in self.typed(s, PERSON)
                    if self.mentions[i].start > meets[0] and not self.mentions[i].weak
                ]
        else:
            return
        host = actors[0]
        if not partners and meets:  # "Tokayev and Mirziyoyev held talks"
            partners = self._coordinated(s, host)
        for partner in partners:
            self.add(RelationType.MET_WITH, host, partner, s, confidence)
            if partner != host:
                s.discourse.encounter = (host, partner)

    def _receptions(self, s: Sentence) -> list[int]:
        """Reception verbs, except "принял участие / решение" (took part, decided)."""
        refused = set(s.triggers.get("not_receive", []))
        return [t for t in s.triggers.get("receive", []) if t + 1 not in refused]

    def _guests(self, s: Sentence, host: int, seats: set[int]) -> list[int]:
        """Whom a host receives: the people after the host (not the offices' seats), else a
        delegation's company ("received a delegation of Hyosung Corporation")."""
        host_end = max(
            (self.mentions[i].end for i in s.mentions if self.mentions[i].entity == host),
            default=s.span.start,
        )
        after = [i for i in s.mentions if self.mentions[i].start >= host_end]
        people = [
            self.ent(i)
            for i in after
            if self.mentions[i].type == PERSON
            and not self.mentions[i].weak
            and self.ent(i) not in seats
            and self.ent(i) != host
        ]
        if people:
            return list(dict.fromkeys(people))
        bodies = [
            self.ent(i)
            for i in after
            if self.mentions[i].type == ORGANIZATION
            and self.mentions[i].subtype != MEDIA
            and self.ent(i) not in seats
            and not self._reporter(self.mentions[i])
        ]
        return bodies[:1]

    def _coordinated(self, s: Sentence, host: int) -> list[int]:
        people = [self.ent(i) for i in self.typed(s, PERSON) if not self.mentions[i].weak]
        first_meet = min(s.triggers.get("meet", [s.span.end]))
        joined = [
            self.ent(i)
            for i in self.typed(s, PERSON)
            if self.mentions[i].end <= first_meet and self.word_before(i, self.words.and_, 1)
        ]
        return [p for p in dict.fromkeys(joined) if p != host and p in people]

    def _attendance(self, s: Sentence) -> None:
        """ "An der Zeremonie nahmen X und Y teil", "X took part in the opening of the
        factory": those present at a plant's opening visit the plant (the plant of this
        sentence, or the one just opened)."""
        people = [
            self.ent(i)
            for i in (self.typed(s, PERSON) if self._attends(s) else self._opening_agents(s))
            if not self.mentions[i].weak and not self._is_seat(i, s)
        ]
        if not people:
            return
        plants = [self.ent(i) for i in self.typed(s, PLANT)]
        if not plants and s.discourse.opened is not None and s.index - s.discourse.opened[1] <= 2:
            plants = [s.discourse.opened[0]]
        if not plants and any(self.words.ceremony.matches(t.lower_) for t in s.span):
            # "The opening ceremony was attended by ...": the ceremony of the plant told of
            recent = s.discourse.opened or s.discourse.last_plant
            plants = [recent[0]] if recent is not None else []
        for person in dict.fromkeys(people):
            for plant in plants[:1]:
                self.add(RelationType.VISITED, person, plant, s, SENTENCE)

    def _inauguration(self, s: Sentence) -> None:
        """ "President X opened the factory", "hat das Zementwerk eröffnet", "открыл новый цех":
        who opens a plant is at the plant."""
        for trigger in s.triggers.get("inaugurate", []):
            people = [
                i
                for i in self.typed(s, PERSON)
                if self.mentions[i].end <= trigger
                and not self._is_seat(i, s)
                and not self._after_with(i)
            ]
            plants = [i for i in self.typed(s, PLANT) if not self.mentions[i].weak]
            after = [i for i in plants if self.mentions[i].start > trigger]
            target = (after or (plants if self._verb_final(s, trigger) else []))[:1]
            for person in people[-1:]:
                for plant in target:
                    self.add(RelationType.VISITED, self.ent(person), self.ent(plant), s, SENTENCE)

    def _opening_agents(self, s: Sentence) -> list[int]:
        """ "opened by President X", "die Eröffnung des Windparks durch Präsident X": the
        people after "by" that follow an opening word are at the opening."""
        opens = s.triggers.get("inaugurate", []) + [
            t.i for t in s.span if self.words.ceremony.matches(t.lower_)
        ]
        if not opens:
            return []
        first = min(opens)
        return [
            i
            for i in self.typed(s, PERSON)
            if self.mentions[i].start > first
            and any(w in self.words.by for w in self._words_before(self._argument_start(i), 2))
        ]

    def _attends(self, s: Sentence) -> bool:
        return bool(s.triggers.get("attend"))

    def _sides(self, s: Sentence) -> None:
        """ "The parties discussed ...", "Die Seiten erörterten ...", "Стороны обсудили ...":
        the two sides of the meeting or visit just told are meeting."""
        if (
            not (s.triggers.get("sides") and s.triggers.get("discuss"))
            or s.discourse.encounter is None
        ):
            return
        first, second = s.discourse.encounter
        self.add(RelationType.MET_WITH, first, second, s, DISCOURSE)

    def _trip_places(self, s: Sentence, actors: list[int], confidence: float) -> None:
        """ "In Istanbul, the delegation held talks ...", "В Сеуле делегация провела
        переговоры ...": on a trip, the town a sentence opens with is where its meetings and
        visits take place."""
        if not (s.triggers.get("meet") or s.triggers.get("receive") or s.triggers.get("visit")):
            return
        actor = actors[0]
        if not (self._travelling(actor) or self._own_delegation(s)):
            return
        first_verb = min(
            (t for k in ("meet", "receive", "visit") for t in s.triggers.get(k, [])),
            default=s.span.end,
        )
        for i in self.typed(s, LOCATION):
            mention = self.mentions[i]
            opening = mention.start - s.span.start <= 4 and mention.end <= first_verb
            if not opening or mention.weak:
                continue
            if self.word_before(
                i, self.words.locative, 2
            ):  # "In Istanbul, ...", "Later, in Berlin, ..."
                self.add(RelationType.VISITED, actor, mention.entity, s, confidence)

    def _own_delegation(self, s: Sentence) -> bool:
        """A delegation that acts ("the delegation held talks"), not one met as the guests
        ("встреча хокима с делегацией компании": the host is at home)."""
        return any(
            t == 0 or self.doc[t - 1].lower_ not in self.words.with_
            for t in s.triggers.get("lead", [])
        )

    def _travelling(self, actor: int) -> bool:
        """Someone who was said to visit a place before this sentence (a trip)."""
        return any(
            key[0] == RelationType.VISITED
            and key[1] == actor
            and self.entities[key[2]].type == LOCATION
            for key in self.found
        )

    def _without_plant_places(self, s: Sentence, targets: list[int]) -> list[int]:
        """ "besuchte das Werk der Firma X in Kostanai": Kostanai is where the plant is."""
        visited = set(targets)
        places = {
            self.ent(p)
            for i in self.typed(s, PLANT)
            if self.mentions[i].entity in visited
            for p in self.mentions[i].places
        }
        return [t for t in targets if t not in places]

    def _visit_targets(
        self,
        s: Sentence,
        trigger: int,
        seats: set[int],
        actors: list[int],
        until: int | None = None,
    ) -> list[int]:
        operators = {self.mentions[i].org for i in self.typed(s, PLANT)}
        out = []
        for i in s.mentions:
            mention = self.mentions[i]
            if mention.start < trigger or mention.entity in actors:
                continue
            if until is not None and mention.start >= until:
                break
            if any(trigger < t <= mention.start for t in s.triggers.get("order", [])):
                break  # what follows "angeboten", "instructed" is ordered, not visited
            if (mention.type == PERSON and not mention.weak) or self._clause_break(
                trigger, mention.start
            ):
                break
            if mention.type not in (LOCATION, ORGANIZATION, PLANT):
                continue
            if mention.weak and mention.type == LOCATION and mention.key and mention.role is None:
                continue  # an adjective ("Uzbek") is no destination
            if mention.type == LOCATION and self._inside_body(mention, s):
                continue  # "the Navoi regional hokimiyat" is visited, not Navoi
            if (
                mention.subtype == MEDIA
                or i in operators
                or self.word_before(i, self.words.from_, 2)
            ):
                continue
            if mention.end in s.triggers.get("product", []):
                continue  # "where Chevrolet cars are assembled": a brand
            if mention.type == LOCATION and self._destination(s, i):
                continue  # "a factory that makes yarn for the CIS market": not visited
            if mention.type == ORGANIZATION and self.introduced_by(i, self.words.with_):
                continue  # "в ходе визита провел переговоры с представителями компании X"
            if mention.entity in seats or self._reporter(mention):
                continue
            out.append(mention.entity)
        return out

    def _inside_body(self, place: Mention, s: Sentence) -> bool:
        return any(
            self.mentions[i].type == ORGANIZATION
            and self.mentions[i].start <= place.start
            and place.end <= self.mentions[i].end
            for i in s.mentions
        )

    def _visited_plant_places(self, s: Sentence, targets: list[int]) -> None:
        """ "During a visit to Khiva, ... toured the carpet factory": the factory is in Khiva."""
        plants = [t for t in targets if self.entities[t].type == PLANT]
        towns = [
            t
            for t in targets
            if self.entities[t].type == LOCATION
            and self.entities[t].subtype in (CITY, DISTRICT, OTHER)
        ]
        if len(towns) == 1:
            for plant in plants:
                self.add(RelationType.LOCATED_IN, plant, towns[0], s, SENTENCE)

    def _partners(self, s: Sentence, trigger: int, seats: set[int]) -> list[int]:
        out = []
        object_taken = False
        for i in s.mentions:
            mention = self.mentions[i]
            if mention.type not in (PERSON, ORGANIZATION) or mention.subtype == MEDIA:
                continue
            if mention.start < trigger or mention.entity in seats or mention.weak:
                continue
            start = self._argument_start(i)
            before = self._words_before(start, 6)
            direct = mention.type == PERSON and (
                0 < start - trigger <= 2 or (not object_taken and self._object_of(trigger, start))
            )
            object_taken = object_taken or mention.type == PERSON
            if any(w in self.words.with_ or w in self.words.and_ for w in before) or direct:
                out.append(mention.entity)
        if not out:  # verb-final: "... mit Bundeskanzler Olaf Scholz besprochen"
            out = [
                self.ent(i)
                for i in self.typed(s, PERSON)
                if self.mentions[i].start < trigger
                and self._after_with(i)
                and not self.word_before(i, self.words.together, 3)
            ]
        if not out and trigger not in s.triggers.get("discuss", []):
            # "обсудил организацию производства", "besprach den Bau": a subject discussed,
            # with no one named, is no meeting with the company of the sentence
            companies = {
                self.ent(i)
                for i in self.typed(s, ORGANIZATION)
                if self.mentions[i].subtype == COMPANY and self.ent(i) not in seats
            }
            if len(companies) == 1:
                out = list(companies)
        return out

    def _object_of(self, trigger: int, start: int) -> bool:
        """The first person after a meeting verb is whom it meets if only a few words without a
        comma stand between ("traf am Freitag den Konzernchef Y"). A capitalised trigger is a
        German noun ("Das Gespräch führte Y"), which takes no object."""
        between = self.doc[trigger + 1 : start]
        return (
            not self.doc[trigger].is_title
            and 2 < start - trigger <= 5
            and not any(t.is_punct for t in between)
        )

    def _meetings_with_leaders(self) -> None:
        """A meeting with a company's delegation is a meeting with its leader (the dev
        conventions): drop "A met X" where A met a person who holds an office at X."""
        holds = {(k[1], k[2]) for k in self.found if k[0] == RelationType.HOLDS_POSITION}
        met = {
            (k[1], k[2]): r.sentence for k, r in self.found.items() if k[0] == RelationType.MET_WITH
        }
        met |= {(b, a): n for (a, b), n in met.items()}
        for key in [k for k in self.found if k[0] == RelationType.MET_WITH]:
            _, a, b = key
            sentence = self.found[key].sentence
            for actor, body in ((a, b), (b, a)):
                if self.entities[body].type != ORGANIZATION:
                    continue
                same = any(
                    (actor, p) in met
                    and (p, body) in holds
                    and (met[(actor, p)] == sentence or self._delegation_sentence(sentence))
                    for p, _ in holds
                )
                if same:
                    del self.found[key]
                    break

    def _delegation_sentence(self, index: int) -> bool:
        """A sentence about a delegation: whom it meets is its leader, named elsewhere."""
        _, spans = sentences(self.doc)
        return any(self.words.delegation.matches(t.lower_) for t in spans[index])
