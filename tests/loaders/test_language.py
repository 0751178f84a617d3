"""Which language a text is in: Uzbek (Latin or Cyrillic), which lingua does not know, is
named as Uzbek rather than Turkish, and articles of ours that quote Uzbek names stay ours."""

from __future__ import annotations

import pytest

from graph_schema.errors import ExtractionError
from loaders.extraction.language import detect_language, is_uzbek

UZBEK_LATIN = (
    "Qashqadaryo viloyati hokimi Murotjon Azimov Qarshi shahrida Chery kompaniyasi tomonidan "
    "qurilayotgan avtomobil zavodiga tashrif buyurdi. Loyiha qiymati 120 mln dollarni tashkil "
    "etadi."
)
UZBEK_LATIN_TURNED_COMMA = (
    "Oʻzbekiston Prezidenti Shavkat Mirziyoyev Samarqand viloyatiga tashrif buyurdi va yangi "
    "korxonalar faoliyati bilan tanishdi."
)
UZBEK_CYRILLIC = (
    "Қашқадарё вилояти ҳокими Муротжон Азимов Қарши шаҳрида қурилаётган автомобиль заводига "
    "ташриф буюрди. Лойиҳа қиймати 120 миллион долларни ташкил этади."
)


@pytest.mark.parametrize("text", [UZBEK_LATIN, UZBEK_LATIN_TURNED_COMMA, UZBEK_CYRILLIC])
def test_uzbek_is_named_as_uzbek(text: str) -> None:
    assert is_uzbek(text)
    with pytest.raises(ExtractionError, match="its language is uzbek, supported are de, en, ru"):
        detect_language(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Özbekistan Cumhurbaşkanı Şevket Mirziyoyev, Semerkant'ta yeni bir otomobil "
            "fabrikasının açılışına katıldı ve yatırımcılarla görüştü.",
            "turkish",
        ),
        (
            "Қазақстан Президенті Қасым-Жомарт Тоқаев Алматыда жаңа зауыттың ашылуына қатысты "
            "және инвесторлармен кездесті.",
            "kazakh",
        ),
    ],
)
def test_neighbours_keep_their_own_names(text: str, name: str) -> None:
    assert not is_uzbek(text)
    with pytest.raises(ExtractionError, match=f"its language is {name}"):
        detect_language(text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Der Gouverneur des Gebiets Kaschkadarja (usbekisch Qashqadaryo viloyati), Murotjon "
            "Azimov, besuchte die Baustelle des Werks von Chery in Karshi.",
            "de",
        ),
        (
            "The khokim of Kashkadarya region Murotjon Azimov visited the Chery plant in Karshi, "
            "the agency O‘zbekiston Respublikasi Axborot said on Monday.",
            "en",
        ),
        ("Хоким Кашкадарьинской области Муротжон Азимов посетил завод Chery в Карши.", "ru"),
    ],
)
def test_our_languages_quoting_uzbek_names_stay_ours(text: str, lang: str) -> None:
    assert detect_language(text) == lang
