"""The parties of a project: companies named in one list with a word that makes them parties
("implemented by A together with partners B and C", "signed between A, B and C", "An dem
Projekt sind A sowie B und C beteiligt", "Участниками проекта являются A, B и C") each plan
the plant the sentence is about (FORMAT.md: who builds or contracts for a plant plans it)."""

from __future__ import annotations

from collections.abc import Iterator

from graph_schema.vocabulary import RelationType
from loaders.extraction.kinds import COMPANY, GOVERNMENT, ORGANIZATION, PLANT
from loaders.extraction.lexicon import word_classes
from loaders.extraction.relations.plants import NAMING_NOUNS
from loaders.extraction.relations.reading import (
    DISCOURSE,
    SENTENCE,
    Proposal,
    Reading,
    Sentence,
    propose,
)
from loaders.extraction.relations.registry import strategy

# how far a party word may stand before the first company of its list or after the last
CUE_BEFORE, CUE_AFTER = 5, 3
# the most tokens between two companies of one list
LIST_GAP = 8
# the most lower-case words between two companies of a list without a party word between
LIST_WORDS = 2
# "and", ",", "(NFC)", "– 40%": what may stand between the items of a list of parties
LIST_PUNCT = frozenset(",–—-:()%«»„“”\"'")
# trigger kinds that tell of building or contracting a plant (its parties plan it)
PLANNING = ("plan", "construct", "sign", "built")
# how far the client may stand after its word ("Auftraggeber ist der staatliche Konzern X") or
# before it ("X, которое выступает в роли заказчика"), and how many sentences back the plant
CLIENT_AFTER, CLIENT_BEFORE, CLIENT_PLANT_BACK = 8, 6, 3


@strategy("project_parties")
def project_parties(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """PLANS (OPERATES for a standing plant told without a word of building) for every
    company listed as a party of a plant's project."""
    if not any(r.words.parties.matches(w) for w in s.lower_words()):
        return
    plants = _party_plants(r, s)
    if not plants:
        return
    several = len({r.ent(i) for i in r.typed(s, PLANT)} | {p for _, p in plants}) > 1
    for chain in _party_lists(r, s):
        if several and len(chain) == 1:
            continue  # "projects ... together with A, ... together with B": whose is which
        plant = _nearest_plant(r, plants, chain)
        rtype = _party_relation(r, s, plant)
        for i in chain:
            if r.mentions[i].subtype == COMPANY:
                yield propose(rtype, r.ent(i), plant, SENTENCE)


@strategy("executors")
def executors(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "The project is carried out by the Italian company Salini", "Der von der Firma TBEA
    durchgeführte Umbau", "Работы по строительству выполнила компания «Котам»": a company
    that carries out a plant's project or works builds the plant, so it plans it (FORMAT.md:
    builders and contractors plan), whatever the plant's status."""
    plants = {r.ent(i) for i in r.typed(s, PLANT) if not r.mentions[i].features.another}
    evidence = SENTENCE
    recent = s.discourse.last_plant
    if not plants and recent is not None and s.index - recent[1] <= 2 and _tells_works(r, s):
        plants, evidence = {recent[0]}, DISCOURSE
    if len(plants) != 1:
        return  # which of two plants the company builds the words do not say
    plant = next(iter(plants))
    for i in _builders(r, s):
        yield propose(RelationType.PLANS, r.ent(i), plant, evidence)


@strategy("contractors")
def contractors(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "Uzkhimprom concluded a contract with Poly Technologies for the construction of a tyre
    plant", "einen EPCC-Auftrag zum Bau einer Düngemittelfabrik", "право заключить контракт с
    A и B на строительство комплекса": the parties of a contract for building a plant — the
    customer and the contractors it names — plan it (ANNOTATION.md: builders and general
    contractors plan). The contract comes before the one plant of the sentence, and the
    sentence speaks of building it."""
    if not (s.triggers.get("construct") or s.triggers.get("plan")):
        return
    plants = [i for i in r.typed(s, PLANT) if not r.mentions[i].features.another]
    if len({r.ent(i) for i in plants}) != 1:
        return  # which of two plants a contract is for the words do not say
    plant = plants[0]
    contract = min(s.triggers["contract"])
    if contract > r.mentions[plant].start:
        return  # "the plant ... under a contract": its builder is told, not its parties
    for i in _builders(r, s):
        if r.mentions[i].end <= r.mentions[plant].start:
            yield propose(RelationType.PLANS, r.ent(i), r.ent(plant), SENTENCE)


@strategy("clients")
def clients(r: Reading, s: Sentence) -> Iterator[Proposal]:
    """ "Auftraggeber ist der staatliche Chemiekonzern Turkmenhimiya", "Предприятие построено
    по заказу Министерства промышленности", "the project customer will be the Ministry of
    Industry": the client a plant is built for plans it (as the customer of a contract does),
    whatever its status. The plant is the sentence's one plant, else the one told of just
    before; the client is the company or body nearest its word."""
    plants = {r.ent(i) for i in r.typed(s, PLANT) if not r.mentions[i].features.another}
    evidence = SENTENCE
    recent = s.discourse.last_plant
    if not plants and recent is not None and s.index - recent[1] <= CLIENT_PLANT_BACK:
        plants, evidence = {recent[0]}, DISCOURSE
    if len(plants) != 1:
        return
    plant = next(iter(plants))
    for word in s.triggers["client"]:
        client = _client_near(r, s, word)
        if client is not None:
            yield propose(RelationType.PLANS, r.ent(client), plant, evidence)


def _client_near(r: Reading, s: Sentence, word: int) -> int | None:
    """The named company or government body nearest after the client's word, else before it."""
    bodies = [
        i
        for i in r.typed(s, ORGANIZATION)
        if r.mentions[i].subtype in (COMPANY, GOVERNMENT)
        and not r.mentions[i].weak
        and not r.reporter(r.mentions[i])
    ]
    after = [i for i in bodies if 0 < r.mentions[i].start - word <= CLIENT_AFTER]
    if after:
        return min(after, key=lambda i: r.mentions[i].start)
    before = [i for i in bodies if 0 <= word - r.mentions[i].end < CLIENT_BEFORE]
    return max(before, key=lambda i: r.mentions[i].end) if before else None


def _tells_works(r: Reading, s: Sentence) -> bool:
    """The sentence speaks of a project or of building works ("the project", "Строительство")."""
    return any(r.words.project.matches(w) for w in s.lower_words()) or bool(
        s.triggers.get("construct") or s.triggers.get("plan")
    )


def _builders(r: Reading, s: Sentence) -> list[int]:
    """The sentence's named companies that can carry out works (no brand, no news outlet)."""
    return [
        i
        for i in r.typed(s, ORGANIZATION)
        if r.mentions[i].subtype == COMPANY
        and not r.mentions[i].weak
        and not r.mentions[i].features.goods
        and not r.reporter(r.mentions[i])
    ]


def _party_plants(r: Reading, s: Sentence) -> list[tuple[int, int]]:
    """(token, plant entity) of the plants of the sentence; else the plant of the sentence
    before when this one speaks of its project or contract."""
    named = [
        (r.mentions[i].start, r.ent(i))
        for i in r.typed(s, PLANT)
        if not r.mentions[i].features.another
        and (r.mentions[i].weak or r.mentions[i].features.plant_noun in NAMING_NOUNS)
    ]  # "signed a partnership agreement enabling the assembly": an activity, no plant
    if named or r.typed(s, PLANT):
        return named
    recent = s.discourse.last_plant
    refers = any(r.words.project.matches(w) for w in s.lower_words())
    refers = refers or bool(s.triggers.get("sign"))
    if recent is not None and refers and s.index - recent[1] <= 2:
        return [(s.span.start, recent[0])]
    return []


def _nearest_plant(r: Reading, plants: list[tuple[int, int]], chain: list[int]) -> int:
    start = r.mentions[chain[0]].start
    return min(plants, key=lambda p: abs(p[0] - start))[1]


def _party_relation(r: Reading, s: Sentence, plant: int) -> RelationType:
    """A standing plant whose parties are told without a word of building is run by them;
    otherwise they plan it (builders and contractors included)."""
    status = r.entities[plant].properties.get("status")
    planning = any(s.triggers.get(k) for k in PLANNING)
    if status == "operating" and not planning:
        return RelationType.OPERATES
    return RelationType.PLANS


def _party_lists(r: Reading, s: Sentence) -> list[list[int]]:
    """Lists of organizations that a party word introduces, closes or joins."""
    seats = r.seats_of(s)
    orgs = [
        i
        for i in r.typed(s, ORGANIZATION)
        if not r.mentions[i].weak
        and r.ent(i) not in seats
        and not r.mentions[i].features.goods
        and not r.reporter(r.mentions[i])
    ]
    chains: list[tuple[list[int], bool]] = []
    for i in _outermost(r, orgs):
        if chains:
            chain, cued = chains[-1]
            joined = _list_gap(r, r.mentions[chain[-1]].end, r.mentions[i].start)
            if joined is not None:
                chain.append(i)
                chains[-1] = (chain, cued or joined)
                continue
        chains.append(([i], False))
    out = []
    for chain, cued in chains:
        first, last = r.mentions[chain[0]], r.mentions[chain[-1]]
        before = _cue_before(r, max(s.span.start, first.start - CUE_BEFORE), first.start)
        after = _cue_within(r, last.end, min(s.span.end, last.end + CUE_AFTER))
        if cued or before or after:
            out.append(chain)
    return out


def _outermost(r: Reading, orgs: list[int]) -> list[int]:
    """One mention per stretch of text: the longest of those that overlap."""
    out: list[int] = []
    for i in sorted(orgs, key=lambda j: (r.mentions[j].start, -r.mentions[j].end)):
        if out and r.mentions[i].start < r.mentions[out[-1]].end:
            continue
        out.append(i)
    return out


def _list_gap(r: Reading, start: int, end: int) -> bool | None:
    """What stands between two organizations joins them in one list: None if not; True if a
    party word is among it ("A together with partners B"), False if only list words are
    ("A, B and C")."""
    if end - start > LIST_GAP:
        return None
    cued = _cue_within(r, start, end)
    joiners = r.words.coordinator | r.words.list_joiners
    lower = 0  # "и компанией", "and its partner": a few little words of the list
    for token in r.doc[start:end]:
        lower += token.is_lower and token.is_alpha
        if token.text in LIST_PUNCT or token.lower_ in joiners or token.like_num:
            continue
        if token.lower_ in r.words.articles or r.adjective_place(token.i):
            continue
        if _company_word(r, token.lower_):
            continue
        if cued and (token.is_lower or r.words.parties.matches(token.lower_)):
            continue  # "together with foreign partners", "and the consortium of"
        if token.is_lower and lower <= LIST_WORDS:
            continue
        return None
    return cued


def _cue_before(r: Reading, start: int, end: int) -> bool:
    """A party word right before a list, nothing but little words after it ("in partnership
    with", "signed between the", "Участниками проекта являются")."""
    tokens = list(r.doc[start:end])
    for k, token in enumerate(tokens):
        if r.words.parties.matches(token.lower_):
            return all(
                t.is_lower
                or t.text in LIST_PUNCT
                or _company_word(r, t.lower_)
                or r.adjective_place(t.i)
                for t in tokens[k + 1 :]
            )
    return False


def _cue_within(r: Reading, start: int, end: int) -> bool:
    return any(r.words.parties.matches(t.lower_) for t in r.doc[start:end])


def _company_word(r: Reading, lower: str) -> bool:
    """A company noun or legal form between the names of a list ("ПАО", "the company")."""
    return lower in word_classes(r.lang).org_nouns or lower in r.words.legal_forms
