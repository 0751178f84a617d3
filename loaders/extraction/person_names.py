"""People's names in their canonical Latin spelling, and the keys that tell one person's
name written differently apart from another's: Russian case forms to the nominative (pymorphy3,
the case of the office before the name), transliteration, German spellings of the region's
names in English ones ("Kumar Aksakalow" -> Kumar Aksakalov), spelling-tolerant surname keys
(Soliyev ~ Soliev, Aksakalow ~ Aksakalov, Жапаров ~ Japarov)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from loaders.extraction.inflect import russian, russian_pairs
from loaders.extraction.lexicon import first_names
from loaders.extraction.model import Mention
from loaders.extraction.tokens import is_cyrillic, russian_morphology
from loaders.extraction.translit import to_latin

# a family name in German transliteration ("Aksakalow", "Tokajew", "Bulekpajewa")
GERMAN_SURNAME = re.compile(r"[a-z](ow|ew|owa|ewa)$")
GERMAN_TO_ENGLISH = (
    (r"dsch", "j"),
    (r"Dsch", "J"),
    (r"tsch", "ch"),
    (r"Tsch", "Ch"),
    (r"sch", "sh"),
    (r"Sch", "Sh"),
    (r"(?<![sc])ch", "kh"),
    (r"Ch", "Kh"),
    (r"j", "y"),
    (r"J", "Y"),
    (r"w", "v"),
    (r"W", "V"),
)


def same_first(a: str, b: str) -> bool:
    a, b = a.rstrip(".").lower(), b.rstrip(".").lower()
    return a[:1] == b[:1] or to_latin(a)[:1] == to_latin(b)[:1]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@cache
def fuzzy(text: str) -> str:
    """A spelling-tolerant key: Soliyev ~ Soliev, Aksakalow ~ Aksakalov, Жапаров ~ Japarov."""
    latin = to_latin(normalise(text)) if is_cyrillic(text) else normalise(text)
    latin = latin.replace("w", "v").replace("zh", "j").replace("dzh", "j").replace("kh", "h")
    return re.sub(r"[yi]+", "i", latin)


@cache
def surname_stem(word: str) -> str:
    """The nominative of a surname: "Мирзиёева" -> "Мирзиёев", "Mirziyoyevs" -> "Mirziyoyev"."""
    if is_cyrillic(word):
        if word.lower().endswith(russian("indeclinable_surnames")):
            return word  # "Бобозода", "Турсунзаде": Tajik and Persian names do not decline
        if word.lower().endswith(russian("nominative_surnames")):
            return word  # "Кудратов", "Ахмедова": the dictionary may read a plural genitive
        for parse in russian_morphology().parse(word):
            if "Surn" in parse.tag or "Name" in parse.tag:
                if "nomn" in parse.tag:
                    return word
                return parse.normal_form.capitalize()
        lower = word.lower()
        for ending in russian("surname_case_endings"):
            if lower.endswith(("ов" + ending, "ев" + ending, "ин" + ending)):
                return word[: -len(ending)]
        return word
    if word.endswith("s") and re.search(r"(ov|ev|ow|ew|in)s$", word):
        return word[:-1]
    return word


def person_name(text: str, oblique: bool = False, nominative: bool = False) -> str:
    """The canonical Latin spelling of a person's name as written in the text: Russian case
    forms back to the nominative and transliterated, German spellings of the region's names
    in the English ones ("Kumar Aksakalow" -> "Kumar Aksakalov"). `oblique`: the office
    before the name is not in the nominative ("принял главу компании Мирзиёда Рахимова"), so
    "-ова" is a man's genitive, not a woman's nominative."""
    if not is_cyrillic(text):
        return _english_spelling(text) if GERMAN_SURNAME.search(text) else text
    if nominative:  # "Аким ... Дархан Сатыбалды": the name is as written
        return re.sub(r"zhon\b", "jon", to_latin(text))
    words = [surname_stem(w) if i else _first_name_stem(w) for i, w in enumerate(text.split())]
    if oblique and len(words) > 1 and words[-1].lower().endswith(russian("masculine_genitives")):
        words[-1] = words[-1][:-1]  # "Рахимова" after "главу": Рахимов
        first = words[0]
        if first == text.split()[0] and first.lower().endswith("а") and len(first) > 3:
            words[0] = first[:-1]  # an unknown given name in the same case: "Мирзиёда"
    words[0] = _agreeing_first_name(text.split(), words[0])
    # the Uzbek given-name suffix -жон is written -jon (Erkinjon, Akmaljon)
    return re.sub(r"zhon\b", "jon", to_latin(" ".join(words)))


def _agreeing_first_name(written: list[str], first: str) -> str:
    """ "с министром Лазизом Кудратовым": an unknown given name stands in its surname's case
    (instrumental, dative), which the surname's ending tells; the given name drops that
    case's ending ("Лазиз")."""
    if len(written) < 2 or first != written[0]:
        return first  # a known name, or one already brought back
    surname = written[-1].lower()
    for surname_ending, first_ending in russian_pairs("first_name_agreement"):
        if surname.endswith(surname_ending) and first.lower().endswith(first_ending):
            stem = first[: -len(first_ending)]
            return stem if len(stem) >= 3 else first
    return first


def title_case(person: Mention) -> str | None:
    """The case of the office written right before the name ("главу", "с председателем":
    oblique; "Аким": nominative): the name in apposition is in the same case."""
    # the name stands in apposition to the office, in its case, whatever complement is between
    parse = _office_parse(person.title_text)
    if parse is None:
        return None
    return "nominative" if "nomn" in parse.tag and "accs" not in parse.tag else "oblique"


def _office_parse(title_text: str | None) -> Any:
    """The likeliest known reading of a Russian office's first word, else None."""
    if not title_text or not is_cyrillic(title_text):
        return None
    parse = russian_morphology().parse(title_text.split()[0])[0]
    return parse if parse.is_known else None


def oblique_person(title_text: str | None, surname: str, before: str = "") -> bool:
    """A Russian person phrase in the genitive or instrumental, the complement of a noun or
    participle ("поручений Главы государства Касым-Жомарта Токаева", "инициированной Елбасы
    Нурсултаном Назарбаевым"): its office's likeliest case, else a surname that can only be
    instrumental. The dative ("Президенту показали") and nominative are not, nor an office
    that complements the noun before it ("заместитель акима области X": the deputy)."""
    if before.islower() and is_cyrillic(before):
        head = russian_morphology().parse(before)[0]
        if head.is_known and head.tag.POS == "NOUN" and head.tag.case == "nomn":
            return False
    office = _office_parse(title_text)
    if office is not None:
        return office.tag.case in _COMPLEMENT_CASES
    if not is_cyrillic(surname):
        return False
    parses = russian_morphology().parse(surname.lower())
    # the surname alone tells only the instrumental: "-ов" may be a genitive plural's ending
    return not any("nomn" in p.tag for p in parses) and any(
        p.tag.case == "ablt" and "Surn" in p.tag for p in parses
    )


_COMPLEMENT_CASES = frozenset({"gent", "ablt"})


def _english_spelling(name: str) -> str:
    """German transliterates Russian ж, ч, ш, х, й, в as sch, tsch, sch, ch, j, w; English
    news writes zh/j, ch, sh, kh, y, v ("Jermaganbet Bulekpajew" -> "Yermaganbet Bulekpayev")."""
    return GERMAN_SPELLINGS.sub(lambda m: _ENGLISH_OF[m.group(0)], name)


# one pass, longest first, so the "j" of "dsch" is not read again as German "j"
# ("Dschamschid" -> "Jamshid", not "Yamshid")
_ENGLISH_OF = {
    **{german: english for german, english in GERMAN_TO_ENGLISH if "(" not in german},
    "ch": "kh",
}
GERMAN_SPELLINGS = re.compile(r"Dsch|dsch|Tsch|tsch|Sch|sch|(?<![sc])ch|Ch|j|J|w|W")


def _first_name_stem(word: str) -> str:
    if to_latin(word).lower() in first_names():
        return word  # a given name we know as written ("Лазиз", not a case of "Лазиза")
    parses = [p for p in russian_morphology().parse(word) if "Name" in p.tag and p.is_known]
    if not parses or any("nomn" in p.tag for p in parses):
        return word  # a nominative reading wins; the dictionary's guesses do not count
    return parses[0].normal_form.capitalize()
