"""The entity types and subtypes as module constants. Python 3.11 looks an enum member up
through its class at about 0.1 µs, and the rules compare types in their inner loops: these
names are the same members, bound once."""

from __future__ import annotations

from graph_schema.vocabulary import EntityType, Subtype

PERSON = EntityType.PERSON
ORGANIZATION = EntityType.ORGANIZATION
LOCATION = EntityType.LOCATION
PLANT = EntityType.PLANT

OFFICIAL = Subtype.OFFICIAL
EXECUTIVE = Subtype.EXECUTIVE
COMPANY = Subtype.COMPANY
GOVERNMENT = Subtype.GOVERNMENT
MEDIA = Subtype.MEDIA
COUNTRY = Subtype.COUNTRY
REGION = Subtype.REGION
CITY = Subtype.CITY
DISTRICT = Subtype.DISTRICT
OTHER = Subtype.OTHER
