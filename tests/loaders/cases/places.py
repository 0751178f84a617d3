"""Places: their names, where plants are (LOCATED_IN), where organizations are from
(BASED_IN), and what is no place of a plant (where its goods go)."""

from __future__ import annotations

from tests.loaders.cases import Case

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

# Places take their English names (and keep their gazetteer ids), also inflected, also when
# a town is named like its region; a capital can be named by its country's adjective.
ENGLISH_NAMES = [
    Case(
        "Der Gouverneur der Region Kaschkadarja, Murod Karimov, reiste nach Deutschland.",
        "de",
        properties=(("Region Kaschkadarja", "iso", "UZ-QA"), ("Deutschland", "iso", "DE")),
    ),
    *(
        Case(text, lang, named=((surface, "Karshi"),))
        for text, lang, surface in [
            ("The khokim visited a textile factory in Qarshi.", "en", "Qarshi"),
            ("Хоким посетил текстильную фабрику в Карши.", "ru", "Карши"),
            ("Der Hokim besuchte eine Textilfabrik in Karschi.", "de", "Karschi"),
        ]
    ),
    *(
        Case(text, lang, named=((town, "Jizzakh"),))
        for text, lang, town in [
            ("A brick factory opened in Jizzakh, Jizzakh region.", "en", "Jizzakh"),
            ("В Джизаке Джизакской области открылся кирпичный завод.", "ru", "Джизаке"),
            ("In Dschisak wurde eine Ziegelfabrik eröffnet.", "de", "Dschisak"),
        ]
    ),
    *(
        Case(
            f"The factory in {surface} makes bricks."
            if lang == "en"
            else f"Фабрика в {surface} выпускает кирпич.",
            lang,
            named=((surface, english),),
        )
        for surface, lang, english in [
            ("Navoi", "en", "Navoi"),
            ("Навои", "ru", "Navoi"),
            ("Karaganda", "en", "Karaganda"),
            ("Караганде", "ru", "Karaganda"),
            ("Termez", "en", "Termez"),
            ("Ургенче", "ru", "Urgench"),
            ("Astana", "en", "Astana"),  # once Акмола: not spelt like Akmola region
        ]
    ),
    Case(
        "Die Firma Knauf baut in der usbekischen Hauptstadt ein Gipswerk.",
        "de",
        facts=(("LOCATED_IN", "<Plant>", "usbekischen Hauptstadt"),),
        forbidden=(("LOCATED_IN", "<Plant>", "Uzbekistan"),),
        named=(("usbekischen Hauptstadt", "Tashkent"),),
    ),
]

# Where goods are exported to is no place of the plant.
EXPORT_DESTINATIONS = [
    Case(
        text,
        lang,
        facts=(("LOCATED_IN", "<Plant>", home),),
        forbidden=tuple(("LOCATED_IN", "<Plant>", place) for place in abroad),
        counts=(("Plant", 1),),
    )
    for text, lang, home, abroad in [
        (
            "The governor visited the Surkhan Textile factory in Termez. The factory's yarn is "
            "exported to Russia, Turkey and China.",
            "en",
            "Termez",
            ["Russia", "Turkey", "China"],
        ),
        (
            "Хоким посетил кабельный завод компании «Электрокабель» в Чирчике. Продукция "
            "завода экспортируется в Казахстан, Кыргызстан и Таджикистан.",
            "ru",
            "Чирчике",
            ["Казахстан", "Кыргызстан", "Таджикистан"],
        ),
        (
            "Der Gouverneur besuchte das Werk der Firma Knauf in Buchara. Die Platten des Werks "
            "werden nach Russland und Kasachstan exportiert.",
            "de",
            "Buchara",
            ["Russland", "Kasachstan"],
        ),
        (
            "Казахстанская компания «Кабельный завод» поставляет трансформаторы в Узбекистан и "
            "Россию со своего завода в Шымкенте.",
            "ru",
            "Шымкенте",
            ["Узбекистан", "Россию"],
        ),
        (
            "A new cable plant in Andijan will make cables for the CIS market.",
            "en",
            "Andijan",
            ["CIS"],
        ),
        (
            "Новый завод в Намангане будет выпускать ткани для рынков стран СНГ.",
            "ru",
            "Намангане",
            ["СНГ"],
        ),
        (  # the accusative after "в" is a destination
            "Завод поставляет продукцию в Казахстан и производит кирпич в Ташкенте.",
            "ru",
            "Ташкенте",
            ["Казахстан"],
        ),
    ]
]

# A country adjective before a company is its home.
BASED_IN = [
    Case(
        "Chinese bus maker King Long plans to build an electric bus plant in Andijan.",
        "en",
        facts=(("BASED_IN", "King Long", "China"),),
    ),
    Case(
        "Die chinesische Firma Chery will ein Montagewerk in Dschisak errichten.",
        "de",
        facts=(("BASED_IN", "Chery", "China"),),
    ),
]

TABLES = {
    "named by place word": NAMED_BY_PLACE_WORD,
    "English names": ENGLISH_NAMES,
    "export destinations": EXPORT_DESTINATIONS,
    "BASED_IN": BASED_IN,
}
