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
from loaders.extraction.packs import Feature, FunctionWords, pack, words_of
from loaders.extraction.tokens import is_trigger_word, russian_morphology

FIGURE = re.compile(r"^\d[\d.,]*$")
YEAR = re.compile(r"^\d{4}$")
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
    language = pack(doc.lang_)
    fw = language.words
    own = fw.production.matches(doc[start].lower_)
    # Russian links the product by its case ("производство автомобилей"), not by a word
    linked = language.has(Feature.CASE_MORPHOLOGY) or (
        end < sentence.end and doc[end].lower_ in fw.production_link
    )
    if own and end < sentence.end and not linked:
        return None  # "main production site and met ...": no "of" follows, nothing made
    if own:
        return _skip_links(doc, end, sentence)
    for i in range(end, min(sentence.end, end + 6)):
        lower = doc[i].lower_
        if fw.production.matches(lower):
            return _skip_links(doc, i + 1, sentence)
        if lower in fw.make_verbs:
            return _skip_links(doc, i + 1, sentence)
        if lower in fw.make_finite or lower in fw.modal:  # "stellt ... her", "soll ... herstellen"
            return _german_object(doc, i + 1, sentence)
    return None


def _skip_links(doc: Doc, i: int, sentence: Span) -> int:
    leading = words_of(doc.lang_).product_leading
    while i < sentence.end and doc[i].lower_ in leading:
        i += 1
    return i


def _german_object(doc: Doc, i: int, sentence: Span) -> int | None:
    """ "stellt Gipskartonplatten her", "soll jährlich Zement herstellen": the object stands
    between the finite verb and its particle or infinitive, which must close the clause."""
    fw = words_of(doc.lang_)
    for j in range(i, min(sentence.end, i + MAX_WORDS + 4)):
        lower = doc[j].lower_
        if lower in fw.make_particle or lower in fw.make_infinitives:
            following = doc[j + 1] if j + 1 < sentence.end else None
            if following is None or following.is_punct or following.lower_ in fw.and_ | fw.or_:
                return i if j > i else None
            return None
        if doc[j].is_punct:
            return None
    return None


def _phrase(doc: Doc, i: int, sentence: Span) -> list[Token]:
    fw = words_of(doc.lang_)
    while i < sentence.end and (
        _quantity(doc[i].lower_, fw) or doc[i].lower_ in fw.product_leading
    ):
        i += 1  # "up to 6,000 tractors", "4.2 million square meters of carpet products"
    words: list[Token] = []
    while i < sentence.end and len(words) < MAX_WORDS:
        token = doc[i]
        lower = token.lower_
        if lower == "-" and words and not words[-1].whitespace_ and not token.whitespace_:
            words.append(token)  # "import-substituting", "Gips-Platten": one word
            i += 1
            continue
        if token.is_punct or lower in fw.product_ends or token.like_num:
            break
        if fw.time_words.matches(lower) or YEAR.match(lower) or fw.figure_words.matches(lower):
            break
        if lower in fw.auxiliary or lower in fw.make_infinitives or lower in fw.make_particle:
            break
        if _verb(token):
            break
        words.append(token)
        i += 1
    while words and (_joins(words[-1].lower_, fw) or words[-1].lower_ in fw.indefinite):
        words.pop()  # "tractors a year": the time word ended it
    return words


def _verb(token: Token) -> bool:
    """A word that ends the noun phrase as a verb of its clause ("has started", "begonnen",
    "начнется")."""
    lang, lower = token.doc.lang_, token.lower_
    language = pack(lang)
    if _joins(lower, language.words) and lower != "-":
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if language.has(Feature.PAST_ED):  # "started", "launched" unless an attribute ("knitted
        # fabrics", "construction materials")
        attribute = nxt is not None and nxt.is_alpha and nxt.is_lower
        trigger = is_trigger_word(lang, lower) and lower not in language.words.make_verbs
        return (lower.endswith("ed") or trigger) and not attribute
    if language.has(Feature.CAPITALISED_NOUNS):  # lower case: an adjective before its noun,
        # else a verb
        if not token.is_lower:
            return False
        return nxt is None or not (nxt.is_alpha and (nxt.is_title or nxt.is_lower))
    if language.has(Feature.MORPHOLOGY_POS):
        return _ru_not_noun(lower)
    return False


def _joins(lower: str, words: FunctionWords) -> bool:
    """ "and", "or", "sowie", a hyphen: what joins two goods."""
    return lower in words.coordinator or lower in words.or_ or lower == "-"


def _quantity(lower: str, words: FunctionWords) -> bool:
    """ "6,000", "up to", "million", "тонн": what stands before the goods."""
    return bool(FIGURE.match(lower)) or words.quantity.matches(lower)


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
    if len(words) == 1 and words[0].lower_ in words_of(lang).generic_goods:
        return False
    return any(t.is_alpha and t.i not in named for t in words)
