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
        facts=(
            ("LOCATED_IN", "Devashtich district", "Sughd region"),
            ("LOCATED_IN", "Sughd region", "Tajikistan"),
        ),
        forbidden=(
            ("LOCATED_IN", "district of Tajikistan", "Tajikistan"),
            ("LOCATED_IN", "Devashtich district", "Tajikistan"),
        ),
    ),
    Case(
        "The head of state inspected the gas chemical plant under construction in the "
        "Bahoristan region.",
        "en",
        facts=(("LOCATED_IN", "gas chemical plant", "Bahoristan region"),),
        entities=(("Location/region", "Bahoristan region"),),
    ),
    Case(
        "Сегодня в Чарджевском этрапе Лебапского велаята открыли новую электростанцию.",
        "ru",
        facts=(("LOCATED_IN", "Чарджевском этрапе", "Лебапского велаята"),),
    ),
    Case(
        "Das Werk soll in der Wirtschaftszone Bejserke bei Almaty errichtet werden.",
        "de",
        entities=(("Location/other", "Bejserke economic zone"),),
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

# A company's home is the place of its founding words ("-based", "mit Sitz in", "со
# штаб-квартирой в", "headquartered in") or after "from", not where its plant is.
HOMES = [
    # places alone in a bracket after a company, a country among them (three articles)
    *(
        Case(text, lang, facts=tuple(("BASED_IN", c, h) for c, h in homes))
        for text, lang, homes in [
            (
                "The contract was signed with Poly Technologies Inc. (China) in August 2014.",
                "en",
                [("Poly Technologies Inc.", "China")],
            ),
            (
                "Neben dem Petrochemiekonzern Sibur (Moskau / Russland) ist Sinopec (Peking / "
                "China) beteiligt.",
                "de",
                [("Sibur", "Moscow"), ("Sibur", "Russia"), ("Sinopec", "China")],
            ),
            (
                "Контракт подписан с компаниями Mitsubishi Corporation (Япония) и Kolin Insaat "
                "(Турция).",
                "ru",
                [("Kolin Insaat", "Turkey")],
            ),
        ]
    ),
    Case(
        "The Munich-based company Siemens opened a plant in Almaty. The Warsaw-based chemicals "
        "group Ciech plans a soda ash plant near Temirtau.",
        "en",
        facts=(("BASED_IN", "Siemens", "Munich"), ("BASED_IN", "Ciech", "Warsaw")),
        forbidden=(("BASED_IN", "Siemens", "Almaty"),),  # "based" says nothing of the plant
        absent=(("Organization", "Munich"), ("Organization", "Warsaw")),
    ),
    Case(
        "Der Automobilzulieferer Mahle mit Sitz in Stuttgart hat im Gebiet Navoi ein Werk in "
        "Betrieb genommen. Die Technik lieferte der Anlagenbauer GEA Group aus Düsseldorf.",
        "de",
        facts=(("BASED_IN", "Mahle", "Stuttgart"), ("BASED_IN", "GEA Group", "Düsseldorf")),
        forbidden=(("BASED_IN", "Mahle", "Navoi region"),),
    ),
    Case(
        "Хоким встретился с делегацией компании Sanko Tekstil из Газиантепа.",
        "ru",
        facts=(("BASED_IN", "Sanko Tekstil", "Газиантепа"),),
    ),
    *(
        Case(
            text,
            lang,
            facts=(("BASED_IN", company, home),),
            forbidden=(("BASED_IN", company, not_home),),
        )
        for text, lang, company, home, not_home in [
            (
                "Die in München ansässige Firma Knorr-Bremse will in Samarkand ein Werk errichten.",
                "de",
                "Knorr-Bremse",
                "München",
                "Samarkand",
            ),
            (
                "Компания Bosch со штаб-квартирой в Штутгарте откроет завод в Ташкенте.",
                "ru",
                "Bosch",
                "Штутгарте",
                "Ташкенте",
            ),
            (
                "Turkish textile maker Sanko, headquartered in Gaziantep, launched a yarn "
                "factory in Bukhara.",
                "en",
                "Sanko",
                "Gaziantep",
                "Bukhara",
            ),
        ]
    ),
    Case(  # a seat word, then another name and a verb: no home of the later place
        "Das Unternehmen Knauf mit Hauptsitz in Iphofen betreibt in Buchara ein Werk.",
        "de",
        forbidden=(("BASED_IN", "Knauf", "Buchara"),),
    ),
    Case(
        "The Turkish company Hes Kablo will build a cable plant in Navoi.",
        "en",
        facts=(("BASED_IN", "Hes Kablo", "Turkey"), ("PLANS", "Hes Kablo", "*")),
    ),
]

# Where a plant is: every place of an apposed chain; not the region a trip goes to ("in das
# Gebiet", accusative); a hyphenated town.
PLANT_PLACES = [
    *(
        Case(
            text,
            lang,
            facts=tuple(("LOCATED_IN", "<Plant>", place) for place in places),
            counts=(("Plant", 1),),
        )
        for text, lang, places in [
            (
                "The plant, located in the Yangiyul district of Tashkent region, is run by "
                "Coca-Cola Icecek.",
                "en",
                ["Yangiyul", "Tashkent region"],
            ),
            (
                "Knauf opened its second plant in Kazakhstan, in the city of Shymkent.",
                "en",
                ["Kazakhstan", "Shymkent"],
            ),
            (
                "Компания Knauf открыла второй завод в Казахстане — в городе Шымкенте.",
                "ru",
                ["Kazakhstan", "Shymkent"],
            ),
        ]
    ),
    Case(
        "Präsident Sadyr Japarow hat während seiner Arbeitsreise in das Gebiet Tschüi eine neue "
        "Produktionshalle der Firma Kyrgyz Glass in Tokmok eröffnet.",
        "de",
        facts=(
            ("LOCATED_IN", "<Plant>", "Tokmok"),
            ("VISITED", "Sadyr Japarow", "Gebiet Tschüi"),
        ),
        forbidden=(("LOCATED_IN", "<Plant>", "Gebiet Tschüi"),),
        counts=(("Plant", 1),),
    ),
    Case(
        "Die Firma Xinyi Glass will ein zweites Werk in Kara-Balta bauen. Die Halle soll "
        "Flachglas herstellen.",
        "de",
        facts=(("LOCATED_IN", "*", "Kara-Balta"),),
        absent=(("Location", "Halle"),),  # a noun with its article
    ),
    Case(
        "Der usbekische Präsident Shavkat Mirziyoyev hat den Bau einer Kupferhütte in Almalyk "
        "angeordnet.",
        "de",
        facts=(("LOCATED_IN", "<Plant>", "Almalyk"),),
        counts=(("Plant", 1),),
    ),
    Case(  # a place word picks the region of that name in another country (not Taraz)
        "Japarov ordered a sugar refinery to be built in the Talas region.",
        "en",
        entities=(("Location/region", "Talas region"),),
        named=(("Talas region", "Talas region"),),
    ),
]

TABLES |= {"homes": HOMES, "plant places": PLANT_PLACES}

# Where talks are held is not where the plant is; a place inside the project talked of is
# the plant's; a Turkmen velayat is a region; one unknown place in two cases is one place.
TALKS_AND_REGIONS = [
    *(
        Case(
            text,
            lang,
            forbidden=(("LOCATED_IN", "*", "*"),),
            forms=(("Plant", "завода" if lang == "ru" else "glass plant"),),
        )
        for text, lang in [
            ("Посол Китая обсудил в Намангане строительство завода", "ru"),
            ("The sides discussed in Tashkent the construction of a glass plant.", "en"),
        ]
    ),
    Case(
        "Стороны обсудили строительство в Папском районе завода.",
        "ru",
        facts=(("LOCATED_IN", "*", "Pap district"),),
    ),
    *(
        Case(text, lang, facts=(("LOCATED_IN", "*", "Ahal region"),))
        for text, lang in [
            ("Президент посетил цементный завод в Ахалском велаяте.", "ru"),
            ("President Serdar Berdimuhamedov visited a cement plant in Ahal velayat.", "en"),
        ]
    ),
    Case(
        "Стороны обсудили строительство в Папском районе завода. Хоким поручил хокимияту "
        "Папского района подготовить площадку.",
        "ru",
        entities=(("Location", "Pap district"),),
        counts=(("Location", 1),),
    ),
]

TABLES |= {"talks and regions": TALKS_AND_REGIONS}

# Place chains: a place, "in" (after a comma too) with only articles and words that narrow
# the larger place between ("northern", "autonomen"), and a larger place ("the village of
# Aktogai in the Abai Region", "Bezirk Pop im Gebiet Namangan"); a place named with its
# owner's possessive lies in the owner and is the plant's place ("in Tajikistan's Sughd
# region", "in Kyrgyzstan's northern Chui region", "in Dushanbe’s Firdavsi district"); a
# narrower place after a comma and its own "in" lies in the one before.
PLACE_CHAINS = [
    Case(
        "A copper smelter is planned near the village of Aktogai in the Abai Region.",
        "en",
        facts=(("LOCATED_IN", "Aktogai", "Abai region"), ("LOCATED_IN", "<Plant>", "Aktogai")),
    ),
    Case(
        "Hyundai assembles buses in Kostanay in northern Kazakhstan.",
        "en",
        facts=(("LOCATED_IN", "Kostanay", "Kazakhstan"),),
    ),
    Case(
        "A textile factory opened in Tajikistan's Sughd region.",
        "en",
        facts=(
            ("LOCATED_IN", "<Plant>", "Sughd region"),
            ("LOCATED_IN", "Sughd region", "Tajikistan"),
        ),
        forbidden=(("LOCATED_IN", "<Plant>", "Tajikistan"),),
    ),
    # words that say where in the owner stand between ("northern"); a city owns its districts
    Case(
        "Japarov launched the construction of an automotive assembly plant in Kyrgyzstan's "
        "northern Chui region.",
        "en",
        facts=(
            ("LOCATED_IN", "<Plant>", "Chui region"),
            ("LOCATED_IN", "Chui region", "Kyrgyzstan"),
        ),
        forbidden=(("LOCATED_IN", "<Plant>", "Kyrgyzstan"),),
    ),
    Case(
        "Emomali Rahmon commissioned a textile enterprise in Dushanbe’s Firdavsi district.",
        "en",
        facts=(
            ("LOCATED_IN", "<Plant>", "Firdavsi district"),
            ("LOCATED_IN", "Firdavsi district", "Dushanbe"),
        ),
        forbidden=(("LOCATED_IN", "<Plant>", "Dushanbe"),),
    ),
    Case(
        "Officials visited the construction site in the Akhal region, in Gokdepe.",
        "en",
        facts=(("LOCATED_IN", "Gokdepe", "Akhal region"),),
    ),
    Case(
        "Ein Zementwerk entsteht im Bezirk Pop im Gebiet Namangan.",
        "de",
        facts=(("LOCATED_IN", "Bezirk Pop", "Gebiet Namangan"),),
    ),
    Case(
        "Das Unternehmen baut in dem Bezirk Mubarek, in der Region Kashkadarya, eine Anlage.",
        "de",
        facts=(("LOCATED_IN", "Bezirk Mubarek", "Region Kashkadarya"),),
    ),
    Case(
        "Комбинат построят у поселка Актогай в области Абай.",
        "ru",
        facts=(("LOCATED_IN", "поселка Актогай", "Абай"),),
    ),
    Case(
        "Фабрика заработала в городе Истаравшан в северном Таджикистане.",
        "ru",
        facts=(("LOCATED_IN", "городе Истаравшан", "Таджикистане"),),
    ),
    Case(  # a place after a place without "in" is no chain
        "Investors from Kostanay met officials of Kazakhstan.",
        "en",
        forbidden=(("LOCATED_IN", "Kostanay", "Kazakhstan"),),
    ),
]

TABLES |= {"place chains": PLACE_CHAINS}

# Russian names a settlement with its place word before it and its district with an
# adjective and a place word after it, one after the other ("в селе Элок Файзабадского
# района", "в поселке Гвардейский Кордайского района"): the village's name is its one word,
# and the adjective names the district it lies in. A place word standing alone right before
# a known place is that place's ("в районе Исмоили Сомони города Душанбе"): the district
# before it lies in it. A hyphenated adjective is one word, and a known name that begins it
# ("Иссык-Атинского района") names no town.
SETTLEMENTS_IN_DISTRICTS = [
    *(
        Case(text, "ru", facts=(("LOCATED_IN", village, district),))
        for text, village, district in [
            (
                "Несколько лет назад в селе Элок Файзабадского района построили молочный пункт.",
                "Элок",
                "Fayzabad district",
            ),
            (
                "Министр прибыл с рабочим визитом в поселок Гвардейский Кордайского района.",
                "Гвардейский",
                "Korday district",
            ),
            (
                "Президент заложил камень в фундамент предприятия в районе Исмоили Сомони города "
                "Душанбе.",
                "Исмоили Сомони",
                "Dushanbe",
            ),
            # a hyphenated district adjective ends the village's name too
            (
                "Российско-Кыргызский фонд развития (РКФР) профинансировал строительство "
                "кирпичного завода в селе Тилекмат Джети-Огузского района Иссык-Кульской области.",
                "Тилекмат",
                "Джети-Огузского района",
            ),
            # ... also when a known town begins it: "Иссык-Атинского района" is no town Issyk
            (
                "Министр ознакомился с ходом строительства завода, возводимого в айылном аймаке "
                "Кочкорбаев Иссык-Атинского района Чуйской области.",
                "Кочкорбаев",
                "Иссык-Атинского района",
            ),
            # a known region right after the village's name is a place of its own
            (
                "В селе Новопокровка Чуйской области полным ходом идут строительные работы по "
                "возведению фабрики по производству стеклянных материалов.",
                "Новопокровка",
                "Chuy region",
            ),
        ]
    ),
]

TABLES |= {"settlements in districts": SETTLEMENTS_IN_DISTRICTS}

# A sentence that tells of a trip to a region ("trip to the X region", "поездку по X
# области") places its towns and districts in that region, unless the sentence places them
# elsewhere or the gazetteer knows them in another country.
TRIP_REGIONS = [
    Case(
        "The president inspected a chemical plant in the city of Yangier during his trip to "
        "the Syrdarya region.",
        "en",
        facts=(("LOCATED_IN", "Yangiyer", "Syrdarya region"),),
    ),
    Case(
        "Рабочую поездку по Согдийской области президент начал с города Бустон.",
        "ru",
        facts=(("LOCATED_IN", "Buston", "Sughd region"),),
    ),
    Case(
        "During a working trip to Osh region, the president opened a factory in Kara-Suu.",
        "en",
        facts=(("LOCATED_IN", "Kara Suu", "Osh region"),),
    ),
    Case(  # Almaty is no town of a Kyrgyz region
        "During a working trip to Osh region, the president met investors from Almaty.",
        "en",
        forbidden=(("LOCATED_IN", "Almaty", "*"),),
    ),
]

TABLES |= {"trip regions": TRIP_REGIONS}

# An unknown name after a place word that precedes it ("the city of", "Dorf", "в городе") is
# a place of that kind, hyphenated names whole; "X of Y district": X lies in the district.
TOWNS_AFTER_PLACE_WORDS = [
    Case(
        "Work on a zinc smelter began in the city of Istiklol in the Sughd province.",
        "en",
        entities=(("Location/city", "Istiklol"),),
        facts=(("LOCATED_IN", "Istiklol", "Sughd region"), ("LOCATED_IN", "<Plant>", "Istiklol")),
    ),
    Case(
        "The president opened a cotton mill in the village of Mehnatobod of Kushoniyon district.",
        "en",
        facts=(("LOCATED_IN", "Mehnatobod", "Kushoniyon district"),),
    ),
    Case(
        "Der Minister besichtigte die Raffinerie im Dorf Ak-Bashat im Bezirk Zhaiyl.",
        "de",
        entities=(("Location/other", "Ak-Bashat"),),
        facts=(("LOCATED_IN", "Ak-Bashat", "Bezirk Zhaiyl"),),
    ),
    Case(
        "Ein Zementwerk entsteht in der Stadt Korauziak.",
        "de",
        entities=(("Location/city", "Korauziak"),),
        facts=(("LOCATED_IN", "<Plant>", "Korauziak"),),
    ),
    Case(
        "Новый цинковый завод построят в городе Истиклол.",
        "ru",
        forms=(("Location/city", "городе Истиклол"),),
        facts=(("LOCATED_IN", "<Plant>", "городе Истиклол"),),
    ),
]

TABLES |= {"towns after place words": TOWNS_AFTER_PLACE_WORDS}

# A national body (a government, a ministry) is its country's and based nowhere (the
# annotation guide gives government bodies no BASED_IN); a regional one sits in its region.
NATIONAL_BODIES = [
    Case(
        "The Ministry of Energy of Uzbekistan and the Samarkand regional khokimiyat signed it.",
        "en",
        facts=(("BASED_IN", "Samarkand regional khokimiyat", "Samarkand region"),),
        forbidden=(("BASED_IN", "*", "Uzbekistan"),),
    ),
    Case(
        "The agreement was signed by the Government of Tajikistan.",
        "en",
        forbidden=(("BASED_IN", "*", "*"),),
    ),
    Case(
        "Министерство энергетики Узбекистана и хокимият Самаркандской области подписали его.",
        "ru",
        facts=(("BASED_IN", "*", "Samarkand region"),),
        forbidden=(("BASED_IN", "*", "Uzbekistan"),),
    ),
    Case(
        "Das Energieministerium Usbekistans und die Gebietsverwaltung Samarkand unterzeichneten.",
        "de",
        facts=(("BASED_IN", "*", "Samarkand region"),),
        forbidden=(("BASED_IN", "*", "Uzbekistan"),),
    ),
]

# Bodies named in other words: the German cabinet in the genitive, "Kabinett der Minister",
# a "State Committee" with its portfolios joined by "and", ministries of two fields.
BODIES_IN_OTHER_WORDS = [
    Case(
        "Akylbek Japarov, der Vorsitzende des kirgisischen Ministerkabinetts, besuchte Tschui.",
        "de",
        entities=(("Organization/government", "Cabinet of Ministers of Kyrgyzstan"),),
    ),
    Case(
        "Der Vorsitzende des Kabinetts der Minister von Kirgisistan, Adylbek Kasymaliev, hat "
        "mehrere Industrieunternehmen besucht.",
        "de",
        entities=(("Organization/government", "Cabinet of Ministers of Kyrgyzstan"),),
    ),
    Case(
        "Lochin Fayzulloev, first deputy chairman of the State Committee on Investment and "
        "State-owned Property Management, said the plants will be built.",
        "en",
        entities=(
            ("Organization/government", "Committee of Investment and State Property Management"),
        ),
        counts=(("Organization", 1),),
    ),
    Case(
        "Первый заместитель председателя Государственного комитета по инвестициям и управлению "
        "государственным имуществом Лочин Файзуллозода отметил это.",
        "ru",
        entities=(
            ("Organization/government", "Committee of Investment and State Property Management"),
        ),
        counts=(("Organization", 1), ("Person", 1)),
    ),
    *(
        Case(text, lang, entities=(("Organization/government", name),))
        for text, lang, name in [
            (
                "The Ministry of Economic Development and Trade of Tajikistan signed it.",
                "en",
                "Ministry of Economic Development and Trade of Tajikistan",
            ),
            (
                "Das Ministerium für wirtschaftliche Entwicklung und Handel Tadschikistans "
                "unterzeichnete es.",
                "de",
                "Ministry of Economic Development and Trade of Tajikistan",
            ),
            (
                "Министерство экономического развития и торговли Таджикистана подписало его.",
                "ru",
                "Ministry of Economic Development and Trade of Tajikistan",
            ),
        ]
    ),
    Case(
        "BelAseptika discussed with the Minister of Health and Medical Industry of "
        "Turkmenistan Nurmuhammed Amannepesov the joint production of drugs.",
        "en",
        entities=(("Person", "Nurmuhammed Amannepesov"),),
        counts=(("Person", 1),),
    ),
]

# A plant "near" a village is there: "in der Nähe des Dorfes X", "вблизи поселка X", "near
# the village of X" (the village, then its region).
NEAR_PLACES = [
    Case(text, lang, facts=(("LOCATED_IN", "<Plant>", village), ("LOCATED_IN", village, region)))
    for text, lang, village, region in [
        (
            "Die Anlage wird in der Nähe des Dorfes Aktogai in der Region Abai errichtet.",
            "de",
            "Aktogai",
            "Abai region",
        ),
        ("Завод будет построен вблизи поселка Актогай в области Абай.", "ru", "Актогай", "*"),
        (
            "The smelter will be built near the village of Aktogai in the Abai region.",
            "en",
            "Aktogai",
            "Abai region",
        ),
    ]
]

# The parliaments of the five countries are bodies of state by their own names; a body of
# state is its country's and based nowhere, even beside another country's adjective.
PARLIAMENTS = [
    Case(text, lang, entities=(("Organization/government", name),), forbidden=forbidden)
    for text, lang, name, forbidden in [
        (
            "Председатель Халк Маслахаты Туркменистана Гурбангулы Бердымухамедов провёл встречи "
            "с руководителями турецких компаний.",
            "ru",
            "Halk Maslahaty of Turkmenistan",
            (("BASED_IN", "Halk Maslahaty of Turkmenistan", "*"),),
        ),
        (
            "The Majlisi Namoyandagon ratified the agreement on two cement plants.",
            "en",
            "Majlisi Namoyandagon",
            (),
        ),
        (
            "Депутаты Жогорку Кенеша одобрили соглашение о строительстве завода.",
            "ru",
            "Jogorku Kenesh",
            (),
        ),
        (
            "Das Abkommen wurde vom Mejlis ratifiziert.",
            "de",
            "Mejlis of Turkmenistan",
            (),
        ),
    ]
]

# A place "in the north-west of" a larger one lies in it ("im Nordwesten Kirgisistans", "на
# севере Таджикистана").
IN_A_PART_OF = [
    Case(text, lang, facts=(("LOCATED_IN", region, country),))
    for text, lang, region, country in [
        (
            "Die Lagerstätte befindet sich in der Region Talas im Nordwesten Kirgisistans.",
            "de",
            "Talas region",
            "Kyrgyzstan",
        ),
        ("Завод построят в Согдийской области на севере Таджикистана.", "ru", "*", "Tajikistan"),
        (
            "The plant will be built in the Sughd region in the north of Tajikistan.",
            "en",
            "Sughd region",
            "Tajikistan",
        ),
    ]
]

# The president's press service and office are bodies named by the office they serve; the
# title inside is no person of the sentence, and the press service is party to no fact.
PRESS_SERVICES = [
    Case(
        text,
        lang,
        entities=(("Organization/government", name),),
        counts=(("Person", persons),),
        forbidden=(("MET_WITH", "*", name),),
    )
    for text, lang, name, persons in [
        (
            "На встрече президента Эмомали Рахмона с работниками станции говорилось о сроках, "
            "передает пресс-служба главы государства.",
            "ru",
            "Press service of the President",
            1,
        ),
        (
            "Sadyr Japarov nahm an der Eröffnung teil, berichtete der Pressedienst des "
            "Präsidenten.",
            "de",
            "Press service of the President",
            1,
        ),
        (
            "Sadyr Japarov opened the plant, the press service of the head of state reported.",
            "en",
            "Press service of the President",
            1,
        ),
        (
            "Das teilte die Präsidialverwaltung Usbekistans mit.",
            "de",
            "Presidential Administration of Uzbekistan",
            0,
        ),
    ]
]

TABLES |= {"near places": NEAR_PLACES, "parliaments": PARLIAMENTS, "in a part of": IN_A_PART_OF}
TABLES |= {"press services": PRESS_SERVICES}
TABLES |= {"national bodies": NATIONAL_BODIES, "bodies in other words": BODIES_IN_OTHER_WORDS}


# A site word before a name (quoted or bare, a known town's name or not) makes a site of its
# own, named in English by the name and the kind, and a plant in it is in the site.
SITES = [
    *(
        Case(
            text,
            lang,
            entities=(("Location/other", name),),
            facts=(("LOCATED_IN", "<Plant>", name),),
            absent=(("Organization", "DAMU"),),
        )
        for text, lang, name in [
            (
                "Завод построят на территории свободной экономической зоны «Дангара».",
                "ru",
                "Danghara free economic zone",
            ),
            ("Завод построен в промышленной зоне Овадандепе.", "ru", "Ovadandepe industrial zone"),
            ("Компания построит завод в СЭЗ TURAN.", "ru", "TURAN free economic zone"),
            (
                "Das Werk der Wilo Gruppe befindet sich im Gewerbegebiet „DAMU“ in der Region "
                "Almaty.",
                "de",
                "DAMU industrial park",
            ),
            (
                "Das Werk entsteht in der freien Wirtschaftszone „Angren“.",
                "de",
                "Angren free economic zone",
            ),
            # the site word's abbreviation in brackets before the name (Kavali, Karshi; TURAN)
            (
                "Президент ознакомился с работой завода в малой промышленной зоне (МПЗ) "
                "«Кавали» в Карши.",
                "ru",
                "Kavali industrial zone",
            ),
            (
                "Рассмотрен ход создания текстильного кластера на территории специальной "
                "экономической зоны (СЭЗ) TURAN в Туркестанской области.",
                "ru",
                "TURAN special economic zone",
            ),
        ]
    ),
]

TABLES |= {"sites": SITES}

# A region of several states is the scope of a comparison, not a place: "the largest solar
# plant in Central Asia" (de b21, en b07, ru b16 articles) is in no Central Asia, and a plant
# or company is placed in such a region by no relation; its own town still is its place.
SCOPE_REGIONS = [
    Case(
        "Das größte Solarkraftwerk in Zentralasien wurde in Saran eröffnet.",
        "de",
        facts=(("LOCATED_IN", "<Plant>", "Saran"),),
        forbidden=(("LOCATED_IN", "*", "Central Asia"),),
    ),
    Case(
        "The largest gold plant in Central Asia was launched at the Jerooy deposit.",
        "en",
        forbidden=(("LOCATED_IN", "*", "Central Asia"),),
    ),
    Case(
        "Это первое подобное предприятие в Центральноазиатском регионе.",
        "ru",
        forbidden=(("LOCATED_IN", "*", "*"),),
        entities=(("Location/other", "Central Asia"),),
    ),
    Case(
        "Kia opened Central Asia's first automated car plant in Kostanay.",
        "en",
        facts=(("LOCATED_IN", "<Plant>", "Kostanay"),),
        forbidden=(("LOCATED_IN", "*", "Central Asia"),),
    ),
]

# A country in the plant's own phrase ("крупнейший в Кыргызстане мясокомбинат", "the
# largest wind farm in Uzbekistan") leaves the town the sentence names its place too (ru b15
# Karakol meat plant, de b09 Bash wind farm).
COUNTRY_IN_PHRASE = [
    Case(
        "В Караколе открыли крупнейший в Кыргызстане мясокомбинат.",
        "ru",
        facts=(("LOCATED_IN", "<Plant>", "Karakol"), ("LOCATED_IN", "<Plant>", "Kyrgyzstan")),
    ),
    Case(
        "In Buchara wurde der größte Windpark in Usbekistan eröffnet.",
        "de",
        facts=(("LOCATED_IN", "<Plant>", "Bukhara"),),
    ),
]

TABLES |= {"scope regions": SCOPE_REGIONS, "country in the plant's phrase": COUNTRY_IN_PHRASE}

# A hyphen written without spaces joins the parts of one name ("Jeti-Oguz", "Toguz-Toro",
# "Kichi-Chaarat"), which the tokenizer cuts in three: the name before a place word or a
# legal form takes every part, also where the first part opens the sentence.
HYPHENATED_NAMES = [
    Case(
        "В Джети-Огузском районе Иссык-Кульской области построят консервный завод.",
        "ru",
        forms=(("Location/district", "Джети-Огузском районе"),),
        facts=(("LOCATED_IN", "Джети-Огузском районе", "Issyk-Kul region"),),
    ),
    Case(
        "Месторождение находится в Ала-Букинском районе Джалал-Абадской области.",
        "ru",
        forms=(("Location/district", "Ала-Букинском районе"),),
    ),
    Case(
        "The mine is the only large employer in Toguz-Toro district.",
        "en",
        forms=(("Location/district", "Toguz-Toro district"),),
    ),
    Case(
        "Kichi-Chaarat CJSC is developing a copper deposit in Chatkal district.",
        "en",
        forms=(("Organization/company", "Kichi-Chaarat CJSC"),),
    ),
    Case(
        "Die Fabrik liegt im Bezirk Tash-Araryk im Süden des Landes.",
        "de",
        forms=(("Location", "Tash-Araryk"),),
    ),
]

TABLES |= {"hyphenated names": HYPHENATED_NAMES}

# "X, where ...": a plant told in a clause of "where" lies at the place the clause hangs on.
WHERE_CLAUSES = [
    Case(  # Sputnik Tajikistan, Buston and Bobojon Ghafurov
        "Затем глава государства отправился в Бободжонгафуровский район, где принял участие "
        "в открытии предприятия по производству мешков ООО «Орион Пак».",
        "ru",
        facts=(("LOCATED_IN", "<Plant>", "Бободжонгафуровский район"),),
    ),
    Case(  # Turkmen state news, the Balkan urea complex
        "Президент Сердар Бердымухамедов совершил рабочую поездку в Балканский велаят, где "
        "принял участие в церемонии закладки комплекса по производству карбамида.",
        "ru",
        facts=(
            ("LOCATED_IN", "<Plant>", "Balkan region"),
            ("VISITED", "Сердар Бердымухамедов", "Balkan region"),
        ),
    ),
    Case(
        "Prime Minister Askar Mamin made a working trip to the Almaty region, where he "
        "inspected the construction of a new cement plant of Kazakhcement.",
        "en",
        facts=(("LOCATED_IN", "<Plant>", "Almaty region"),),
    ),
    Case(
        "Der Präsident reiste nach Nawoi, wo er das neue Zementwerk der Firma Kyzylkumcement "
        "besichtigte.",
        "de",
        facts=(("LOCATED_IN", "<Plant>", "Navoi"),),
    ),
]

# A place named before a visited plant, in a clause of its own ("during a working trip to
# Issyk-Kul region, took part in the launch of the enterprise in the region"), is visited
# in its own right; a place in the plant's own phrase only says where the plant is.
PLACES_BEFORE_VISITED_PLANTS = [
    Case(  # Kabar, the Balykchy meat plant
        "President of Kyrgyzstan Sadyr Japarov, during a working trip to Issyk-Kul region, took "
        "part in the launch of the largest meat processing enterprise in the region in "
        "Balykchy city.",
        "en",
        facts=(
            ("VISITED", "Sadyr Japarov", "Issyk-Kul region"),
            ("VISITED", "Sadyr Japarov", "<Plant>"),
        ),
    ),
    Case(  # Turkmen state news, the Turkmenbashi refinery
        "As part of his visit to Balkan province, President Gurbanguly Berdimuhamedov took part "
        "in the ceremony of laying foundation of new power units at the Turkmenbashi complex "
        "of oil refineries.",
        "en",
        forbidden=(("VISITED", "*", "Turkmenbashy"),),
    ),
]

TABLES |= {
    "where clauses": WHERE_CLAUSES,
    "places before visited plants": PLACES_BEFORE_VISITED_PLANTS,
}
