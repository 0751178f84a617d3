"""Finding mentions: places, organizations, people, titles and role references in one Doc.

Rules encode how the three languages write names, not single sentences; each family of rules
lives in its own module (places, organizations, persons, government) and proposes candidates
with a priority; the best non-overlapping ones win (candidates.select). Where a token pattern
says it, a rule is a mention pattern of the pack (patterns.toml, run by the SpanRuler
kg_mention_patterns into doc.spans); the candidate rules are registered by name and the
pipeline config lists the ones that run.
"""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.extraction.candidates import CandidateRule, Lexicon, priority, select
from loaders.extraction.government import government_bodies, without_served_offices
from loaders.extraction.matching import Hits
from loaders.extraction.model import Mention
from loaders.extraction.name_contexts import context_companies
from loaders.extraction.names import has_letters, trim
from loaders.extraction.organizations import ORGANIZATION_RULES, acronyms
from loaders.extraction.persons import person_candidates
from loaders.extraction.places import (
    capital_countries,
    country_adjectives,
    place_candidates,
    place_roles,
)
from loaders.extraction.signal_mentions import with_model_names
from loaders.extraction.tokens import texts

# the rules that propose candidates, by name: the pipeline config (kg_mentions'
# candidate_rules) lists the ones to run, in order (an equal candidate of an earlier rule wins)
CANDIDATE_RULES: dict[str, CandidateRule] = {"places": place_candidates, **ORGANIZATION_RULES}
DEFAULT_CANDIDATE_RULES = tuple(CANDIDATE_RULES)


class MentionFinder:
    """All mention rules of one language."""

    def __init__(self, lang: str, rules: tuple[str, ...] = DEFAULT_CANDIDATE_RULES) -> None:
        self.lex = Lexicon.of(lang)
        unknown = [name for name in rules if name not in CANDIDATE_RULES]
        if unknown:
            raise ValueError(f"no mention rules registered as {unknown}")
        self.rules = tuple(CANDIDATE_RULES[name] for name in rules)

    def find(self, doc: Doc, hits: Hits) -> list[Mention]:
        lex = self.lex
        candidates = [c for rule in self.rules for c in rule(lex, doc, hits)]
        for _, mention in candidates:
            mention.start, mention.end = trim(mention.start, mention.end, doc)
        words = texts(doc)  # a Span's text per candidate was built token by token
        candidates = [
            (p, m) for p, m in candidates if any(map(has_letters, words[m.start : m.end]))
        ]
        chosen = select(candidates)
        chosen += acronyms(doc, chosen)
        chosen += context_companies(doc, hits, chosen)
        # people come second: a title's complement ("of Jizzakh region") must be known first
        chosen = select(
            [(priority(m), m) for m in chosen] + person_candidates(lex, doc, hits, chosen)
        )
        chosen += place_roles(lex, doc, hits, chosen)
        chosen = without_served_offices(chosen + government_bodies(lex, doc, hits, chosen))
        chosen += country_adjectives(hits, chosen) + capital_countries(chosen, hits)
        chosen = with_model_names(doc, hits, chosen)  # a model's names, where it runs
        chosen.sort(key=lambda m: (m.start, -m.end))
        return chosen
