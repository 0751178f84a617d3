"""Extraction rules on blank pipelines, with sentences written for these tests (de, en, ru)."""

from __future__ import annotations

import pytest

from graph_schema.errors import ExtractionError
from loaders.extraction import extract, extract_many
from loaders.models import DocumentMeta, ExtractedDocument, document_id


def entity(doc: ExtractedDocument, type_: str, alias: str):
    for e in doc.entities:
        if e.type == type_ and (alias == e.name or alias in e.aliases):
            return e
    raise AssertionError(
        f"no {type_} {alias!r} in {[(e.type, e.name, e.aliases) for e in doc.entities]}"
    )


def has_relation(doc: ExtractedDocument, rtype: str, source: str, target: str) -> bool:
    names = {e.id: {e.name, *e.aliases} for e in doc.entities}
    return any(
        r.type == rtype and source in names[r.source] and target in names[r.target]
        for r in doc.relations
    )


def test_english_title_makes_an_official_who_holds_the_regions_office():
    doc = extract("The khokim of Bukhara region Botir Zaripov visited Germany last week.", "en")
    person = entity(doc, "Person", "Botir Zaripov")
    assert person.subtype == "official"
    assert has_relation(doc, "HOLDS_POSITION", "Botir Zaripov", "Bukhara region")
    assert has_relation(doc, "VISITED", "Botir Zaripov", "Germany")


def test_german_inflected_places_resolve_to_the_gazetteer_with_ids():
    doc = extract(
        "Der Gouverneur der Region Kaschkadarja, Murod Karimov, reiste nach Deutschland.", "de"
    )
    region = entity(doc, "Location", "Region Kaschkadarja")
    assert region.properties["iso"] == "UZ-QA"
    germany = entity(doc, "Location", "Deutschland")
    assert germany.properties["iso"] == "DE"
    assert isinstance(germany.properties["geonames_id"], int)


def test_russian_cases_of_places_and_titles():
    doc = extract("Хоким Ферганской области Бахтиёр Рахимов посетил завод в Коканде.", "ru")
    assert has_relation(doc, "HOLDS_POSITION", "Бахтиёр Рахимов", "Fergana region")
    person = entity(doc, "Person", "Бахтиёр Рахимов")
    assert person.name.isascii()


def test_glued_words_are_split_before_names_are_read():
    text = (
        "Shavkat Mirziyoyev sprach über die Industrie. Im Mai, während seines Besuchs in der "
        "Region Navoi, Shavkat MirziyoyevvorgeschlagenBau eines neuen Zementwerks in der Region."
    )
    doc = extract(text, "de")
    persons = [e for e in doc.entities if e.type == "Person"]
    assert len(persons) == 1
    assert has_relation(doc, "VISITED", "Shavkat Mirziyoyev", "Navoi region")


def test_surname_only_and_role_reference_join_the_named_person():
    text = (
        "Kazakh President Kassym-Jomart Tokayev arrived in Tashkent. "
        "Tokayev toured a textile factory. The head of state praised the workers."
    )
    doc = extract(text, "en")
    tokayev = entity(doc, "Person", "Kassym-Jomart Tokayev")
    assert "Tokayev" in tokayev.aliases
    assert has_relation(doc, "HOLDS_POSITION", "Kassym-Jomart Tokayev", "Kazakhstan")


def test_company_with_country_adjective_and_plant_in_city():
    text = "Die chinesische Firma Chery will ein Montagewerk in Dschisak errichten."
    doc = extract(text, "de")
    assert has_relation(doc, "BASED_IN", "Chery", "China")
    plant = next(e for e in doc.entities if e.type == "Plant")
    assert plant.properties.get("status") == "planned"
    assert has_relation(doc, "PLANS", "Chery", plant.name)


def test_announced_visit_is_marked_planned():
    doc = extract("Hyundai executives will visit Namangan next month.", "en")
    visits = [r for r in doc.relations if r.type == "VISITED"]
    assert visits and all(r.properties.get("status") == "planned" for r in visits)


def test_every_relation_has_evidence_from_the_text_and_a_confidence():
    text = "Хоким Самаркандской области Эркинжон Турдимов встретился с руководством компании Isuzu."
    doc = extract(text, "ru")
    assert doc.relations
    for relation in doc.relations:
        assert relation.evidence and relation.evidence in text
        assert 0.0 < relation.properties["confidence"] <= 1.0


def test_document_id_meta_and_detected_language():
    meta = DocumentMeta(url="https://example.org/a", title="T", published="2024-06-28")
    text = "Das Werk in Samarkand produziert Busse."
    doc = extract(text, meta=meta)
    assert doc.lang == "de"
    assert doc.id == document_id(text)
    assert (doc.url, doc.title, doc.published) == (meta.url, "T", "2024-06-28")


def test_extract_many_streams_in_order():
    items = [
        ("The plant in Andijan makes cars.", None),
        ("Завод в Андижане выпускает машины.", None),
    ]
    docs = list(extract_many(items))
    assert [d.lang for d in docs] == ["en", "ru"]


@pytest.mark.parametrize(
    "text,lang", [("   ", "en"), ("Bonjour à tous, le monde est beau.", None), ("Some text", "fr")]
)
def test_unprocessable_input_raises_extraction_error(text, lang):
    with pytest.raises(ExtractionError):
        extract(text, lang)


# round 2: the patterns of the held-out articles, in sentences written for these tests ------


def test_reception_verb_final_with_apposed_guest_is_a_meeting():
    text = (
        "Der Ministerpräsident Usbekistans, Abdulla Aripow, hat am Montag den "
        "Vorstandsvorsitzenden von Bosch, Stefan Hartung, empfangen."
    )
    doc = extract(text, "de")
    assert has_relation(doc, "MET_WITH", "Abdulla Aripov", "Stefan Hartung")
    assert has_relation(doc, "HOLDS_POSITION", "Stefan Hartung", "Bosch")


def test_russian_reception_splits_latin_company_from_cyrillic_name():
    text = (
        "Премьер-министр Узбекистана Абдулла Арипов принял главу компании Artel Мирзиёда Рахимова."
    )
    doc = extract(text, "ru")
    guest = entity(doc, "Person", "Мирзиёда Рахимова")
    assert guest.name == "Mirziyod Rakhimov" or guest.name.startswith("Mirziyod")
    assert has_relation(doc, "MET_WITH", "Абдулла Арипов", "Мирзиёда Рахимова")
    assert has_relation(doc, "HOLDS_POSITION", "Мирзиёда Рахимова", "Artel")


def test_talks_with_a_companys_management_meet_the_company():
    text = "Хоким Навоийской области провел переговоры с руководством компании Linde."
    doc = extract(text, "ru")
    khokim = entity(doc, "Person", "Khokim of Navoi region")  # unnamed: named by the office
    assert has_relation(doc, "MET_WITH", khokim.name, "Linde")
    assert has_relation(doc, "HOLDS_POSITION", khokim.name, "Navoi region")


def test_town_opening_a_sentence_on_a_trip_is_visited():
    text = (
        "A delegation led by the khokim of Andijan region Shukhratbek Abdurakhmonov visited "
        "Japan. In Osaka, the delegation held talks with the management of Daikin."
    )
    doc = extract(text, "en")
    assert has_relation(doc, "VISITED", "Shukhratbek Abdurakhmonov", "Osaka")
    assert has_relation(doc, "MET_WITH", "Shukhratbek Abdurakhmonov", "Daikin")


def test_plant_of_a_company_visited_is_run_by_it():
    text = "Der Akim des Gebiets Pawlodar besichtigte das Werk von Kazzinc in Ekibastus."
    doc = extract(text, "de")
    plant = next(e for e in doc.entities if e.type == "Plant")
    assert has_relation(doc, "OPERATES", "Kazzinc", plant.name)
    assert has_relation(doc, "LOCATED_IN", plant.name, "Ekibastus")
    assert plant.name == "Kazzinc plant in Ekibastuz"


def test_joint_venture_plant_is_run_by_each_owner():
    text = (
        "The governor opened a new tile factory in Termez. The factory is a joint venture of "
        "Uzbekistan's Kulol Keramika and the Spanish company Porcelanosa Group."
    )
    doc = extract(text, "en")
    plant = next(e for e in doc.entities if e.type == "Plant")
    assert has_relation(doc, "OPERATES", "Porcelanosa Group", plant.name)
    assert has_relation(doc, "OPERATES", "Kulol Keramika", plant.name)


def test_order_to_bodies_and_to_a_plant():
    text = (
        "Президент Шавкат Мирзиёев поручил кабмину и Министерству энергетики ускорить "
        "строительство солнечной электростанции в Бухарской области."
    )
    doc = extract(text, "ru")
    cabinet = entity(doc, "Organization", "кабмину")
    assert cabinet.name == "Cabinet of Ministers of Uzbekistan"
    ministry = entity(doc, "Organization", "Министерству энергетики")
    assert ministry.name == "Ministry of Energy"
    assert has_relation(doc, "ORDERED", "Шавкат Мирзиёев", "кабмину")
    assert has_relation(doc, "ORDERED", "Шавкат Мирзиёев", "Министерству энергетики")
    plant = next(e for e in doc.entities if e.type == "Plant")
    assert has_relation(doc, "ORDERED", "Шавкат Мирзиёев", plant.name)


def test_german_separable_order_reaches_a_compound_ministry():
    doc = extract("Tokajew wies das Energieministerium an, neue Kraftwerke zu bauen.", "de")
    assert entity(doc, "Organization", "Energieministerium").name == "Ministry of Energy"
    assert has_relation(doc, "ORDERED", "Kassym-Schomart Tokajew", "Energieministerium") or (
        has_relation(doc, "ORDERED", "Tokajew", "Energieministerium")
    )


def test_known_maker_does_not_cut_a_longer_name_and_acronyms_are_aliases():
    text = (
        "Hyundai Rotem and Uzbekistan Railways (UTY) will build a locomotive plant in Tashkent. "
        "UTY will hold 51 percent."
    )
    doc = extract(text, "en")
    rotem = entity(doc, "Organization", "Hyundai Rotem")
    assert rotem.name == "Hyundai Rotem"
    railways = entity(doc, "Organization", "UTY")
    assert railways.name == "Uzbekistan Railways"


def test_capital_named_by_its_country_adjective():
    doc = extract("Die Firma Knauf baut in der usbekischen Hauptstadt ein Gipswerk.", "de")
    capital = entity(doc, "Location", "usbekischen Hauptstadt")
    assert capital.name == "Tashkent"
    plant = next(e for e in doc.entities if e.type == "Plant")
    assert has_relation(doc, "LOCATED_IN", plant.name, "usbekischen Hauptstadt")
    assert not has_relation(doc, "LOCATED_IN", plant.name, "Uzbekistan")


def test_an_investment_figure_is_no_investor():
    text = "BYD will build a battery plant in Jizzakh with an investment of $500 million."
    assert not [r for r in extract(text, "en").relations if r.type == "INVESTS_IN"]
    doc = extract(text + " The Asian Development Bank will finance 20 percent of the plant.", "en")
    plant = next(e for e in doc.entities if e.type == "Plant")
    assert has_relation(doc, "INVESTS_IN", "Asian Development Bank", plant.name)
    amounts = [r.properties.get("amount") for r in doc.relations if r.type == "INVESTS_IN"]
    assert amounts == ["20 percent"]


def test_towns_take_their_english_names_and_keep_their_ids():
    for text, lang, surface in [
        ("The khokim visited a textile factory in Qarshi.", "en", "Qarshi"),
        ("Хоким посетил текстильную фабрику в Карши.", "ru", "Карши"),
        ("Der Hokim besuchte eine Textilfabrik in Karschi.", "de", "Karschi"),
    ]:
        town = entity(extract(text, lang), "Location", surface)
        assert town.name == "Karshi"
        assert isinstance(town.properties["geonames_id"], int)


def test_a_german_vizepremier_is_an_office_not_part_of_the_name():
    doc = extract("Kasachstans Vizepremier Serik Schumangarin besichtigte Kostanai.", "de")
    (person,) = [e for e in doc.entities if e.type == "Person"]
    assert person.name == "Serik Schumangarin"  # not "Vizepremier Serik ..."
    assert any(r.type == "HOLDS_POSITION" for r in doc.relations)


def test_a_german_dsch_is_an_english_j_once():
    doc = extract("Vizepremier Dschamschid Chodschajew besuchte Nawoi.", "de")
    (person,) = [e for e in doc.entities if e.type == "Person"]
    assert person.name == "Jamshid Khojayev"
