"""Offices, visits and meetings: HOLDS_POSITION, VISITED, MET_WITH."""

from __future__ import annotations

from tests.loaders.cases import Case

# A title with its complement or a country or company before it is an office.
HOLDS_POSITION = [
    Case(
        "The khokim of Bukhara region Botir Zaripov visited Germany last week.",
        "en",
        facts=(("HOLDS_POSITION", "Botir Zaripov", "Bukhara region"),),
        entities=(("Person/official", "Botir Zaripov"),),
    ),
    Case(
        "Хоким Ферганской области Бахтиёр Рахимов посетил завод в Коканде.",
        "ru",
        facts=(("HOLDS_POSITION", "Бахтиёр Рахимов", "Fergana region"),),
    ),
    Case(
        "Kazakh President Kassym-Jomart Tokayev arrived in Tashkent. "
        "Tokayev toured a textile factory. The head of state praised the workers.",
        "en",
        facts=(("HOLDS_POSITION", "Kassym-Jomart Tokayev", "Kazakhstan"),),
        named=(("Tokayev", "Kassym-Jomart Tokayev"),),
    ),
    Case(  # the office is no part of the name
        "Kasachstans Vizepremier Serik Schumangarin besichtigte Kostanai.",
        "de",
        facts=(("HOLDS_POSITION", "Serik Schumangarin", "*"),),
        entities=(("Person", "Serik Schumangarin"),),
        counts=(("Person", 1),),
    ),
    Case(
        "Хоким Навоийской области провел переговоры с руководством компании Linde.",
        "ru",
        facts=(("HOLDS_POSITION", "Khokim of Navoi region", "Navoi region"),),
        entities=(("Person", "Khokim of Navoi region"),),  # unnamed: named by the office
    ),
]

# Visits: the actors visit what follows the verb; a trip's town is visited; who opens a
# plant is there.
VISITED = [
    Case(
        "The khokim of Bukhara region Botir Zaripov visited Germany last week.",
        "en",
        facts=(("VISITED", "Botir Zaripov", "Germany"),),
    ),
    Case(
        "Shavkat Mirziyoyev sprach über die Industrie. Im Mai, während seines Besuchs in der "
        "Region Navoi, Shavkat MirziyoyevvorgeschlagenBau eines neuen Zementwerks in der Region.",
        "de",
        facts=(("VISITED", "Shavkat Mirziyoyev", "Navoi region"),),
        counts=(("Person", 1),),  # the glued words are split before names are read
    ),
    Case(
        "Hyundai executives will visit Namangan next month.",
        "en",
        facts=(("VISITED", "*", "Namangan"),),
    ),
    Case(
        "A delegation led by the khokim of Andijan region Shukhratbek Abdurakhmonov visited "
        "Japan. In Osaka, the delegation held talks with the management of Daikin.",
        "en",
        facts=(("VISITED", "Shukhratbek Abdurakhmonov", "Osaka"),),
    ),
    Case(
        "During his working trip to Tursunzoda, President Emomali Rahmon opened a new "
        "workshop of the Tajik Aluminium Company.",
        "en",
        facts=(("VISITED", "Emomali Rahmon", "<Plant>"),),
    ),
    Case(
        "В ходе рабочей поездки в город Турсунзаде Президент Эмомали Рахмон открыл новый цех "
        "Таджикской алюминиевой компании.",
        "ru",
        facts=(("VISITED", "Emomali Rahmon", "<Plant>"),),
    ),
    Case(
        "Während seiner Arbeitsreise nach Tursunsoda eröffnete Präsident Emomali Rahmon eine "
        "neue Werkshalle der Tajik Aluminium Company.",
        "de",
        facts=(("VISITED", "Emomali Rahmon", "<Plant>"),),
    ),
]

# Meetings: receptions meet the guest after the host; talks "with" a company's management
# meet the company.
MET_WITH = [
    Case(
        "Der Ministerpräsident Usbekistans, Abdulla Aripow, hat am Montag den "
        "Vorstandsvorsitzenden von Bosch, Stefan Hartung, empfangen.",
        "de",
        facts=(
            ("MET_WITH", "Abdulla Aripov", "Stefan Hartung"),
            ("HOLDS_POSITION", "Stefan Hartung", "Bosch"),
        ),
    ),
    Case(  # the Latin company name is split from the Cyrillic name of the guest
        "Премьер-министр Узбекистана Абдулла Арипов принял главу компании Artel Мирзиёда Рахимова.",
        "ru",
        facts=(
            ("MET_WITH", "Абдулла Арипов", "Мирзиёда Рахимова"),
            ("HOLDS_POSITION", "Мирзиёда Рахимова", "Artel"),
        ),
        named=(("Мирзиёда Рахимова", "Mirziyod Rakhimov"),),
    ),
    Case(
        "Хоким Навоийской области провел переговоры с руководством компании Linde.",
        "ru",
        facts=(("MET_WITH", "Khokim of Navoi region", "Linde"),),
    ),
    Case(
        "A delegation led by the khokim of Andijan region Shukhratbek Abdurakhmonov visited "
        "Japan. In Osaka, the delegation held talks with the management of Daikin.",
        "en",
        facts=(("MET_WITH", "Shukhratbek Abdurakhmonov", "Daikin"),),
    ),
]

# Presence at a plant's opening is a visit: "the opening ceremony was attended by", "An der
# Zeremonie nahmen ... teil", "В церемонии открытия приняли участие" (the plant told of before),
# "with the participation of the Head of State", "bei der Eröffnung", "at the opening
# ceremony", "die Eröffnung ... durch Präsident X".
PRESENT_AT_OPENING = [
    Case(
        "Kia has opened its car plant in Kostanay. The plant will produce 70,000 cars a year. "
        "Its robots weld the bodies. The opening ceremony was attended by First Deputy Prime "
        "Minister Roman Sklyar and Kia president Ho Sung Song.",
        "en",
        facts=(
            ("VISITED", "Roman Sklyar", "car plant"),
            ("VISITED", "Ho Sung Song", "car plant"),
        ),
    ),
    Case(
        "Kia hat sein Werk in Kostanai eröffnet. Das Werk soll 70.000 Autos im Jahr bauen. "
        "Roboter schweißen die Karosserien. An der Zeremonie nahmen der Erste stellvertretende "
        "Ministerpräsident Roman Sklyar und Kia-Präsident Ho Sung Song teil.",
        "de",
        facts=(("VISITED", "Roman Sklyar", "Werk"), ("VISITED", "Ho Sung Song", "Werk")),
    ),
    Case(
        "В Чарджевском этрапе открыта новая электростанция. Её мощность 432 мегаватта. В "
        "церемонии открытия объекта приняли участие вице-премьер Чарымырат Пурчеков и посол "
        "Японии Киёси Эдзима.",
        "ru",
        facts=(("VISITED", "Чарымырат Пурчеков", "новая электростанция"),),
    ),
    Case(
        "10 people were employed at the dairy factory of Zarkoron LLC, which was put into use "
        "with the participation of the Head of State Emomali Rahmon.",
        "en",
        facts=(("VISITED", "Emomali Rahmon", "dairy factory"),),
    ),
    Case(
        "President Gurbanguly Berdimuhamedov said at the opening ceremony of the Garabogaz "
        "carbamide plant that the country exports chemicals.",
        "en",
        facts=(("VISITED", "Gurbanguly Berdimuhamedov", "carbamide plant"),),
    ),
    Case(
        "Unser Land hält mit, sagte Präsident Gurbanguli Berdimuchamedow bei der Eröffnung "
        "der Gaschemieanlage.",
        "de",
        facts=(("VISITED", "Gurbanguli Berdimuchamedow", "Gaschemieanlage"),),
    ),
    Case(
        "Masdar feierte die Eröffnung des Windparks Zarafshan durch Präsident Shavkat Mirziyoyev.",
        "de",
        facts=(("VISITED", "Shavkat Mirziyoyev", "Windparks"),),
    ),
    Case(  # a ceremony with no plant told of is no visit of one
        "President Sadyr Japarov took part in the opening ceremony of the investment forum.",
        "en",
        forbidden=(("VISITED", "Sadyr Japarov", "forum"),),
    ),
]

TABLES = {
    "HOLDS_POSITION": HOLDS_POSITION,
    "VISITED": VISITED,
    "MET_WITH": MET_WITH,
    "present at opening": PRESENT_AT_OPENING,
}

# Offices, openings and meetings in other words.
IN_OTHER_WORDS = [
    Case(
        "Zhongda chairman Li Wei visited Tashkent on Monday.",
        "en",
        facts=(("HOLDS_POSITION", "Li Wei", "Zhongda"),),
    ),
    Case(
        "Prime Minister Olzhas Bektenov held a meeting with the head of Sinotruk, Ma Chunji.",
        "en",
        facts=(
            ("HOLDS_POSITION", "Ma Chunji", "Sinotruk"),
            ("MET_WITH", "Olzhas Bektenov", "Ma Chunji"),
        ),
    ),
    Case(
        "Former chairman Li Wei visited Tashkent.",
        "en",
        counts=(("Organization", 0),),  # no company "Former"
    ),
    Case(
        "Prime Minister Abdulla Aripov cut the ribbon at a new glass factory of Asia Glass "
        "in Navoi.",
        "en",
        facts=(("VISITED", "Abdulla Aripov", "<Plant>"),),
        counts=(("Plant", 1),),
    ),
    Case(
        "The akim of Almaty region Marat Sultangaziyev sat down with executives of the "
        "Turkish company Arcelik.",
        "en",
        facts=(("MET_WITH", "Marat Sultangaziyev", "Arcelik"),),
    ),
    Case(
        "Der Akim des Gebiets Almaty kam mit Vertretern des türkischen Konzerns Arcelik zusammen.",
        "de",
        facts=(("MET_WITH", "*", "Arcelik"),),
    ),
    Case(
        "Präsident Tokajew gab in Aktobe den Startschuss für ein neues Ferrolegierungswerk "
        "der Firma ERG.",
        "de",
        facts=(("VISITED", "Tokajew", "<Plant>"),),
        counts=(("Plant", 1),),
    ),
    Case(
        "The hokim Khayrullo Bozorov received the Ambassador of Japan Hatori Takashi.",
        "en",
        facts=(("HOLDS_POSITION", "Hatori Takashi", "Japan"), ("MET_WITH", "*", "Hatori Takashi")),
    ),
    Case(
        "Хоким Хайрулло Бозоров принял посла Японии Хатори Такаси.",
        "ru",
        facts=(("HOLDS_POSITION", "Хатори Такаси", "Японии"), ("MET_WITH", "*", "Хатори Такаси")),
    ),
    Case(
        "Der Energieminister Usbekistans, Jurabek Mirzamahmudov, verhandelte mit dem Chef von "
        "ACWA Power, Marco Arcelli.",
        "de",
        facts=(
            ("HOLDS_POSITION", "Marco Arcelli", "ACWA Power"),
            ("MET_WITH", "Jurabek Mirzamahmudov", "Marco Arcelli"),
        ),
    ),
    Case(
        "Министр энергетики Журабек Мирзамахмудов провел переговоры с главой ACWA Power Марко "
        "Арчелли.",
        "ru",
        facts=(  # the head of the company is the one met ("глава" is a head's title)
            ("MET_WITH", "Журабек Мирзамахмудов", "Марко Арчелли"),
            ("HOLDS_POSITION", "Марко Арчелли", "ACWA Power"),
        ),
    ),
    *(
        Case(
            f"Minister Ali Karimov besuchte den {what}-Hersteller Nordstern Trucks.",
            "de",
            facts=(("VISITED", "Ali Karimov", "Nordstern Trucks"),),
            entities=(("Organization", "Nordstern Trucks"),),
            counts=(("Organization", 1),),  # a company noun joined to its goods names none
        )
        for what in ["Lkw", "Auto", "Textil"]
    ),
]

# Discussing a subject is no meeting with the company of the sentence.
NO_MEETING = [
    Case(
        "Хоким посетил завод компании Hyundai Transys в Ульсане и обсудил организацию "
        "производства сидений в Джизаке.",
        "ru",
        forbidden=(("MET_WITH", "*", "*"),),
    ),
    Case(
        "Der Bürgermeister besichtigte das Werk der Firma Doosan in Changwon und besprach "
        "den Bau eines Motorenwerks in Andischan.",
        "de",
        forbidden=(("MET_WITH", "*", "*"),),
    ),
]

TABLES |= {"in other words": IN_OTHER_WORDS, "no meeting": NO_MEETING}

# Meetings and visits read off the words around the verb: the first person a few words
# after a meeting verb; the guests just received visit; a delegation's company leads it, a
# company it visits does not; power station abbreviations are plants visited.
AROUND_THE_VERB = [
    *(
        Case(text, lang, facts=(("MET_WITH", "Kassym-Jomart Tokayev", "Peter Weber"),))
        for text, lang in [
            ("Präsident Tokajew traf am Freitag den Konzernchef Peter Weber.", "de"),
            ("President Tokayev met on Friday the chief executive Peter Weber.", "en"),
        ]
    ),
    Case(
        "Uzbek Energy Minister Jurabek Mirzamahmudov met with Masdar executives.",
        "en",
        facts=(("HOLDS_POSITION", "Jurabek Mirzamahmudov", "Uzbekistan"),),
    ),
    Case(
        "Tajikistan's Minister of Industry and New Technologies Sherali Kabir visited Changsha.",
        "en",
        facts=(("HOLDS_POSITION", "Sherali Kabir", "Tajikistan"),),
        counts=(("Organization", 0),),  # a portfolio ending in a company word names none
    ),
    Case(
        "Министр энергетики Журабек Мирзамахмудов посетил Навоийскую ТЭС.",
        "ru",
        facts=(("VISITED", "Журабек Мирзамахмудов", "<Plant>"),),
        counts=(("Plant", 1),),
    ),
    Case(
        "Хоким Наманганской области Шавкат Абдураззаков принял посла КНР Юй Цзюня. Затем "
        "гости посетили швейную фабрику компании «Чуст Текстиль» в Чусте.",
        "ru",
        facts=(("VISITED", "Юй Цзюня", "<Plant>"),),
        forbidden=(("VISITED", "Шавкат Абдураззаков", "<Plant>"),),
        counts=(("Plant", 1),),
    ),
    *(
        Case(text, lang, forbidden=(("VISITED", "*", "*"),))
        for text, lang in [
            ("The delegation visited the Hyundai plant in Ulsan.", "en"),
            ("Делегация посетила заводы Hyundai, Zoomlion и XCMG в Сеуле.", "ru"),
        ]
    ),
    Case(
        "A delegation of Hyundai visited Tashkent.",
        "en",
        facts=(("VISITED", "Hyundai", "Tashkent"),),
    ),
]

TABLES |= {"around the verb": AROUND_THE_VERB}

# The places told right after a visited company or plant (with "in", and those apposed to
# them) are where it is, not visited; a place visited in its own right still is. (A company
# visited is told of as its own site: the visit goes to that plant, see plants.COMPANY_SITES.)
PLACES_OF_THE_VISITED = [
    Case(
        "Prime Minister Adylbek Kasymaliev visited the company Artel Electronics in Andijan "
        "village, Kara-Suu district.",
        "en",
        facts=(("VISITED", "Adylbek Kasymaliev", "<Plant>"),),
        forbidden=(("VISITED", "*", "<Location>"),),
    ),
    Case(
        "Prime Minister Adylbek Kasymaliev visited Osh and the Artel plant.",
        "en",
        facts=(
            ("VISITED", "Adylbek Kasymaliev", "Osh"),
            ("VISITED", "Adylbek Kasymaliev", "<Plant>"),
        ),
    ),
    Case(
        "Präsident Shavkat Mirziyoyev besichtigte das Treibhaus der Firma „Agro Impeks“ im "
        "Bezirk Yangiarik.",
        "de",
        facts=(("VISITED", "Shavkat Mirziyoyev", "Agro Impeks"),),
        forbidden=(("VISITED", "*", "<Location>"),),
    ),
    Case(
        "Президент Садыр Жапаров посетил компанию «Евразия» в Карасуйском районе.",
        "ru",
        facts=(("VISITED", "Садыр Жапаров", "<Plant>"),),
        forbidden=(("VISITED", "*", "<Location>"),),
    ),
]

TABLES |= {"places of the visited": PLACES_OF_THE_VISITED}


# Who opens a plant is at it: every person of a conjoined subject, the person a pronoun
# stands for, and the Russian "сдал в эксплуатацию" (put into service) opens too.
OPENERS = [
    Case(
        "On the same day, Emomali Rahmon and Rustam Emomali commissioned a textile enterprise "
        "Arvis LLC in Dushanbe.",
        "en",
        facts=(
            ("VISITED", "Emomali Rahmon", "<Plant>"),
            ("VISITED", "Rustam Emomali", "<Plant>"),
        ),
    ),
    Case(
        "Президент Таджикистана Эмомали Рахмон сегодня сдал в эксплуатацию швейную фабрику в "
        "Душанбе.",
        "ru",
        facts=(("VISITED", "Эмомали Рахмон", "<Plant>"),),
    ),
    Case(
        "Президент Эмомали Рахмон прибыл в Согдийскую область. В ходе поездки в джамоат Вахдат "
        "он открыл швейный цех «Ёсуман».",
        "ru",
        facts=(("VISITED", "Эмомали Рахмон", "<Plant>"),),
    ),
    Case(
        "Präsident Schawkat Mirsijojew reiste nach Namangan. Dort eröffnete er die neue "
        "Textilfabrik der Firma Namangan Tekstil.",
        "de",
        facts=(("VISITED", "Schawkat Mirsijojew", "<Plant>"),),
    ),
    # ... and so does the English "put into operation", past a long apposition of places
    Case(
        "On December 15, the Founder of Peace and National Unity - Leader of the Nation, "
        "President of the Republic of Tajikistan, Honorable Emomali Rahmon, in Mehnatobod "
        "village of Kushoniyon district, Khatlon Province, put into operation a cotton "
        "processing plant of Iftikhori Vatan LLC.",
        "en",
        facts=(("VISITED", "Emomali Rahmon", "<Plant>"),),
    ),
    # (the article's "ore-dressing enterprise of the Closed Joint-Stock Company" is no plant
    # the extractor finds yet; its plant noun is shortened here)
    Case(
        "In this area, the President of the Republic of Tajikistan Emomali Rahmon first put "
        "into operation the processing plant of TALCO Gold.",
        "en",
        facts=(("VISITED", "Emomali Rahmon", "<Plant>"),),
    ),
]

TABLES |= {"openers": OPENERS}

# Talks told without a word of meeting: a discussion with a named person or between named
# people; who briefs the official on a visit (a plant's manager reporting to him), not a
# source quoted ("as X said") and not the press being told.
TALKS_IN_OTHER_WORDS = [
    Case(
        "Turkmenistans Präsident Gurbanguli Berdimuhammedow hat die Entwicklung zahlreicher "
        "Projekte mit dem Vorsitzenden des türkischen Konzerns Calik Holding, Ahmet Calik, "
        "diskutiert.",
        "de",
        facts=(("MET_WITH", "Gurbanguli Berdimuhammedow", "Ahmet Calik"),),
    ),
    Case(
        "Tokayev discussed the project with Sinopec chairman Ma Yongsheng.",
        "en",
        facts=(("MET_WITH", "Kassym-Jomart Tokayev", "Ma Yongsheng"),),
    ),
    Case(
        "President Sooronbai Jeenbekov visited the Artel Electronics plant in Kara-Suu district. "
        "Commercial Director Orozbai Atadzhanov informed that the enterprise has been operating "
        "since 2018.",
        "en",
        facts=(("MET_WITH", "Sooronbai Jeenbekov", "Orozbai Atadzhanov"),),
        absent=(("Organization", "Commercial"),),
    ),
    Case(
        "Президент Садыр Жапаров посетил завод по производству кормов для рыб в Чуйской "
        "области. Директор завода Илгиз Асанов рассказал, что мощность составляет 20 тысяч "
        "тонн.",
        "ru",
        facts=(("MET_WITH", "Sadyr Japarov", "Илгиз Асанов"),),
        absent=(("Organization", "Илгиз Асанов"),),
    ),
    Case(
        "Präsident Schawkat Mirsijojew besuchte das Werk in Namangan. Direktor Alisher Karimov "
        "informierte den Präsidenten über die neuen Projekte.",
        "de",
        facts=(("MET_WITH", "Shavkat Mirziyoyev", "Alisher Karimov"),),
    ),
    Case(
        "Президент Касым-Жомарт Токаев посетил завод Kia в Костанае. Как рассказал генеральный "
        "директор Kia Qazaqstan Ким Дэ Ки, пуск завода состоится в октябре.",
        "ru",
        forbidden=(("MET_WITH", "*", "<Person>"),),
    ),
    Case(
        "Präsident Mirsijojew besuchte das Werk in Namangan. Der Chokim Akmal Tursunov "
        "informiert Kun.uz über die Lieferung.",
        "de",
        forbidden=(("MET_WITH", "*", "<Person>"),),
    ),
    Case(
        "Сегодня в Астане председатель правления АО НК «КазМунайГаз» Асхат Хасенов провёл "
        "встречу с генеральным директором ООО «СИБУР» Михаилом Карисаловым.",
        "ru",
        facts=(("MET_WITH", "Асхат Хасенов", "Михаилом Карисаловым"),),
        absent=(("Person", "АО НК"), ("Person", "ООО")),
    ),
]

TABLES["talks in other words"] = TALKS_IN_OTHER_WORDS

# An office in apposition after the name ("Andrey Lavrentyev, chairman of Allur Group", "Li
# Yantao, Gründer der Wanlin Group", "Serik Shapkenov, der Akim der Region Atyrau") is that
# person's, with its seat (de and en Kia Qazaqstan, de Wanlin, de Goldbridge, de Terek-Tash
# articles); a title that names a person of its own after it does not reach back.
APPOSITIVE_OFFICES = [
    Case(
        "The ceremony was attended by Andrey Lavrentyev, chairman of Allur Group, Kia's local "
        "partner.",
        "en",
        facts=(("HOLDS_POSITION", "Andrey Lavrentyev", "Allur Group"),),
    ),
    Case(
        "Li Yantao, Gründer der Wanlin Group, besprach Pläne zum Bau einer Fabrik.",
        "de",
        facts=(("HOLDS_POSITION", "Li Yantao", "Wanlin Group"),),
    ),
    Case(
        "Serik Shapkenov, der Akim der Region Atyrau, betonte die Bedeutung des Projekts.",
        "de",
        facts=(("HOLDS_POSITION", "Serik Shapkenov", "Atyrau region"),),
        absent=(("Person", "Akim"),),
    ),
    Case(
        "Shavkat Mirziyoyev, President of Tajikistan Emomali Rahmon and the delegations met.",
        "en",
        facts=(("HOLDS_POSITION", "Emomali Rahmon", "Tajikistan"),),
        forbidden=(("HOLDS_POSITION", "Shavkat Mirziyoyev", "*"),),
    ),
]

TABLES |= {"appositive offices": APPOSITIVE_OFFICES}


# A head's title ("глава", "председатель", "руководитель", "head", "chairman", "Leiter",
# "Vorsitzender") names whose head the person is by the seat after it: a place or a public
# body makes an official, a company an executive, and a company named with its country keeps
# the office in the company (Sughd, Tajik investment committee, Çalık Holding in Russian and
# German, Tomdi district, Tajik energy ministry articles).
HEADS_BY_SEAT = [
    Case(
        "Председатель Согдийской области Раджаббой Ахмадзода посетил завод.",
        "ru",
        facts=(("HOLDS_POSITION", "Раджаббой Ахмадзода", "Sughd region"),),
        entities=(("Person/official", "Radzhabboy Akhmadzoda"),),
    ),
    Case(
        "Глава Государственного комитета по инвестициям Таджикистана Рустам Назаров посетил завод.",
        "ru",
        facts=(("HOLDS_POSITION", "Рустам Назаров", "<Organization>"),),
        entities=(("Person/official", "Rustam Nazarov"),),
    ),
    Case(
        "Президент Узбекистана Шавкат Мирзиёев посетил Ангрен. Глава Узбекистана осмотрел завод.",
        "ru",
        named=(("Глава", "Shavkat Mirziyoyev"),),
    ),
    Case(
        "Состоялась встреча с председателем Совета управляющих группы компаний Çalık Holding "
        "Ахметом Чалыком.",
        "ru",
        facts=(("HOLDS_POSITION", "Ахметом Чалыком", "Çalık Holding"),),
        absent=(("Location", "Sovetskoye"),),
    ),
    Case(
        "Der Präsident hat die Projekte mit dem Vorsitzenden des türkischen Konzerns Calik "
        "Holding, Ahmet Calik, diskutiert.",
        "de",
        facts=(("HOLDS_POSITION", "Ahmet Calik", "Çalık Holding"),),
        forbidden=(("HOLDS_POSITION", "Ahmet Calik", "Turkey"),),
    ),
    Case(
        "The event was attended by the head of Tomdi district K. Aldabergenov.",
        "en",
        facts=(("HOLDS_POSITION", "K. Aldabergenov", "Tomdi district"),),
    ),
    Case(
        "Der Leiter der Abteilung Energiepolitik beim tadschikischen Ministerium für "
        "Energiewirtschaft, Raschid Gulow, sagte, eine Vereinbarung sei unterzeichnet.",
        "de",
        facts=(("HOLDS_POSITION", "Raschid Gulow", "<Organization>"),),
    ),
    # capitalised words before a body's noun are the body's name, not the holder's
    Case(
        "Глава Национального агентства по инвестициям Равшанбек Сабиров посетил фабрику.",
        "ru",
        absent=(("Person", "Natsionalnogo"),),
        entities=(("Person", "Ravshanbek Sabirov"),),
    ),
]

TABLES |= {"heads by seat": HEADS_BY_SEAT}

# A person's name right after an office and its company noun ("Гендиректор компании Саваш
# Шахин", "Direktor des Unternehmens Jumaboy Muradov") is the office holder, not the
# company's name; in Cyrillic text two plain Cyrillic words there are a name (a company's
# would be quoted, carry a company word or be written in Latin).
HOLDERS_AFTER_COMPANY_NOUN = [
    Case(  # gazeta.uz (Esan, Uchkulach)
        "Гендиректор компании Саваш Шахин накануне встретился с министром Лазизом Кудратовым.",
        "ru",
        entities=(("Person", "Savash Shakhin"), ("Person", "Laziz Kudratov")),
        absent=(("Organization", "Savash Shakhin"),),
    ),
    Case(  # Goldbridge, Atyrau sugar factory
        "Глава компании Лина Тайкен рассказала, что они намерены построить завод.",
        "ru",
        entities=(("Person", "Lina Tayken"),),
        absent=(("Organization", "Lina Tayken"),),
    ),
    Case(  # Fergana Turon Textil
        "„Wir haben viel geliefert”, sagt Direktor des Unternehmens Jumaboy Muradov.",
        "de",
        entities=(("Person", "Jumaboy Muradov"),),
        absent=(("Organization", "Jumaboy Muradov"),),
    ),
    Case(  # a company's own name there, the holder apposed after it
        "Japarov traf in Cardiff den Leiter des Unternehmens Concrete Canvas, Will Crawford.",
        "de",
        entities=(("Organization", "Concrete Canvas"), ("Person", "Will Crawford")),
    ),
    Case(
        "Премьер-министр принял главу компании Рустама Азимова и передал письмо Рустаму Азимову.",
        "ru",
        entities=(("Person", "Rustam Azimov"),),
    ),
]

TABLES |= {"holders after a company noun": HOLDERS_AFTER_COMPANY_NOUN}

# Names that no given-name list or family-name ending knows, told by where they stand: two or
# three plain capitalised words apposed to an office of a body ("Jiang Yi, der Vorsitzende
# der …"); the holder after a body whose name closes with its company word ("… National
# Holding Kuandyk Bishimbayev"); and a known figure's family name (written first) with another
# given name after it, which is another person of that family ("Xi Zhengping").
NAMES_BY_POSITION = [
    Case(  # Kazakh Invest, Fufeng and Wanlin
        "Jiang Yi, der Vorsitzende der China Huadian Corporation, informierte über ein "
        "Kombikraftwerk in der Region Mangystau.",
        "de",
        facts=(("HOLDS_POSITION", "Jiang Yi", "China Huadian Corporation"),),
    ),
    Case(  # Zarafshan wind farm
        "Sultan Al Jaber, der Vorsitzende von Masdar, sieht eine Schlüsselrolle.",
        "de",
        facts=(("HOLDS_POSITION", "Sultan Al Jaber", "Masdar"),),
    ),
    Case(  # a comma and a title without a body after it: no name is read before it
        "In Taschkent, Präsident Mirziyoyev eröffnete das Werk.",
        "de",
        absent=(("Person", "In Taschkent"),),
    ),
    Case(  # Orda Glass
        "Chairman of the Board of Baiterek National Holding Kuandyk Bishimbayev surveyed the "
        "site of a glass manufacturing plant construction in Kyzylorda region.",
        "en",
        facts=(("HOLDS_POSITION", "Kuandyk Bishimbayev", "Baiterek National Holding"),),
        absent=(("Organization", "Kuandyk Bishimbayev"),),
    ),
    Case(  # Svevind, Hyrasia One
        "Präsident Tokajew hat den Hauptgeschäftsführer der in Dresden ansässigen Svevind Energy "
        "Group Wolfgang Kropp empfangen.",
        "de",
        facts=(("HOLDS_POSITION", "Wolfgang Kropp", "Svevind Energy Group"),),
    ),
    Case(  # Aktogai copper smelter (de)
        "Ein Treffen zwischen dem Premierminister Olzhas Bektenov und dem Vorsitzenden von "
        "China Nonferrous Metal Mining Xi Zhengping fand in Astana statt.",
        "de",
        facts=(("HOLDS_POSITION", "Xi Zhengping", "China Nonferrous Metal Mining"),),
        absent=(("Person", "Xi Jinping"),),
    ),
    Case(  # Aktogai copper smelter (en)
        "The agreement was signed at a meeting between Prime Minister Olzhas Bektenov and "
        "Chairman of China Nonferrous Metal Mining Xi Zhengping.",
        "en",
        entities=(("Person", "Xi Zhengping"),),
        absent=(("Person", "Xi Jinping"),),
    ),
    Case(  # the known figure by his family name alone stays himself
        "Tokayev and Xi discussed the projects.",
        "en",
        entities=(("Person", "Xi Jinping"),),
    ),
]

TABLES |= {"names by position": NAMES_BY_POSITION}

# A person named as the complement of a noun or participle does not act in the sentence: "at
# the invitation of President X", "die Anerkennung von Präsident X", "vom Ersten Präsidenten X
# initiiert", "поручений Главы государства X", "инициированной Елбасы X" (the genitive or
# instrumental). A visit noun before him makes him the visitor ("the visit of", "визита"), as
# does a passive's "von" with the visit verb after him; a deputy's office in the genitive
# ("заместитель акима области X") leaves the deputy the subject.
VISITORS_NOT_COMPLEMENTS = [
    Case(  # Qarmet, Karaganda
        "Während einer Arbeitsreise in die Region Karaganda hob der erste stellvertretende "
        "Ministerpräsident Roman Sklyar die Anerkennung von Präsident Kassym-Schomart Tokajew "
        "für die erfolgreiche Überführung des Hüttenwerks Karaganda in die Hände eines neuen "
        "Investors hervor.",
        "de",
        facts=(("VISITED", "Roman Sklyar", "Karaganda region"),),
        forbidden=(
            ("VISITED", "Kassym-Schomart Tokajew", "Karaganda region"),
            ("VISITED", "Kassym-Schomart Tokajew", "<Plant>"),
        ),
    ),
    Case(  # Alliance Spinning, Shymkent
        "Askar Mamin besuchte Schymkent. Sein Besuch in der drittgrößten Stadt des Landes bot "
        "die Gelegenheit, die Fortschritte des vom Ersten Präsidenten Nursultan Nasarbajew "
        "initiierten und von Präsident Kassym-Jomart Tokajew umgesetzten Programms zu prüfen.",
        "de",
        facts=(("VISITED", "Askar Mamin", "Shymkent"),),
        forbidden=(
            ("VISITED", "Nursultan Nasarbajew", "Shymkent"),
            ("VISITED", "Kassym-Jomart Tokajew", "Shymkent"),
        ),
    ),
    Case(  # ACWA Power Riverside Solar
        "United Nations Secretary-General Antonio Guterres, who is in Uzbekistan on an official "
        "visit at the invitation of President Shavkat Mirziyoyev, today visited the 200-megawatt "
        "ACWA Power Riverside Solar photoelectric plant in Tashkent region.",
        "en",
        forbidden=(("VISITED", "Shavkat Mirziyoyev", "<Plant>"),),
    ),
    Case(  # Neftekhim, Pavlodar
        "Премьер-министр Аскар Мамин в рамках поручений Главы государства Касым-Жомарта "
        "Токаева посетил Павлодарскую область.",
        "ru",
        facts=(("VISITED", "Аскар Мамин", "Pavlodar region"),),
        forbidden=(("VISITED", "Касым-Жомарта Токаева", "Pavlodar region"),),
    ),
    Case(  # Neftekhim, Pavlodar
        "Аскар Мамин в рамках инициированной Елбасы Нурсултаном Назарбаевым программы "
        "посетил Павлодар.",
        "ru",
        forbidden=(("VISITED", "Нурсултаном Назарбаевым", "Pavlodar"),),
    ),
    Case(  # KorCem, Korday: the deputy of the akim is the visitor
        "В пятницу с рабочим визитом Кордайский район посетил заместитель акима Жамбылской "
        "области Абулхаир Тамабек.",
        "ru",
        facts=(("VISITED", "Абулхаир Тамабек", "Korday district"),),
    ),
    Case(  # the visit noun before him: he is the visitor
        "He recalled the state visit of President Sadyr Japarov to China in 2023.",
        "en",
        facts=(("VISITED", "Sadyr Japarov", "China"),),
    ),
    Case(
        "В ходе визита Президента Шавката Мирзиёева в Казахстан был открыт завод.",
        "ru",
        facts=(("VISITED", "Шавката Мирзиёева", "Kazakhstan"),),
    ),
    Case(  # Kulyab textile park: "under the leadership of" names the delegation's leader
        "A delegation of Chinese businessmen under the leadership of the trade manager of China "
        "Machinery Industry Construction Group Inc Hu Sina met with Nematullo Hikmatullozoda, "
        "Minister of Economic Development and Trade of Tajikistan.",
        "en",
        facts=(("MET_WITH", "Hu Sina", "Nematullo Hikmatullozoda"),),
    ),
    Case(  # a passive: "von" with the visit verb after him
        "Das Werk in Navoi wurde von Präsident Shavkat Mirziyoyev besucht.",
        "de",
        facts=(("VISITED", "Shavkat Mirziyoyev", "<Plant>"),),
    ),
]

TABLES |= {"visitors not complements": VISITORS_NOT_COMPLEMENTS}
