"""Government bodies: a body noun with its place ("Hokimiyat des Gebiets Samarkand", "кабинета
министров КР", "Embassy of Uzbekistan in China", "kasachische Regierung"), ministries with
their portfolio ("Ministerium für Industrie und Bau"), and bare ones ("Gebietsverwaltung"),
which are role references."""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.extraction.candidates import Lexicon, taken
from loaders.extraction.matching import Hits
from loaders.extraction.model import Mention
from loaders.extraction.names import ARTICLES, name_run
from loaders.extraction.tokens import LINKING


def government_bodies(lex: Lexicon, doc: Doc, hits: Hits, chosen: list[Mention]) -> list[Mention]:
    by_start = {m.start: m for m in chosen if m.type in ("Location", "Organization")}
    used = taken(chosen)
    out = []
    by_end = {m.end: m for m in chosen if m.type == "Location" and not m.weak}
    gov_hits = hits.get("GOV_NOUN")
    for hit in gov_hits:
        if any(i in used for i in range(hit.start, hit.end)) or any(
            h.start <= hit.start and hit.end <= h.end and h != hit for h in gov_hits
        ):
            continue  # inside "regional administration", "administration" is no body
        body_class: str = hit.payload
        end = hit.end
        if body_class == "ministry" and end < len(doc) and doc[end].lower_ in ("of", "für", "по"):
            end = name_run(doc, end + 1, allow_linking=True)  # "Ministerium für Industrie und Bau"
        place = _complement_place(doc, end, by_start) or by_end.get(hit.start)
        if place is not None and place.start >= end:
            end = place.end
            if body_class == "embassy":  # "Embassy of Uzbekistan in China"
                host = _complement_place(doc, end, by_start)
                end = host.end if host is not None else end
        start = min(hit.start, place.start) if place is not None else hit.start
        adjective = hits.ending("COUNTRY_ADJ", start)
        if adjective is not None and place is None:
            start, place_key = adjective.start, adjective.payload.key
        else:
            place_key = place.key if place else None
        mention = Mention(
            start, end, "Organization", "government", source="government", role=body_class
        )
        mention.properties["body_place"] = place_key
        if place is not None:
            mention.properties["body_place_span"] = (place.start, place.end)
        mention.weak = place is None and place_key is None and body_class != "ministry"
        out.append(mention)
    return out


def _complement_place(doc: Doc, index: int, by_start: dict[int, Mention]) -> Mention | None:
    for j in range(index, min(len(doc), index + 3)):
        mention = by_start.get(j)
        if mention is not None and mention.type == "Location":
            return mention
        if doc[j].lower_ not in LINKING and doc[j].lower_ not in ARTICLES:
            return None
    return None
