"""Plants: production sites named by a plant noun (plant, Werk, завод), with their status,
product, capacity and investment when the sentence states them."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from functools import cache

from spacy.tokens import Doc, Span, Token

from loaders.extraction.kinds import COMPANY, COUNTRY, LOCATION, ORGANIZATION, PLANT
from loaders.extraction.lexicon import WordClasses, word_classes
from loaders.extraction.linking import locative_before
from loaders.extraction.matching import Hits
from loaders.extraction.model import REFERENCE, Mention, MentionFeatures, PlantNoun, Source
from loaders.extraction.packs import Feature, pack, words_of
from loaders.extraction.products import product
from loaders.extraction.tokens import (
    is_capitalised,
    is_trigger_word,
    joins_words,
    lowers,
    sentence_of,
)

STATUS_ORDER = ("construct", "plan", "open")
# "производственного", "заводской": adjectives made from a plant noun's stem name no plant
RU_ADJECTIVE_FROM_STEM = re.compile(
    r"^(енн|ен|ск|н|ов)\w*(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ом|ем)$"
)
STATUS_OF = {"construct": "under_construction", "plan": "planned", "open": "operating"}


# what a sentence does to a company that tells of it as a site
SITE_ACTS = ("visit", "inaugurate")
# how far from a plant's noun phrase a company is still the one it names ("the plant of the
# company X", "X's plant", "завод компании X")
OWNER_REACH = 2
# how far after a company the place that says where it is may stand ("X in der Stadt Y")
PLACE_REACH = 4


def company_sites(
    doc: Doc, plants: list[Mention], mentions: list[Mention], triggers: dict[str, list[int]]
) -> list[Mention]:
    """A company visited or opened in a sentence that names no plant is told of as a site:
    "besuchte der Ministerpräsident Zilan Eversun Textile LLC in der Stadt Kara-Balta",
    "President Jeenbekov visited Artel Electronics". ANNOTATION.md makes it an organization
    and a plant of one name, joined by OPERATES: each such company (after the sentence's
    visit or opening word) gets a plant mention of the same span, which linking gives the
    company as its operator. A company whose plant the document names elsewhere ("the
    Hyrasia One project") is visited at that plant, not at a site of its own."""
    acts = sorted(t for kind in SITE_ACTS for t in triggers.get(kind, []))
    if not acts:
        return []
    reports = set(triggers.get("report", []))
    meets = triggers.get("meet", [])
    with_plant = {sentence_of(doc, p.start).start for p in plants if not p.weak}
    owners = _plant_owners(doc, plants, mentions)
    words = words_of(doc.lang_)
    out = []
    for m in mentions:
        if m.type != ORGANIZATION or m.subtype != COMPANY or m.weak or m.features.goods:
            continue
        if m.end in reports or any(m.start - k in reports for k in (1, 2, 3)):
            continue  # "..., Trend reports": the source of the news
        opening = sentence_of(doc, m.start).start
        act = max((t for t in acts if opening <= t < m.start), default=None)
        if opening in with_plant or act is None or _name_key(doc, m) in owners:
            continue
        if any(words.premises.matches(t.lower_) for t in doc[act : m.start]):
            continue  # "посетил офис компании X": an office is no site
        if any(act < t < m.start for t in meets):
            continue  # "в ходе визита ... провел переговоры с компанией X": whom one talks to
        if _in_a_country(doc, m, mentions):
            continue  # "besuchte den Autobauer X in Deutschland": a company visited abroad
        site = MentionFeatures(company_site=True)
        out.append(Mention(m.start, m.end, PLANT, source=Source.NAMED, features=site))
    return out


def _in_a_country(doc: Doc, company: Mention, mentions: list[Mention]) -> bool:
    """The place told right after the company, with "in", is a country: the company as a
    whole is visited on a trip abroad, no site of it."""
    after = [
        m
        for m in mentions
        if m.type == LOCATION
        and not m.weak
        and company.end < m.start <= company.end + PLACE_REACH
        and locative_before(doc, m.start)
    ]
    return bool(after) and min(after, key=lambda m: m.start).subtype == COUNTRY


def _plant_owners(doc: Doc, plants: list[Mention], mentions: list[Mention]) -> set[tuple[str, ...]]:
    """The names of the companies written at a plant's noun phrase, anywhere in the text
    (weak ones too: "проекта Hyrasia One")."""
    # the reach of every plant, by start; with the farthest end reached so far, one bisection
    # tells whether some reach holds a company (every company against every plant was slow)
    spans = sorted((p.start - OWNER_REACH, p.end + OWNER_REACH) for p in plants)
    starts = [lo for lo, _ in spans]
    farthest = list(itertools.accumulate((hi for _, hi in spans), max))
    out = set()
    for m in mentions:
        if m.type != ORGANIZATION:
            continue
        reached = bisect_right(starts, m.start)
        if reached and farthest[reached - 1] >= m.end:
            out.add(_name_key(doc, m))
    return out


def _name_key(doc: Doc, mention: Mention) -> tuple[str, ...]:
    """A name compared across inflection: the first letters of each word ("Хайчень групп",
    "Хайчень группы")."""
    return tuple(t.lower_[:5] for t in doc[mention.start : mention.end] if t.is_alpha)


class PlantFinder:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.pack = pack(lang)
        self.words = word_classes(lang)
        self.named: set[int] = set()  # tokens of the names of the Doc being read

    def find(
        self, doc: Doc, hits: Hits, triggers: dict[str, list[int]], taken: set[int]
    ) -> list[Mention]:
        out = []
        self.named = taken
        word_hits = {h.start: h for h in hits.get("PLANT_WORD")}
        words = lowers(doc)  # every token is asked: its cached text, no Token object each
        i = 0
        while i < len(doc):
            hit = word_hits.get(i)
            if hit is not None:
                strength, end = hit.payload, hit.end
            else:
                strength, end = _token_strength(words[i], self.lang, self.words), i + 1
            if strength is None or i in taken or _in_venture(doc, i):
                i += 1
                continue
            mention = self._plant(doc, i, end, strength, triggers)
            if mention is not None:
                out.append(mention)
            i = end
        return out

    def _plant(
        self, doc: Doc, start: int, end: int, strength: str, triggers: dict[str, list[int]]
    ) -> Mention | None:
        sentence = sentence_of(doc, start)
        cues = {
            kind
            for kind in ("plan", "construct", "open", "operate", "built")
            if _within(triggers.get(kind, []), sentence.start, sentence.end)
        }
        if any(sentence.start <= t < start for t in triggers.get("order", [])):
            cues.add("plan")  # "instructed to set up a plant": a plant to be
        # "строительство газохимического комплекса", "the construction of a complex"
        built = any(start - 3 <= t < start for t in triggers.get("construct", []))
        if strength == "weak" and not built and not self._weak_is_plant(doc, start, end, cues):
            # "the project", "das Projekt", "завод": a reference back to the last plant
            return Mention(
                start,
                end,
                PLANT,
                None,
                weak=True,
                role="plant",
                source=Source.ROLE,
                features=REFERENCE,
            )
        begin = _modifiers_start(doc, start)
        if (
            strength == "weak"
            and self.pack.words.production.matches(doc[start].lower_)
            and not any(
                self.pack.words.production.matches(t.lower_)
                for t in doc[end : min(len(doc), end + 5)]
            )
        ):
            strength = "production"  # "Produktion", "производство" alone: an activity
        if _visited(doc, sentence, begin, triggers):
            # "visited the plant of X in Busan and discussed the organisation of production in
            # Fergana": what the plant's own clause says; seen, it stands unless said built
            until = _clause_end(doc, end, sentence.end)
            cues = {k for k in cues if _within(triggers.get(k, []), sentence.start, until)}
            if not cues & {"plan", "construct"}:
                cues = {"open"}
        mention = Mention(begin, end, PLANT, None, source=Source(strength))
        if (
            is_capitalised(doc[start])
            and self.pack.has(Feature.TITLE_CASE_NAMES)
            and start > sentence.start
            and not doc[start].is_sent_start
        ):
            name_start = start
            while (
                name_start > sentence.start
                and is_capitalised(doc[name_start - 1])
                and not doc[name_start - 1].is_sent_start
            ):
                name_start -= 1
            if name_start < start:
                mention.start = name_start
                mention.name = doc[name_start:end].text
        mention.properties.update(
            _attributes(doc, sentence, start, end, cues, triggers, self.named)
        )
        said: frozenset[str] = frozenset()
        made: frozenset[str] = frozenset()
        if strength in ("strong", "part"):  # "цех по выпуску смесей" is not a cable plant
            said = _descriptors(doc, begin, start, end, None, self.lang)
            made = _descriptors(doc, start, start, end, mention.properties.get("product"), "")
        before = doc[max(sentence.start, begin - 2) : start]
        mention.features = MentionFeatures(
            # "уже управляет фабрикой": said to run
            running="open" in cues and mention.properties.get("status") == "operating",
            descriptors=said | made,
            by_product=bool(made and not said),  # "на заводе выпускают автобусы": what it makes
            part=strength == "part",
            plant_noun=PlantNoun(strength),
            # "a second smelter", "ein weiteres Werk"
            another=any(self.pack.words.another.matches(t.lower_) for t in before),
        )
        return mention

    def _weak_is_plant(self, doc: Doc, start: int, end: int, cues: set[str]) -> bool:
        fw = self.pack.words
        window = doc[end : min(len(doc), end + 5)]
        if any(fw.production.matches(t.lower_) for t in window):
            return True
        site = self.pack.has(Feature.ENTERPRISE_SITE)
        if site and any(t.lower_ in fw.make_verbs for t in window):
            return True  # "Предприятие ... производит полиэтилен": a site (German "Unternehmen
            # produziert" is the company)
        before = doc[max(0, start - 2) : start]
        if any(fw.industrial_modifiers.matches(t.lower_) for t in before) and (
            doc[start].lower_ not in self.pack.words.project_nouns
        ):
            return True
        return fw.production.matches(doc[start].lower_) and bool(cues & {"plan", "construct"})


@cache
def _stem_strength(lower: str, lang: str) -> str | None:
    words = word_classes(lang)
    language = pack(lang)
    if lower in words.plant_blocklist:
        return None
    if language.has(Feature.NOUN_COMPOUNDS):
        for suffix, strength in words.plant_suffixes:
            if lower.endswith(suffix) and len(lower) > len(suffix):
                return strength
    if language.has(Feature.CASE_MORPHOLOGY):
        for stem, strength in words.plant_stems:
            if lower.startswith(stem) and not RU_ADJECTIVE_FROM_STEM.match(lower[len(stem) :]):
                return strength
    return None


def _token_strength(lower: str, lang: str, words: WordClasses) -> str | None:
    if not lower.isalpha():
        return None
    return _stem_strength(lower, lang)


def is_plant_word(token: Token, hits: Hits, strong: bool = False) -> bool:
    """A plant noun: a listed word, a German compound ("Zementfabrik") or a Russian stem;
    `strong`: only the nouns that always name a site (not "production", "Projekt")."""
    lang = token.doc.lang_
    hit = hits.covering("PLANT_WORD", token.i)
    strength = hit.payload if hit else _token_strength(token.lower_, lang, word_classes(lang))
    return strength == "strong" if strong else strength is not None


def _modifiers_start(doc: Doc, start: int) -> int:
    language = pack(doc.lang_)
    fw = language.words
    inflected = language.has(Feature.INFLECTED_ADJECTIVES)
    begin = start
    while begin > 0 and begin > start - 3:
        token = doc[begin - 1]
        if (
            not (token.is_alpha and token.is_lower)
            or token.lower_ in fw.linking
            or token.lower_ in fw.articles
            or token.lower_ in fw.not_modifiers
            or _verb_like(token)
            or _token_strength(token.lower_, doc.lang_, word_classes(doc.lang_))
            or token.lower_ in word_classes(doc.lang_).plant_words
            or (inflected and not fw.adjective_endings.ends(token.lower_))
            or fw.verbal_noun_endings.ends(token.lower_)
            or (begin >= 2 and doc[begin - 2].like_num)  # "$200m cement plant": a figure's unit
        ):
            break  # modifiers are adjectives ("автомобильный завод", "neues Werk"), not verbs
        begin -= 1
        if _hyphenated_first_part(doc, begin):
            begin -= 2  # "ore-dressing plant", "горно-обогатительный комбинат": one modifier
    return begin


def _hyphenated_first_part(doc: Doc, index: int) -> bool:
    """A lower-case word that a hyphen joins to the modifier at `index`."""
    return index >= 2 and joins_words(doc, index - 1) and doc[index - 2].is_lower


def _visited(doc: Doc, sentence: Span, begin: int, triggers: dict[str, list[int]]) -> bool:
    """A visit word a few words before the plant's phrase, nothing but its own words between
    ("visited the Namangan Textile Group factory", "посетил завод", "besichtigte das Werk")."""
    visits = triggers.get("visit", [])
    k = bisect_left(visits, max(sentence.start, begin - 6))  # the list is sorted
    while k < len(visits) and visits[k] < begin:
        if not any(doc[i].is_punct for i in range(visits[k] + 1, begin)):
            return True
        k += 1
    return False


def _clause_end(doc: Doc, end: int, sentence_end: int) -> int:
    """Where the clause of a plant ends: at a coordinated new verb ("... and discussed",
    "... und besprach", "... и обсудил")."""
    fw = words_of(doc.lang_)
    for i in range(end, sentence_end - 1):
        if doc[i].lower_ in fw.and_:
            following = doc[i + 1]
            if following.is_alpha and following.is_lower and following.lower_ not in fw.articles:
                return i
    return sentence_end


def _within(sorted_tokens: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of token indices has one in [start, end)."""
    k = bisect_left(sorted_tokens, start)
    return k < len(sorted_tokens) and sorted_tokens[k] < end


def _in_venture(doc: Doc, index: int) -> bool:
    """ "совместным предприятием", "joint venture": an enterprise that is a company, unless
    what it makes follows ("совместного предприятия по выпуску перекиси": the site)."""
    if index == 0 or not words_of(doc.lang_).joint.matches(doc[index - 1].lower_):
        return False
    window = doc[index + 1 : min(len(doc), index + 4)]
    production = words_of(doc.lang_).production
    return not any(production.matches(t.lower_) for t in window)


def _verb_like(token: Token) -> bool:
    """ "opens", "build", "discuss" before a plant noun in a headline: verbs, no modifiers."""
    return is_trigger_word(token.doc.lang_, token.lower_)


def _attributes(
    doc: Doc,
    sentence: Span,
    start: int,
    end: int,
    cues: set[str],
    triggers: dict[str, list[int]],
    named: set[int],
) -> dict[str, str]:
    out: dict[str, str] = {}
    if "built" in cues and not _future(sentence, triggers):
        cues = {"open"}  # "was built by X", "wurde errichtet", "построила": it stands now
    talked = ("discuss", "sign")
    if "construct" in cues and any(
        sentence.start <= t < start for k in talked for t in triggers.get(k, [])
    ):
        cues = (cues - {"construct"}) | {"plan"}  # "discussed the construction of": a plan
    for kind in STATUS_ORDER:
        if kind in cues or (kind == "open" and "operate" in cues):
            if kind == "plan" and "open" in cues and not _future(sentence, triggers):
                continue
            out["status"] = STATUS_OF[kind]
            if kind == "open" and "open" not in cues and _future(sentence, triggers):
                out["status"] = "planned"  # "the complex will produce 6,000 trucks"
            break
    made = product(doc, start, end, sentence, named)
    if made:
        out["product"] = made
    offset = doc[start].idx - sentence.start_char
    text = sentence.text  # built from the tokens on each call: once
    patterns = pack(doc.lang_).patterns
    money = _nearest(patterns.money, text, offset)
    if money:
        out["investment"] = money.group(0).strip()
    capacity = _nearest(patterns.capacity, text, offset)
    if capacity and (money is None or capacity.start() != money.start()):
        out["capacity"] = capacity.group(0).strip()
    return out


def _nearest(pattern: re.Pattern[str], text: str, offset: int) -> re.Match[str] | None:
    """The figure that follows the plant in its sentence ("furniture worth $250 million, car
    components worth $100 million": each its own), else the last one before it."""
    found = list(pattern.finditer(text))
    after = [m for m in found if m.start() >= offset]
    return after[0] if after else (found[-1] if found else None)


def _descriptors(
    doc: Doc, begin: int, start: int, end: int, product: str | None, lang: str
) -> frozenset[str]:
    """What tells this plant from another in the same text: its modifiers ("engine plant",
    "textile factory"), the first part of a German compound ("Zementfabrik") and its product
    ("завод по производству полиэтилена"), as word stems."""
    words = [t.lower_ for t in doc[begin:start] if t.is_alpha]
    if lang and pack(lang).has(Feature.NOUN_COMPOUNDS):
        head = doc[start].lower_
        for suffix, _strength in word_classes(lang).plant_suffixes:
            if head.endswith(suffix) and len(head) - len(suffix) >= 3:
                words.append(head[: -len(suffix)])
                break
    if product:
        words += [w.lower() for w in product.split()[:2] if w.isalpha()]
    generic = words_of(doc.lang_).generic_modifiers
    return frozenset(w[:5] for w in words if len(w) > 2 and not generic.matches(w))


def _future(sentence: Span, triggers: dict[str, list[int]]) -> bool:
    return any(sentence.start <= t < sentence.end for t in triggers.get("future", []))
