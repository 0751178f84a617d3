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

TABLES = {"names": NAMES}
