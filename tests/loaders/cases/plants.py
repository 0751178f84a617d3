"""Plants and who plans or runs them: PLANS, OPERATES, and what a plant is told with (its
goods, its status)."""

from __future__ import annotations

from tests.loaders.cases import Case

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

# The company of a plant's noun phrase runs it; the plant's status says plans or runs.
RUN_BY_ITS_COMPANY = [
    Case(
        "Der Akim des Gebiets Pawlodar besichtigte das Werk von Kazzinc in Ekibastus.",
        "de",
        facts=(("OPERATES", "Kazzinc", "<Plant>"), ("LOCATED_IN", "<Plant>", "Ekibastus")),
        entities=(("Plant", "Kazzinc plant in Ekibastuz"),),
    ),
    Case(
        "Die chinesische Firma Chery will ein Montagewerk in Dschisak errichten.",
        "de",
        facts=(("PLANS", "Chery", "<Plant>"), ("BASED_IN", "Chery", "China")),
        properties=(("<Plant>", "status", "planned"),),
    ),
    Case(
        "During his working trip to Tursunzoda, President Emomali Rahmon opened a new "
        "workshop of the Tajik Aluminium Company.",
        "en",
        facts=(
            ("OPERATES", "Tajik Aluminium Company", "<Plant>"),
            ("LOCATED_IN", "<Plant>", "Tursunzoda"),
        ),
        forbidden=(("LOCATED_IN", "<Plant>", "Tajikistan"),),
        counts=(("Plant", 1),),
    ),
    Case(
        "В ходе рабочей поездки в город Турсунзаде Президент Эмомали Рахмон открыл новый цех "
        "Таджикской алюминиевой компании.",
        "ru",
        facts=(
            ("OPERATES", "Таджикской алюминиевой компании", "<Plant>"),
            ("LOCATED_IN", "<Plant>", "Tursunzoda"),
        ),
        forbidden=(("LOCATED_IN", "<Plant>", "Tajikistan"),),
        counts=(("Plant", 1),),
    ),
    Case(
        "Während seiner Arbeitsreise nach Tursunsoda eröffnete Präsident Emomali Rahmon eine "
        "neue Werkshalle der Tajik Aluminium Company.",
        "de",
        facts=(
            ("OPERATES", "Tajik Aluminium Company", "<Plant>"),
            ("LOCATED_IN", "<Plant>", "Tursunzoda"),
        ),
        forbidden=(("LOCATED_IN", "<Plant>", "Tajikistan"),),
        counts=(("Plant", 1),),
    ),
]

# A joint venture's plant is run by each owner.
JOINT_VENTURES = [
    Case(
        "The governor opened a new tile factory in Termez. The factory is a joint venture of "
        "Uzbekistan's Kulol Keramika and the Spanish company Porcelanosa Group.",
        "en",
        facts=(
            ("OPERATES", "Porcelanosa Group", "<Plant>"),
            ("OPERATES", "Kulol Keramika", "<Plant>"),
        ),
    ),
]

# Co-planners ("together with", "jointly") both plan the plant; "Invest" in a name is no
# investment verb and no person.
CO_PLANNERS = [
    Case(
        text,
        lang,
        facts=(("PLANS", first, "<Plant>"), ("PLANS", second, "<Plant>")),
        forbidden=(("INVESTS_IN", "*", "*"),),
        counts=(("Plant", 1), ("Person", 0)),
        properties=(("<Plant>", "status", "planned"),),
    )
    for text, lang, first, second in [
        (
            "Chinese bus maker King Long plans to build an electric bus plant in Andijan "
            "together with the local company Andijan Auto Invest.",
            "en",
            "King Long",
            "Andijan Auto Invest",
        ),
        (
            "Hyundai and Uzavtosanoat will jointly build an engine plant in Namangan.",
            "en",
            "Hyundai",
            "Uzavtosanoat",
        ),
        (
            "Китайская компания Haier совместно с местной компанией «Самарканд Инвест» построит "
            "завод бытовой техники в Самарканде.",
            "ru",
            "Haier",
            "Самарканд Инвест",
        ),
        (
            "Der chinesische Hersteller BYD will gemeinsam mit der usbekischen Firma "
            "Uzavtosanoat Invest ein Batteriewerk in Dschisak bauen.",
            "de",
            "BYD",
            "Uzavtosanoat Invest",
        ),
    ]
]

# Who built a standing plant runs it, brands made in it do not; who builds a plant under way
# plans it; a contractor of another company's plant plans it.
BUILDERS = [
    *(
        Case(
            text,
            lang,
            facts=(("OPERATES", "Allur", "<Plant>"),),
            forbidden=tuple(
                (rtype, brand, "*")
                for rtype in ("OPERATES", "PLANS")
                for brand in ("Kia", "Chevrolet")
            ),
            counts=(("Plant", 1),),
            properties=(("<Plant>", "status", "operating"),),
        )
        for text, lang in [
            (
                "The car plant in Kostanay was built by the company Allur. The plant assembles "
                "Kia and Chevrolet cars.",
                "en",
            ),
            (
                "Автомобильный завод в Костанае построила компания Allur. На предприятии "
                "собирают автомобили Kia и Chevrolet.",
                "ru",
            ),
            (
                "Das Autowerk in Kostanai wurde von der Firma Allur gebaut. Dort werden Autos der "
                "Marken Kia und Chevrolet montiert.",
                "de",
            ),
        ]
    ),
    *(
        Case(
            text,
            lang,
            facts=(("PLANS", "CAMC Engineering", "<Plant>"),),
            forbidden=(("OPERATES", "CAMC Engineering", "<Plant>"),),
            counts=(("Plant", 1),),
        )
        for text, lang in [
            (
                "The cement plant in Jizzakh is being built by the Chinese company CAMC "
                "Engineering.",
                "en",
            ),
            ("Цементный завод в Джизаке строит китайская компания CAMC Engineering.", "ru"),
            (
                "Das Zementwerk in Dschisak wird von der chinesischen Firma CAMC Engineering "
                "gebaut.",
                "de",
            ),
        ]
    ),
    Case(
        "Der Gouverneur eröffnete das Zementwerk der Firma Kant Cement in Kant. Das Werk wurde "
        "von der chinesischen Firma CAMC Engineering errichtet.",
        "de",
        facts=(("OPERATES", "Kant Cement", "<Plant>"), ("PLANS", "CAMC Engineering", "<Plant>")),
        forbidden=(("OPERATES", "CAMC Engineering", "<Plant>"),),
        counts=(("Plant", 1),),
    ),
]

# A plant told of again stays its company's: a partner expanding it does not run it.
TOLD_OF_AGAIN = [
    Case(
        text,
        lang,
        facts=(("OPERATES", owner, "<Plant>"),),
        forbidden=(("OPERATES", partner, "*"), ("PLANS", partner, "*")),
        counts=(("Plant", 1),),
        properties=(("<Plant>", "status", "operating"),),  # visited: it stands
    )
    for text, lang, owner, partner in [
        (
            "Navoi region governor Normurod Bobojonov visited the UzKabel plant in Navoi. The "
            "Korean company LS Cable plans to increase the plant's capacity to 20,000 tonnes a "
            "year.",
            "en",
            "UzKabel",
            "LS Cable",
        ),
        (
            "Хоким Навоийской области посетил завод компании «Навоиазот» в Навои. Китайская "
            "компания CNCEC планирует увеличить мощность завода до 500 тысяч тонн в год.",
            "ru",
            "Навоиазот",
            "CNCEC",
        ),
        (
            "Der Bürgermeister besuchte das Traktorenwerk der Firma Agromash in Tschirtschik. "
            "Die deutsche Firma Claas will in diesem Werk künftig Mähdrescher herstellen.",
            "de",
            "Agromash",
            "Claas",
        ),
    ]
]

# What a plant makes is a noun phrase of goods; a company or a clause is no product.
PRODUCTS = [
    *(
        Case(text, lang, counts=(("Plant", 1),), properties=(("<Plant>", "product", made),))
        for text, lang, made in [
            (
                "The factory in Samarkand will start production of passenger cars and "
                "crossovers next year.",
                "en",
                "passenger cars and crossovers",
            ),
            ("The new plant in Navoi makes power cables for the CIS market.", "en", "power cables"),
            (
                "Завод в Ташкенте будет выпускать электробусы и грузовики.",
                "ru",
                "электробусы и грузовики",
            ),
            (
                "Завод в Самарканде выпускает автобусы и грузовики марки Isuzu.",
                "ru",
                "автобусы и грузовики",
            ),
            (
                "Das neue Werk in Buchara soll Gipskartonplatten und Trockenmörtel herstellen.",
                "de",
                "Gipskartonplatten und Trockenmörtel",
            ),
            ("Das Werk in Termes stellt Ziegel her.", "de", "Ziegel"),
        ]
    ),
    *(
        Case(text, lang, properties=(("<Plant>", "product", None),))
        for text, lang in [
            ("In Jizzakh, the production of Chery Automobile has started at the new plant.", "en"),
            ("На заводе в Самарканде начато производство компании Isuzu Motors.", "ru"),
            ("Im Werk in Dschisak hat die Produktion der Firma Chery begonnen.", "de"),
        ]
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

TABLES = {
    "energy plants": ENERGY_PLANTS,
    "run by its company": RUN_BY_ITS_COMPANY,
    "joint ventures": JOINT_VENTURES,
    "co-planners": CO_PLANNERS,
    "builders": BUILDERS,
    "told of again": TOLD_OF_AGAIN,
    "products": PRODUCTS,
    "project parties": PROJECT_PARTIES,
}
