"""Mention rules: the packs' mention patterns run as a SpanRuler into doc.spans, their matches
compete as candidates by their priority; the candidate rules no pattern expresses are
registered functions that the pipeline config names."""

from __future__ import annotations

import pytest

from loaders.extraction import build_nlp
from loaders.extraction.candidates import MENTION_SPANS
from loaders.extraction.config import ExtractionConfig
from loaders.extraction.datafiles import read_words
from loaders.extraction.mentions import CANDIDATE_RULES, DEFAULT_CANDIDATE_RULES
from loaders.extraction.model import Source
from loaders.extraction.packs import languages, pack
from loaders.linking.names import fold, web_domains


@pytest.mark.parametrize("code", languages())
def test_every_mention_pattern_has_an_id_a_label_a_priority_and_a_known_source(code: str):
    rules = pack(code).patterns.mentions
    assert rules
    assert len({rule.id for rule in rules}) == len(rules)
    for rule in rules:
        Source(rule.source)
        assert rule.priority > 0 and rule.pattern


@pytest.mark.parametrize("code", languages())
def test_pattern_matches_are_spans_with_the_rule_id_and_become_mentions(code: str):
    nlp = build_nlp(code, ExtractionConfig(models={code: None}))
    assert nlp.pipe_names.index("kg_mention_patterns") < nlp.pipe_names.index("kg_mentions")
    doc = nlp("Podrobno.uz: gazeta.uz, kun.uz. 3.5 Mio.")
    spans = doc.spans[MENTION_SPANS]
    assert {(s.text, s.id_, s.label_) for s in spans} >= {
        ("gazeta.uz", "web_address", "Organization/media"),
        ("kun.uz", "web_address", "Organization/media"),
    }
    assert "3.5" not in {s.text for s in spans}
    found = {doc[m.start : m.end].text for m in doc._.kg_mentions if m.source == Source.DOMAIN}
    assert {"gazeta.uz", "kun.uz"} <= found


def test_the_pipeline_config_names_the_candidate_rules_that_run():
    nlp = build_nlp("en", ExtractionConfig(models={"en": None}))
    assert nlp.get_pipe_config("kg_mentions")["candidate_rules"] == list(DEFAULT_CANDIDATE_RULES)
    assert set(DEFAULT_CANDIDATE_RULES) == set(CANDIDATE_RULES)


def test_a_config_without_a_rule_does_not_run_it_and_an_unknown_rule_fails():
    nlp = build_nlp("en", ExtractionConfig(models={"en": None}))
    rules = [name for name in DEFAULT_CANDIDATE_RULES if name != "mention_patterns"]
    nlp.replace_pipe("kg_mentions", "kg_mentions", config={"candidate_rules": rules})
    doc = nlp("The news site gazeta.uz reported it.")
    assert not [m for m in doc._.kg_mentions if m.source == Source.DOMAIN]
    with pytest.raises(ValueError, match="no mention rules registered"):
        nlp.replace_pipe("kg_mentions", "kg_mentions", config={"candidate_rules": ["guess"]})


@pytest.mark.parametrize("code", languages())
def test_web_addresses_end_in_the_one_domain_list_that_linking_reads_too(code: str):
    domains = read_words("web_domains.txt")
    assert {fold(word) for word in domains} == web_domains()
    nlp = build_nlp(code, ExtractionConfig(models={code: None}))
    words = [f"site{i}.{domain.upper() if i % 2 else domain}" for i, domain in enumerate(domains)]
    doc = nlp(", ".join([*words, "gazeta.xyz", "газета.uz"]))
    assert {s.text for s in doc.spans[MENTION_SPANS] if s.id_ == "web_address"} == set(words)
