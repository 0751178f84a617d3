"""How the rules read a statistical model's signal (doc._.kg_signal), fed by hand: which names
they take, which they widen, which they leave alone, and the parse's subject."""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from loaders.extraction import build_nlp
from loaders.extraction.config import ExtractionConfig
from loaders.extraction.kinds import LOCATION, ORGANIZATION, PERSON
from loaders.extraction.matching import GazetteerMatcher, Hits
from loaders.extraction.signal_mentions import NamePolicy, with_model_names
from loaders.extraction.signals import ModelName, ModelSignal

RULES_ONLY = ExtractionConfig.every("off")


@cache
def rules_nlp(lang: str) -> Language:
    return build_nlp(lang, RULES_ONLY)


@cache
def matcher(lang: str) -> GazetteerMatcher:
    return GazetteerMatcher(rules_nlp(lang), lang)


def run_with_signal(lang: str, text: str, signal: ModelSignal) -> Doc:
    """The rule pipeline on `text`, with `signal` where a model component would leave it."""
    nlp = rules_nlp(lang)
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == "kg_sentences":
            doc._.kg_signal = signal
    return doc


def texts_of(doc: Doc, kind: str) -> list[str]:
    return [doc[m.start : m.end].text for m in doc._.kg_mentions if m.type == kind]


def test_a_name_only_the_model_found_is_a_person():
    text = "Yesterday Bob Smithers opened the factory in Andijan."
    signal = ModelSignal("test", names=(ModelName(1, 3, PERSON),))
    assert texts_of(run_with_signal("en", text, signal), PERSON) == ["Bob Smithers"]
    assert texts_of(run_with_signal("en", text, ModelSignal("test")), PERSON) == []


def test_an_unknown_company_the_model_names_is_one_where_the_pack_takes_them():
    text = "Yesterday Stadler will supply the trains to Kazakhstan."
    doc = run_with_signal("en", text, ModelSignal("test"))
    doc._.kg_signal = ModelSignal("test", names=(ModelName(1, 2, ORGANIZATION),))
    rules = list(doc._.kg_mentions)
    taken = with_model_names(doc, hits_of(doc), rules, NamePolicy(unknown_organizations=True))
    assert [doc[m.start : m.end].text for m in taken if m.type == ORGANIZATION] == ["Stadler"]
    # English takes only the model's people: its companies lowered PLANS (manifest [models])
    assert with_model_names(doc, hits_of(doc), rules) == rules


def test_words_that_only_look_like_names_are_not_taken():
    # a legal form, an acronym, a common word capitalised, a family name: no companies; a
    # plant noun in the name leaves it to the plant rules
    text = (
        "Reports say the decree helps. "
        "Decree signed: LLC pays PVC to Berdimuhamedov, Kant Cement Plant."
    )
    tokens = [t.text for t in rules_nlp("en").make_doc(text)]
    at = {word: tokens.index(word, 6) for word in ("Decree", "LLC", "PVC", "Berdimuhamedov")}
    names = [ModelName(i, i + 1, ORGANIZATION) for i in at.values()]
    names.append(ModelName(tokens.index("Kant"), tokens.index("Plant") + 1, ORGANIZATION))
    doc = run_with_signal("en", text, ModelSignal("test", names=tuple(names)))
    policy = NamePolicy(unknown_organizations=True)
    chosen = with_model_names(doc, hits_of(doc), [], policy)
    assert [doc[m.start : m.end].text for m in chosen] == []


def hits_of(doc: Doc) -> Hits:
    """The gazetteer and word-list matches the mention rules get."""
    return Hits.of(matcher(doc.lang_)(doc))


def test_the_model_never_renames_a_known_place():
    text = "The delegation visited Samarkand on Monday."
    signal = ModelSignal("test", names=(ModelName(3, 4, PERSON),))
    doc = run_with_signal("en", text, signal)
    assert texts_of(doc, LOCATION) == ["Samarkand"] and texts_of(doc, PERSON) == []


def test_rule_names_inside_a_longer_model_name_are_widened_where_the_pack_says_so():
    # a plant noun before "and" ends what the rules read as one name (two companies may be
    # listed so), the model reads the whole as one
    text = "Officials of the Zhongyuan Plant and Export Corporation arrived in Tashkent."
    doc = run_with_signal("en", text, ModelSignal("test"))
    rules = [m for m in doc._.kg_mentions if m.type == ORGANIZATION]
    assert [doc[m.start : m.end].text for m in rules] == ["Export Corporation"]
    doc._.kg_signal = ModelSignal("test", names=(ModelName(3, 8, ORGANIZATION),))
    widened = with_model_names(doc, Hits.of([]), rules, NamePolicy(widen=True))
    assert [doc[m.start : m.end].text for m in widened] == [
        "Zhongyuan Plant and Export Corporation"
    ]
    # the packs leave widening off: it lowered the English blind scores
    assert with_model_names(doc, Hits.of([]), rules, NamePolicy(widen=False)) == rules


def test_the_parse_subject_is_the_visitor():
    text = "Bob Ray and Ann Lee visited Khiva."
    names = (ModelName(0, 2, PERSON), ModelName(3, 5, PERSON))
    signal = ModelSignal("test", names=names, subjects=frozenset({4}))
    doc = run_with_signal("en", text, signal)
    entities = doc._.kg_entities
    visits = [
        (entities[r.source].name, entities[r.target].aliases)
        for r in doc._.kg_relations
        if r.type == "VISITED"
    ]
    assert visits[0] == ("Ann Lee", ["Khiva"])
