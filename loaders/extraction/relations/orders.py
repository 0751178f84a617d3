"""What officials and investors set in motion: orders to bodies and plants (ORDERED) and
investments said with a verb (INVESTS_IN)."""

from __future__ import annotations

from collections.abc import Iterator

from graph_schema.vocabulary import RelationType
from loaders.extraction.kinds import COUNTRY, LOCATION, MEDIA, ORGANIZATION, PERSON, PLANT
from loaders.extraction.lexicon import word_classes
from loaders.extraction.packs import Feature
from loaders.extraction.relations.reading import (
    DISCOURSE,
    SENTENCE,
    Evidence,
    Proposal,
    Reading,
    Sentence,
    propose,
)
from loaders.extraction.relations.registry import strategy


@strategy("investments")
def investments(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "X will invest $Y in ...", "financed through a loan from the X Fund", "die Regierung
    soll das Projekt mit 25 Prozent subventionieren", "Правительство будет субсидировать до 20
    процентов": an investor, or a lender named after the loan or support it gives, said to
    invest, finance or subsidise a plant of the sentence, the plant told of just before, or a
    place ("investiert in Kasachstan"). "With an investment of $X" is the plant's own figure,
    and allocating (land, a site) is an investment only with an amount."""
    inside_plants = {
        t for i in r.typed(s, PLANT) for t in range(r.mentions[i].start, r.mentions[i].end)
    }
    for trigger in s.triggers.get("invest", []):
        if trigger in inside_plants:
            continue  # "Investitionsprojekt" names the plant, it is no investment verb
        amount = r.pack.patterns.amount.search(r.doc[trigger : s.span.end].text)
        if amount is None and r.words.needs_amount.matches(r.doc[trigger].lower_):
            continue
        sources = (
            _lenders(r, s, trigger)
            or [
                i
                for i in s.mentions
                if r.mentions[i].start < trigger
                and r.mentions[i].type in (ORGANIZATION, PERSON)
                and r.mentions[i].subtype != MEDIA
                and not r.is_seat(i, s)
            ][-1:]
        )
        invested = _invested_in(r, s, trigger)
        if not sources or invested is None:
            continue
        properties = {"amount": amount.group(0)} if amount else {}
        target, evidence = invested
        for source in sources:
            yield propose(RelationType.INVESTS_IN, r.ent(source), target, evidence, **properties)


def _lenders(r: Reading, s: Sentence, trigger: int) -> list[int]:
    """The organization named right after a noun of lent or granted money ("a loan from
    the Kyrgyz-Russian Development Fund", "Darlehen der Europäischen Bank", "при поддержке
    фонда"), or after "by" following the verb ("financed by the Government and the IsDB"),
    with the organizations listed after it."""
    lenders = [
        i
        for i in s.mentions
        if r.mentions[i].type == ORGANIZATION
        and r.mentions[i].subtype != MEDIA
        and not r.mentions[i].weak
    ]
    for k, i in enumerate(lenders):
        start = r.mentions[i].start
        before = [w for w in r.words_before(start, 4) if w not in r.words.articles]
        lent = any(r.words.lending.matches(word) for word in before[-3:])
        agent = 0 < start - trigger <= 3 and bool(before) and before[-1] in r.words.by
        if lent or agent:
            listed = [i]
            for following in lenders[k + 1 :]:
                if not r.listed_together(listed[-1], following):
                    break
                listed.append(following)
            return listed
    return []


def _invested_in(r: Reading, s: Sentence, trigger: int) -> tuple[int, Evidence] | None:
    """What the money goes into: a plant of the sentence (the first after the verb), else
    a place named with "in" after it, else the plant told of in the sentence before."""
    plants = [i for i in r.typed(s, PLANT) if not r.mentions[i].features.another]
    if plants:
        after = [i for i in plants if r.mentions[i].start > trigger]
        return r.ent((after or plants)[0]), SENTENCE
    for i in r.typed(s, LOCATION):
        mention = r.mentions[i]
        following = r.doc[mention.end].lower_ if mention.end < len(r.doc) else ""
        if (
            mention.start > trigger
            and not mention.weak
            and r.word_before(i, r.words.in_, 1)
            and following not in r.words.possessive_clitic  # "in Shymkent's Chimpharm"
        ):
            return mention.entity, SENTENCE
    recent = s.discourse.last_plant
    if recent is not None and s.index - recent[1] <= 1:
        return recent[0], DISCOURSE
    return None


@strategy("country_investors")
def country_investors(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "Chinese investors", "Investoren aus China", "китайские инвесторы", "built through
    Chinese investments": the country whose investors or money build the plant invests in it
    (ANNOTATION.md: "built with investors of country X"), the plant of the sentence or the
    one told of in the sentence before."""
    countries = {
        country
        for offset, word in enumerate(s.lower_words())
        if r.words.investors.matches(word)
        and (country := _country_of_investors(r, s, s.span.start + offset)) is not None
    }
    if not countries:
        return
    plants = {r.ent(i) for i in r.typed(s, PLANT) if not r.mentions[i].features.another}
    evidence = SENTENCE
    recent = s.discourse.last_plant
    if not plants and recent is not None and s.index - recent[1] <= 1:
        plants, evidence = {recent[0]}, DISCOURSE
    if len(plants) != 1:
        return  # whose money builds which plant the words do not say
    plant = next(iter(plants))
    for country in countries:
        yield propose(RelationType.INVESTS_IN, country, plant, evidence)


def _country_of_investors(r: Reading, s: Sentence, noun: int) -> int | None:
    """The country (entity) named right before an investor noun ("Chinese investors", one
    word between at most) or after it with "from" ("investors from Iran")."""
    for i in r.typed(s, LOCATION):
        mention = r.mentions[i]
        if mention.subtype != COUNTRY:
            continue
        before = 0 <= noun - mention.end <= 1
        after = mention.start == noun + 2 and r.doc[noun + 1].lower_ in r.words.from_
        if before or after:
            return mention.entity
    return None


@strategy("orders")
def orders(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "The president instructed the Government and the Ministry of Energy to build X":
    the official orders the bodies he addresses and the plant to be set up; "He also
    instructed ..." is the official who gave the last order (or acted last)."""
    named = {t for i in s.mentions for t in range(r.mentions[i].start, r.mentions[i].end)}
    for trigger in s.triggers.get("order", []):
        if trigger in named:
            continue  # a word of a name ("Signs Decree" misread in a headline) orders nothing
        persons = [i for i in r.typed(s, PERSON) if r.mentions[i].start <= trigger + 1]
        if persons:
            official = r.ent(persons[-1])
        elif (
            earlier := s.discourse.orderer
            if s.discourse.orderer is not None
            else s.discourse.protagonist
        ) is not None:
            official = earlier
        else:
            continue
        addressed = _addressed(r, s, trigger, persons[-1] if persons else None)
        setting_up = any(  # "to speed up the construction", "подготовить площадку"
            t > trigger
            for k in ("plan", "construct", "open", "site")
            for t in s.triggers.get(k, [])
        )
        plants = [
            i
            for i in r.typed(s, PLANT)
            if _order_object(r, s, i, trigger, persons[-1] if persons else None)
            and (not r.mentions[i].weak or setting_up)
        ]
        # "prepare a site for the project": the plant still to be set up, if one is named
        plants.sort(
            key=lambda i: (
                r.entities[r.ent(i)].properties.get("status")
                not in (
                    "planned",
                    "under_construction",
                )
            )
        )
        for target in [*addressed, *plants[:1]]:
            yield propose(RelationType.ORDERED, official, r.ent(target), SENTENCE)
        if addressed or plants:
            s.discourse.orderer = official


def _order_object(r: Reading, s: Sentence, plant: int, trigger: int, official: int | None) -> bool:
    """The plant follows the order word, or stands between the official and a verb-final
    one ("hat den Bau einer Kupferhütte in Almalyk angeordnet")."""
    start = r.mentions[plant].start
    if start > trigger:
        return True
    official_end = r.mentions[official].end if official is not None else s.span.start
    return official_end <= start and _verb_final_order(r, s, trigger)


def _addressed(r: Reading, s: Sentence, trigger: int, official: int | None) -> list[int]:
    """The bodies an order goes to: named right after the order word ("instructed the
    Government and the Ministry of ...", "поручил хокимияту ... и Министерству ..."), or
    between the official and a verb-final order word ("hat die Regierung angewiesen")."""
    official_end = r.mentions[official].end if official is not None else s.span.start
    out = []
    for i in s.mentions:
        mention = r.mentions[i]
        if mention.type != ORGANIZATION or mention.subtype in (MEDIA, None):
            continue
        if mention.start > trigger:
            gap = [t for t in r.doc[trigger + 1 : mention.start] if not t.is_punct]
            nouns = word_classes(r.lang).org_nouns
            joined = all(
                t.lower_ in r.words.articles
                or t.lower_ in r.words.order_joiners
                or t.text == ","
                or t.i in _covered(r, s)
                or t.lower_ in nouns  # "поручил руководству компании X"
                or r.words.management.matches(t.lower_)
                for t in gap
            )
            if joined and len(gap) <= 12:
                out.append(i)
        elif official_end <= mention.start and _verb_final_order(r, s, trigger):
            out.append(i)
        elif _passive_order(r, trigger) and _joined_before(r, s, mention.end, trigger):
            out.append(i)  # "Министерству промышленности поручено построить завод"
    return [i for i in out if not r.word_before(i, r.words.with_ | r.words.together, 2)]


def _passive_order(r: Reading, trigger: int) -> bool:
    """ "поручено", "was instructed", "wurde beauftragt": the body ordered stands before the
    order word, in the dative in Russian, as the subject in English and German."""
    word = r.doc[trigger].lower_
    before = r.doc[trigger - 1].lower_ if trigger > 0 else ""
    if r.has(Feature.PASSIVE_BY_ENDING):
        return r.words.passive_endings.ends(word)
    return before in r.words.passive_auxiliary


def _joined_before(r: Reading, s: Sentence, end: int, trigger: int) -> bool:
    """Only other ordered bodies, joiners or an auxiliary stand between a body and the
    order word."""
    covered = _covered(r, s)
    return (
        all(
            t.is_punct
            or t.i in covered
            or t.lower_ in r.words.order_joiners
            or t.text == ","
            or t.lower_ in r.words.passive_auxiliary
            for t in r.doc[end:trigger]
        )
        and trigger - end <= 3
    )


def _verb_final_order(r: Reading, s: Sentence, trigger: int) -> bool:
    """ "hat die Regierung angewiesen": the order word closes its clause."""
    following = r.doc[trigger + 1] if trigger + 1 < s.span.end else None
    return r.has(Feature.VERB_FINAL) and (following is None or following.is_punct)


def _covered(r: Reading, s: Sentence) -> set[int]:
    """Tokens inside the sentence's organization mentions (a body listed before)."""
    return {
        t
        for i in s.mentions
        if r.mentions[i].type == ORGANIZATION
        for t in range(r.mentions[i].start, r.mentions[i].end)
    }
