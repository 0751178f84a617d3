"""What every mention rule shares: the language's word lists and gazetteer, the priorities of
candidates, and choosing the best candidates that do not overlap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from loaders.extraction.gazetteer import Entry, Gazetteer, gazetteer
from loaders.extraction.kinds import LOCATION, ORGANIZATION, PERSON
from loaders.extraction.lexicon import WordClasses, word_classes
from loaders.extraction.matching import Hits
from loaders.extraction.model import Mention, MentionFeatures, Source
from loaders.extraction.packs import LanguagePack, pack

# priorities: higher wins an overlap
P_PERSON, P_QUOTED, P_ORG, P_PLACE, P_WEAK = 50, 40, 30, 20, 5

Candidate = tuple[int, Mention]
# where the pack's mention patterns (patterns.toml, [[mention]]) write what they match
MENTION_SPANS = "kg_candidates"


@dataclass(frozen=True)
class Lexicon:
    """One language's word lists and gazetteer, as the rules read them."""

    lang: str
    pack: LanguagePack
    words: WordClasses
    gaz: Gazetteer

    @classmethod
    def of(cls, lang: str) -> Lexicon:
        return cls(lang, pack(lang), word_classes(lang), gazetteer(lang))


# a mention rule no pattern expresses: reads the Doc and the gazetteer hits, proposes candidates
CandidateRule = Callable[["Lexicon", Doc, Hits], list[Candidate]]


def pattern_candidates(lex: Lexicon, doc: Doc) -> list[Candidate]:
    """The matches of the pack's mention patterns (doc.spans, by the kg_mention_patterns
    SpanRuler), as candidates of the pattern's type, subtype, priority and source."""
    rules = {rule.id: rule for rule in lex.pack.patterns.mentions}
    out = []
    for span in doc.spans.get(MENTION_SPANS, ()):
        rule = rules[span.id_]
        mention = Mention(span.start, span.end, rule.type, rule.subtype, source=Source(rule.source))
        out.append((rule.priority, mention))
    return out


def entry_mention(entry: Entry, start: int, end: int, source: Source) -> Mention:
    """A mention of something the gazetteer knows, with its key, canonical name and ids (and,
    for places, the country they are in, which bodies without a country named take)."""
    country = entry.country if entry.type == LOCATION and entry.country else None
    return Mention(
        start,
        end,
        entry.type,
        entry.subtype,
        key=entry.key,
        name=entry.name,
        properties=dict(entry.properties),
        features=MentionFeatures(country=country, known=True),
        source=source,
        role=entry.role,
    )


def priority(mention: Mention) -> int:
    """The priority a chosen mention keeps when it competes again (with the people)."""
    if mention.type == PERSON and mention.features.known:
        return P_PERSON + 5
    return {
        PERSON: P_PERSON,
        ORGANIZATION: P_ORG,
        LOCATION: P_PLACE,
    }.get(mention.type, 0)


def select(candidates: list[Candidate]) -> list[Mention]:
    """The best candidates that do not overlap: higher priority, then longer, then earlier."""
    ordered = sorted(candidates, key=lambda c: (-c[0], -(c[1].end - c[1].start), c[1].start))
    used: set[int] = set()
    out = []
    for _, mention in ordered:
        span = range(mention.start, mention.end)
        if any(i in used for i in span):
            continue
        used.update(span)
        out.append(mention)
    return out


def taken(mentions: list[Mention]) -> set[int]:
    """The token indices the mentions cover."""
    return {i for m in mentions for i in range(m.start, m.end)}
