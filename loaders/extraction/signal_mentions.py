"""Mentions from a statistical model's names, where the rules are less sure than the model.

The rules decide first; a model's PERSON or ORG name then counts in two places only:
- a name no rule mention touches: an unknown name ("Masdar", "Stadler", "chairman Fu Hao")
  when it looks like one (capitalised words, no plant noun: plants are found after this);
- a name that holds rule mentions of its type that are strictly shorter or several: the rules
  cut it ("… Import and Export Corporation" read as two companies, "Co., Ltd" left out), and
  the model's boundaries win.
Known names (gazetteer), places and weak mentions are never touched: the gazetteer has their
ids and the rules their roles.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from loaders.extraction.kinds import COMPANY, ORGANIZATION, PERSON
from loaders.extraction.lexicon import word_classes
from loaders.extraction.matching import Hits
from loaders.extraction.model import Mention, Source
from loaders.extraction.names import MAX_NAME_TOKENS
from loaders.extraction.packs import ModelSettings, pack
from loaders.extraction.plants import is_plant_word
from loaders.extraction.signals import ModelName, signal_of
from loaders.extraction.tokens import is_name_token, looks_like_surname, sentence_of, texts

LISTED = 3  # one-word organizations in one sentence that make a list of goods


@dataclass(frozen=True)
class NamePolicy:
    """Which of the model's names the rules take: the pack's [models] names and widen,
    chosen by what they did to the blind scores (docs/EXTRACTION.md)."""

    unknown_persons: bool = True
    unknown_organizations: bool = True
    widen: bool = False

    @classmethod
    def of(cls, settings: ModelSettings) -> NamePolicy:
        return cls("person" in settings.names, "organization" in settings.names, settings.widen)


def with_model_names(
    doc: Doc, hits: Hits, chosen: list[Mention], policy: NamePolicy | None = None
) -> list[Mention]:
    """The rules' mentions, widened to the model's boundaries and joined by the names only
    the model found (unchanged without a signal)."""
    signal = signal_of(doc)
    if signal is None:
        return chosen
    policy = policy or NamePolicy.of(pack(doc.lang_).models)
    out = list(chosen)
    listed = _listed_words(doc, signal.names)
    for name in signal.names:
        if name.type not in (PERSON, ORGANIZATION) or name in listed:
            continue  # places stay with the gazetteer; lists of one-word names are goods
        touching = _touching(out, name)
        if not touching:
            if _unknown_allowed(name, policy) and _looks_like_name(doc, hits, name):
                subtype = COMPANY if name.type == ORGANIZATION else None
                out.append(Mention(name.start, name.end, name.type, subtype, source=Source.NER))
        elif policy.widen and _cut_by_rules(name, touching):
            out = [m for m in out if all(m is not t for t in touching)]
            out.append(replace(touching[0], start=name.start, end=name.end))
    return out


def _listed_words(doc: Doc, names: tuple[ModelName, ...]) -> set[ModelName]:
    """One-word organizations three or more to a sentence: a list of car models or brands
    ("Nexia, Cobalt, Labo, Malibu"), which the model takes for companies."""
    by_sentence: dict[int, list[ModelName]] = defaultdict(list)
    for name in names:
        if name.type == ORGANIZATION and name.end - name.start == 1:
            by_sentence[sentence_of(doc, name.start).start].append(name)
    return {n for found in by_sentence.values() if len(found) >= LISTED for n in found}


def _touching(mentions: list[Mention], name: ModelName) -> list[Mention]:
    return [m for m in mentions if m.start < name.end and name.start < m.end]


def _unknown_allowed(name: ModelName, policy: NamePolicy) -> bool:
    return policy.unknown_persons if name.type == PERSON else policy.unknown_organizations


def _cut_by_rules(name: ModelName, inside: list[Mention]) -> bool:
    """Rule mentions of the name's type, none known or weak, all within the name and shorter
    than it (or several)."""
    if not all(
        m.type == name.type
        and not m.weak
        and not m.features.known
        and name.start <= m.start
        and m.end <= name.end
        for m in inside
    ):
        return False
    return len(inside) > 1 or (inside[0].start, inside[0].end) != (name.start, name.end)


def _looks_like_name(doc: Doc, hits: Hits, name: ModelName) -> bool:
    """Starts and ends with a name-shaped word, no longer than a name, no plant noun in it; a
    person has two words or more and no company word, a one-word organization is neither a
    legal form nor unit ("LLC", "ОсОО", "MW"), nor a capitalised sentence opener, nor a
    family name."""
    span = doc[name.start : name.end]
    words = [t for t in span if t.is_alpha]
    if not words or len(span) > MAX_NAME_TOKENS + 2:
        return False
    if not (is_name_token(span[0]) and (is_name_token(span[-1]) or not span[-1].is_alpha)):
        return False
    if any(is_plant_word(t, hits) for t in span):
        return False
    classes = word_classes(doc.lang_)
    company_words = (
        classes.org_suffixes | classes.org_prefixes | classes.org_nouns | classes.org_group_nouns
    )
    if name.type == PERSON:
        return len(words) >= 2 and not any(t.lower_ in company_words for t in span)
    if len(span) > 1:
        return True
    word = span[0]
    return not (
        word.lower_ in company_words
        or word.is_upper  # "PVC", "GMP", "VAT": acronyms the rules' own cues do not back
        or word.is_sent_start
        or looks_like_surname(word.text)
        or _written_lower_elsewhere(doc, word.lower_)  # "Decree", "Commissioned"
    )


def _written_lower_elsewhere(doc: Doc, lower: str) -> bool:
    """The word appears in lower case in the text: a common word, capitalised by position."""
    return lower in set(texts(doc))
