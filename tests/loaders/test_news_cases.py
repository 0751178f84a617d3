"""Case tables of the linguistic classes that real news showed missing (docs/EXTRACTION.md,
"Real news"). Each row is a sentence in the manner of published articles, with the facts it
must give and the facts it must not; each class has rows from more than one article and
language. One parametrised test runs every table."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from loaders.extraction import extract
from loaders.models import DocumentMeta, ExtractedDocument

Fact = tuple[str, str, str]  # (relation type, a form of the source, a form of the target)
Ent = tuple[str, str]  # (type/subtype, canonical name)


@dataclass(frozen=True)
class Case:
    text: str
    lang: str
    facts: tuple[Fact, ...] = ()
    entities: tuple[Ent, ...] = ()
    forbidden: tuple[Fact, ...] = ()


def holds(doc: ExtractedDocument, fact: Fact) -> bool:
    rtype, source, target = fact
    names = {e.id: {e.name, *e.aliases} for e in doc.entities}
    return any(
        r.type == rtype and source in names[r.source] and target in names[r.target]
        for r in doc.relations
    )


# An unknown name before a place word is a place of that kind ("the Ismoili Somoni district",
# "Akhal region", "Чарджевском этрапе", "TURAN special economic zone"), also when the place
# word is followed by "of" and a larger place.
NAMED_BY_PLACE_WORD = [
    Case(
        "The new factory is located in the Ismoili Somoni district of Dushanbe city.",
        "en",
        facts=(("LOCATED_IN", "Ismoili Somoni district", "Dushanbe city"),),
        entities=(("Location/district", "Ismoili Somoni district"),),
    ),
    Case(
        "In the Devashtich district of Tajikistan's Sughd region, a new sewing workshop opened.",
        "en",
        entities=(("Location/district", "Devashtich district"),),
        forbidden=(("LOCATED_IN", "district of Tajikistan", "Tajikistan"),),
    ),
    Case(
        "The head of state inspected the gas chemical plant under construction in the Akhal "
        "region.",
        "en",
        facts=(("LOCATED_IN", "gas chemical plant", "Akhal region"),),
        entities=(("Location/region", "Akhal region"),),
    ),
    Case(
        "Сегодня в Чарджевском этрапе Лебапского велаята открыли новую электростанцию.",
        "ru",
        facts=(("LOCATED_IN", "Чарджевском этрапе", "Лебапского велаята"),),
    ),
    Case(
        "Das Werk soll in der Wirtschaftszone Bejserke bei Almaty errichtet werden.",
        "de",
        entities=(("Location/other", "Bejserke"),),
    ),
    Case(
        "The company plans to build a pharmaceutical plant in the TURAN special economic zone.",
        "en",
        entities=(("Location/other", "TURAN special economic zone"),),
    ),
]

# Power plants and wind farms are plants ("Windpark", "wind farm", "ветропарк").
ENERGY_PLANTS = [
    Case(
        "Masdar opened the 500 MW wind farm in the Navoi region.",
        "en",
        facts=(("LOCATED_IN", "wind farm", "Navoi region"),),
    ),
    Case(
        "Masdar hat den Windpark im Gebiet Navoi eröffnet.",
        "de",
        facts=(("LOCATED_IN", "Windpark", "Gebiet Navoi"),),
    ),
    Case(
        "Компания построит ветропарк в Навоийской области.",
        "ru",
        facts=(("LOCATED_IN", "ветропарк", "Навоийской области"),),
    ),
]

# The parties of a project: companies listed with a word that makes them parties ("together
# with partners", "signed between", "participants", "beteiligt", "между", "участники") each
# plan the plant the sentence (or, for "the project", "the agreement", the one before) is about.
PROJECT_PARTIES = [
    Case(
        "A new gas turbine power plant was put into operation in Lebap province. The project "
        "was implemented by the State Corporation Turkmenenergo together with foreign partners "
        "- Japanese companies Sumitomo Corporation and Mitsubishi Power, as well as Turkish "
        "Ronesans Holding.",
        "en",
        facts=(
            ("PLANS", "Turkmenenergo", "project"),
            ("PLANS", "Sumitomo Corporation", "project"),
            ("PLANS", "Mitsubishi Power", "project"),
        ),
    ),
    Case(
        "KazMunayGas is building a polyethylene plant in Atyrau region. The structure of the "
        "project participants is as follows: KazMunayGas – 40%, Sinopec Group – 30% and Sibur "
        "Holding – 30%.",
        "en",
        facts=(
            ("PLANS", "Sinopec Group", "polyethylene plant"),
            ("PLANS", "Sibur Holding", "polyethylene plant"),
        ),
    ),
    Case(
        "The copper smelter will be built near Aktogai. The trilateral agreement was signed "
        "between KAZ Minerals Smelting LLP and NFC Kazakhstan LLP.",
        "en",
        facts=(
            ("PLANS", "KAZ Minerals Smelting LLP", "copper smelter"),
            ("PLANS", "NFC Kazakhstan LLP", "copper smelter"),
        ),
    ),
    Case(
        "In der Region Karakalpakstan wird ein Zementwerk gebaut. An dem Projekt sind die "
        "chinesischen Firmen Shangfeng Cement, Tunli Group und Beijing Triumph Group beteiligt.",
        "de",
        facts=(
            ("PLANS", "Shangfeng Cement", "Zementwerk"),
            ("PLANS", "Beijing Triumph Group", "Zementwerk"),
        ),
    ),
    Case(
        "Die Kupferhütte soll bei Aktogai entstehen. Die Vereinbarung wurde zwischen KAZ "
        "Minerals Smelting LLP und NFC Kazakhstan LLP unterzeichnet.",
        "de",
        facts=(("PLANS", "NFC Kazakhstan LLP", "Kupferhütte"),),
    ),
    Case(
        "В Атырауской области строится завод полиэтилена. Участниками проекта являются АО "
        "«КазМунайГаз» (40%), ПАО «СИБУР Холдинг» (30%) и ООО «Синопек» (30%).",
        "ru",
        facts=(("PLANS", "СИБУР Холдинг", "завод"), ("PLANS", "Синопек", "завод")),
    ),
    Case(
        "В Лебапском велаяте строится электростанция. Соглашение подписано между ТОО «KAZ "
        "Minerals Smelting» и компанией NFC Kazakhstan LLP.",
        "ru",
        facts=(("PLANS", "NFC Kazakhstan LLP", "электростанция"),),
    ),
    Case(  # an activity the partners agree on is no plant of theirs
        "In 2023, ADM Jizzakh and GWM signed a partnership agreement enabling the assembly of "
        "HAVAL vehicles in Uzbekistan.",
        "en",
        forbidden=(("PLANS", "ADM Jizzakh", "assembly"),),
    ),
]

# Presence at a plant's opening is a visit: "the opening ceremony was attended by", "An der
# Zeremonie nahmen ... teil", "В церемонии открытия приняли участие" (the plant told of before),
# "with the participation of the Head of State", "bei der Eröffnung", "at the opening
# ceremony", "die Eröffnung ... durch Präsident X".
PRESENT_AT_OPENING = [
    Case(
        "Kia has opened its car plant in Kostanay. The plant will produce 70,000 cars a year. "
        "Its robots weld the bodies. The opening ceremony was attended by First Deputy Prime "
        "Minister Roman Sklyar and Kia president Ho Sung Song.",
        "en",
        facts=(
            ("VISITED", "Roman Sklyar", "car plant"),
            ("VISITED", "Ho Sung Song", "car plant"),
        ),
    ),
    Case(
        "Kia hat sein Werk in Kostanai eröffnet. Das Werk soll 70.000 Autos im Jahr bauen. "
        "Roboter schweißen die Karosserien. An der Zeremonie nahmen der Erste stellvertretende "
        "Ministerpräsident Roman Sklyar und Kia-Präsident Ho Sung Song teil.",
        "de",
        facts=(("VISITED", "Roman Sklyar", "Werk"), ("VISITED", "Ho Sung Song", "Werk")),
    ),
    Case(
        "В Чарджевском этрапе открыта новая электростанция. Её мощность 432 мегаватта. В "
        "церемонии открытия объекта приняли участие вице-премьер Чарымырат Пурчеков и посол "
        "Японии Киёси Эдзима.",
        "ru",
        facts=(("VISITED", "Чарымырат Пурчеков", "новая электростанция"),),
    ),
    Case(
        "10 people were employed at the dairy factory of Zarkoron LLC, which was put into use "
        "with the participation of the Head of State Emomali Rahmon.",
        "en",
        facts=(("VISITED", "Emomali Rahmon", "dairy factory"),),
    ),
    Case(
        "President Gurbanguly Berdimuhamedov said at the opening ceremony of the Garabogaz "
        "carbamide plant that the country exports chemicals.",
        "en",
        facts=(("VISITED", "Gurbanguly Berdimuhamedov", "carbamide plant"),),
    ),
    Case(
        "Unser Land hält mit, sagte Präsident Gurbanguli Berdimuchamedow bei der Eröffnung "
        "der Gaschemieanlage.",
        "de",
        facts=(("VISITED", "Gurbanguli Berdimuchamedow", "Gaschemieanlage"),),
    ),
    Case(
        "Masdar feierte die Eröffnung des Windparks Zarafshan durch Präsident Shavkat Mirziyoyev.",
        "de",
        facts=(("VISITED", "Shavkat Mirziyoyev", "Windparks"),),
    ),
    Case(  # a ceremony with no plant told of is no visit of one
        "President Sadyr Japarov took part in the opening ceremony of the investment forum.",
        "en",
        forbidden=(("VISITED", "Sadyr Japarov", "forum"),),
    ),
]

TABLES = {
    "named by place word": NAMED_BY_PLACE_WORD,
    "energy plants": ENERGY_PLANTS,
    "project parties": PROJECT_PARTIES,
    "present at opening": PRESENT_AT_OPENING,
}
CASES = [(name, i, case) for name, cases in TABLES.items() for i, case in enumerate(cases)]


@pytest.mark.parametrize("table, row, case", CASES, ids=[f"{name}-{i}" for name, i, _ in CASES])
def test_news_case(table: str, row: int, case: Case) -> None:
    doc = extract(case.text, case.lang, DocumentMeta(lang=case.lang))
    found = {(f"{e.type}/{e.subtype}", e.name) for e in doc.entities}
    for entity in case.entities:
        assert entity in found, (entity, found)
    for fact in case.facts:
        assert holds(doc, fact), (fact, doc.relations, found)
    for fact in case.forbidden:
        assert not holds(doc, fact), fact
