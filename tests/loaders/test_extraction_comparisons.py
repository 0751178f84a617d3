"""Rule tests not yet in the case tables (tests/loaders/cases/, run by test_cases.py): the
ones whose assertions compare entities with each other (which plant is the visited one, the
figures of two plants) or that the table shape does not express yet."""

from __future__ import annotations

import pytest

from loaders.extraction import extract
from loaders.models import ExtractedDocument


def names_of(doc: ExtractedDocument) -> dict[int | str, set[str]]:
    return {e.id: {e.name, *e.aliases} for e in doc.entities}


def related(doc: ExtractedDocument, rtype: str, source: str | None, target: str | None) -> bool:
    """A relation of the type whose ends are named so (None: any end)."""
    names = names_of(doc)
    return any(
        r.type == rtype
        and (source is None or source in names[r.source])
        and (target is None or target in names[r.target])
        for r in doc.relations
    )


def plants(doc: ExtractedDocument) -> list:
    return [e for e in doc.entities if e.type == "Plant"]


def test_capacity_and_investment_are_figures_of_their_own_plant():
    text = (
        "The khokim signed agreements on a furniture factory worth $250 million and a cable "
        "plant worth $40 million. The demand is 70 million pairs and the capacity of local "
        "factories includes 73 million pairs of socks per year."
    )
    doc = extract(text, "en")
    figures = {e.properties.get("investment") for e in plants(doc)}
    assert {"$250 million", "$40 million"} <= figures
    for plant in plants(doc):
        assert "capacity" not in plant.properties or len(plant.properties["capacity"]) < 40


@pytest.mark.parametrize(
    "text,lang,abroad,home",
    [
        (
            "The khokim of Fergana region visited the plant of Daewoo Bus in Busan and "
            "discussed the organisation of bus production in Fergana region.",
            "en",
            "Busan",
            "Fergana region",
        ),
        (
            "Хоким Андижанской области посетил завод компании Hyundai Wia в Чханвоне и обсудил "
            "организацию производства двигателей в Андижанской области.",
            "ru",
            "Чханвоне",
            "Андижанской области",
        ),
        (
            "Der Bürgermeister des Gebiets Andischan besichtigte das Werk der Firma Doosan in "
            "Changwon und besprach den Bau eines Motorenwerks im Gebiet Andischan.",
            "de",
            "Changwon",
            "Gebiet Andischan",
        ),
    ],
)
def test_visited_plant_abroad_and_production_at_home_are_two(text, lang, abroad, home):
    doc = extract(text, lang)
    visited = next(p for p in plants(doc) if related(doc, "LOCATED_IN", p.name, abroad))
    assert visited.properties.get("status") == "operating"
    assert not related(doc, "LOCATED_IN", visited.name, home)
    operators = [r for r in doc.relations if r.type == "OPERATES" and r.target == visited.id]
    assert len(operators) == 1
    assert not [r for r in doc.relations if r.type == "PLANS" and r.target == visited.id]
    others = [p for p in plants(doc) if p is not visited]
    for other in others:  # the production at home, if kept, is planned and not the visited's
        assert other.properties.get("status") == "planned"
        assert not related(doc, "PLANS", "Daewoo Bus", other.name)
        assert not related(doc, "PLANS", "Hyundai Wia", other.name)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Governor visits Chinese-built copper plant in Almalyk", "en"),
        ("Kimya создадут совместное предприятие", "ru"),
        ("Abdurazzakov traf sich mit dem Vorstandsvorsitzenden der Sanko Holding", "de"),
    ],
)
def test_a_text_may_end_with_a_name_without_punctuation(text, lang):
    doc = extract(text, lang)  # headlines end without a full stop
    assert doc.entities


def test_a_meeting_noun_takes_no_object():
    doc = extract("Das Gespräch mit Präsident Tokajew führte am Freitag Peter Weber.", "de")
    met = [r for r in doc.relations if r.type == "MET_WITH"]
    assert len(met) == 1 and related(doc, "MET_WITH", "Peter Weber", "Kassym-Jomart Tokayev")


def test_plural_company_nouns_refer_to_no_company_named_before():
    doc = extract(
        "In talks with Zoomlion chairman Zhan Chunxin, the minister discussed deliveries of "
        "truck cranes to Tajik construction companies. He invited the three companies to "
        "Dushanbe.",
        "en",
    )
    (zoomlion,) = [e for e in doc.entities if e.type == "Organization"]
    assert zoomlion.aliases == ["Zoomlion"]
    assert not any(r.type == "BASED_IN" for r in doc.relations)


@pytest.mark.parametrize("maker", ["Lkw-Herstellers", "Herstellers"])
def test_a_plant_of_a_maker_is_its_own_beside_a_second_plant(maker):
    doc = extract(
        f"Minister Ali Karimov besichtigte in der Stadt Dschisak das Werk des {maker} Orient "
        "Trucks sowie die Textilfabrik der Firma Zarbdor Tekstil.",
        "de",
    )
    assert len(plants(doc)) == 2
    for company in ("Orient Trucks", "Zarbdor Tekstil"):
        (plant,) = [p for p in plants(doc) if related(doc, "OPERATES", company, p.name)]
        assert related(doc, "LOCATED_IN", plant.name, "Jizzakh")
        assert related(doc, "VISITED", "Ali Karimov", plant.name)


def test_a_german_preposition_is_no_modifier_of_a_plant():
    doc = extract("Deutscher Botschafter spricht in Pawlodar über Chemiewerk", "de")
    (plant,) = plants(doc)
    assert plant.aliases == ["Chemiewerk"]


def test_a_russian_verbal_noun_is_no_modifier_of_a_plant():
    doc = extract(
        "Компания Wanfeng Auto строит в Папском районе завод. Хоким поручил ускорить "
        "подключение завода к газовой сети.",
        "ru",
    )
    (plant,) = plants(doc)
    assert "подключение завода" not in plant.aliases


def test_the_company_is_no_bank_told_of_before():
    doc = extract(
        "Qazaq Vagon is a subsidiary of Kazakhstan Temir Zholy. The expansion will be financed "
        "by the Development Bank of Kazakhstan. The minister told the Ministry of Transport to "
        "sign contracts with the company.",
        "en",
    )
    (bank,) = [e for e in doc.entities if e.name == "Development Bank of Kazakhstan"]
    assert "company" not in bank.aliases
