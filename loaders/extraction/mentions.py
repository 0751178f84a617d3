"""Finding mentions: places, organizations, people, titles and role references in one Doc.

Rules encode how the three languages write names, not single sentences; each family of rules
lives in its own module (places, organizations, persons, government) and proposes candidates
with a priority; the best non-overlapping ones win (candidates.select).
"""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.extraction.candidates import Lexicon, priority, select
from loaders.extraction.government import government_bodies
from loaders.extraction.matching import Hits
from loaders.extraction.model import Mention
from loaders.extraction.names import has_letters, trim
from loaders.extraction.organizations import acronyms, organization_candidates
from loaders.extraction.persons import person_candidates
from loaders.extraction.places import (
    capital_countries,
    country_adjectives,
    place_candidates,
    place_roles,
)


class MentionFinder:
    """All mention rules of one language."""

    def __init__(self, lang: str) -> None:
        self.lex = Lexicon.of(lang)

    def find(self, doc: Doc, hits: Hits) -> list[Mention]:
        lex = self.lex
        candidates = place_candidates(lex, doc, hits) + organization_candidates(lex, doc, hits)
        for _, mention in candidates:
            mention.start, mention.end = trim(mention.start, mention.end, doc)
        candidates = [(p, m) for p, m in candidates if has_letters(doc[m.start : m.end].text)]
        chosen = select(candidates)
        chosen += acronyms(doc, chosen)
        # people come second: a title's complement ("of Jizzakh region") must be known first
        chosen = select(
            [(priority(m), m) for m in chosen] + person_candidates(lex, doc, hits, chosen)
        )
        chosen += place_roles(lex, doc, hits, chosen)
        chosen += government_bodies(lex, doc, hits, chosen)
        chosen += country_adjectives(hits, chosen) + capital_countries(chosen, hits)
        chosen.sort(key=lambda m: (m.start, -m.end))
        return chosen
