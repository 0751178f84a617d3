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
        # a noun of cooperation before "with" names the partner as well
        (
            "Uzkimyosanoat планирует построить еще один завод в сотрудничестве с японским "
            "концерном Mitsubishi в Навои.",
            "ru",
            "Uzkimyosanoat",
            "Mitsubishi",
        ),
        (
            "Die Holding Tojikcement will in Zusammenarbeit mit der chinesischen Firma Huaxin "
            "ein neues Zementwerk in Duschanbe bauen.",
            "de",
            "Tojikcement",
            "Huaxin",
        ),
        (
            "The Uzbek company Artel plans to build a refrigerator plant in Jizzakh in "
            "partnership with the Turkish company Vestel.",
            "en",
            "Artel",
            "Vestel",
        ),
    ]
]

# A country with the possessive ending before a company describes the company: the plant's
# place is the next "in" ("in cooperation with China's Ming Yuan Silu company in the Jizzakh
# free economic zone", "with Turkey's Calik in the Mary region").
OWNER_COUNTRY_NO_SITE = [
    Case(
        text,
        "en",
        facts=(("LOCATED_IN", "<Plant>", place),),
        forbidden=(("LOCATED_IN", "<Plant>", country),),
    )
    for text, place, country in [
        (
            "Construction of a new glass plant was recently started in cooperation with "
            "China's Ming Yuan Silu company in the Jizzakh free economic zone.",
            "Jizzakh free economic zone",
            "China",
        ),
        (
            "A new power plant is being built together with Turkey's Calik Holding in the "
            "Mary region.",
            "Mary region",
            "Turkey",
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

# A company that carries out a plant's project or works builds it, so it plans it, also
# when the plant was named in the sentence before and whatever its status.
EXECUTORS = [
    *(
        Case(text, lang, facts=(("PLANS", company, "<Plant>"),), counts=(("Plant", 1),))
        for text, lang, company in [
            (
                "The Rogun hydropower plant was inaugurated in 2018. The project is being "
                "carried out by the Italian company Salini Impregilo.",
                "en",
                "Salini Impregilo",
            ),
            (
                "In Mary entsteht ein Heizkraftwerk. Das Projekt wird von der türkischen Firma "
                "Calik umgesetzt.",
                "de",
                "Calik",
            ),
            (
                "В Дашогузе открылась прядильная фабрика. Работы по строительству выполнила "
                "турецкая строительная компания «Котам».",
                "ru",
                "Котам",
            ),
            (
                "В Кызылорде запущен стекольный завод. Строительство завершила китайская "
                "компания King Charm.",
                "ru",
                "King Charm",
            ),
        ]
    ),
    # what is carried out is no project or building work: no builder
    Case(
        "The cement plant in Jizzakh opened in May. The audit was carried out by the company "
        "Deloitte.",
        "en",
        forbidden=(("PLANS", "Deloitte", "<Plant>"),),
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
    "owner country is no site": OWNER_COUNTRY_NO_SITE,
    "builders": BUILDERS,
    "told of again": TOLD_OF_AGAIN,
    "products": PRODUCTS,
    "project parties": PROJECT_PARTIES,
}

# Several plants and companies of one story: each plant keeps its own company; a company
# said to make goods in a plant, a supplier or a partner expanding it does not run it.
ONE_STORY = [
    Case(
        "Isuzu Motors and the Uzbek company Jizzakh Avto Invest will jointly set up an "
        "assembly plant in Jizzakh.",
        "en",
        facts=(("PLANS", "Isuzu Motors", "<Plant>"), ("PLANS", "Jizzakh Avto Invest", "<Plant>")),
        counts=(("Plant", 1),),
    ),
    Case(
        "Рахмон открыл новый цех в Вахдате\n\n"
        "Президент Эмомали Рахмон открыл новый цех Таджикской цементной компании по выпуску "
        "сухих строительных смесей.\n"
        "Затем глава государства заложил первый камень завода по производству электрокабеля, "
        "который китайская компания TBEA построит совместно с местной компанией «Вахдат Инвест».",
        "ru",
        facts=(
            ("OPERATES", "Таджикской цементной компании", "новый цех"),
            ("LOCATED_IN", "новый цех", "Вахдате"),
            ("PLANS", "TBEA", "<Plant>"),
            ("PLANS", "Вахдат Инвест", "<Plant>"),
            ("VISITED", "Эмомали Рахмон", "<Plant>"),  # laid its foundation stone
        ),
        forbidden=(("PLANS", "TBEA", "новый цех"), ("VISITED", "Эмомали Рахмон", "Вахдате")),
        counts=(("Plant", 2),),
        properties=(("новый цех", "status", "operating"),),  # "строительных" builds nothing
    ),
    Case(
        "Хоким Навоийской области посетил автомобильный завод NavoiAvto в Навои.\n"
        "На заводе выпускают автобусы и грузовики марки Hino. В ходе визита хоким провел "
        "переговоры с представителями японской компании Hino Motors.\n"
        "Компания Hino Motors планирует увеличить мощность завода до 5 тысяч машин в год.",
        "ru",
        facts=(("OPERATES", "NavoiAvto", "<Plant>"), ("MET_WITH", "*", "Hino Motors")),
        forbidden=(
            ("OPERATES", "Hino Motors", "*"),
            ("PLANS", "Hino Motors", "*"),
            ("VISITED", "*", "Hino Motors"),  # talks with it during the visit
        ),
        counts=(("Plant", 1),),
        properties=(("<Plant>", "status", "operating"),),
    ),
    Case(
        "Der Landwirtschaftsminister Kasachstans, Aidarbek Saparow, hat in Schymkent die neue "
        "Molkerei der Firma Ak Sut eingeweiht. Der Automobilzulieferer Mahle hat in Taschkent "
        "eine Spinnerei gekauft.",
        "de",
        facts=(
            ("OPERATES", "Ak Sut", "neue Molkerei"),
            ("VISITED", "Aidarbek Saparow", "neue Molkerei"),  # who inaugurates it
        ),
        entities=(("Organization", "Mahle"),),
        forms=(("Plant", "Spinnerei"),),
    ),
    Case(
        "Узбекская компания «Узкимёсаноат» и турецкая Ak Kimya объявили о создании совместного "
        "предприятия по выпуску перекиси водорода в Навоийской области.\n"
        "Новый завод будет производить 30 тысяч тонн продукции в год.\n"
        "Соглашение подписали председатель правления «Узкимёсаноат» Шерзод Хидоятов и "
        "генеральный директор Ak Kimya Мехмет Озтюрк.",
        "ru",
        facts=(
            ("PLANS", "Узкимёсаноат", "<Plant>"),
            ("PLANS", "Ak Kimya", "<Plant>"),
            ("LOCATED_IN", "<Plant>", "Навоийской области"),
            ("HOLDS_POSITION", "Шерзод Хидоятов", "Узкимёсаноат"),  # a quoted seat
        ),
        counts=(("Plant", 1),),
        properties=(
            ("<Plant>", "status", "planned"),  # "будет производить" is no running
            ("<Plant>", "product", "перекиси водорода"),  # not "продукции"
        ),
        absent=(("Organization", "совместного предприятия"),),
    ),
    Case(
        "В Хорезме построят прядильную фабрику\n\n"
        "В Ургенче состоялась встреча хокима Хорезмской области Фаррух Эрманова с делегацией "
        "компании Sanko Tekstil из Газиантепа.\n"
        "По итогам переговоров стороны подписали соглашение о строительстве в Хазараспском "
        "районе прядильной фабрики мощностью 20 тысяч тонн пряжи в год.",
        "ru",
        facts=(
            ("PLANS", "Sanko Tekstil", "<Plant>"),
            ("LOCATED_IN", "<Plant>", "Хазараспском районе"),
            ("MET_WITH", "*", "Sanko Tekstil"),
        ),
        forbidden=(
            ("LOCATED_IN", "<Plant>", "Ургенче"),  # the headline ends its line
            ("VISITED", "*", "Ургенче"),  # the guests came, the host is home
        ),
        counts=(("Plant", 1),),
    ),
    Case(
        "Der Automobilzulieferer Mahle hat im Gebiet Navoi ein Werk für Kolben in Betrieb "
        "genommen.\n"
        "Betrieben wird das Werk von Mahle Uzbekistan, einer Tochter des Konzerns.\n"
        "Zur Eröffnung war auch der Hokim des Gebiets Navoi, Normurod Turgunov, angereist.",
        "de",
        facts=(
            ("OPERATES", "Mahle", "<Plant>"),
            ("OPERATES", "Mahle Uzbekistan", "<Plant>"),
            ("PART_OF", "Mahle Uzbekistan", "Mahle"),  # "des Konzerns" is Mahle
            ("VISITED", "Normurod Turgunov", "<Plant>"),  # came to its opening
        ),
        counts=(("Plant", 1),),  # "das Werk von X" after "Betrieben wird" is the plant told of
    ),
    Case(
        "Der Minister hat in Schymkent die neue Molkerei der Firma Ak Sut eingeweiht.\n"
        "Die Technik für die Molkerei lieferte der Anlagenbauer GEA Group aus Düsseldorf.",
        "de",
        facts=(("OPERATES", "Ak Sut", "<Plant>"),),
        forbidden=(("OPERATES", "GEA Group", "*"), ("PLANS", "GEA Group", "*")),
        counts=(("Plant", 1),),
    ),
    Case(
        "The akim welcomed a delegation of the chemicals group Ciech.\n"
        "Ciech vice president Dawid Jakubowicz presented plans for a soda ash plant near "
        "Temirtau.\n"
        "Akim Yermaganbet Bulekpayev tasked the regional department of entrepreneurship with "
        "finding a site for the project.",
        "en",
        facts=(
            ("PLANS", "Ciech", "<Plant>"),  # an executive opening the sentence speaks for it
            ("ORDERED", "Yermaganbet Bulekpayev", "regional department of entrepreneurship"),
        ),
        counts=(("Plant", 1),),
    ),
    Case(
        "The akim met with Ciech vice president Dawid Jakubowicz to discuss a plant.",
        "en",
        forbidden=(("PLANS", "Ciech", "*"),),  # a partner met speaks for no plan
    ),
]

# Companies signing for a plant plan it, unless it runs already or is an activity.
SIGNATORIES = [
    Case(
        "Казахстанская компания Allur и китайская JAC подписали соглашение о строительстве "
        "автозавода в Костанае.",
        "ru",
        facts=(("PLANS", "Allur", "<Plant>"), ("PLANS", "JAC", "<Plant>")),
        counts=(("Plant", 1),),
    ),
    Case(
        "In 2023, ADM Jizzakh and GWM signed a partnership agreement enabling the assembly of "
        "HAVAL vehicles in Uzbekistan.",
        "en",
        forbidden=(("PLANS", "*", "*"),),  # an activity agreed on, no plant
    ),
]

# Plants launched, owned, ordered, named by their town, run "by" a company, told of as a
# joint venture with its owners.
RUN_OR_OWNED = [
    Case(
        "Китайская компания Haier запустила в Ташкентской области завод по выпуску стиральных "
        "машин. Предприятие принадлежит компании Uzbekneftegaz и производит полиэтилен.",
        "ru",
        facts=(
            ("OPERATES", "Haier", "завод"),  # "запустила": it runs now
            ("OPERATES", "Uzbekneftegaz", "*"),  # "Предприятие ... производит"
        ),
    ),
    Case(
        "Uzbekneftegaz operates the Bukhara refinery, which processes oil.",
        "en",
        facts=(("LOCATED_IN", "<Plant>", "Bukhara"), ("OPERATES", "Uzbekneftegaz", "<Plant>")),
        counts=(("Plant", 1),),
    ),
    Case(
        "The factory was built by the Turkish contractor Calik Enerji and is run by Navoiyazot.",
        "en",
        facts=(
            ("OPERATES", "Navoiyazot", "<Plant>"),
            ("BASED_IN", "Calik Enerji", "Turkish"),  # a contractor is a company
        ),
        counts=(("Plant", 1),),
    ),
    *(
        Case(
            text,
            lang,
            facts=(
                ("PLANS", "UzKorea Auto", "<Plant>"),
                *(("PART_OF", "UzKorea Auto", owner) for owner in owners),
            ),
            forbidden=tuple(("PLANS", owner, "<Plant>") for owner in owners),  # the venture does
            counts=(("Plant", 1),),
        )
        for text, lang, owners in [
            (
                "UzKorea Auto, a joint venture of UzAuto Motors and Hyundai Mobis, will build a "
                "components plant in Andijan.",
                "en",
                ["UzAuto Motors", "Hyundai Mobis"],
            ),
            (
                "Das Joint Venture UzKorea Auto von UzAuto Motors und Hyundai Mobis will in "
                "Andijan ein Komponentenwerk bauen.",
                "de",
                ["UzAuto Motors", "Hyundai"],
            ),
            (
                "Совместное предприятие UzKorea Auto, созданное UzAuto Motors и Hyundai Mobis, "
                "построит в Андижане завод комплектующих.",
                "ru",
                ["UzAuto Motors", "Hyundai Mobis"],
            ),
        ]
    ),
]

# Unnamed plants are named in English by their company, kind and town; the unit of a figure
# is no modifier, and a hyphenated modifier ("ore-dressing plant") is one.
PLANT_NAMES = [
    Case(
        "Die Firma Ak Sut hat in Schymkent eine neue Molkerei eröffnet.",
        "de",
        entities=(("Plant", "Ak Sut dairy in Shymkent"),),
        counts=(("Plant", 1),),
    ),
    Case(
        "Turkish firm Kolin to construct $200m cement plant in Surkhandarya",
        "en",
        entities=(("Plant", "Kolin cement plant in Surkhandarya region"),),
        counts=(("Plant", 1),),
    ),
    # a hyphenated modifier is one modifier, its first part included
    *(
        Case(text, lang, forms=(("Plant", form),))
        for text, lang, form in [
            (
                "A Kazakh-Uzbek joint venture plans to establish a cotton-textile cluster worth "
                "$41.8 million.",
                "en",
                "cotton-textile cluster",
            ),
            (
                "It is expected to build a new copper-concentrating complex, plants for copper "
                "electrolysis, production of sulfuric acid and other facilities.",
                "en",
                "copper-concentrating complex",
            ),
            (
                "The company reportedly commits itself to build a polymetal-processing "
                "enterprise with capacity of processing 2 million tons of ore a year.",
                "en",
                "polymetal-processing enterprise",
            ),
            (
                "Компания построит горно-обогатительный комбинат на месторождении.",
                "ru",
                "горно-обогатительный комбинат",
            ),
        ]
    ),
]

TABLES |= {
    "one story": ONE_STORY,
    "signatories": SIGNATORIES,
    "run or owned": RUN_OR_OWNED,
    "plant names": PLANT_NAMES,
    "executors": EXECUTORS,
}

# A company visited or opened in a sentence that names no plant is told of as a site:
# an organization and a plant of one name, joined by OPERATES (ANNOTATION.md); the visit
# goes to the plant. Not its office or stand, not a company whose plant is named elsewhere,
# not a company that merely "currently produces".
COMPANY_SITES = [
    Case(
        "Am Dienstag besuchte der Ministerpräsident Zilan Eversun Textile LLC in der Stadt "
        "Kara-Balta.",
        "de",
        facts=(
            ("OPERATES", "Zilan Eversun Textile LLC", "<Plant>"),
            ("LOCATED_IN", "<Plant>", "Kara-Balta"),
        ),
        named=(("<Plant>", "Zilan Eversun Textile LLC"),),
    ),
    Case(
        "President Sooronbai Jeenbekov visited Artel Electronics in Kara-Suu district on Friday.",
        "en",
        facts=(
            ("VISITED", "Sooronbai Jeenbekov", "<Plant>"),
            ("OPERATES", "Artel Electronics", "<Plant>"),
            ("LOCATED_IN", "<Plant>", "Kara-Suu district"),
        ),
        forbidden=(("VISITED", "Sooronbai Jeenbekov", "<Organization>"),),
    ),
    Case(
        "President Sadyr Japarov visited Kant Cement Plant LLC in Kant on Monday.",
        "en",
        facts=(
            ("VISITED", "Sadyr Japarov", "<Plant>"),
            ("OPERATES", "Kant Cement Plant LLC", "<Plant>"),
        ),
        counts=(("Plant", 1),),
    ),
    Case(
        "Президент Эмомали Рахмон посетил ООО «Вахдат Текстиль» в городе Вахдат.",
        "ru",
        facts=(
            ("VISITED", "Emomali Rahmon", "<Plant>"),
            ("OPERATES", "Вахдат Текстиль", "<Plant>"),
            ("LOCATED_IN", "<Plant>", "городе Вахдат"),
        ),
        named=(("<Plant>", "Vakhdat Tekstil"),),
    ),
    Case(
        "Президент Таджикистана Эмомали Рахмон сегодня в Шанхае посетил офис китайской "
        "компании «Хайчень групп».",
        "ru",
        counts=(("Plant", 0),),
    ),
    Case(
        "Currently, ADM Jizzakh produces several models, including Jolion and Dargo.",
        "en",
        counts=(("Plant", 0),),
    ),
]

TABLES["company sites"] = COMPANY_SITES

# Companies listed with "and" right before the verb of planning or building are its
# subject: each plans the plant (not a list far from the verb).
COORDINATED_PLANNERS = [
    Case(
        "Акционерное общество «Uzkimyosanoat» (Узбекская химическая промышленность) Узбекистана "
        "и Samsung планируют построить завод по производству карбамида в Сырдарьинской области.",
        "ru",
        facts=(("PLANS", "Uzkimyosanoat", "<Plant>"), ("PLANS", "Samsung", "<Plant>")),
    ),
    Case(
        "The ministry said that Siemens and Enter Engineering plan to build a gas turbine plant "
        "in Tashkent region.",
        "en",
        facts=(("PLANS", "Siemens", "<Plant>"), ("PLANS", "Enter Engineering", "<Plant>")),
    ),
    Case(
        "Die Firmen Knauf und Uzstroymaterialy planen den Bau eines Gipswerks in Buchara.",
        "de",
        facts=(("PLANS", "Knauf", "<Plant>"), ("PLANS", "Uzstroymaterialy", "<Plant>")),
    ),
    Case(
        "Siemens and Enter Engineering took part in the forum, where the government announced "
        "plans to build a plant in Tashkent.",
        "en",
        forbidden=(("PLANS", "Siemens", "<Plant>"), ("PLANS", "Enter Engineering", "<Plant>")),
    ),
    Case(
        "Компании Siemens и Enter Engineering приняли участие в форуме, где правительство "
        "объявило о планах построить завод в Ташкенте.",
        "ru",
        forbidden=(("PLANS", "Siemens", "<Plant>"),),
    ),
]

# The parties of a contract for building a plant (the customer and the contractors it
# names) plan it.
CONTRACT_PARTIES = [
    Case(
        'В ноябре 2014 года АО "Узхимпром" заключило контракт c Poly Technologies Inc. на '
        "строительство шинного завода стоимостью около 200 миллионов долларов.",
        "ru",
        facts=(("PLANS", "Узхимпром", "<Plant>"), ("PLANS", "Poly Technologies Inc", "<Plant>")),
    ),
    Case(
        "The president signed a decree granting the state-owned concern Turkmenhimiya the right "
        "to conclude a contract with the Japanese company Mitsubishi Heavy Industries, Ltd., and "
        "the Turkish company Kolin Insaat for the construction of a urea plant in Turkmenbashi "
        "district.",
        "en",
        facts=(
            ("PLANS", "Turkmenhimiya", "<Plant>"),
            ("PLANS", "Mitsubishi Heavy Industries", "<Plant>"),
            ("PLANS", "Kolin Insaat", "<Plant>"),
        ),
    ),
    Case(
        "Mitsubishi Heavy Industries (MHI), Mitsubishi Corporation und GAP Insaat, ein "
        "türkischer Anlagenbauer, haben einen EPCC-Auftrag zum Bau einer Düngemittelfabrik in "
        "Garabogaz erhalten.",
        "de",
        facts=(
            ("PLANS", "Mitsubishi Heavy Industries", "<Plant>"),
            ("PLANS", "GAP Insaat", "<Plant>"),
        ),
    ),
]

TABLES["coordinated planners"] = COORDINATED_PLANNERS
TABLES["contract parties"] = CONTRACT_PARTIES

# The company told of as its own site is visited there, not also as a company.
COMPANY_SITES.append(
    Case(
        "Rahmon visited the “UzXCMG” joint venture in the city of Urgench.",
        "en",
        facts=(("VISITED", "Emomali Rahmon", "<Plant>"), ("LOCATED_IN", "<Plant>", "Urgench")),
        forbidden=(("VISITED", "Emomali Rahmon", "<Organization>"),),
    )
)

# A company visited in a country (a trip abroad) is visited as a company, no site of it.
COMPANY_SITES.append(
    Case(
        "Gouverneur Anvar Beispielov besuchte am Montag den Autobauer Nordwind Motors in "
        "Deutschland.",
        "de",
        facts=(("VISITED", "Anvar Beispielov", "Nordwind Motors"),),
        counts=(("Plant", 0),),
    )
)


# The client a plant is built for plans it, in the plant's sentence or just after it
# ("Auftraggeber ist ...", "по заказу ...", "the project customer will be ...").
CLIENTS = [
    Case(
        text,
        lang,
        facts=(("PLANS", client, "<Plant>"),),
        counts=(("Plant", 1),),
    )
    for text, lang, client in [
        (
            "Die türkische Firma Engin baut in der Region Mary eine Anlage zur Verarbeitung von "
            "Baumwolle. Das berichtete die Zeitung Neutral Turkmenistan. Auftraggeber ist das "
            "Staatsunternehmen „Turkmenpagta“.",
            "de",
            "Turkmenpagta",
        ),
        (
            "Mitsubishi und GAP bauen eine Düngemittelfabrik in Garabogaz. Auftraggeber ist der "
            "staatliche Chemiekonzern Turkmenhimiya.",
            "de",
            "Turkmenhimiya",
        ),
        (
            "В Бахардене открылось новое предприятие. Предприятие построено по заказу "
            "Министерства промышленности Туркменистана индивидуальным предприятием «Eziz "
            "doganlar».",
            "ru",
            "Министерства промышленности Туркменистана",
        ),
        (
            "The president approved the construction of a ceramics plant in Baherden. The "
            "project customer will be the Ministry of Industry and Construction of Turkmenistan.",
            "en",
            "Ministry of Industry and Construction of Turkmenistan",
        ),
    ]
] + [
    # goods sold to customers name no client of the plant
    Case(
        "The Arman plant in Almaty sends its products to customers in Kazakhstan.",
        "en",
        forbidden=(("PLANS", "*", "*"),),
    )
]

# Russian names the agent of a passive in the instrumental: "построено предприятием «X»" is
# built by X, who plans the plant another company runs or commissioned.
INSTRUMENTAL_BUILDERS = [
    Case(
        "Новый завод в Бахардене построен по заказу Министерства промышленности Туркменистана "
        "индивидуальным предприятием «Eziz doganlar».",
        "ru",
        facts=(("PLANS", "Eziz doganlar", "<Plant>"),),
    ),
]

TABLES |= {"clients": CLIENTS, "instrumental builders": INSTRUMENTAL_BUILDERS}

# A partner named with its country's possessive ("in cooperation with China's Ming Yuan Silu
# company", "together with Turkey's Calik Holding") is introduced as a partner like "with the
# Chinese company X"; the agency that reports it ("the Jahon information agency reported") is
# no party (en b12 glass plant in Jizzakh, en b05 Calik power plants).
POSSESSIVE_PARTNERS = [
    Case(
        "Construction of a new glass plant was recently started in cooperation with China's "
        "Ming Yuan Silu company in the Jizzakh free economic zone, the Jahon information agency "
        "reported.",
        "en",
        facts=(("PLANS", "Ming Yuan Silu", "<Plant>"),),
        forbidden=(("PLANS", "Jahon", "*"),),
    ),
    Case(
        "Navoiazot JSC will build a soda plant in Karakalpakstan together with Turkey's Calik "
        "Holding.",
        "en",
        facts=(("PLANS", "Navoiazot JSC", "<Plant>"), ("PLANS", "Calik Holding", "<Plant>")),
    ),
]

TABLES |= {"possessive partners": POSSESSIVE_PARTNERS}

# Processing is production: an enterprise "по переработке" what it takes in is a site, as one
# "по производству" what it puts out ("предприятие по переработке молока"), a quoted name
# between the noun and the goods or not.
PROCESSING_SITES = [
    Case(  # Asil, Istaravshan
        "20 июня в городе Истаравшан приступило к работе предприятие «Асил» по переработке "
        "молочных продуктов.",
        "ru",
        facts=(("LOCATED_IN", "<Plant>", "Istaravshan"),),
    ),
    Case(  # ELOK-2015, Fayzabad
        "Предпринимателем Рустамом Назриевым сдано в эксплуатацию первое предприятие по "
        "переработке молока ООО «ЭЛОК-2015» в Файзабадском районе.",
        "ru",
        facts=(("LOCATED_IN", "<Plant>", "Fayzabad district"),),
    ),
    Case(  # Dordoi, Balykchy
        "The President visited a meat processing enterprise in Naryn.",
        "en",
        facts=(("LOCATED_IN", "<Plant>", "Naryn"),),
    ),
]

TABLES |= {"processing sites": PROCESSING_SITES}
