"""What officials and investors set in motion: ORDERED, INVESTS_IN."""

from __future__ import annotations

from tests.loaders.cases import Case

# An order goes to the bodies named after the order word and to the plant to be set up.
ORDERED = [
    Case(
        "Президент Шавкат Мирзиёев поручил кабмину и Министерству энергетики ускорить "
        "строительство солнечной электростанции в Бухарской области.",
        "ru",
        facts=(
            ("ORDERED", "Шавкат Мирзиёев", "кабмину"),
            ("ORDERED", "Шавкат Мирзиёев", "Министерству энергетики"),
            ("ORDERED", "Шавкат Мирзиёев", "<Plant>"),
        ),
        named=(
            ("кабмину", "Cabinet of Ministers of Uzbekistan"),
            ("Министерству энергетики", "Ministry of Energy"),
        ),
    ),
    Case(  # a German separable verb reaches a compound ministry
        "Tokajew wies das Energieministerium an, neue Kraftwerke zu bauen.",
        "de",
        facts=(("ORDERED", "Tokajew", "Energieministerium"),),
        named=(("Energieministerium", "Ministry of Energy"),),
    ),
]

# An investor is said to invest, finance or subsidise; "with an investment of $X" is the
# plant's own figure.
INVESTS_IN = [
    Case(
        "BYD will build a battery plant in Jizzakh with an investment of $500 million.",
        "en",
        forbidden=(("INVESTS_IN", "*", "*"),),
    ),
    Case(
        "BYD will build a battery plant in Jizzakh with an investment of $500 million. The "
        "Asian Development Bank will finance 20 percent of the plant.",
        "en",
        facts=(("INVESTS_IN", "Asian Development Bank", "<Plant>"),),
        forbidden=(("INVESTS_IN", "BYD", "*"),),
    ),
]

TABLES = {"ORDERED": ORDERED, "INVESTS_IN": INVESTS_IN}
