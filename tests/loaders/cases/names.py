"""Names of people and organizations: where a name starts and ends, its canonical form."""

from __future__ import annotations

from tests.loaders.cases import Case

NAMES = [
    Case(  # a known maker does not cut a longer name; an acronym is an alias
        "Hyundai Rotem and Uzbekistan Railways (UTY) will build a locomotive plant in "
        "Tashkent. UTY will hold 51 percent.",
        "en",
        named=(("Hyundai Rotem", "Hyundai Rotem"), ("UTY", "Uzbekistan Railways")),
    ),
    Case(  # a German "dsch" is an English "j" once
        "Vizepremier Dschamschid Chodschajew besuchte Nawoi.",
        "de",
        entities=(("Person", "Jamshid Khojayev"),),
        counts=(("Person", 1),),
    ),
    Case(  # a Russian descriptive company name is nominative
        "Рабочие Узбекской национальной компании получили премию.",
        "ru",
        entities=(("Organization", "Uzbekskaya natsionalnaya kompaniya"),),
    ),
    Case(  # a description is not a name
        "Вчера китайская компания Haier открыла завод в Самарканде.",
        "ru",
        entities=(("Organization", "Haier"),),
        counts=(("Organization", 1),),
    ),
]

# A web address is a media outlet (a mention pattern of the packs), and the source of the
# news rather than a visitor or a place visited.
MEDIA = [
    Case(
        "Хоким Навоийской области посетил завод в Навои, сообщает Podrobno.uz.",
        "ru",
        entities=(("Organization/media", "Podrobno.uz"),),
        forbidden=(("VISITED", "*", "Podrobno.uz"),),
    ),
    Case(
        "The khokim visited Navoi, gazeta.uz reports.",
        "en",
        entities=(("Organization/media", "gazeta.uz"),),
        forbidden=(("VISITED", "gazeta.uz", "*"), ("VISITED", "*", "gazeta.uz")),
    ),
    Case(
        "Laut kun.uz besuchte der Hokim die Region Navoi.",
        "de",
        forms=(("Organization/media", "kun.uz"),),
    ),
]

TABLES = {"names": NAMES, "media": MEDIA}

# Which words name a company: a group noun before a name describes it; goods made in a place
# name none; a name opening an English sentence and doing what companies do is one; people,
# places and lower-case subjects are none; names listed after a company are companies.
COMPANY_NAMES = [
    *(
        Case(
            f"Im Mittelpunkt stand das geplante Werk des {what}-Konzerns Nordchem in Pawlodar.",
            "de",
            facts=(("PLANS", "Nordchem", "*"),),
            forbidden=(("PART_OF", "*", "*"),),
            entities=(("Organization", "Nordchem"),),
            counts=(("Organization", 1),),
        )
        for what in ["Spezialchemie", "Chemie", "Stahl"]
    ),
    Case(
        "Der Akim besuchte das Werk der Allur-Gruppe in Kostanai.",
        "de",
        entities=(("Organization", "Allur"),),
    ),
    *(
        Case(
            f"Er besichtigte das Werk der ERG-Gruppe, das seit 2007 in Pawlodar {goods} herstellt.",
            "de",
            facts=(("LOCATED_IN", "*", "Pavlodar"), ("OPERATES", "Eurasian Resources Group", "*")),
            entities=(("Organization", "Eurasian Resources Group"),),
            counts=(("Organization", 1),),
        )
        for goods in ["Aluminium", "Gold"]
    ),
    *(
        Case(text, "en", entities=(("Organization", company),))
        for text, company in [
            ("Qazaq Vagon is a subsidiary of Kazakhstan Temir Zholy.", "Qazaq Vagon"),
            (
                "Qazaq Vagon, which launched production at its plant in Ekibastuz in 2021, will "
                "double the plant's output.",
                "Qazaq Vagon",
            ),
            (
                "Sany Heavy Industry will build an excavator plant in Khujand.",
                "Sany Heavy Industry",
            ),
        ]
    ),
    *(
        Case(text, "en", counts=(("Organization", 0),))
        for text in [
            "Prime Minister Abdulla Aripov will build a plant.",
            "Zhang Wei plans a trip to Navoi.",
            "Navoi Region plans a new plant.",
            "Central Asian countries plan to build roads.",
        ]
    ),
    Case(
        "Qazaq Vagon is a subsidiary of Kazakhstan Temir Zholy.",
        "en",
        facts=(("PART_OF", "Qazaq Vagon", "Kazakhstan Temir Zholy"),),
        counts=(("Location", 0),),  # the parent is a company, not its country
    ),
    *(
        Case(text, lang, entities=tuple(("Organization", n) for n in ("Sany", "Zoomlion", "XCMG")))
        for text, lang in [
            ("Делегация посетила предприятия компаний Sany, Zoomlion и XCMG.", "ru"),
            ("The delegation visited the plants of the companies Sany, Zoomlion and XCMG.", "en"),
        ]
    ),
    *(
        Case(text, "en", counts=(("Organization", 1),))  # no list without its "and", nor of places
        for text in [
            "Artel, Mirziyoyev said, will build a plant.",
            "The delegation visited Hyundai, Tashkent and Samarkand.",
        ]
    ),
]

TABLES |= {"company names": COMPANY_NAMES}

# A long official name ending in a legal form goes on over "and"/"of" with one word after it
# and over a possessive ending, a country may open it, and a second legal form after a comma
# belongs to it ("... Foreign Engineering and Construction Co., Ltd."); a plant noun, a
# legal form or a known name before the link ends it: two names, not one. An "and" stays
# inside one name only between two fields of activity (the packs' NAME_FIELDS: "Engineering
# and Construction", "Import and Export"); between names it lists two companies.
LINKED_OFFICIAL_NAMES = [
    Case(
        "Den Vertrag unterzeichneten Tashkimyo und Rota Technologies Inc. in Taschkent.",
        "de",
        forms=(("Organization/company", "Rota Technologies Inc."),),
        absent=(("Organization", "Tashkimyo und Rota Technologies Inc."),),
    ),
    Case(
        "The deal was signed by Navoiyazot and Kemet Industries Ltd. on Friday.",
        "en",
        forms=(("Organization/company", "Kemet Industries Ltd."),),
        absent=(("Organization", "Navoiyazot and Kemet Industries Ltd."),),
    ),
    Case(
        "Officials of the Zarafshan Import and Export Corporation arrived in Samarkand.",
        "en",
        entities=(("Organization/company", "Zarafshan Import and Export Corporation"),),
    ),
    Case(
        "A contract went to China Heavy Machinery Industry's Overseas Engineering and "
        "Construction Co., Ltd. on Monday.",
        "en",
        entities=(
            (
                "Organization/company",
                "China Heavy Machinery Industry's Overseas Engineering and Construction Co., Ltd.",
            ),
        ),
        absent=(("Organization", "Construction Co."),),
    ),
    Case(
        "The ministry signed the agreement with Somon Engineering and Management LTD.",
        "en",
        entities=(("Organization/company", "Somon Engineering and Management LTD"),),
    ),
    Case(
        "The contract was signed between the Directorate for Construction of Cement Plant and "
        "Poly Technologies Inc.",
        "en",
        forms=(("Organization/company", "Poly Technologies Inc."),),
        absent=(("Organization", "Cement Plant and Poly Technologies Inc."),),
    ),
    Case(
        "The years 2022-2026 were declared the Period of Industrial Development.",
        "en",
        counts=(("Organization", 0),),
    ),
    Case(
        "Die Kvarts Stroy AG und Holding Eurozement Gruppe vereinbarten ein Cluster.",
        "de",
        entities=(
            ("Organization/company", "Kvarts Stroy AG"),
            ("Organization/company", "Eurozement Gruppe"),
        ),
    ),
]

TABLES |= {"linked official names": LINKED_OFFICIAL_NAMES}

# A company's name goes on in further legal forms, with a comma or "&" between them or none
# ("Holding Limited", "GmbH & Co. KG", "Co., Ltd.", "Anonim Şirketi"), over a designator it writes
# in brackets ("(Group) Co., Ltd."), and over the Turkish "ve" between fields of activity
# ("Sanayi ve Ticaret A.S."); English and Turkish names stand so in articles of every
# language. A capitalised abbreviation ("A.S.", "Co.") is one token where its lower-case
# form is two, and is matched either way.
LEGAL_FORM_CHAINS = [
    *(
        Case(text, lang, entities=(("Organization/company", name),))
        for text, lang, name in [
            (
                "He met the head of Sinopec Overseas Investment Holding Limited in Atyrau.",
                "en",
                "Sinopec Overseas Investment Holding Limited",
            ),
            (
                "The plant was built by John Deere Walldorf GmbH & Co. KG near Tashkent.",
                "en",
                "John Deere Walldorf GmbH & Co. KG",
            ),
            (
                "Investors from Xinjiang Lihua (Group) Co. Ltd. plan a cotton cluster.",
                "en",
                "Xinjiang Lihua (Group) Co. Ltd.",
            ),
            (  # the bracket is no word of the name: a country still opens it
                "It will be built by China Huadian Heavy Machinery (Group) Co. Ltd. in Navoi.",
                "en",
                "China Huadian Heavy Machinery (Group) Co. Ltd.",
            ),
            (
                "Он встретился с руководством компании Xinjiang Lihua (Group) Co., Ltd. в Астане.",
                "ru",
                "Xinjiang Lihua (Group) Co., Ltd",  # the point is the tokenizer's
            ),
            (
                "Den Vertrag unterschrieb China Nonferrous Metal Industry's Foreign Engineering "
                "and Construction Co., Ltd. in Almaty.",
                "de",
                "China Nonferrous Metal Industry's Foreign Engineering and Construction Co., Ltd",
            ),
            (
                "Контракт получила China Nonferrous Metal Industry’s Foreign Engineering and "
                "Construction Co., Ltd. в Алматы.",
                "ru",
                "China Nonferrous Metal Industry’s Foreign Engineering and Construction Co., Ltd",
            ),
            (
                "The complex will be built by Gap Inşaat Yatirim ve Dis Ticaret A.S. in Balkan.",
                "en",
                "Gap Inşaat Yatirim ve Dis Ticaret A.S.",
            ),
            (
                "The power plant will be built by Calik Enerji Sanayi ve Ticaret A.S, a Turkish "
                "contractor.",
                "en",
                "Calik Enerji Sanayi ve Ticaret A.S",
            ),
            (
                "Контракт подписан с Kuzey Yapi Sanayi ve Ticaret Anonim Şirketi на строительство.",
                "ru",
                "Kuzey Yapi Sanayi ve Ticaret Anonim Şirketi",
            ),
        ]
    ),
    Case(  # a legal form alone is no company of its own
        "He met the head of Sinopec Overseas Investment Holding Limited in Atyrau.",
        "en",
        absent=(("Organization", "Limited"),),
    ),
]

TABLES |= {"legal-form chains": LEGAL_FORM_CHAINS}

# A name unknown to the gazetteer with no company word is a company by where it stands:
# listed with a company (conjuncts share their kind), in a list after "N companies:", or
# with its country in brackets after it; each row's sentence shape comes from another article.
COMPANIES_BY_CONTEXT = [
    *(
        Case(text, lang, entities=tuple(("Organization/company", n) for n in names))
        for text, lang, names in [
            (
                "The plant will produce 54 medicines in partnership with Sinopharm, Sinovac, "
                "and Kangtai Biological Technology.",
                "en",
                ["Sinopharm", "Sinovac"],
            ),
            (
                "Завод будет выпускать лекарства в партнёрстве с Sinopharm, Sinovac и Kangtai "
                "Biological Technology.",
                "ru",
                ["Sinopharm", "Sinovac"],
            ),
            (
                "Agreements were signed between the Ministry of Healthcare and four companies: "
                "AltINFARM, MSP ROMPHARM, and Abdi Ibrahim Global Pharm.",
                "en",
                ["AltINFARM", "MSP ROMPHARM"],
            ),
            (
                "Участниками проекта являются КазМунайГаз (40%), СИБУР (30%) и Sinopec (30%).",
                "ru",
                ["Sinopec"],
            ),
            ("Turbines from Goldwind (PRC) were installed in Tomdi district.", "en", ["Goldwind"]),
            (
                "Als Geldgeber gilt Sinopec (Peking / China), daneben Sibur (Moskau / Russland).",
                "de",
                ["Sinopec", "Sibur"],
            ),
            (
                "Контракт подписан с компаниями Mitsubishi Corporation (Япония) и Kolin Insaat "
                "(Турция).",
                "ru",
                ["Kolin Insaat"],
            ),
        ]
    ),
    # "X and Y Corporation" may be one long name: no list of two without a comma
    Case(
        "Officials of the Zhongyuan Plant and Export Corporation arrived in Tashkent.",
        "en",
        absent=(("Organization", "Zhongyuan Plant"),),
    ),
    # no company among them: places and people listed stay what they are
    Case(
        "Rahmon visited Dushanbe, Khujand, and Kulob.",
        "en",
        absent=(("Organization", "Khujand"), ("Organization", "Kulob")),
    ),
]

TABLES |= {"companies by context": COMPANIES_BY_CONTEXT}

# A quoted name is a company's when a company noun or legal form stands before it or right
# after it ("the “UzXCMG” joint venture", "die “Merrymed Farm” GmbH"); the state and Kyrgyz
# legal forms written before a name (ГУП, ОсОО) are such forms.
QUOTED_COMPANIES = [
    Case(
        "Rahmon visited the “UzXCMG” joint venture in the city of Urgench.",
        "en",
        entities=(("Organization", "UzXCMG"),),
    ),
    Case(
        "Produkte der “Fergana Turon Textil” GmbH, gegründet letztes Jahr in Fergana, fanden "
        "Absatz.",
        "de",
        forms=(("Organization", "Fergana Turon Textil"),),
    ),
    Case(
        "Präsident Mirziyoyev besuchte die “Merrymed Farm” GmbH im Bezirk Namangan.",
        "de",
        forms=(("Organization", "Merrymed Farm"),),
    ),
    Case(
        'Месторождение Джеруй разрабатывается российской компанией ОсОО "Альянс Алтын".',
        "ru",
        forms=(("Organization", "Альянс Алтын"),),
        absent=(("Organization", "ОсОО"),),
    ),
    Case(
        "Состоялось открытие швейного цеха в ГУП «Редкие металлы Таджикистана».",
        "ru",
        forms=(("Organization", "Редкие металлы Таджикистана"),),
    ),
    # after a legal form the quotes hold the company's name even when it is written as a
    # phrase of lower-case words
    Case(
        "Акылбек Жапаров в ходе рабочей поездки в Чуйскую область посетил открытое акционерное "
        "общество «Кара-Балтинский горнорудный комбинат».",
        "ru",
        forms=(("Organization", "Кара-Балтинский горнорудный комбинат"),),
    ),
    Case(
        "Между АО «Узбекистон темир йуллари» и китайской компанией «XCMG» подписан меморандум "
        "о покупке 44,4-процентной доли акционерного общества «Ургенчский экскаваторный завод».",
        "ru",
        forms=(("Organization", "Ургенчский экскаваторный завод"),),
    ),
]

TABLES["quoted companies"] = QUOTED_COMPANIES

# A country adjective with no article before a company's name says where it is from ("Turkish
# Rönesans Holding", "Swiss Stadler Rail AG"); after an article it opens the name ("the Tajik
# Aluminium Company").
DESCRIBING_COUNTRY = [
    Case(
        "The plant was built by Mitsubishi Power, as well as Turkish Rönesans Holding.",
        "en",
        entities=(("Organization", "Rönesans Holding"),),
        facts=(("BASED_IN", "Rönesans Holding", "Turkey"),),
    ),
    Case(
        "Kazakhstan signed an agreement with Swiss Hess Carrosserie AG on the supply of coaches.",
        "en",
        entities=(("Organization", "Hess Carrosserie AG"),),
        facts=(("BASED_IN", "Hess Carrosserie AG", "Switzerland"),),
    ),
    Case(
        "President Emomali Rahmon opened a new workshop of the Tajik Aluminium Company.",
        "en",
        entities=(("Organization", "Tajik Aluminium Company"),),
    ),
]

TABLES["describing country"] = DESCRIBING_COUNTRY
DESCRIBING_COUNTRY.append(
    Case(
        "Die chinesische Firma Xinyi Glass will gemeinsam mit dem kirgisischen Unternehmen "
        "Kyrgyz Glass ein zweites Werk in Kara-Balta bauen.",
        "de",
        entities=(("Organization", "Kyrgyz Glass"),),
    )
)


# A legal form written out in words ("Closed Joint-Stock Company", "Общество с ограниченной
# ответственностью", "Gesellschaft mit beschränkter Haftung", "Государственное унитарное
# предприятие" in any case) is no company of its own: the name after it (or before it) is the
# company.
LEGAL_FORMS_IN_WORDS = [
    Case(
        text,
        lang,
        forms=(("Organization", name),),
        absent=tuple(("Organization", form) for form in forms),
    )
    for text, lang, name, forms in [
        (
            'The plant was built by Closed Joint-Stock Company "Tojikcement" in Dushanbe.',
            "en",
            "Tojikcement",
            ("Closed Joint-Stock Company", "Joint-Stock Company"),
        ),
        (
            'Limited Liability Company "Asia Cement" will build a cement plant in Khujand.',
            "en",
            "Asia Cement",
            ("Limited Liability Company", "Liability Company"),
        ),
        (
            "Рахмон принял участие в церемонии запуска Цементного завода Общества с "
            "ограниченной ответственностью «Джунг-Цай Мохир Цемент».",
            "ru",
            "Джунг-Цай Мохир Цемент",
            ("Общества",),
        ),
        (
            "Акционерное общество «Узкимёсаноат» и Samsung построят завод в Янгиере.",
            "ru",
            "Узкимёсаноат",
            ("Акционерное общество",),
        ),
        # a state enterprise written out, in any case; "Ховар" alone is the news agency
        (
            "Объект построен Государственным унитарным предприятием «Нури Ховар», основным "
            "направлением его деятельности является пошив и ковроткачество.",
            "ru",
            "Нури Ховар",
            ("Ховар", "Государственным унитарным предприятием"),
        ),
        # a legal form alone is no name a model may add either (natasha tags "ОсОО" an ORG)
        (
            'Президент посетил завод по производству кормов ОсОО "Тянь-Шань форель".',
            "ru",
            "Тянь-Шань форель",
            ("ОсОО",),
        ),
        (
            "Die Gesellschaft mit beschränkter Haftung „Asia Cement“ baut ein Zementwerk in "
            "Chudschand.",
            "de",
            "Asia Cement",
            ("Gesellschaft",),
        ),
    ]
]

TABLES |= {"legal forms in words": LEGAL_FORMS_IN_WORDS}


# Capitalised words whose initials spell the acronym in parentheses after them name an
# organization, the acronym its alias; a zone so written is a place, not a company.
SPELLED_OUT_ACRONYMS = [
    Case(text, lang, entities=(("Organization", name),), forms=(("Organization", short),))
    for text, lang, name, short in [
        (
            "Kazakhstan Temir Zholy (KTZ) signed three agreements with Stadler.",
            "en",
            "Kazakhstan Temir Zholy",
            "KTZ",
        ),
        (
            "Die Aufbauten werden in Zusammenarbeit mit Manufacturing Commercial Vehicles (MCV) "
            "gefertigt.",
            "de",
            "Manufacturing Commercial Vehicles",
            "MCV",
        ),
        (
            "The loan comes from the Bank of China (BOC).",
            "en",
            "Bank of China",
            "BOC",
        ),
    ]
] + [
    Case(
        "The plant is in the Alatau Special Economic Zone (SEZ) near Almaty.",
        "en",
        counts=(("Organization", 0),),
    )
]

TABLES |= {"spelled-out acronyms": SPELLED_OUT_ACRONYMS}

# Organizations that no cue word announces are found when the knowledge base lists them (the
# groups, banks and media of the region's industry news), in every script and case form; a
# founder's surname is not his holding.
KNOWN_ORGANIZATIONS = [
    Case(
        "Masdar will build a solar plant in Samarkand region.",
        "en",
        entities=(("Organization/company", "Masdar"),),
    ),
    Case(
        "Der Aufsichtsrat von Sinopec billigte das Projekt in Atyrau.",
        "de",
        entities=(("Organization/company", "Sinopec"),),
    ),
    Case(
        "Глава региона встретился с руководством Роснефти и Газпрома.",
        "ru",
        entities=(("Organization/company", "Rosneft"), ("Organization/company", "Gazprom")),
    ),
    Case(
        "Stadler und Kazakhstan Temir Zholy unterzeichneten einen Vertrag.",
        "de",
        entities=(
            ("Organization/company", "Stadler Rail"),
            ("Organization/company", "Kazakhstan Temir Zholy"),
        ),
    ),
    Case(
        "Проект поддержат ЕБРР и Азиатский банк развития, сообщает Нейтральный Туркменистан.",
        "ru",
        entities=(
            ("Organization/other", "EBRD"),
            ("Organization/other", "Asian Development Bank"),
            ("Organization/media", "Neutral Turkmenistan"),
        ),
    ),
]

TABLES |= {"known organizations": KNOWN_ORGANIZATIONS}
