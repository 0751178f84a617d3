"""Relations of places and organizations: places inside places (LOCATED_IN), where an
organization is from (BASED_IN), what it is part of (PART_OF)."""

from __future__ import annotations

import itertools

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
from loaders.extraction.model import Mention
from loaders.extraction.packs import Feature
from loaders.extraction.relation_base import (
    LEVEL,
    SENTENCE,
    STRUCTURAL,
    FinderBase,
    Sentence,
)
from loaders.extraction.tokens import is_trigger_word


class PlaceRules(FinderBase):
    """LOCATED_IN between places, BASED_IN and PART_OF."""

    def _places(self, s: Sentence) -> None:
        """ "Asaka, Andijan province", "Асаке (Андижанская область)", "В Узбекистане в
        Наманганской области", "usbekischen Dorf Shursuv": a place inside a larger one."""
        places = self.typed(s, LOCATION)
        for i in places:  # "Hauptstadt Deutschlands"
            country = self.mentions[i].features.capital_of
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
            genitive = between.lower() in self.words.genitive_link or (
                between == "" and self.has(Feature.CASE_MORPHOLOGY) and not ma.weak and not mb.weak
            )  # "Bezirk Gijduvan des Gebiets Buchara", "Китабском районе Кашкадарьинской области"
            district_of_city = ma.subtype == DISTRICT and mb.subtype == CITY
            if genitive and ((lb > la and lb >= LEVEL[REGION]) or district_of_city):
                self.add(RelationType.LOCATED_IN, ma.entity, mb.entity, s, STRUCTURAL)
            elif between in (",", "(") and lb > la and a not in parents:
                self.add(RelationType.LOCATED_IN, ma.entity, mb.entity, s, STRUCTURAL)
                parents.update(self._chain_up(places, a, b, s))
            elif between == "" and ma.weak and ma.key and lb < la:
                self.add(RelationType.LOCATED_IN, mb.entity, ma.entity, s, STRUCTURAL)
            elif (
                between.lower() in self.words.in_
                and la > lb
                and self.word_before(a, self.words.locative, 1)
            ):
                self.add(RelationType.LOCATED_IN, mb.entity, ma.entity, s, SENTENCE)

    def _chain_up(self, places: list[int], a: int, b: int, s: Sentence) -> set[int]:
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

    def _based_in(self, s: Sentence) -> None:
        orgs = [
            i
            for i in self.typed(s, ORGANIZATION)
            if not self.mentions[i].weak or self.mentions[i].role == "company"
        ]
        for i in self.typed(s, LOCATION):
            mention = self.mentions[i]
            if (
                not (mention.weak and mention.key)
                or "-" in self.doc[mention.end : mention.end + 1].text
            ):
                continue
            org = self._org_after_adjective(mention, orgs)
            if org is not None:
                self.add(RelationType.BASED_IN, self.ent(org), mention.entity, s, SENTENCE)
        for i in self.typed(s, LOCATION):
            country = self.mentions[i]
            end = country.end
            if country.subtype != COUNTRY or country.weak or end + 1 >= s.span.end:
                continue
            if self.doc[end].lower_ in self.words.possessive_clitic:
                owned = next((j for j in orgs if self.mentions[j].start == end + 1), None)
                if owned is not None and self.mentions[owned].subtype == COMPANY:
                    self.add(RelationType.BASED_IN, self.ent(owned), country.entity, s, STRUCTURAL)
        for i in orgs:
            body = self.mentions[i]
            place = body.features.body_place
            span = body.features.body_place_span
            if body.subtype == GOVERNMENT and (place or span) and body.role != "embassy":
                target = next(
                    (
                        self.ent(j)
                        for j in s.mentions
                        if self.mentions[j].type == LOCATION
                        and self._is_place_of(self.mentions[j], span, place)
                    ),
                    None,
                )
                if target is None and place is not None:
                    # "Navoi regional hokimiyat": the region named elsewhere in the article
                    target = next((k for k, e in enumerate(self.entities) if e.key == place), None)
                if target is not None:
                    self.add(RelationType.BASED_IN, body.entity, target, s, STRUCTURAL)
            if body.role == "embassy":
                self._based_after(s, i, None)
            elif s.triggers.get("found"):
                self._based_after(s, i, s.triggers["found"])
            self._based_from(s, i)
        self._based_compound(s, orgs)

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
        if self._plural_noun_after(adjective):
            preceding = []  # "to Tajik construction companies": not the company named before
        candidates = following or preceding[-1:]
        named = [i for i in candidates if not self.mentions[i].weak]
        return named[0] if named else None

    def _plural_noun_after(self, adjective: Mention) -> bool:
        """ "Tajik construction companies": English company nouns in the plural close by."""
        nouns = word_classes(self.lang).org_nouns
        return self.has(Feature.PLURAL_S) and any(
            t.lower_ in nouns and t.lower_.endswith("s") and not t.lower_.endswith("ss")
            for t in self.doc[adjective.end : adjective.end + 3]
        )

    def _company_word_after(self, adjective: Mention) -> bool:
        """ "deutschen Firma", "Chinese carmaker", "китайская компания", "Agrarunternehmen"."""
        words = word_classes(self.lang)
        nouns = (*words.org_noun_suffixes, *words.org_nouns)
        for token in self.doc[adjective.end : adjective.end + 2]:
            lower = token.lower_
            if lower in words.org_nouns or any(len(n) > 3 and n in lower for n in nouns):
                return True
            if any(m.start == token.i and m.type == ORGANIZATION for m in self.mentions):
                return True
        return False

    def _based_after(self, s: Sentence, org: int, found: list[int] | None) -> None:
        """ "X, headquartered in Y", "Mahle mit Sitz in Stuttgart", "X wurde in Y gegründet",
        "die in München ansässige Firma X": the place next to the founding word (any place
        after an embassy)."""
        company = self.mentions[org]
        homes = [
            i
            for i in self.typed(s, LOCATION)
            if self.word_before(i, self.words.locative | {","}, 1) and not self.mentions[i].weak
        ]
        if found is None:
            homes = [i for i in homes if 0 <= self.mentions[i].start - company.end < 12]
        else:  # "X has its seat in Y and a plant in Z": Z is no home
            homes = [i for i in homes if self._next_to_found(self.mentions[i], company, found)]
            homes = homes[:1]
        for i in homes:
            self.add(RelationType.BASED_IN, self.ent(org), self.ent(i), s, SENTENCE)

    def _next_to_found(self, place: Mention, company: Mention, found: list[int]) -> bool:
        """The place follows the founding word after the company ("founded in 1984 in
        Baoding", "mit Sitz in Stuttgart", "со штаб-квартирой в Штутгарте") or ends just
        before it ("in Stuttgart gegründet", "die in München ansässige Firma X")."""
        for t in found:
            before = 0 <= t - place.end <= 2
            if company.end <= t:
                after = 0 < place.start - t <= 5 and self._plain_between(t + 1, place.start)
                if after or (before and place.start >= company.end):
                    return True
            elif 0 < company.start - t <= 3 and before:
                return True
        return False

    def _plain_between(self, start: int, end: int) -> bool:
        """No other name and no verb between a founding word and its place ("mit Hauptsitz
        in Iphofen betreibt in Buchara": Buchara is not the home)."""
        return not any(
            (t.is_title and not t.is_sent_start) or is_trigger_word(self.lang, t.lower_)
            for t in self.doc[start:end]
        )

    def _whole_referred_to(self, s: Sentence, own: int, part: int) -> list[int]:
        """A company noun right after "subsidiary of" that refers to another company."""
        return [
            i
            for i in self.typed(s, ORGANIZATION)
            if self.mentions[i].role == "company"
            and 0 < self.mentions[i].start - own <= 2
            and self.ent(i) != part
        ]

    def _based_from(self, s: Sentence, org: int) -> None:
        """ "Sanko Tekstil из Газиантепа", "GEA Group aus Düsseldorf", "Ciech from Warsaw": a
        place right after the company and "from" is its home."""
        end = self.mentions[org].end
        if end >= s.span.end - 1 or self.doc[end].lower_ not in self.words.from_:
            return
        for i in self.typed(s, LOCATION):
            mention = self.mentions[i]
            if mention.start == end + 1 and not mention.weak:
                self.add(RelationType.BASED_IN, self.ent(org), mention.entity, s, SENTENCE)

    def _based_compound(self, s: Sentence, orgs: list[int]) -> None:
        """ "the Warsaw-based chemicals group Ciech": the place before "-based" is the home of
        the company named within a few words after it."""
        for i in self.typed(s, LOCATION):
            place = self.mentions[i]
            if place.end >= s.span.end:
                continue  # a headline may end with the place
            word = place.end + (1 if self.doc[place.end].text == "-" else 0)
            if place.weak or word >= s.span.end or self.doc[word].lower_ not in self.words.based:
                continue
            org = next((j for j in orgs if 0 < self.mentions[j].start - word <= 4), None)
            if org is not None:
                self.add(RelationType.BASED_IN, self.ent(org), place.entity, s, STRUCTURAL)

    def _part_of(self, s: Sentence) -> None:
        named = self.named_venture(s)
        if named is not None:  # "UzKorea Auto, a joint venture of A and B"
            venture, owners = named
            for owner in owners:
                self.add(RelationType.PART_OF, venture, owner, s, SENTENCE)
        text = s.span.text.lower()
        companies = [
            i
            for i in self.typed(s, ORGANIZATION)
            if self.mentions[i].subtype == COMPANY and not self.mentions[i].weak
        ]
        for own in s.triggers.get("own", []):
            before = [i for i in companies if self.mentions[i].end <= own]
            after = [i for i in companies if self.mentions[i].start > own]
            if before and not after:  # "X, einer Tochter des Konzerns": the group told of
                after = self._whole_referred_to(s, own, self.ent(before[-1]))
            if after and self.mentions[after[0]].features.goods:
                continue  # "montiert Mähdrescher der Marke Claas": the goods' brand
            if before and after:
                self.add(
                    RelationType.PART_OF, self.ent(before[-1]), self.ent(after[0]), s, SENTENCE
                )
        if any(f" {w} " in f" {text} " for w in self.words.joint_venture.forms):
            ventures = [
                i
                for i in companies
                if self.word_before(i, self.words.naming, 1) or self.mentions[i].features.quoted
            ]
            for venture in ventures:
                for owner in companies:
                    if owner != venture:
                        self.add(
                            RelationType.PART_OF, self.ent(venture), self.ent(owner), s, SENTENCE
                        )
