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

ORDERED_IN_OTHER_WORDS = [
    Case(
        "Der usbekische Präsident Shavkat Mirziyoyev hat den Bau einer Kupferhütte in Almalyk "
        "angeordnet.",
        "de",
        facts=(("ORDERED", "Shavkat Mirziyoyev", "<Plant>"),),
    ),
    Case(
        "President Shavkat Mirziyoyev gave instructions to the Ministry of Energy to complete "
        "the power plant in Syrdarya region.",
        "en",
        facts=(("ORDERED", "Shavkat Mirziyoyev", "Ministry of Energy"),),
    ),
]

# A brand of the goods is part of no one; a group named with its noun is the whole of a
# subsidiary.
PART_OF = [
    Case(
        "Das Werk der Firma Agromash montiert Mähdrescher der Marke Claas.",
        "de",
        forbidden=(("PART_OF", "*", "*"),),
    ),
    Case(
        "Die Kia Kazakhstan, eine Tochtergesellschaft der Allur-Gruppe, montiert Autos.",
        "de",
        facts=(("PART_OF", "Kia Kazakhstan", "Allur"),),
    ),
    Case(
        "Компания Kia Kazakhstan, дочерняя компания группы Allur, собирает автомобили.",
        "ru",
        facts=(("PART_OF", "Kia Kazakhstan", "Allur"),),
    ),
]

TABLES |= {"ORDERED in other words": ORDERED_IN_OTHER_WORDS, "PART_OF": PART_OF}

# A passive Russian order ("Министерству X поручено") addresses the body before it, and
# needs an official.
PASSIVE_ORDERS = [
    Case(
        "Согласно постановлению, подписанному Президентом Туркменистана Сердаром "
        "Бердымухамедовым, Министерству промышленности и строительного производства поручено "
        "построить в Ахалском велаяте завод по производству листового стекла.",
        "ru",
        facts=(
            (
                "ORDERED",
                "Сердаром Бердымухамедовым",
                "Министерству промышленности и строительного производства",
            ),
            ("ORDERED", "Сердаром Бердымухамедовым", "<Plant>"),
            ("LOCATED_IN", "<Plant>", "Ahal region"),
        ),
        counts=(("Plant", 1),),
    ),
    Case(
        "Министерству энергетики поручено построить завод в Навои.",
        "ru",
        forbidden=(("ORDERED", "*", "*"),),
    ),
]

TABLES |= {"passive orders": PASSIVE_ORDERS}

# A decree or resolution is an order: the official who signs it orders the plant it has
# built; a decree word inside a misread name (a title-case headline) orders nothing.
DECREES = [
    Case(
        "President Serdar Berdimuhamedov signed a decree authorizing the contract to build a "
        "glass workshop in the Akhal region.",
        "en",
        facts=(("ORDERED", "Serdar Berdimuhamedov", "<Plant>"),),
    ),
    Case(
        "Президент Сердар Бердымухамедов подписал постановление о строительстве завода "
        "карбамида в Балканском велаяте.",
        "ru",
        facts=(("ORDERED", "Сердар Бердымухамедов", "<Plant>"),),
    ),
    Case(
        "Präsident Shavkat Mirziyoyev unterzeichnete einen Erlass über den Bau eines "
        "Zementwerks im Gebiet Namangan.",
        "de",
        facts=(("ORDERED", "Shavkat Mirziyoyev", "<Plant>"),),
    ),
    Case(
        "The relevant resolutions were signed by Prime Minister Olzhas Bektenov.",
        "en",
        forbidden=(("ORDERED", "*", "*"),),
    ),
    Case(
        "Turkmen President Signs Decree on Building New Cement Plant",
        "en",
        forbidden=(("ORDERED", "*", "*"),),
    ),
]

TABLES |= {"decrees": DECREES}


# The country whose investors or money build a plant invests in it ("Chinese investors",
# "investors from Iran", "Chinese investments"); rows from four articles in three languages.
COUNTRY_INVESTORS = [
    *(
        Case(text, lang, facts=(("INVESTS_IN", country, "<Plant>"),))
        for text, lang, country in [
            (
                "Investors from Iran ready to build pharmaceutical plant in Kazakhstan",
                "en",
                "Iran",
            ),
            (
                "The metallurgical plant will cost 200 million dollars and will be built through "
                "Chinese investments.",
                "en",
                "China",
            ),
            ("Chinesische Investoren bauen Gewächshauskomplex in Usbekistan", "de", "China"),
            (
                "Китайские инвесторы построят сахарный завод в Атырауской области.",
                "ru",
                "China",
            ),
        ]
    ),
    # a country named elsewhere in the sentence is no investor
    Case(
        "Investors plan a cement plant in Uzbekistan.",
        "en",
        forbidden=(("INVESTS_IN", "Uzbekistan", "<Plant>"),),
    ),
]

TABLES |= {"country investors": COUNTRY_INVESTORS}


# A lender named after the loan, grant or support it gives ("a loan from X", "Darlehen der
# X", "при поддержке фонда"), or the agent of "financed by" with the bodies listed after it,
# invests in the plant of the sentence or the one told of just before; money put "in" a
# place goes to the place (Dordoi, Saran, Marzich, IQF Chui, Reina Kench, Polpharma, Minessi
# articles, in three languages).
LENDERS = [
    Case(
        "The Dordoi meat processing plant in Balykchy was financed through a loan from the "
        "Kyrgyz-Russian Development Fund.",
        "en",
        facts=(("INVESTS_IN", "Russian-Kyrgyz Development Fund", "<Plant>"),),
        forbidden=(("INVESTS_IN", "Dordoi", "*"),),
    ),
    Case(
        "Construction of the Marzich hydroelectric power plant has been financed by the "
        "Government of Tajikistan and the Islamic Development Bank (IsDB).",
        "en",
        facts=(
            ("INVESTS_IN", "Government of Tajikistan", "<Plant>"),
            ("INVESTS_IN", "Islamic Development Bank", "<Plant>"),
        ),
    ),
    Case(
        "Das Solarkraftwerk in Saran wurde zur Hälfte mit einem Darlehen der Europäischen Bank "
        "für Wiederaufbau und Entwicklung finanziert.",
        "de",
        facts=(("INVESTS_IN", "EBRD", "<Plant>"),),
    ),
    Case(
        "Завод открыт в Бишкеке. Часть средств выделена со стороны ОАО «Айыл банк» в размере "
        "36 млн сомов.",
        "ru",
        facts=(("INVESTS_IN", "Айыл банк", "<Plant>"),),
    ),
    Case(
        "Polpharma Group will invest $50 million in Kazakhstan.",
        "en",
        facts=(("INVESTS_IN", "Polpharma Group", "Kazakhstan"),),
    ),
    Case(
        "Турецкая компания Minessi A.S вложит $500 млн в Узбекистан.",
        "ru",
        facts=(("INVESTS_IN", "Minessi A.S", "Uzbekistan"),),
    ),
    # a place that owns what follows is not where the money goes
    Case(
        "Polpharma Group has already invested more than $130 million in Shymkent’s Chimpharm.",
        "en",
        forbidden=(("INVESTS_IN", "*", "Shymkent"),),
    ),
    # "fördern" without an amount is promoting, not funding
    Case(
        "Das Wasserkraftwerk Rogun wurde eröffnet. Der Damm soll auch das Ansehen von Präsident "
        "Emomali Rachmon fördern.",
        "de",
        forbidden=(("INVESTS_IN", "*", "*"),),
    ),
]

TABLES |= {"lenders": LENDERS}
