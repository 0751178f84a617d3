"""What a plant makes: the noun phrase after "production of" / "zur Herstellung von" /
"по производству", or the object of "the plant makes" / "das Werk stellt ... her" / "завод
выпускает". A product is goods ("passenger cars and crossovers", "электробусы",
"Gipskartonplatten"): the phrase ends where a preposition, a time word or a verb begins ("for
the CIS market", "next year", "has started"), and a phrase that is a company ("der Firma
Chery", "компании Isuzu Motors") or only names is none. When unsure, no product."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from loaders.extraction.lexicon import word_classes
from loaders.extraction.tokens import is_trigger_word, russian_morphology

PRODUCTION_WORDS = re.compile(
    r"^(production|manufactur\w*|assembly|produktion|herstellung|fertigung|montage|"
    r"производств\w*|выпуск\w*|сборк\w*)$"
)
# verbs whose object is the product when a plant is their subject ("the plant makes cables")
MAKE_VERBS = re.compile(
    r"^(produces?|produced|producing|makes?|manufactures?|assembles?|"
    r"produziert|produzieren|fertigt|fertigen|"
    r"производит|производят|производить|собирает|собирают|собирать)$"
)
# German verb-final production: "stellt X her", "soll X herstellen"
DE_MAKE_INFINITIVES = frozenset(["herstellen", "produzieren", "fertigen", "montieren"])
DE_MODALS = frozenset(["soll", "sollen", "wird", "werden", "will", "wollen", "kann", "können"])
PRODUCT_LINKS = frozenset(["of", "von", "der", "des", "für"])
LEADING = frozenset(["of", "von", "the", "der", "des", "die", "den", "a", "an"])
# words at which a product's noun phrase has ended: prepositions (place, time, purpose,
# partner), time adverbs, brand words ("автобусы марки Isuzu" makes buses)
ENDS = frozenset(
    (
        *("in", "at", "for", "from", "to", "by", "on", "since", "until", "with", "together"),
        *("worth", "under", "per", "next", "this", "last", "starting", "within", "as", "which"),
        *("that", "where", "brand", "brands", "annually", "yearly", "already", "also", "here"),
        *("im", "für", "mit", "ab", "bis", "seit", "nach", "bei", "pro", "zur", "zum", "am"),
        *("ins", "gemeinsam", "zusammen", "nächsten", "nächstes", "kommenden", "dieses"),
        *("diesem", "jährlich", "unter", "marke", "marken", "künftig", "bereits", "auch"),
        *("dort", "hier", "die", "das"),
        *("в", "во", "на", "для", "с", "со", "до", "к", "по", "под", "при", "совместно"),
        *("вместе", "ежегодно", "уже", "также", "марки", "марок", "бренда", "брендом"),
        *("который", "которые", "которая", "где", "из", "от", "здесь", "там"),
    )
)
AUXILIARIES = frozenset(
    (
        *("is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will"),
        *("would", "shall", "can", "could", "should", "may", "must", "did", "does", "do"),
        *("ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben"),
        *("hatte", "soll", "sollen", "kann", "können"),
        *("будет", "будут", "был", "была", "было", "были", "является"),
    )
)
# quantities before the goods ("up to 6,000 MAN tractors", "1,2 млн тонн цемента")
QUANTITY = re.compile(
    r"^(\d[\d.,]*|up|to|about|around|over|some|more|than|mehr|als|thousand|thousands|million|millions|billion|"
    r"tons?|tonnes?|pieces|units|sets|pairs|square|meters|metres|cubic|"
    r"bis|zu|rund|etwa|über|tausend|millionen|milliarden|mio|tonnen|stück|einheiten|"
    r"quadratmeter\w*|kubikmeter\w*|jährlich|"
    r"до|около|свыше|более|порядка|тыс|тысяч\w*|млн|млрд|миллион\w*|тонн\w*|штук|единиц|"
    r"квадратных|кубических|метров|комплектов|ежегодно)$"
)
TIME_WORDS = re.compile(r"^(year|years|month|months|jahr\w*|monat\w*|год\w*|месяц\w*|\d{4})$")
# a figure of the plant follows the goods ("электромобилей мощностью 10 тысяч", "worth")
FIGURE_WORDS = re.compile(
    r"^(capacity|costing|valued|kapazität|kosten|wert|мощност\w*|стоимост\w*|объ[её]м\w*)$"
)
# "30 тысяч тонн продукции", "its output": the word for goods in general names none
GENERIC_GOODS = frozenset(
    ["products", "output", "goods", "produkte", "erzeugnisse", "продукции", "продукция"]
)
RU_NOT_NOUN = frozenset(["VERB", "INFN", "PRTS", "GRND", "ADVB", "PRED", "CONJ", "PRCL", "NPRO"])
MAX_WORDS = 6


def product(doc: Doc, start: int, end: int, sentence: Span, named: set[int]) -> str | None:
    """The goods a plant (tokens start..end) makes, read from its sentence; `named`: the
    tokens of names (companies, places, people), which a product cannot consist of."""
    begin = _phrase_start(doc, start, end, sentence)
    if begin is None:
        return None
    words = _phrase(doc, begin, sentence)
    if not words or not _goods(words, named, doc.lang_):
        return None
    return doc[words[0].i : words[-1].i + 1].text


def _phrase_start(doc: Doc, start: int, end: int, sentence: Span) -> int | None:
    """Where the product's words start: after "production of", after "makes", between "stellt"
    and "her" (German verb-final production is read by _german_object)."""
    own = PRODUCTION_WORDS.match(doc[start].lower_)
    if own and end < sentence.end and doc[end].lower_ not in PRODUCT_LINKS and doc.lang_ != "ru":
        return None  # "main production site and met ...": no "of" follows, nothing made
    if own:
        return _skip_links(doc, end, sentence)
    for i in range(end, min(sentence.end, end + 6)):
        lower = doc[i].lower_
        if PRODUCTION_WORDS.match(lower):
            return _skip_links(doc, i + 1, sentence)
        if MAKE_VERBS.match(lower):
            return _skip_links(doc, i + 1, sentence)
        if doc.lang_ == "de" and (lower in ("stellt", "stellte", "stellen") or lower in DE_MODALS):
            return _german_object(doc, i + 1, sentence)
    return None


def _skip_links(doc: Doc, i: int, sentence: Span) -> int:
    while i < sentence.end and doc[i].lower_ in LEADING:
        i += 1
    return i


def _german_object(doc: Doc, i: int, sentence: Span) -> int | None:
    """ "stellt Gipskartonplatten her", "soll jährlich Zement herstellen": the object stands
    between the finite verb and its particle or infinitive, which must close the clause."""
    for j in range(i, min(sentence.end, i + MAX_WORDS + 4)):
        lower = doc[j].lower_
        if lower in ("her", *DE_MAKE_INFINITIVES):
            following = doc[j + 1] if j + 1 < sentence.end else None
            if following is None or following.is_punct or following.lower_ in ("und", "oder"):
                return i if j > i else None
            return None
        if doc[j].is_punct:
            return None
    return None


def _phrase(doc: Doc, i: int, sentence: Span) -> list[Token]:
    while i < sentence.end and (QUANTITY.match(doc[i].lower_) or doc[i].lower_ in LEADING):
        i += 1  # "up to 6,000 tractors", "4.2 million square meters of carpet products"
    words: list[Token] = []
    while i < sentence.end and len(words) < MAX_WORDS:
        token = doc[i]
        lower = token.lower_
        if lower == "-" and words and not words[-1].whitespace_ and not token.whitespace_:
            words.append(token)  # "import-substituting", "Gips-Platten": one word
            i += 1
            continue
        if token.is_punct or lower in ENDS or token.like_num:
            break
        if TIME_WORDS.match(lower) or FIGURE_WORDS.match(lower):
            break
        if lower in AUXILIARIES or lower in DE_MAKE_INFINITIVES or lower == "her":
            break
        if _verb(token):
            break
        words.append(token)
        i += 1
    while words and words[-1].lower_ in ("and", "und", "и", "or", "oder", "или", "sowie", "a", "-"):
        words.pop()  # "tractors a year": the time word ended it
    return words


def _verb(token: Token) -> bool:
    """A word that ends the noun phrase as a verb of its clause ("has started", "begonnen",
    "начнется")."""
    lang, lower = token.doc.lang_, token.lower_
    if lower in ("and", "und", "и", "or", "oder", "или", "sowie"):
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if lang == "en":  # "started", "launched" unless an attribute ("knitted fabrics",
        # "construction materials")
        attribute = nxt is not None and nxt.is_alpha and nxt.is_lower
        trigger = is_trigger_word(lang, lower) and not MAKE_VERBS.match(lower)
        return (lower.endswith("ed") or trigger) and not attribute
    if lang == "de":  # lower case in German: an adjective before its noun, else a verb
        if not token.is_lower:
            return False
        return nxt is None or not (nxt.is_alpha and (nxt.is_title or nxt.is_lower))
    if lang == "ru":
        return _ru_not_noun(lower)
    return False


@lru_cache(maxsize=16384)
def _ru_not_noun(lower: str) -> bool:
    if not lower.isalpha():
        return False
    best = russian_morphology().parse(lower)[0]
    return best.tag.POS in RU_NOT_NOUN


def _goods(words: list[Token], named: set[int], lang: str) -> bool:
    """A noun phrase of goods: not opened by a company noun ("der Firma Chery", "компании
    Isuzu"), not names alone ("Chery Automobile"), with a word that is not a name."""
    if words[0].lower_ in word_classes(lang).org_nouns:
        return False
    if len(words) == 1 and words[0].lower_ in GENERIC_GOODS:
        return False
    return any(t.is_alpha and t.i not in named for t in words)
