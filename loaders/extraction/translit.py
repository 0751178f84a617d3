"""Cyrillic to Latin, in the spelling Central Asian news in English uses (Mirziyoyev, Zhaparov)."""

from __future__ import annotations

_TABLE = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "қ": "q",
    "ғ": "g",
    "ҳ": "h",
    "ў": "o",
    "ң": "ng",
    "ө": "o",
    "ү": "u",
    "ұ": "u",
    "і": "i",
    "ә": "a",
    "һ": "h",
    "ҷ": "j",
}
_VOWELS = set("аеёиоуыэюяәөүұі")


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def to_latin(text: str) -> str:
    """Transliterate; 'е' after a vowel, a soft sign or at a word start is 'ye' (Mirziyoyev,
    Yerlan, Lavrentyev)."""
    return _transliterate(text, _TABLE, "ye")


def _transliterate(text: str, table: dict[str, str], iotated_e: str) -> str:
    """Letter by letter through `table`; 'е' after a vowel, a soft or hard sign or at a word
    start is `iotated_e`; an all-capital word stays all capitals."""
    out = []
    previous = ""
    for char in text:
        lower = char.lower()
        latin = table.get(lower)
        if latin is None:
            out.append(char)
        else:
            if lower == "е" and (
                not previous.isalpha() or previous.lower() in _VOWELS or previous.lower() in "ьъ"
            ):
                latin = iotated_e
            if char.isupper() and latin:
                latin = latin.upper() if len(text) > 1 and text.isupper() else latin.capitalize()
            out.append(latin)
        previous = char
    return "".join(out)


# German news spells Russian names by the Duden transliteration (Karschi, Tschirtschik)
_GERMAN = {
    **{k: v for k, v in _TABLE.items() if len(k) == 1},
    "в": "w",
    "ж": "sch",
    "з": "s",
    "й": "j",
    "х": "ch",
    "ц": "z",
    "ч": "tsch",
    "ш": "sch",
    "щ": "schtsch",
    "ы": "y",
    "ё": "jo",
    "ю": "ju",
    "я": "ja",
}


def to_german(text: str) -> str:
    """A Russian name as German news writes it: Карши -> Karschi, Чирчик -> Tschirtschik,
    Джизак -> Dschisak; "е" after a vowel or at a word start is "je"."""
    return _transliterate(text, _GERMAN, "je")
