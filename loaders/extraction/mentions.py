"""Finding mentions: places, organizations, people, titles and role references in one Doc.

Rules encode how the three languages write names, not single sentences: a title before a
name ("хоким Наманганской области Хайрулло Бозоров"), a company noun before a name ("Firma
Horsch"), a legal form after one ("Claas KGaA"), quoted names („Textima GmbH“), a place word
around a place ("Region Kaschkadarja", "Andijan province", "города Асака").
Candidates carry a priority; the best non-overlapping ones win.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from loaders.extraction.gazetteer import CENTRAL_ASIA, Entry, gazetteer
from loaders.extraction.lexicon import Title, word_classes
from loaders.extraction.matching import Hit
from loaders.extraction.model import Mention
from loaders.extraction.tokens import (
    CLOSE_QUOTES,
    LINKING,
    OPEN_QUOTES,
    is_capitalised,
    is_cyrillic,
    is_first_name,
    is_initial,
    is_name_token,
    looks_like_surname,
    sentence_of,
)

# priorities: higher wins an overlap
P_PERSON, P_QUOTED, P_ORG, P_PLACE, P_WEAK = 50, 40, 30, 20, 5
MAX_NAME_TOKENS = 4
ARTICLES = frozenset(
    [
        "the",
        "a",
        "an",
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
    ]
)
NAME_PARTICLES = frozenset(["van", "von", "der", "de", "den", "di", "da", "bin", "ibn", "al"])
CAPITAL_WORDS = frozenset(["capital", "hauptstadt", "столица", "столицы", "столице", "столицу"])
NAMING_WORDS = frozenset(["called", "named", "namens", "названием"])
LEAD_WORDS = ("led by", "headed by", "leitung", "angeführt", "во главе", "под руководством")


@dataclass
class Hits:
    """Gazetteer hits of one Doc, by label and by start token."""

    by_label: dict[str, list[Hit]]

    @classmethod
    def of(cls, hits: list[Hit]) -> Hits:
        by_label: dict[str, list[Hit]] = defaultdict(list)
        for hit in hits:
            by_label[hit.label].append(hit)
        return cls(dict(by_label))

    def get(self, label: str) -> list[Hit]:
        return self.by_label.get(label, [])

    def starting(self, label: str, start: int) -> Hit | None:
        best = [h for h in self.get(label) if h.start == start]
        return max(best, key=lambda h: h.end) if best else None

    def ending(self, label: str, end: int) -> Hit | None:
        best = [h for h in self.get(label) if h.end == end]
        return min(best, key=lambda h: h.start) if best else None

    def covering(self, label: str, index: int) -> Hit | None:
        for hit in self.get(label):
            if hit.start <= index < hit.end:
                return hit
        return None


class MentionFinder:
    """All mention rules of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.words = word_classes(lang)
        self.gaz = gazetteer(lang)

    def find(self, doc: Doc, hits: Hits) -> list[Mention]:
        candidates: list[tuple[int, Mention]] = []
        candidates += self._places(doc, hits)
        candidates += self._known(hits)
        candidates += self._quoted_orgs(doc, hits)
        candidates += self._suffix_orgs(doc, hits)
        candidates += self._noun_orgs(doc, hits)
        candidates += self._media(doc, hits)
        candidates += self._named_orgs(doc)
        candidates += _statistical(doc)
        candidates = [(p, _trim(m, doc)) for p, m in candidates]
        candidates = [(p, m) for p, m in candidates if _has_letters(doc[m.start : m.end].text)]
        chosen = _select(candidates)
        chosen = _select(
            [(p, m) for m in chosen for p in [_priority(m)]] + self._persons(doc, hits, chosen)
        )
        chosen += self._place_roles(doc, hits, chosen)
        chosen += self._government(doc, hits, chosen)
        chosen += self._country_adjectives(hits, chosen)
        chosen.sort(key=lambda m: (m.start, -m.end))
        return chosen

    # places ---------------------------------------------------------------------------------

    def _places(self, doc: Doc, hits: Hits) -> list[tuple[int, Mention]]:
        out = self._capitals(doc, hits) + self._towns_before_regions(doc, hits)
        for hit in hits.get("PLACE"):
            following = doc[hit.end : hit.end + 2].text.lower()
            if following.startswith(("-dollar", "- dollar", "$", "dollar")):
                continue  # "US-Dollar" is a currency
            out.append((P_PLACE, self._place(doc, hits, hit)))
        for hit in hits.get("PLACE_DESIGNATOR"):
            subtype, position = hit.payload
            if position not in ("before", "both") or hit.end >= len(doc):
                continue
            if hits.starting("PLACE", hit.end) or hits.starting("ORG", hit.end):
                continue
            end = hit.end
            while end < len(doc) and end - hit.end < 2 and is_name_token(doc[end]):
                end += 1
            if end > hit.end and subtype in ("other", "district"):
                mention = Mention(hit.start, end, "Location", subtype, source="designated")
                mention.name = doc[hit.end : end].text  # "Dorf Shursuv" is Shursuv
                out.append((P_PLACE - 1, mention))
        for hit in hits.get("PLACE_DESIGNATOR"):
            subtype, position = hit.payload
            if subtype != "district" or position not in ("after", "both") or hit.start == 0:
                continue
            name = doc[hit.start - 1]
            if (
                is_name_token(name)
                and not hits.covering("PLACE", name.i)
                and not (hits.covering("ORG", name.i) or sentence_of(doc, name.i).start == name.i)
            ):
                mention = Mention(name.i, hit.end, "Location", "district", source="designated")
                mention.name = f"{name.text} district"
                out.append((P_PLACE - 1, mention))  # "the Karmana district"
        for hit in hits.get("REGION_ADJ"):
            after = hits.starting("PLACE_DESIGNATOR", hit.end)
            if after and after.payload[0] == "region":
                entry: Entry = hit.payload
                out.append((P_PLACE + 1, _entry_mention(entry, hit.start, after.end, "region-adj")))
        return out

    def _capitals(self, doc: Doc, hits: Hits) -> list[tuple[int, Mention]]:
        """ "Hauptstadt Deutschlands", "the capital of Uzbekistan", "столица Казахстана"."""
        out = []
        for hit in hits.get("PLACE_DESIGNATOR"):
            if doc[hit.start].lower_ not in CAPITAL_WORDS:
                continue
            j = hit.end + (1 if hit.end < len(doc) and doc[hit.end].lower_ in ("of", "von") else 0)
            place = hits.starting("PLACE", j)
            country = place.payload[0] if place else None
            capital = self.gaz.capitals.get(country.key) if country is not None else None
            if capital is not None and country.subtype == "country":
                mention = _entry_mention(capital, hit.start, place.end, "capital")
                mention.properties["capital_of"] = country.key
                out.append((P_PLACE + 5, mention))
        return out

    def _towns_before_regions(self, doc: Doc, hits: Hits) -> list[tuple[int, Mention]]:
        """ "in Jambay, Samarkand region": an unknown name apposed to a known region."""
        out = []
        for hit in hits.get("PLACE"):
            entries = hit.payload
            if hit.start < 3 or not any(e.subtype in ("region", "country") for e in entries):
                continue
            if doc[hit.start - 1].text != "," or not is_name_token(doc[hit.start - 2]):
                continue
            town = hit.start - 2
            if doc[town - 1].lower_ in ("in", "im", "near", "bei", "в", "во") and not (
                hits.covering("PLACE", town) or hits.covering("ORG", town)
            ):
                out.append(
                    (P_PLACE - 1, Mention(town, town + 1, "Location", "other", source="apposed"))
                )
        return out

    def _place(self, doc: Doc, hits: Hits, hit: Hit) -> Mention:
        entries: tuple[Entry, ...] = hit.payload
        start, end, designated = hit.start, hit.end, None
        before = hits.ending("PLACE_DESIGNATOR", start)
        if before and before.payload[1] in ("before", "both"):
            start, designated = before.start, before.payload[0]
        after_start = end + 1 if end < len(doc) and doc[end].text == "-" else end
        after = hits.starting("PLACE_DESIGNATOR", after_start)
        if after and after.payload[1] in ("after", "both") and not designated:
            end, designated = after.end, after.payload[0]
        entry = _choose_place(entries, designated)
        mention = _entry_mention(entry, start, end, "gazetteer")
        if designated and designated != entry.subtype and entry.subtype != "country":
            # "Region Asaka": a district named after its town
            mention.subtype = "district" if entry.subtype == "city" else designated
        return mention

    def _place_roles(self, doc: Doc, hits: Hits, chosen: list[Mention]) -> list[Mention]:
        """ "the region", "der Region", "области" standing alone refer back to a place."""
        taken = _taken(chosen)
        out = []
        for hit in hits.get("PLACE_DESIGNATOR"):
            if any(i in taken for i in range(hit.start, hit.end)):
                continue
            subtype = hit.payload[0]
            if subtype not in ("region", "city") or doc[hit.start].lower_ in CAPITAL_WORDS:
                continue  # "the capital" may be money ("registered capital")
            if (
                doc[hit.start].text.lower().endswith("s")
                and subtype == "region"
                and self.lang == "en"
            ):
                continue  # "regions": plural, no single referent
            out.append(
                Mention(
                    hit.start, hit.end, "Location", subtype, weak=True, role=subtype, source="role"
                )
            )
        return out

    def _country_adjectives(self, hits: Hits, chosen: list[Mention]) -> list[Mention]:
        taken = _taken(chosen)
        out = []
        for hit in hits.get("COUNTRY_ADJ"):
            if any(i in taken for i in range(hit.start, hit.end)):
                continue
            mention = _entry_mention(hit.payload, hit.start, hit.end, "adjective")
            mention.weak = True
            out.append(mention)
        return out

    # organizations --------------------------------------------------------------------------

    def _known(self, hits: Hits) -> list[tuple[int, Mention]]:
        out = []
        for hit in hits.get("ORG"):
            out.append((P_ORG + 2, _entry_mention(hit.payload, hit.start, hit.end, "gazetteer")))
        for hit in hits.get("PERSON"):
            out.append((P_PERSON + 5, _entry_mention(hit.payload, hit.start, hit.end, "gazetteer")))
        return out

    def _quoted_orgs(self, doc: Doc, hits: Hits) -> list[tuple[int, Mention]]:
        out = []
        for i, token in enumerate(doc):
            if token.text not in OPEN_QUOTES:
                continue
            close = _closing_quote(doc, i)
            if close is None or close - i < 2:
                continue
            inner = doc[i + 1 : close]
            if not _name_like_span(inner):
                continue
            cue = self._org_cue_before(doc, hits, i) or any(
                hits.covering("ORG_SUFFIX", j) for j in range(i + 1, close)
            )
            if cue or (len(inner) <= 3 and (inner.text.isupper() or _latin_in_cyrillic(inner))):
                subtype = "media" if self._media_cue_before(doc, hits, i) else "company"
                out.append(
                    (P_QUOTED, Mention(i + 1, close, "Organization", subtype, source="quoted"))
                )
        return out

    def _org_cue_before(self, doc: Doc, hits: Hits, index: int) -> bool:
        """An organization noun or legal form within two words before `index`."""
        j = index
        for _ in range(3):
            if j <= 0:
                return False
            previous = doc[j - 1]
            if (
                hits.ending("ORG_NOUN", j)
                or hits.ending("ORG_PREFIX", j)
                or hits.ending("GOV_NOUN", j)
                or self._noun_suffix(previous)
                or hits.ending("PLANT_WORD", j)
            ):
                return True
            skippable = previous.lower_ in ARTICLES or previous.lower_ in ("von", "of", "с")
            if not skippable and not (previous.is_alpha and previous.is_lower):
                return False
            j -= 1
        return False

    def _media_cue_before(self, doc: Doc, hits: Hits, index: int) -> bool:
        return any(hits.ending("MEDIA_NOUN", j) for j in range(max(0, index - 2), index + 1))

    def _noun_suffix(self, token: Token) -> bool:
        lower = token.lower_
        return self.lang == "de" and any(
            lower.endswith(s) and len(lower) > len(s) + 2 for s in self.words.org_noun_suffixes
        )

    def _suffix_orgs(self, doc: Doc, hits: Hits) -> list[tuple[int, Mention]]:
        """ "Zhongwang Group", "Claas KGaA", "UzAuto Motors": a name run ending in a legal form."""
        out = []
        for hit in hits.get("ORG_SUFFIX"):
            last = doc[hit.end - 1]
            if not (is_capitalised(last) or last.text.isupper()):
                continue
            if (
                hit.end < len(doc)
                and hits.starting("PLANT_WORD", hit.end)
                and is_capitalised(doc[hit.end])
            ):
                continue  # "Samarkand Automobile Plant" is a plant's name
            start = hit.start
            while (
                start > 0
                and start - hit.start > -MAX_NAME_TOKENS
                and _org_name_token(doc[start - 1])
            ):
                start -= 1
            if start == hit.start:
                continue
            out.append((P_ORG, Mention(start, hit.end, "Organization", "company", source="suffix")))
        return out

    def _noun_orgs(self, doc: Doc, hits: Hits) -> list[tuple[int, Mention]]:
        """ "Firma Horsch", "компания X", "carmaker X"; in English also "X carpet factory"."""
        out = []
        nouns = [(h.end, h) for h in hits.get("ORG_NOUN")] + [
            (i + 1, None) for i, t in enumerate(doc) if self._noun_suffix(t)
        ]
        for end, _hit in nouns:
            run_end = _name_run(doc, end)
            if run_end > end and any(
                hits.covering(label, j)
                for j in range(end, run_end)
                for label in ("PLACE", "PERSON", "TITLE")
            ):
                run_end = end  # "die Unternehmensleitung Karshi": a place, not the name
            if run_end > end:
                mention = Mention(end, run_end, "Organization", "company", source="noun")
                mention.properties["noun"] = doc[end - 1].lower_
                out.append((P_ORG - 1, mention))
            else:
                start = _hit.start if _hit else end - 1
                out.append(
                    (
                        P_WEAK,
                        Mention(
                            start,
                            end,
                            "Organization",
                            "company",
                            weak=True,
                            role="company",
                            source="role",
                        ),
                    )
                )
        if self.lang == "en":
            out += self._english_name_before_noun(doc, hits)
        return out

    def _english_name_before_noun(self, doc: Doc, hits: Hits) -> list[tuple[int, Mention]]:
        out = []
        strong = [h for h in hits.get("PLANT_WORD") if h.payload == "strong"]
        heads = hits.get("ORG_NOUN") + strong
        for head in heads:
            if is_capitalised(doc[head.start]):
                continue  # "Samarkand Automobile Plant" is the name of the plant itself
            j = head.start
            modifiers = 0
            while j > 0 and doc[j - 1].is_lower and doc[j - 1].is_alpha and modifiers < 3:
                if doc[j - 1].lower_ in LINKING or doc[j - 1].lower_ in ARTICLES:
                    break
                j -= 1
                modifiers += 1
            end = j
            start = end
            while start > 0 and end - start < MAX_NAME_TOKENS and _org_name_token(doc[start - 1]):
                start -= 1
            if all(
                hits.covering("COUNTRY_ADJ", j) or doc[j].text == "-" for j in range(start, end)
            ):
                continue  # "Uzbek-German JV" names no company
            opens_sentence = sentence_of(doc, start).start == start if start < end else True
            if end - start > 1 or (start < end and not opens_sentence):
                # "MAN Auto - Uzbekistan joint venture": the whole run beats the known "MAN"
                priority = P_ORG + 3 if end - start > 1 else P_ORG - 2
                mention = Mention(start, end, "Organization", "company", source="name-noun")
                out.append((priority, mention))
        return out

    def _named_orgs(self, doc: Doc) -> list[tuple[int, Mention]]:
        """ "a joint venture called General Motors Uzbekistan", "под названием X"."""
        out = []
        for i, token in enumerate(doc[:-1]):
            if token.lower_ in NAMING_WORDS:
                end = _name_run(doc, i + 1)
                if end > i + 1:
                    out.append(
                        (
                            P_QUOTED + 1,
                            Mention(i + 1, end, "Organization", "company", source="named"),
                        )
                    )
        return out

    def _media(self, doc: Doc, hits: Hits) -> list[tuple[int, Mention]]:
        """Web addresses ("gazeta.uz") and "X reports" / "сообщает X" / "berichtet X"."""
        out = []
        for i, token in enumerate(doc):
            text = token.text
            if "." in text[1:-1] and text.split(".")[-1].lower() in _DOMAINS and token.is_ascii:
                out.append((P_QUOTED, Mention(i, i + 1, "Organization", "media", source="domain")))
        return out

    # people ---------------------------------------------------------------------------------

    def _persons(self, doc: Doc, hits: Hits, chosen: list[Mention]) -> list[tuple[int, Mention]]:
        blocked = {
            i
            for m in chosen
            if m.type != "Organization" or m.source != "gazetteer"
            for i in range(m.start, m.end)
            if m.type != "Person"
        }
        for label in ("PLACE_DESIGNATOR", "ORG_NOUN", "GOV_NOUN", "TITLE", "PLANT_WORD"):
            blocked.update(i for h in hits.get(label) for i in range(h.start, h.end))
        out: list[tuple[int, Mention]] = []
        used: set[int] = set()
        for hit in sorted(hits.get("TITLE"), key=lambda h: (h.start, -h.end)):
            if hit.start in used:
                continue
            mention = self._titled_person(doc, hits, hit, blocked | used)
            used.update(range(hit.start, hit.end))
            if mention is not None:
                _adopt_known(mention, chosen)
                used.update(range(mention.start, mention.end))
                out.append((P_PERSON + 6, mention))
        for start, end in _name_runs(doc, blocked | used):
            start = _from_first_name(doc, start, end)
            if self._is_person_run(doc, start, end):
                out.append((P_PERSON, Mention(start, end, "Person", None, source="name")))
        return out

    def _titled_person(self, doc: Doc, hits: Hits, hit: Hit, blocked: set[int]) -> Mention | None:
        title: Title = hit.payload
        sentence_end = sentence_of(doc, hit.start).end
        i, lowercase = hit.end, 0
        while i < min(sentence_end, hit.end + 16):
            token = doc[i]
            if token.text == "(":
                i = _skip_parenthesis(doc, i)
                continue
            known_org = hits.covering("ORG", i)
            if known_org is not None and not is_first_name(token.text):
                i = known_org.end  # "президент Evergreen Motors ... Ким Чанг Кён": the seat
                continue
            if self._place_starts_name(doc, hits, i, blocked):
                # "председателем BYD Ван Чуаньфу": "Ван" is a town in Turkey, here a name
                return self._person(doc, i, _person_run_end(doc, i + 1, blocked), title, hit)
            if i not in blocked and (is_name_token(token) or is_initial(token)):
                run_end = _person_run_end(doc, i, blocked)
                i = _from_first_name(doc, i, run_end)
                adjacent = i == hit.end or (
                    doc[i - 1].text == "," and (run_end - i > 1 or looks_like_surname(doc[i].text))
                )
                if self._is_person_run(doc, i, run_end) or adjacent:
                    return self._person(doc, i, run_end, title, hit)
                i = run_end
                continue
            if token.text in ".;:!?" or (token.text in OPEN_QUOTES and i == hit.end):
                break
            if token.is_lower and token.lower_ not in LINKING and token.lower_ not in ARTICLES:
                lowercase += 1
                if lowercase > 3:
                    break
            i += 1
        return self._unnamed_officer(doc, hit, title)

    def _place_starts_name(self, doc: Doc, hits: Hits, i: int, blocked: set[int]) -> bool:
        place = hits.covering("PLACE", i)
        if place is None or place.end - place.start != 1 or i + 1 >= len(doc):
            return False
        far = all(e.country not in CENTRAL_ASIA for e in place.payload)
        following = doc[i + 1]
        return (
            far
            and is_name_token(following)
            and i + 1 not in blocked
            and hits.covering("PLACE", i + 1) is None
        )

    def _person(self, doc: Doc, start: int, end: int, title: Title, hit: Hit) -> Mention:
        mention = Mention(start, end, "Person", title.subtype, source="title")
        mention.title, mention.title_text = title, doc[hit.start : hit.end].text
        mention.properties["title_span"] = (hit.start, hit.end)
        return mention

    def _unnamed_officer(self, doc: Doc, hit: Hit, title: Title) -> Mention:
        """A title without a name: a role reference ("das Staatsoberhaupt"), or the described
        leader of a delegation ("unter der Leitung des Bürgermeisters der Region")."""
        sentence = sentence_of(doc, hit.start)
        before = doc[max(sentence.start, hit.start - 5) : hit.start].text.lower()
        if self.lang == "en" and _plural(doc[hit.start : hit.end].text):
            mention = Mention(
                hit.start, hit.end, "Person", title.subtype, weak=True, source="plural"
            )
            mention.role = "plural"
            return mention
        mention = Mention(
            hit.start, hit.end, "Person", title.subtype, weak=True, role=title.role, source="role"
        )
        mention.title, mention.title_text = title, doc[hit.start : hit.end].text
        mention.properties["title_span"] = (hit.start, hit.end)
        if any(word in before for word in LEAD_WORDS):
            mention.source = "described"
        return mention

    def _is_person_run(self, doc: Doc, start: int, end: int) -> bool:
        tokens = [t for t in doc[start:end] if t.text != "-"]
        if not tokens or len(tokens) > MAX_NAME_TOKENS:
            return False
        if len(tokens) == 1:
            return False
        first = tokens[0]
        return (
            is_first_name(first.text)
            or is_initial(first)
            or any(looks_like_surname(t.text) for t in tokens[1:])
        )

    # government bodies ----------------------------------------------------------------------

    def _government(self, doc: Doc, hits: Hits, chosen: list[Mention]) -> list[Mention]:
        """ "Ministry of ...", "Hokimiyat des Gebiets Samarkand", "кабинета министров КР",
        "kasachische Regierung", and bare "Gebietsverwaltung" (a role reference)."""
        by_start = {m.start: m for m in chosen if m.type in ("Location", "Organization")}
        taken = _taken(chosen)
        out = []
        by_end = {m.end: m for m in chosen if m.type == "Location" and not m.weak}
        gov_hits = hits.get("GOV_NOUN")
        for hit in gov_hits:
            if any(i in taken for i in range(hit.start, hit.end)) or any(
                h.start <= hit.start and hit.end <= h.end and h != hit for h in gov_hits
            ):
                continue  # inside "regional administration", "administration" is no body
            body_class: str = hit.payload
            end = hit.end
            if (
                body_class == "ministry"
                and end < len(doc)
                and doc[end].lower_ in ("of", "für", "по")
            ):
                end = _name_run(
                    doc, end + 1, allow_linking=True
                )  # "Ministerium für Industrie und Bau"
            place = self._complement_place(doc, end, by_start) or by_end.get(hit.start)
            if place is not None and place.start >= end:
                end = place.end
                if body_class == "embassy":  # "Embassy of Uzbekistan in China"
                    host = self._complement_place(doc, end, by_start)
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

    def _complement_place(
        self, doc: Doc, index: int, by_start: dict[int, Mention]
    ) -> Mention | None:
        for j in range(index, min(len(doc), index + 3)):
            mention = by_start.get(j)
            if mention is not None and mention.type == "Location":
                return mention
            if doc[j].lower_ not in LINKING and doc[j].lower_ not in ARTICLES:
                return None
        return None


_DOMAINS = frozenset(
    ["uz", "kz", "kg", "tj", "tm", "ru", "az", "com", "net", "org", "de", "info", "news", "asia"]
)


STATISTICAL_TYPES = {"PERSON": "Person", "PER": "Person", "ORG": "Organization"}


def _statistical(doc: Doc) -> list[tuple[int, Mention]]:
    """Names a statistical NER found (when one runs before us): a signal below the rules',
    used where no rule named anything. Places stay with the gazetteer, which has their ids."""
    out = []
    for ent in doc.ents:
        entity_type = STATISTICAL_TYPES.get(ent.label_)
        if entity_type is None or len(ent) > MAX_NAME_TOKENS + 2:
            continue
        if entity_type == "Person" and len([t for t in ent if t.is_alpha]) < 2:
            continue
        subtype = "company" if entity_type == "Organization" else None
        priority = (P_PERSON if entity_type == "Person" else P_ORG) - 4
        out.append((priority, Mention(ent.start, ent.end, entity_type, subtype, source="ner")))
    return out


def _priority(mention: Mention) -> int:
    if mention.type == "Person" and mention.source == "gazetteer":
        return P_PERSON + 5
    return {"Person": P_PERSON, "Organization": P_ORG, "Location": P_PLACE}.get(mention.type, 0)


def _entry_mention(entry: Entry, start: int, end: int, source: str) -> Mention:
    return Mention(
        start,
        end,
        entry.type,
        entry.subtype,
        key=entry.key,
        name=entry.name,
        properties=dict(entry.properties),
        source=source,
        role=entry.role,
    )


def _choose_place(entries: tuple[Entry, ...], designated: str | None) -> Entry:
    if designated in ("region", "city"):
        for entry in entries:
            if entry.subtype == designated and entry.country == entries[0].country:
                return entry
    return entries[0]


def _select(candidates: list[tuple[int, Mention]]) -> list[Mention]:
    """The best candidates that do not overlap: higher priority, then longer, then earlier."""
    ordered = sorted(candidates, key=lambda c: (-c[0], -(c[1].end - c[1].start), c[1].start))
    taken: set[int] = set()
    out = []
    for _, mention in ordered:
        span = range(mention.start, mention.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        out.append(mention)
    return out


def _taken(mentions: list[Mention]) -> set[int]:
    return {i for m in mentions for i in range(m.start, m.end)}


def _closing_quote(doc: Doc, index: int) -> int | None:
    for j in range(index + 1, min(len(doc), index + 12)):
        if doc[j].text in CLOSE_QUOTES:
            return j
        if doc[j].text in ".!?" and j + 1 < len(doc) and doc[j + 1].text not in CLOSE_QUOTES:
            return None
    return None


def _name_like_span(span: Span) -> bool:
    first = span[0].text
    lowers = sum(1 for t in span if t.is_lower and t.is_alpha)
    return (first[:1].isupper() or first[:1].isdigit()) and lowers <= 1 and len(span) <= 8


def _latin_in_cyrillic(span: Span) -> bool:
    return not is_cyrillic(span.text) and is_cyrillic(span.doc.text[:400])


def _org_name_token(token: Token) -> bool:
    text = token.text
    return (
        (is_name_token(token) or (text.isupper() and text.isalpha()) or text in ("&", "-"))
        and not token.is_sent_start
    ) or (token.is_sent_start and text.isupper() and len(text) > 1)


def _name_run(doc: Doc, start: int, allow_linking: bool = False) -> int:
    """End of the run of name tokens at `start` (at most four; "and"/"of" inside when allowed)."""
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS + (6 if allow_linking else 0):
        token = doc[end]
        if (
            is_name_token(token)
            or (token.text.isupper() and token.is_alpha)
            or (token.text in ("-", "&") and end > start)
            or (allow_linking and token.lower_ in ("and", ",", "of", "und") and end > start)
        ):
            end += 1
        else:
            break
    while end > start and doc[end - 1].lower_ in ("and", ",", "of", "und", "-", "&"):
        end -= 1
    return end


def _trim(mention: Mention, doc: Doc) -> Mention:
    """No name starts or ends with a hyphen or ampersand ("-German JV", "SKD-")."""
    while mention.end - mention.start > 1 and doc[mention.start].text in ("-", "&"):
        mention.start += 1
    while mention.end - mention.start > 1 and doc[mention.end - 1].text in ("-", "&"):
        mention.end -= 1
    return mention


def _name_runs(doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
    runs = []
    i = 0
    while i < len(doc):
        if i not in blocked and (is_name_token(doc[i]) or is_initial(doc[i])):
            end = _person_run_end(doc, i, blocked)
            runs.append((i, end))
            i = end
        else:
            i += 1
    return runs


def _person_run_end(doc: Doc, start: int, blocked: set[int]) -> int:
    """End of a name run: capitalised words, an initial first, particles ("van der") inside,
    and hyphenated parts written without spaces ("Kassym-Jomart", "Jin-woo")."""
    end = start
    while end < len(doc) and end not in blocked and end - start < MAX_NAME_TOKENS + 1:
        token = doc[end]
        initial = is_initial(token) and end == start
        if is_name_token(token) or initial or _particle_inside(doc, start, end):
            end += 1
        elif _hyphen_inside(doc, start, end):
            end += 2
        else:
            break
    return end


def _particle_inside(doc: Doc, start: int, end: int) -> bool:
    following = doc[end + 1] if end + 1 < len(doc) else None
    return (
        doc[end].lower_ in NAME_PARTICLES
        and end > start
        and following is not None
        and (is_name_token(following) or following.lower_ in NAME_PARTICLES)
    )


def _hyphen_inside(doc: Doc, start: int, end: int) -> bool:
    token = doc[end]
    return (
        token.text == "-"
        and end > start
        and end + 1 < len(doc)
        and not token.whitespace_
        and not doc[end - 1].whitespace_
        and doc[end + 1].is_alpha
    )


def _has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _adopt_known(mention: Mention, chosen: list[Mention]) -> None:
    """A titled name that is a known public figure keeps the gazetteer's span, key and name."""
    for known in chosen:
        if (
            known.type == "Person"
            and known.key
            and known.start < mention.end
            and (mention.start < known.end)
        ):
            if mention.source == "role":
                return
            mention.start, mention.end = known.start, known.end
            mention.key, mention.name, mention.role = known.key, known.name, known.role
            return


def _plural(title: str) -> bool:
    """ "the Presidents", "Heads of State": an English plural names no single person."""
    first = title.split()[0].lower()
    return (
        first.endswith(("ts", "heads", "ers", "ors")) and first not in ("heads",)
    ) or first == "heads"


def _from_first_name(doc: Doc, start: int, end: int) -> int:
    """ "Trade Ilzat Kasimov": a run that has a given name inside starts there."""
    for i in range(start + 1, end - 1):
        if is_first_name(doc[i].text):
            return i
    return start


def _skip_parenthesis(doc: Doc, index: int) -> int:
    for j in range(index + 1, min(len(doc), index + 15)):
        if doc[j].text == ")":
            return j + 1
    return index + 1
