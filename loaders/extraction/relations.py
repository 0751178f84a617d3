"""Relations from trigger words and argument order inside a sentence, per FORMAT.md.

Each rule reads one sentence: its mentions (already resolved to entities), its trigger words
(data/triggers.tsv) and the links found inside noun phrases (linking.py). A dependency parse,
when a statistical pipeline gives one, picks the visitor or speaker among several people.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from graph_schema.vocabulary import RelationType, signature_allows
from loaders.extraction.lexicon import word_classes
from loaders.extraction.linking import LEADER_WORDS, chain, locative_before
from loaders.extraction.model import Entity, Mention, Relation
from loaders.extraction.names import ARTICLES
from loaders.extraction.plants import MONEY
from loaders.extraction.tokens import sentences

BRAND_WORDS = ("brand", "marke", "бренд", "марк")
TOGETHER = frozenset(["together", "gemeinsam", "zusammen", "вместе", "совместно"])
GENITIVE = frozenset(["des", "der", "of", "von"])
WITH_WORDS = frozenset(["with", "mit", "с", "со", "between", "zwischen"])
FROM_WORDS = frozenset(["from", "aus", "из"])
LOCATIVE = frozenset(["in", "im", "at", "near", "bei", "в", "во"])
LEVEL = {"other": 0, "city": 1, "district": 1, "region": 2, "country": 3}
JV_WORDS = ("joint venture", "jv", "gemeinschaftsunternehmen", "совместное предприятие", "сп")
NAMING_WORDS = frozenset(["called", "named", "namens", "названием"])
STRUCTURAL, SENTENCE, DISCOURSE = 0.85, 0.65, 0.5
# a joint venture, one word or two ("joint venture", "Gemeinschaftsunternehmen", "СП",
# "совместным предприятием")
VENTURE = re.compile(
    r"joint[ -]ventures?|jv|gemeinschaftsunternehmen[s]?|joint-venture[s]?|сп|"
    r"совместн\w+ предприяти\w*"
)
AGENT_PHRASES = (
    "operated by",
    "run by",
    "owned by",
    "managed by",
    "betrieben von",
    "betrieben wird von",
    "gehört",
    "принадлежащ",
    "управляем",
)
# "the management of X", "der Leitung von X", "руководству компании X": X is addressed
MANAGEMENT = ("management", "leadership", "leitung", "führung", "geschäftsführung", "руковод")
GUEST_WORDS = ("guest", "gäste", "gast", "гост", "delegation", "делегаци")
BY_WORDS = frozenset(["by", "von", "durch"])
RELATIVES = frozenset(["where", "which", "wo", "wobei", "где", "который", "которое", "которая"])
COPULAS = frozenset(
    ["is", "was", "are", "were", "ist", "war", "sind", "являются", "является", "стало", "стал"]
)
# between an order word and the bodies it addresses ("instructed the Government and the ...")
ORDER_JOINERS = frozenset(["and", "und", "и", "also", "zudem", "auch", "также", "the", ","])
# an amount of money or a share ("$120 million", "30 percent", "до 20 процентов")
AMOUNT = re.compile(
    MONEY.pattern + r"|(?:up to |bis zu |до )?\d[\d.,]*\s?(?:%|percent|per cent|Prozent|процент\w*)"
)
# verbs that are an investment only with an amount ("allocate land" is none)
NEEDS_AMOUNT = ("alloc", "выдел", "bereitst", "provid")


@dataclass
class _Sentence:
    span: Span
    index: int
    mentions: list[int]
    triggers: dict[str, list[int]]
    seats: set[int] | None = None  # computed on first use


@dataclass
class RelationFinder:
    doc: Doc
    mentions: list[Mention]
    entities: list[Entity]
    triggers: dict[str, list[int]]
    lang: str
    found: dict[tuple[str, int, int], Relation] = field(default_factory=dict)
    protagonist: int | None = None
    encounter: tuple[int, int] | None = None  # the last meeting or visit of someone to someone
    orderer: int | None = None  # the official who gave the last order
    leader: int | None = None  # the leader of the delegation last told of
    last_plant: tuple[int, int] | None = None  # the plant last told of, and its sentence
    opened: tuple[int, int] | None = None  # the plant last said to open, and its sentence

    def run(self) -> list[Relation]:
        starts, spans = sentences(self.doc)
        by_sentence: dict[int, list[int]] = {}
        for i, m in enumerate(self.mentions):
            if m.entity >= 0:
                by_sentence.setdefault(bisect_right(starts, m.start) - 1, []).append(i)
        for index, sentence in enumerate(spans):
            ms = sorted(by_sentence.get(index, []), key=lambda i: self.mentions[i].start)
            trig = {  # trigger lists are sorted: the sentence's part by bisection
                k: v[bisect_left(v, sentence.start) : bisect_left(v, sentence.end)]
                for k, v in self.triggers.items()
            }
            s = _Sentence(sentence, index, ms, trig)
            self._holds_position(s)
            self._visits_and_meetings(s)
            self._attendance(s)
            self._inauguration(s)
            self._sides(s)
            self._plants(s)
            self._places(s)
            self._based_in(s)
            self._part_of(s)
            self._joint_ventures(s)
            self._invests(s)
            self._ordered(s)
        self._meetings_with_leaders()
        return list(self.found.values())

    def _meetings_with_leaders(self) -> None:
        """A meeting with a company's delegation is a meeting with its leader (the dev
        conventions): drop "A met X" where A met a person who holds an office at X."""
        holds = {(k[1], k[2]) for k in self.found if k[0] == "HOLDS_POSITION"}
        met = {(k[1], k[2]): r.sentence for k, r in self.found.items() if k[0] == "MET_WITH"}
        met |= {(b, a): n for (a, b), n in met.items()}
        for key in [k for k in self.found if k[0] == "MET_WITH"]:
            _, a, b = key
            sentence = self.found[key].sentence
            for actor, body in ((a, b), (b, a)):
                if self.entities[body].type != "Organization":
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
        return any(t.lower_.startswith(("delegation", "делегаци")) for t in spans[index])

    # helpers ---------------------------------------------------------------------------------

    def add(
        self,
        rtype: RelationType,
        source: int,
        target: int,
        s: _Sentence,
        confidence: float,
        **properties: str,
    ) -> None:
        if source == target or source < 0 or target < 0:
            return
        a, b = self.entities[source], self.entities[target]
        if not signature_allows(rtype, a.type, b.type):  # type: ignore[arg-type]
            return
        key = (rtype.value, source, target)
        if key in self.found and self.found[key].confidence >= confidence:
            return
        self.found[key] = Relation(
            rtype.value, source, target, s.index, confidence, tuple(sorted(properties.items()))
        )

    def ent(self, mention_index: int) -> int:
        return self.mentions[mention_index].entity

    def typed(self, s: _Sentence, *types: str) -> list[int]:
        return [i for i in s.mentions if self.mentions[i].type in types]

    def word_before(self, mention_index: int, words: frozenset[str], reach: int = 3) -> bool:
        start = self.mentions[mention_index].start
        return any(t.lower_ in words for t in self.doc[max(0, start - reach) : start])

    # HOLDS_POSITION ---------------------------------------------------------------------------

    def _holds_position(self, s: _Sentence) -> None:
        for i in self.typed(s, "Person"):
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
        portfolios = minister.properties.get("portfolios")
        if not portfolios or minister.title is None or minister.title.role != "minister":
            return None
        prefix = f"gov:ministry:{'+'.join(portfolios)}:"
        return next(
            (k for k, e in enumerate(self.entities) if e.key and e.key.startswith(prefix)), None
        )

    # VISITED, MET_WITH -----------------------------------------------------------------------

    def _actors(self, s: _Sentence) -> list[int]:
        """People who act in the sentence: not the partners after "with", not the seats; the
        leader of a delegation ("led by", "во главе с") acts for it unless someone before him
        does ("X received a delegation led by Y": Y is the guest)."""
        persons = []
        for i in self.typed(s, "Person"):
            if self._is_seat(i, s):
                continue
            led = self._led(i)
            if led:
                self.leader = self.ent(i)
            if led and persons:
                continue
            if led or not self._after_with(i) or self.word_before(i, TOGETHER, 3):
                persons.append(i)
        if self._delegation_acts(s, persons):  # "In Taschkent traf die Delegation ... X"
            company = self._delegation_of(s)  # "делегация компании посетила ..."
            if company is not None:
                return [company]
            return [self.leader] if self.leader is not None else [self.protagonist]
        if self.doc.has_annotation("DEP"):  # a parser says who the subject is: it goes first
            persons.sort(key=lambda i: not self._is_subject(self.mentions[i]))
        entities = list(dict.fromkeys(self.ent(i) for i in persons))
        if entities:
            return entities
        first = min((t for k in ("visit", "meet") for t in s.triggers.get(k, [])), default=0)
        companies = [
            self.ent(i)
            for i in self.typed(s, "Organization")
            if self.mentions[i].subtype == "company"
            and self.mentions[i].end <= first
            and not self.word_before(i, GENITIVE | WITH_WORDS, 1)
        ]
        if companies:  # "die Unternehmensleitung wird Karshi besuchen"
            return companies[:1]
        delegation = self._delegation_of(s)
        if delegation is not None:  # "die Delegation des Konzerns wird das Werk besuchen"
            return [delegation]
        return [self.protagonist] if self.protagonist is not None else []

    def _delegation_of(self, s: _Sentence) -> int | None:
        """The company whose delegation the sentence is about ("a delegation of CNBM", "die
        Delegation des Konzerns", "делегация компании X")."""
        for i in self.typed(s, "Organization"):
            before = self._words_before(self.mentions[i].start, 3)
            if self.mentions[i].subtype == "company" and any(
                w.startswith(("delegation", "делегаци")) for w in before
            ):
                return self.ent(i)
        return None

    def _guests_told(self, s: _Sentence) -> bool:
        return any(t.lower_.startswith(GUEST_WORDS) for t in s.span)

    def _delegation_acts(self, s: _Sentence, persons: list[int]) -> bool:
        """The delegation told of before is the subject: it is named before every person of
        the sentence, and a leader of it is known."""
        if self.leader is None and self.protagonist is None:
            return False
        delegation = [t for t in s.span if t.lower_.startswith(("delegation", "делегаци"))]
        if not delegation:
            return False
        first_person = min((self.mentions[i].start for i in persons), default=s.span.end)
        return delegation[0].i < first_person and not any(self._led(i) for i in persons)

    def _argument_start(self, mention_index: int) -> int:
        """Where a person's phrase starts: at the title before the name ("with the chairman of
        Ozdilek Group, Hakan Ozdilek" starts at "chairman")."""
        mention = self.mentions[mention_index]
        span = mention.properties.get("title_span")
        return span[0] if span and span[0] < mention.start else mention.start

    def _words_before(self, index: int, reach: int) -> list[str]:
        return [t.lower_ for t in self.doc[max(0, index - reach) : index]]

    def _after_with(self, mention_index: int, reach: int = 3) -> bool:
        words = self._words_before(self._argument_start(mention_index), reach)
        return any(w in WITH_WORDS for w in words)

    def _led(self, mention_index: int) -> bool:
        before = " ".join(self._words_before(self._argument_start(mention_index), 5))
        return any(phrase in before for phrase in LEADER_WORDS)

    def _is_subject(self, mention: Mention) -> bool:
        return any(
            t.dep_.startswith(("nsubj", "sb")) for t in self.doc[mention.start : mention.end]
        )

    def _is_seat(self, mention_index: int, s: _Sentence) -> bool:
        return any(mention_index in self.mentions[i].seats for i in s.mentions)

    def _seats_of(self, s: _Sentence) -> set[int]:
        """Where the offices of the sentence sit, also those of unnamed holders ("Claas-Chef")."""
        if s.seats is None:
            s.seats = {
                self.ent(seat)
                for m in self.mentions
                if m.seats and s.span.start <= m.start < s.span.end
                for seat in m.seats
            }
        return s.seats

    def _visits_and_meetings(self, s: _Sentence) -> None:
        visits, meets = s.triggers.get("visit", []), s.triggers.get("meet", [])
        if not visits and not meets and not s.triggers.get("receive"):
            return
        actors = self._actors(s)
        if not actors:
            return
        confidence = SENTENCE if self.typed(s, "Person") else DISCOURSE
        seats = self._seats_of(s)
        if (
            visits
            and self.leader is not None
            and self.leader not in actors
            and self._guests_told(s)
        ):
            actors = [*actors, self.leader]  # "accompanied the guests to ...": they go too
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
                if self.entities[target].type in ("Organization", "Person"):
                    self.encounter = (actors[0], target)
            self.protagonist = actors[0]
        self._meetings(s, actors, seats, confidence)
        self._trip_places(s, actors, confidence)

    def _meetings(
        self, s: _Sentence, actors: list[int], seats: set[int], confidence: float
    ) -> None:
        orders = s.triggers.get("order", [])
        # "instructed to speed up the negotiations with X": talks ordered, not held
        meets = [t for t in s.triggers.get("meet", []) if not any(o < t for o in orders)]
        receives = self._receptions(s)
        if receives:  # "X received Y", "X hat Y empfangen", "X принял Y"
            partners = self._guests(s, actors[0], seats)
        elif meets:
            partners = self._partners(s, meets[0], seats)
            if self._delegation_acts(s, [i for i in self.typed(s, "Person")]):
                partners += [
                    self.ent(i)
                    for i in self.typed(s, "Person")
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
                self.encounter = (host, partner)

    def _receptions(self, s: _Sentence) -> list[int]:
        """Reception verbs, except "принял участие / решение" (took part, decided)."""
        refused = set(s.triggers.get("not_receive", []))
        return [t for t in s.triggers.get("receive", []) if t + 1 not in refused]

    def _guests(self, s: _Sentence, host: int, seats: set[int]) -> list[int]:
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
            if self.mentions[i].type == "Person"
            and not self.mentions[i].weak
            and self.ent(i) not in seats
            and self.ent(i) != host
        ]
        if people:
            return list(dict.fromkeys(people))
        bodies = [
            self.ent(i)
            for i in after
            if self.mentions[i].type == "Organization"
            and self.mentions[i].subtype != "media"
            and self.ent(i) not in seats
            and not self._reporter(self.mentions[i])
        ]
        return bodies[:1]

    def _coordinated(self, s: _Sentence, host: int) -> list[int]:
        people = [self.ent(i) for i in self.typed(s, "Person") if not self.mentions[i].weak]
        first_meet = min(s.triggers.get("meet", [s.span.end]))
        joined = [
            self.ent(i)
            for i in self.typed(s, "Person")
            if self.mentions[i].end <= first_meet
            and self.word_before(i, frozenset(["and", "und", "и"]), 1)
        ]
        return [p for p in dict.fromkeys(joined) if p != host and p in people]

    def _attendance(self, s: _Sentence) -> None:
        """ "An der Zeremonie nahmen X und Y teil", "X took part in the opening of the
        factory": those present at a plant's opening visit the plant (the plant of this
        sentence, or the one just opened)."""
        if not self._attends(s):
            return
        people = [
            self.ent(i)
            for i in self.typed(s, "Person")
            if not self.mentions[i].weak and not self._is_seat(i, s)
        ]
        plants = [self.ent(i) for i in self.typed(s, "Plant")]
        if not plants and self.opened is not None and s.index - self.opened[1] <= 2:
            plants = [self.opened[0]]
        for person in dict.fromkeys(people):
            for plant in plants[:1]:
                self.add(RelationType.VISITED, person, plant, s, SENTENCE)

    def _inauguration(self, s: _Sentence) -> None:
        """ "President X opened the factory", "hat das Zementwerk eröffnet", "открыл новый цех":
        who opens a plant is at the plant."""
        for trigger in s.triggers.get("inaugurate", []):
            people = [
                i
                for i in self.typed(s, "Person")
                if self.mentions[i].end <= trigger
                and not self._is_seat(i, s)
                and not self._after_with(i)
            ]
            plants = [i for i in self.typed(s, "Plant") if not self.mentions[i].weak]
            after = [i for i in plants if self.mentions[i].start > trigger]
            target = (after or (plants if self._verb_final(s, trigger) else []))[:1]
            for person in people[-1:]:
                for plant in target:
                    self.add(RelationType.VISITED, self.ent(person), self.ent(plant), s, SENTENCE)

    def _verb_final(self, s: _Sentence, trigger: int) -> bool:
        following = self.doc[trigger + 1] if trigger + 1 < s.span.end else None
        return following is None or following.is_punct

    def _attends(self, s: _Sentence) -> bool:
        return bool(s.triggers.get("attend"))

    def _sides(self, s: _Sentence) -> None:
        """ "The parties discussed ...", "Die Seiten erörterten ...", "Стороны обсудили ...":
        the two sides of the meeting or visit just told are meeting."""
        if not (s.triggers.get("sides") and s.triggers.get("discuss")) or self.encounter is None:
            return
        first, second = self.encounter
        self.add(RelationType.MET_WITH, first, second, s, DISCOURSE)

    def _trip_places(self, s: _Sentence, actors: list[int], confidence: float) -> None:
        """ "In Istanbul, the delegation held talks ...", "В Сеуле делегация провела
        переговоры ...": on a trip, the town a sentence opens with is where its meetings and
        visits take place."""
        if not (s.triggers.get("meet") or s.triggers.get("receive") or s.triggers.get("visit")):
            return
        actor = actors[0]
        if not (self._travelling(actor) or s.triggers.get("lead")):
            return
        first_verb = min(
            (t for k in ("meet", "receive", "visit") for t in s.triggers.get(k, [])),
            default=s.span.end,
        )
        for i in self.typed(s, "Location"):
            mention = self.mentions[i]
            opening = mention.start - s.span.start <= 4 and mention.end <= first_verb
            if not opening or mention.weak:
                continue
            if self.word_before(i, LOCATIVE, 2):  # "In Istanbul, ...", "Later, in Berlin, ..."
                self.add(RelationType.VISITED, actor, mention.entity, s, confidence)

    def _travelling(self, actor: int) -> bool:
        """Someone who was said to visit a place before this sentence (a trip)."""
        return any(
            key[0] == "VISITED" and key[1] == actor and self.entities[key[2]].type == "Location"
            for key in self.found
        )

    def _without_plant_places(self, s: _Sentence, targets: list[int]) -> list[int]:
        """ "besuchte das Werk der Firma X in Kostanai": Kostanai is where the plant is."""
        visited = set(targets)
        places = {
            self.ent(p)
            for i in self.typed(s, "Plant")
            if self.mentions[i].entity in visited
            for p in self.mentions[i].places
        }
        return [t for t in targets if t not in places]

    def _visit_targets(
        self,
        s: _Sentence,
        trigger: int,
        seats: set[int],
        actors: list[int],
        until: int | None = None,
    ) -> list[int]:
        operators = {self.mentions[i].org for i in self.typed(s, "Plant")}
        out = []
        for i in s.mentions:
            mention = self.mentions[i]
            if mention.start < trigger or mention.entity in actors:
                continue
            if until is not None and mention.start >= until:
                break
            if any(trigger < t <= mention.start for t in s.triggers.get("order", [])):
                break  # what follows "angeboten", "instructed" is ordered, not visited
            if (mention.type == "Person" and not mention.weak) or self._clause_break(
                trigger, mention.start
            ):
                break
            if mention.type not in ("Location", "Organization", "Plant"):
                continue
            if mention.weak and mention.type == "Location" and mention.key and mention.role is None:
                continue  # an adjective ("Uzbek") is no destination
            if mention.type == "Location" and self._inside_body(mention, s):
                continue  # "the Navoi regional hokimiyat" is visited, not Navoi
            if mention.subtype == "media" or i in operators or self.word_before(i, FROM_WORDS, 2):
                continue
            if mention.end in s.triggers.get("product", []):
                continue  # "where Chevrolet cars are assembled": a brand
            if mention.entity in seats or self._reporter(mention):
                continue
            out.append(mention.entity)
        return out

    def _inside_body(self, place: Mention, s: _Sentence) -> bool:
        return any(
            self.mentions[i].type == "Organization"
            and self.mentions[i].start <= place.start
            and place.end <= self.mentions[i].end
            for i in s.mentions
        )

    def _visited_plant_places(self, s: _Sentence, targets: list[int]) -> None:
        """ "During a visit to Khiva, ... toured the carpet factory": the factory is in Khiva."""
        plants = [t for t in targets if self.entities[t].type == "Plant"]
        towns = [
            t
            for t in targets
            if self.entities[t].type == "Location"
            and self.entities[t].subtype in ("city", "district", "other")
        ]
        if len(towns) == 1:
            for plant in plants:
                self.add(RelationType.LOCATED_IN, plant, towns[0], s, SENTENCE)

    def _reporter(self, mention: Mention) -> bool:
        """ "..., Akorda reports", "передает gazeta.uz": the source of the news."""
        reports = self.triggers.get("report", [])
        # "сообщила пресс-служба кабмина", "the press service of the khokimiyat said"
        return mention.end in reports or any(mention.start - k in reports for k in (1, 2, 3))

    def _clause_break(self, start: int, end: int) -> bool:
        """ "... und führte Gespräche", "... и обсудил": a coordinated new verb; ", where ...",
        ", wo ...", ", где ...": a relative clause."""
        for token in self.doc[start:end]:
            if token.lower_ in RELATIVES and token.i > 0 and self.doc[token.i - 1].text == ",":
                return True
            if token.lower_ in ("und", "and", "и") and token.i + 1 < len(self.doc):
                following = self.doc[token.i + 1]
                if (
                    following.is_lower
                    and following.is_alpha
                    and following.lower_
                    not in ("the", "der", "die", "das", "den", "dem", "des", "a", "an")
                ):
                    return True
        return False

    def _partners(self, s: _Sentence, trigger: int, seats: set[int]) -> list[int]:
        out = []
        for i in s.mentions:
            mention = self.mentions[i]
            if mention.type not in ("Person", "Organization") or mention.subtype == "media":
                continue
            if mention.start < trigger or mention.entity in seats or mention.weak:
                continue
            start = self._argument_start(i)
            before = self._words_before(start, 6)
            if any(w in WITH_WORDS or w in ("und", "and", "и") for w in before) or (
                mention.type == "Person" and 0 < start - trigger <= 2  # "met the CEO of X, Y"
            ):
                out.append(mention.entity)
        if not out:  # verb-final: "... mit Bundeskanzler Olaf Scholz besprochen"
            out = [
                self.ent(i)
                for i in self.typed(s, "Person")
                if self.mentions[i].start < trigger
                and self._after_with(i)
                and not self.word_before(i, TOGETHER, 3)
            ]
        if not out:
            companies = {
                self.ent(i)
                for i in self.typed(s, "Organization")
                if self.mentions[i].subtype == "company" and self.ent(i) not in seats
            }
            if len(companies) == 1:
                out = list(companies)
        return out

    # PLANS, OPERATES, LOCATED_IN ------------------------------------------------------------

    def _signatories(self, s: _Sentence) -> None:
        """ "The agreement on the project was signed by the khokim, the president of Hyundai
        Motor and the vice-president of Posco Daewoo": the companies whose officers sign an
        agreement on a plant plan it."""
        plants = self.typed(s, "Plant")
        if not s.triggers.get("sign") or not plants:
            return
        for i in self.typed(s, "Person"):
            for seat in self.mentions[i].seats:
                company = self.mentions[seat]
                if company.type == "Organization" and company.subtype == "company":
                    for plant in plants[:1]:
                        self.add(RelationType.PLANS, self.ent(seat), self.ent(plant), s, SENTENCE)

    def _plants(self, s: _Sentence) -> None:
        self._signatories(s)
        for i in self.typed(s, "Plant"):
            plant = self.mentions[i]
            if s.triggers.get("open"):
                self.opened = (plant.entity, s.index)
            self.last_plant = (plant.entity, s.index)
            entity = self.entities[plant.entity]
            status = entity.properties.get("status") or plant.properties.get("status")
            if status is None:
                planning = s.triggers.get("plan") or s.triggers.get("future")
                status = "planned" if planning else "operating"
            rtype = RelationType.OPERATES if status == "operating" else RelationType.PLANS
            by_noun = plant.source in ("strong", "weak", "part") and not plant.weak
            agent = self._agent(s, plant) if by_noun else None
            if agent is not None:  # "the Saryarka AvtoProm plant, operated by the Allur group"
                self.add(rtype, agent, plant.entity, s, STRUCTURAL)
                if plant.org is not None and self._names_plant(plant.org):
                    self._name_after(plant)  # "Saryarka AvtoProm" is the plant's own name
            if plant.org is not None and (agent is None or not self._names_plant(plant.org)):
                self.add(rtype, self.ent(plant.org), plant.entity, s, STRUCTURAL)
                if plant.properties.get("_joint"):  # "X's plans to build it together with Y"
                    for org in self._sentence_operators(s, plant):
                        if self._subject_before(s, org, plant):
                            self.add(rtype, org, plant.entity, s, SENTENCE)
            elif plant.org is None and agent is None and (by_noun or self._told_of(s, plant)):
                # "das Werk wurde von X errichtet": who builds a plant plans it (FORMAT.md)
                built = bool(s.triggers.get("construct")) and self._builder_named(s)
                for org in self._sentence_operators(s, plant):
                    self.add(RelationType.PLANS if built else rtype, org, plant.entity, s, SENTENCE)
            places = [self.ent(p) for p in plant.places]
            if not places and by_noun:
                places = self._locatives(s)
                if any(self.entities[p].subtype != "country" for p in places):
                    places = [p for p in places if self.entities[p].subtype != "country"]
            for place in places:
                self.add(
                    RelationType.LOCATED_IN,
                    plant.entity,
                    place,
                    s,
                    STRUCTURAL if plant.places else SENTENCE,
                )

    def _brand(self, mention_index: int) -> bool:
        """ "под брендом Chevrolet", "der Marke Exeed": a brand, which makes no plant run."""
        noun = self.mentions[mention_index].properties.get("noun", "")
        start = self.mentions[mention_index].start
        before = " ".join(t.lower_ for t in self.doc[max(0, start - 2) : start])
        return noun.startswith(BRAND_WORDS) or any(w in before for w in BRAND_WORDS)

    def _builder_named(self, s: _Sentence) -> bool:
        """A company introduced as the agent of building: "built by X", "von X errichtet"."""
        return any(
            self.mentions[i].subtype == "company" and self.word_before(i, BY_WORDS, 3)
            for i in self.typed(s, "Organization")
        )

    def _subject_before(self, s: _Sentence, entity: int, plant: Mention) -> bool:
        """The company named before the plant, not as anyone's partner ("BASF's plans")."""
        return any(
            self.mentions[i].entity == entity
            and self.mentions[i].end <= plant.start
            and not self.word_before(i, TOGETHER | WITH_WORDS, 3)
            for i in s.mentions
        )

    def _told_of(self, s: _Sentence, plant: Mention) -> bool:
        """ "the project ... is being implemented by X": a plant referred back to, in a
        sentence about planning or building it."""
        return plant.weak and bool(s.triggers.get("plan") or s.triggers.get("construct"))

    def _name_after(self, plant: Mention) -> None:
        org = self.mentions[plant.org] if plant.org is not None else None
        entity = self.entities[plant.entity]
        if org is not None and not entity.properties.get("_named"):
            entity.name = self.doc[org.start : plant.end].text
            entity.properties["_named"] = True

    def _names_plant(self, org: int) -> bool:
        """ "the Saryarka AvtoProm plant": a name read off the plant's own name."""
        return self.mentions[org].source == "name-noun"

    def _sentence_operators(self, s: _Sentence, plant: Mention) -> list[int]:
        """The company of the sentence that plans, builds or runs the plant: the only one, or
        several working on it together ("X совместно с Y", "X together with Y")."""
        if not any(s.triggers.get(k) for k in ("plan", "construct", "operate", "open")):
            return []
        seats = self._seats_of(s)
        mentioned = [
            i
            for i in self.typed(s, "Organization")
            if self.mentions[i].subtype == "company"
            and self.ent(i) not in seats
            and not self._brand(i)
            and self.mentions[i].end not in s.triggers.get("product", [])
        ]
        companies = list(dict.fromkeys(self.ent(i) for i in mentioned))
        if len(companies) == 1:
            return companies
        partners = [i for i in mentioned if self.word_before(i, TOGETHER, 3)]
        if partners and len(companies) == len(partners) + 1:
            return companies  # every company but one is a partner "together with" it
        return []

    def _agent(self, s: _Sentence, plant: Mention) -> int | None:
        """The company after "operated by", "owned by", "betrieben von", "принадлежащий" that
        follows the plant in its sentence."""
        for i in self.typed(s, "Organization"):
            mention = self.mentions[i]
            if mention.start <= plant.end or mention.subtype != "company":
                continue
            before = " ".join(self._words_before(mention.start, 6))
            if any(phrase in before for phrase in AGENT_PHRASES):
                return mention.entity
        return None

    def _locatives(self, s: _Sentence) -> list[int]:
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

    def _locative_mentions(self, s: _Sentence) -> list[int]:
        seats = self._seats_of(s)
        out = []
        for i in self.typed(s, "Location"):
            mention = self.mentions[i]
            if mention.weak and mention.role is None:
                continue
            visit_place = any(0 < mention.start - t <= 3 for t in s.triggers.get("visit", []))
            if (
                locative_before(self.doc, mention.start)
                and mention.entity not in seats
                and not visit_place
            ):
                out.append(i)
        return out

    def _places(self, s: _Sentence) -> None:
        """ "Asaka, Andijan province", "Асаке (Андижанская область)", "В Узбекистане в
        Наманганской области", "usbekischen Dorf Shursuv": a place inside a larger one."""
        places = self.typed(s, "Location")
        for i in places:  # "Hauptstadt Deutschlands"
            country = self.mentions[i].properties.get("capital_of")
            target = next((k for k, e in enumerate(self.entities) if e.key == country), None)
            if country and target is not None:
                self.add(RelationType.LOCATED_IN, self.ent(i), target, s, STRUCTURAL)
        parents: set[int] = set()  # "Shursuv, Bezirk Ferghana, Region Usbekistan": all Shursuv's
        for a, b in itertools.pairwise(places):
            ma, mb = self.mentions[a], self.mentions[b]
            between = self.doc[ma.end : mb.start].text.strip()
            la, lb = LEVEL.get(ma.subtype or "", 0), LEVEL.get(mb.subtype or "", 0)
            if (mb.weak and mb.role is None) or (ma.weak and ma.key and between):
                continue
            genitive = between.lower() in ("des", "der", "of", "of the") or (
                between == "" and self.lang == "ru" and not ma.weak and not mb.weak
            )  # "Bezirk Gijduvan des Gebiets Buchara", "Китабском районе Кашкадарьинской области"
            if genitive and lb > la and lb >= LEVEL["region"]:
                self.add(RelationType.LOCATED_IN, ma.entity, mb.entity, s, STRUCTURAL)
            elif between in (",", "(") and lb > la and a not in parents:
                self.add(RelationType.LOCATED_IN, ma.entity, mb.entity, s, STRUCTURAL)
                parents.update(self._chain_up(places, a, b, s))
            elif between == "" and ma.weak and ma.key and lb < la:
                self.add(RelationType.LOCATED_IN, mb.entity, ma.entity, s, STRUCTURAL)
            elif (
                between.lower() in ("в", "во", "in")
                and la > lb
                and self.word_before(a, LOCATIVE, 1)
            ):
                self.add(RelationType.LOCATED_IN, mb.entity, ma.entity, s, SENTENCE)

    def _chain_up(self, places: list[int], a: int, b: int, s: _Sentence) -> set[int]:
        """Link `a` to every larger place apposed after `b`; returns the apposed places."""
        index = places.index(b)
        last, apposed = b, {b}
        for c in places[index + 1 :]:
            mc, ml = self.mentions[c], self.mentions[last]
            if self.doc[ml.end : mc.start].text.strip() not in (",", ")", "),", "("):
                break
            if LEVEL.get(mc.subtype or "", 0) > LEVEL.get(self.mentions[a].subtype or "", 0):
                self.add(RelationType.LOCATED_IN, self.mentions[a].entity, mc.entity, s, SENTENCE)
            last = c
            apposed.add(c)
        return apposed

    # BASED_IN, PART_OF ----------------------------------------------------------------------

    def _based_in(self, s: _Sentence) -> None:
        orgs = [
            i
            for i in self.typed(s, "Organization")
            if not self.mentions[i].weak or self.mentions[i].role == "company"
        ]
        for i in self.typed(s, "Location"):
            mention = self.mentions[i]
            if (
                not (mention.weak and mention.key)
                or "-" in self.doc[mention.end : mention.end + 1].text
            ):
                continue
            org = self._org_after_adjective(mention, orgs)
            if org is not None:
                self.add(RelationType.BASED_IN, self.ent(org), mention.entity, s, SENTENCE)
        for i in self.typed(s, "Location"):
            country = self.mentions[i]
            end = country.end
            if country.subtype != "country" or country.weak or end + 1 >= s.span.end:
                continue
            if self.doc[end].lower_ in ("'s", "’s"):
                owned = next((j for j in orgs if self.mentions[j].start == end + 1), None)
                if owned is not None and self.mentions[owned].subtype == "company":
                    self.add(RelationType.BASED_IN, self.ent(owned), country.entity, s, STRUCTURAL)
        for i in orgs:
            body = self.mentions[i]
            place = body.properties.get("body_place")
            span = body.properties.get("body_place_span")
            if body.subtype == "government" and (place or span) and body.role != "embassy":
                target = next(
                    (
                        self.ent(j)
                        for j in s.mentions
                        if self.mentions[j].type == "Location"
                        and self._is_place_of(self.mentions[j], span, place)
                    ),
                    None,
                )
                if target is None and place is not None:
                    # "Navoi regional hokimiyat": the region named elsewhere in the article
                    target = next((k for k, e in enumerate(self.entities) if e.key == place), None)
                if target is not None:
                    self.add(RelationType.BASED_IN, body.entity, target, s, STRUCTURAL)
            if body.role == "embassy" or s.triggers.get("found"):
                self._based_after(s, i)

    @staticmethod
    def _is_place_of(mention: Mention, span: tuple[int, int] | None, key: str | None) -> bool:
        return mention.span == span or (key is not None and mention.key == key)

    def _org_after_adjective(self, adjective: Mention, orgs: list[int]) -> int | None:
        if not self._company_word_after(adjective):
            return None
        after = [i for i in orgs if 0 <= self.mentions[i].start - adjective.end <= 3]
        named_after = [i for i in after if not self.mentions[i].weak]
        if after:  # "таджикской компании «Гаюр»": the name, not the noun's referent
            return (named_after or after)[0]
        following = [i for i in orgs if 0 <= self.mentions[i].start - adjective.end <= 12]
        preceding = [i for i in orgs if self.mentions[i].end <= adjective.start]
        candidates = following or preceding[-1:]
        named = [i for i in candidates if not self.mentions[i].weak]
        return named[0] if named else None

    def _company_word_after(self, adjective: Mention) -> bool:
        """ "deutschen Firma", "Chinese carmaker", "китайская компания", "Agrarunternehmen"."""
        words = word_classes(self.lang)
        nouns = (*words.org_noun_suffixes, *words.org_nouns)
        for token in self.doc[adjective.end : adjective.end + 2]:
            lower = token.lower_
            if lower in words.org_nouns or any(len(n) > 3 and n in lower for n in nouns):
                return True
            if any(m.start == token.i and m.type == "Organization" for m in self.mentions):
                return True
        return False

    def _based_after(self, s: _Sentence, org: int) -> None:
        end = self.mentions[org].end
        for i in self.typed(s, "Location"):
            mention = self.mentions[i]
            if (
                mention.start >= end
                and self.word_before(i, LOCATIVE | {","}, 1)
                and not mention.weak
                and mention.start - end < 12
            ):
                self.add(
                    RelationType.BASED_IN, self.mentions[org].entity, mention.entity, s, SENTENCE
                )

    def _part_of(self, s: _Sentence) -> None:
        text = s.span.text.lower()
        companies = [
            i
            for i in self.typed(s, "Organization")
            if self.mentions[i].subtype == "company" and not self.mentions[i].weak
        ]
        for own in s.triggers.get("own", []):
            before = [i for i in companies if self.mentions[i].end <= own]
            after = [i for i in companies if self.mentions[i].start > own]
            if before and after:
                self.add(
                    RelationType.PART_OF, self.ent(before[-1]), self.ent(after[0]), s, SENTENCE
                )
        if any(f" {w} " in f" {text} " for w in JV_WORDS):
            ventures = [
                i
                for i in companies
                if self.word_before(i, NAMING_WORDS, 1) or self.mentions[i].source == "quoted"
            ]
            for venture in ventures:
                for owner in companies:
                    if owner != venture:
                        self.add(
                            RelationType.PART_OF, self.ent(venture), self.ent(owner), s, SENTENCE
                        )

    def _joint_ventures(self, s: _Sentence) -> None:
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
            for i in self.typed(s, "Organization")
            if self.mentions[i].subtype == "company"
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
        plants = [self.ent(i) for i in self.typed(s, "Plant") if self.mentions[i].start < start]
        if not plants and venture is None and self._subject_refers_back(s, start):
            recent = self.last_plant  # "Предприятие является совместным предприятием A и B"
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

    def _subject_refers_back(self, s: _Sentence, before: int) -> bool:
        """The sentence opens with a company or plant noun that names nothing itself ("The
        enterprise is a joint venture of ...")."""
        return any(
            self.mentions[i].weak and self.mentions[i].type in ("Organization", "Plant")
            for i in s.mentions
            if self.mentions[i].start < before
        )

    def _venture_phrase(self, s: _Sentence) -> tuple[int, int] | None:
        """Where the sentence says its subject *is* a joint venture of owners named next."""
        words = [t.lower_ for t in s.span]
        for k, word in enumerate(words):
            two = f"{word} {words[k + 1]}" if k + 1 < len(words) else word
            size = 2 if VENTURE.fullmatch(two) else 1 if VENTURE.fullmatch(word) else 0
            if not size:
                continue
            copula = any(w in COPULAS for w in words[max(0, k - 3) : k])
            following = words[k + size] if k + size < len(words) else ""
            owners_next = following in ("of", "between", "des", "der", "von", "zwischen") or (
                self.lang == "ru" and not self.doc[s.span.start + k + size].is_punct
            )
            if copula and owners_next:
                return s.span.start + k, s.span.start + k + size
        return None

    # INVESTS_IN, ORDERED ---------------------------------------------------------------------

    def _invests(self, s: _Sentence) -> None:
        """ "X will invest $Y in ...", "die Regierung soll das Projekt mit 25 Prozent
        subventionieren", "Правительство будет субсидировать до 20 процентов": an investor said
        to invest, finance or subsidise. "With an investment of $X" is the plant's own figure,
        and allocating (land, a site) is an investment only with an amount."""
        inside_plants = {
            t
            for i in self.typed(s, "Plant")
            for t in range(self.mentions[i].start, self.mentions[i].end)
        }
        for trigger in s.triggers.get("invest", []):
            if trigger in inside_plants:
                continue  # "Investitionsprojekt" names the plant, it is no investment verb
            amount = AMOUNT.search(self.doc[trigger : s.span.end].text)
            if amount is None and self.doc[trigger].lower_.startswith(NEEDS_AMOUNT):
                continue
            sources = [
                i
                for i in s.mentions
                if self.mentions[i].start < trigger
                and self.mentions[i].type in ("Organization", "Person")
                and self.mentions[i].subtype != "media"
                and not self._is_seat(i, s)
            ]
            plants = self.typed(s, "Plant")
            after = [i for i in plants if self.mentions[i].start > trigger]
            if not sources or not plants:
                continue
            properties = {"amount": amount.group(0)} if amount else {}
            target = (after or plants)[0]
            self.add(
                RelationType.INVESTS_IN,
                self.ent(sources[-1]),
                self.ent(target),
                s,
                SENTENCE,
                **properties,
            )

    def _ordered(self, s: _Sentence) -> None:
        """ "The president instructed the Government and the Ministry of Energy to build X":
        the official orders the bodies he addresses and the plant to be set up; "He also
        instructed ..." is the official who gave the last order (or acted last)."""
        for trigger in s.triggers.get("order", []):
            persons = [i for i in self.typed(s, "Person") if self.mentions[i].start <= trigger + 1]
            if persons:
                official = self.ent(persons[-1])
            elif self.orderer is not None or self.protagonist is not None:
                official = self.orderer if self.orderer is not None else self.protagonist
            else:
                continue
            addressed = self._addressed(s, trigger, persons[-1] if persons else None)
            setting_up = any(  # "to speed up the construction", "подготовить площадку"
                t > trigger
                for k in ("plan", "construct", "open", "site")
                for t in s.triggers.get(k, [])
            )
            plants = [
                i
                for i in self.typed(s, "Plant")
                if self.mentions[i].start > trigger and (not self.mentions[i].weak or setting_up)
            ]
            # "prepare a site for the project": the plant still to be set up, if one is named
            plants.sort(
                key=lambda i: (
                    self.entities[self.ent(i)].properties.get("status")
                    not in (
                        "planned",
                        "under_construction",
                    )
                )
            )
            for target in [*addressed, *plants[:1]]:
                self.add(RelationType.ORDERED, official, self.ent(target), s, SENTENCE)
            if addressed or plants:
                self.orderer = official

    def _addressed(self, s: _Sentence, trigger: int, official: int | None) -> list[int]:
        """The bodies an order goes to: named right after the order word ("instructed the
        Government and the Ministry of ...", "поручил хокимияту ... и Министерству ..."), or
        between the official and a verb-final order word ("hat die Regierung angewiesen")."""
        official_end = self.mentions[official].end if official is not None else s.span.start
        out = []
        for i in s.mentions:
            mention = self.mentions[i]
            if mention.type != "Organization" or mention.subtype in ("media", None):
                continue
            if mention.start > trigger:
                gap = [t for t in self.doc[trigger + 1 : mention.start] if not t.is_punct]
                nouns = word_classes(self.lang).org_nouns
                joined = all(
                    t.lower_ in ARTICLES
                    or t.lower_ in ORDER_JOINERS
                    or t.i in self._covered(s)
                    or t.lower_ in nouns  # "поручил руководству компании X"
                    or t.lower_.startswith(MANAGEMENT)
                    for t in gap
                )
                if joined and len(gap) <= 12:
                    out.append(i)
            elif official_end <= mention.start and self._verb_final_order(s, trigger):
                out.append(i)
        return [i for i in out if not self.word_before(i, WITH_WORDS | TOGETHER, 2)]

    def _verb_final_order(self, s: _Sentence, trigger: int) -> bool:
        """ "hat die Regierung angewiesen": the order word closes its clause."""
        following = self.doc[trigger + 1] if trigger + 1 < s.span.end else None
        return self.lang == "de" and (following is None or following.is_punct)

    def _covered(self, s: _Sentence) -> set[int]:
        """Tokens inside the sentence's organization mentions (a body listed before)."""
        return {
            t
            for i in s.mentions
            if self.mentions[i].type == "Organization"
            for t in range(self.mentions[i].start, self.mentions[i].end)
        }


def find_relations(
    doc: Doc, mentions: list[Mention], entities: list[Entity], triggers: dict[str, list[int]]
) -> list[Relation]:
    return RelationFinder(doc, mentions, entities, triggers, doc.lang_).run()
