"""What a pack's default statistical model brings beside the rules (natasha for Russian):
rows the rules alone do not pass. test_model_pipelines.py runs them through the pipeline each
pack builds by default ("auto") and checks that rules only miss something in each."""

from __future__ import annotations

from tests.loaders.cases import Case

# A company name no rule cue marks (no legal form, no company noun; a quoted or Latin name
# after a plant noun): the model names it, so the plant is its own and gets its name.
UNKNOWN_OWNERS = [
    Case(  # economist.kg (b11), the headline
        "Бакыт Торобаев посетил новую швейную фабрику KG TEX в Чуйской области.",
        "ru",
        facts=(
            ("OPERATES", "KG TEX", "<Plant>"),
            ("VISITED", "Бакыт Торобаев", "<Plant>"),
            ("LOCATED_IN", "<Plant>", "Chuy region"),
        ),
        forbidden=(("VISITED", "Бакыт Торобаев", "KG TEX"),),
    ),
    Case(  # Sputnik Tajikistan, a workshop the president opened
        'В ходе поездки в джамоате Вахдат он открыл швейный и ковроткацкий цех "Ёсуман".',
        "ru",
        facts=(("OPERATES", "Ёсуман", "<Plant>"),),
        entities=(("Plant", "Yosuman workshop"),),
    ),
    Case(  # Sputnik Uzbekistan, a visit to an appliance maker
        "Шавкат Мирзиёев ознакомился с деятельностью предприятия Premier, "
        "специализирующегося на производстве бытовой техники.",
        "ru",
        facts=(
            ("OPERATES", "Premier", "<Plant>"),
            ("VISITED", "Шавкат Мирзиёев", "<Plant>"),
        ),
        entities=(("Organization/company", "Premier"),),
    ),
]

# A foreign name in an oblique case after a role noun that is no title ("с представителем X
# Чжаном Цихаем"): the rules' person patterns want a known first name or a title; the model's
# NER takes it, and the talk is with him.
FOREIGN_PEOPLE = [
    Case(  # after centrasia.org, talks on a cotton cluster
        "Олжас Бектенов обсудил с представителем Xinjiang Lihua Чжаном Цихаем создание "
        "хлопково-текстильного кластера.",
        "ru",
        facts=(("MET_WITH", "Олжас Бектенов", "Чжаном Цихаем"),),
        entities=(("Organization", "Xinjiang Lihua"),),
    ),
]

TABLES = {"model unknown owners": UNKNOWN_OWNERS, "model foreign people": FOREIGN_PEOPLE}
