"""Language packs: everything one language needs, under lang/<code>/, and the only way in.

A pack is a directory with a manifest (manifest.toml: spaCy base, lingua name, the statistical
model beside the rules ([models]), how names inflect, declared features), its function-word classes
(words.toml: one named class each), its regular expressions (patterns.toml: money,
capacities, joint ventures), its trigger words of relations (triggers.tsv: words per
trigger kind) and, where names inflect, its inflection tables (inflection.json). The
languages the extractor supports are the packs present; rule code never tests a language
code, it asks the pack for a feature or a class.
"""

from __future__ import annotations

import keyword
import re
import tomllib
from dataclasses import dataclass, fields
from enum import StrEnum
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

from graph_schema.errors import ExtractionError
from graph_schema.vocabulary import EntityType, Subtype
from loaders.extraction.datafiles import read_words

PACKS = resources.files(__package__) / "lang"


class Feature(StrEnum):
    """How a language writes what the rules read; a pack declares the ones it has."""

    # every noun capitalised: a capitalised word is no name by its case alone
    CAPITALISED_NOUNS = "capitalised_nouns"
    # names of entities are written in this language ("car plant" as the text says it)
    CANONICAL_NAMES = "canonical_names"
    # cases carry what prepositions carry elsewhere (owners in the genitive, bodies in the
    # dative); lexicon heads are listed in the nominative and inflected
    CASE_MORPHOLOGY = "case_morphology"
    # capitalised contractions without an apostrophe are names ("Hes Kablo"), not "He s"
    CONTRACTION_NAMES = "contraction_names"
    # the text is in Cyrillic: a Latin-script name is a foreign company's or brand's
    CYRILLIC_SCRIPT = "cyrillic_script"
    # an enterprise noun with a verb of making is a site ("Предприятие производит")
    ENTERPRISE_SITE = "enterprise_site"
    # adjectives before their noun end in ADJECTIVE_ENDINGS
    INFLECTED_ADJECTIVES = "inflected_adjectives"
    # verbs are told by a dictionary's part of speech (pymorphy3)
    MORPHOLOGY_POS = "morphology_pos"
    # no articles: "new" says a thing is introduced
    NO_ARTICLES = "no_articles"
    # nouns stand before a head as its modifiers ("Ciech CEO", "Energy Minister",
    # "Bukhara refinery", "X carpet factory")
    NOUN_ADJUNCTS = "noun_adjuncts"
    # compounds written as one word name their kind by the last part ("Zementfabrik",
    # "Energieministerium", "Allur-Gruppe")
    NOUN_COMPOUNDS = "noun_compounds"
    # "the head of Sinotruk, Ma Chunji": the company of an executive's office after "of"
    OFFICE_OF_COMPANY = "office_of_company"
    # past participles end in -ed ("started", "launched")
    PAST_ED = "past_ed"
    # plurals end in -s ("regions", "companies")
    PLURAL_S = "plural_s"
    # the tokenizer splits a hyphen before a capital ("Syrdarya-Region")
    SPLIT_HYPHEN_BEFORE_CAPITAL = "split_hyphen_before_capital"
    # a sentence may open with a company's name before its verb ("Qazaq Vagon launched")
    SUBJECT_COMPANY_VERB = "subject_company_verb"
    # the impersonal passive is a verb ending ("поручено"), no auxiliary before it
    PASSIVE_BY_ENDING = "passive_by_ending"
    # towns of the region are also known by their Russian names transliterated the
    # language's way ("Dschisak")
    TRANSLITERATED_EXONYMS = "transliterated_exonyms"
    # every word of a name is capitalised ("Samarkand Automobile Plant")
    TITLE_CASE_NAMES = "title_case_names"
    # verbs close the clause ("hat die Regierung angewiesen", "stellt ... her")
    VERB_FINAL = "verb_final"


class NameInflection(StrEnum):
    """How a proper name varies in running text (inflect.name_forms)."""

    NONE = "none"
    GERMAN_GENITIVE = "german_genitive"  # "Deutschlands"
    RUSSIAN_CASES = "russian_cases"  # "Ташкенте", "Ташкента"


class WordSet(frozenset[str]):
    """A function-word class: the set of its lower-cased words, its stems (entries written
    with a trailing "*": "делегаци*") and all entries in the pack's order (`forms`, without
    the "*") for the classes read as endings or phrases."""

    forms: tuple[str, ...]
    stems: tuple[str, ...]

    def __new__(cls, entries: tuple[str, ...]) -> WordSet:
        made = super().__new__(cls, (e for e in entries if not e.endswith("*")))
        made.forms = tuple(e.removesuffix("*") for e in entries)
        made.stems = tuple(e[:-1] for e in entries if e.endswith("*"))
        return made

    def matches(self, word: str) -> bool:
        """The word is one of the class's words or starts with one of its stems."""
        return word in self or word.startswith(self.stems)

    def ends(self, word: str) -> bool:
        """The word ends with one of the entries (endings)."""
        return word.endswith(self.forms)

    def inside(self, text: str) -> bool:
        """One of the entries occurs in the text (phrases, stems of compounds)."""
        return any(form in text for form in self.forms)


@dataclass(frozen=True)
class FunctionWords:
    """The named function-word classes of one language (words.toml, one key each)."""

    linking: WordSet  # little words inside a multi-word name or office phrase ("of", "der", "по")
    articles: WordSet  # articles, definite and indefinite
    indefinite: WordSet  # indefinite articles: a plant introduced as new
    name_particles: WordSet  # particles inside personal names ("van der", "ibn")
    name_links: (
        WordSet  # words that may join the parts of an organization's name ("Bank of", "und")
    )
    name_fields: WordSet  # fields of activity an "and" joins inside one name ("Import and Export")
    and_: WordSet  # the word "and"
    or_: WordSet  # the word "or"
    coordinator: WordSet  # words joining two items of a list ("and", "sowie", "а")
    contrast: WordSet  # words setting two things side by side ("а")
    of_preposition: WordSet  # the preposition of belonging ("of", "von")
    genitive_link: WordSet  # what links a thing to a larger one it belongs to ("of", "des")
    with_: WordSet  # "with" and "between": who someone meets or works with
    between: WordSet  # "between": the parties of something follow
    together: WordSet  # "together", "jointly": a partner follows with WITH
    cooperation: WordSet  # nouns of "in cooperation with": a partner follows with WITH
    parties: WordSet  # stems that make the companies listed with them a project's parties
    list_joiners: WordSet  # words that continue a list besides "and" ("as well as", "а также")
    ceremony: WordSet  # stems of a plant's opening ceremony: who attends it is at the plant
    from_: WordSet  # "from": where someone comes from
    complement_of: WordSet  # "invitation of X", "Anerkennung von X": X complements a noun
    by: WordSet  # the agent's preposition of a passive ("by", "durch")
    locative: WordSet  # where something is ("in", "near", "в")
    seat_stop: WordSet  # words after an office that end its seat ("ambassador ... to China")
    in_: WordSet  # "in", "в": where, or whither with an accusative after it
    place_qualifiers: WordSet  # between "in" and a larger place: where in it ("northern")
    compass: WordSet  # nouns of a part of a place ("im Nordwesten", "на севере"): then its whole
    accusative_articles: WordSet  # articles after a two-way preposition that say whither ("in die")
    possessive_clitic: WordSet  # the possessive ending written as a token ("'s")
    possessives: WordSet  # possessive pronouns ("its", "seinem")
    person_pronouns: WordSet  # third-person pronouns of a person ("he", "er", "он")
    before_title: WordSet  # between a country or company and its office ("Hyundai's president")
    relatives: WordSet  # relative pronouns and adverbs that open a clause ("where", "который")
    place_relatives: WordSet  # "where", "wo", "где": the clause tells what is at the place before
    copulas: WordSet  # forms of "to be" that say what something is
    auxiliary: WordSet  # auxiliaries and modals: a verb's clause, no longer a noun phrase
    passive_auxiliary: WordSet  # the auxiliary of a passive ("was instructed", "wurde beauftragt")
    modal: WordSet  # modal verbs before a verb-final infinitive ("soll ... herstellen")
    order_joiners: WordSet  # words between an order word and the bodies it addresses
    based: WordSet  # "Warsaw-based": the place before the hyphen is a company's home
    naming: WordSet  # "called", "named": a name follows
    joint_venture: WordSet  # words for a joint venture, as phrases
    joint: WordSet  # stems of "joint" before an enterprise noun ("совместное предприятие")
    agent_phrases: WordSet  # phrases before who runs something ("operated by"), as stems
    agent_participle: WordSet  # participles of running something ("operated", "betrieben")
    leader_phrases: WordSet  # phrases before who leads a delegation ("led by"), as substrings
    management: WordSet  # stems of "management": the company addressed follows
    as_said: WordSet  # "как", "as", "wie" before a speech verb: a source quoted, no briefing
    premises: WordSet  # stems of a company's rooms that are no site ("office", "stand"):
    # who visits them visits no plant
    guest: WordSet  # stems of "guest": the guests of the last reception
    delegation: WordSet  # stems of "delegation"
    head_of: WordSet  # stems of "head (of)": an organization's name follows
    brand: WordSet  # stems of "brand"
    brand_noun: WordSet  # forms of "brand" before the brand's name
    model: WordSet  # stems of words that say a sentence is about products ("model", "brand")
    product_nouns: WordSet  # goods whose names follow their makers' ("cars", "автобусы")
    generic_goods: WordSet  # words for goods in general, which name no product
    company_nouns: WordSet  # company nouns that may stand inside a plant's noun phrase
    name_head_nouns: WordSet  # stems of company nouns that end a descriptive name
    financial: WordSet  # words of a bank's or fund's name
    of_place_heads: WordSet  # heads of names "<...> Bank of <Country>"
    parent_of: WordSet  # "a subsidiary of X": X is the parent company
    subject_gap: WordSet  # words between a sentence-opening subject and its verb
    legal_forms: WordSet  # legal forms inside a noun phrase ("ООО", "GmbH")
    former: WordSet  # stems of "former": no longer the company's plant
    new: WordSet  # stems of "new"
    project: WordSet  # stems of "project"
    project_nouns: WordSet  # forms of "project", no plant by an industrial modifier
    capital: WordSet  # words for a capital city
    regional: WordSet  # substrings that make a body the region's ("regional khokimiyat")
    level_adjectives: WordSet  # adjectives before a body's noun that belong to its name
    complement_starts: WordSet  # words that open a ministry's portfolio ("of", "für")
    portfolio_lead: WordSet  # words before a portfolio inside an office's name
    administration_khokim: WordSet  # substrings of a khokim's administration
    administration_akim: WordSet  # substrings of an akim's administration
    needs_amount: WordSet  # stems of verbs that are an investment only with an amount ("allocate")
    investors: WordSet  # stems of nouns for investors or their money ("investors", "Investitionen")
    lending: WordSet  # stems of nouns of lent or granted money before the lender ("a loan from X")
    trips: WordSet  # stems of nouns of an official's tour of a region ("working trip to X")
    goods_of: WordSet  # words before goods named by a brand ("production of MAN trucks")
    production_link: WordSet  # words after a production noun before the product ("production of")
    product_leading: WordSet  # words skipped before a product's noun phrase
    product_ends: WordSet  # words at which a product's noun phrase has ended
    make_infinitives: WordSet  # infinitives of making that close a verb-final clause ("herstellen")
    make_finite: WordSet  # finite verbs of a separable verb of making ("stellt ... her")
    make_particle: WordSet  # the particle of that verb ("her")
    not_modifiers: WordSet  # little words before a plant noun that do not describe it
    adjective_endings: WordSet  # endings of adjectives before their noun
    verbal_noun_endings: WordSet  # endings of verbal nouns that look like adjectives
    district_adjective_endings: WordSet  # endings of adjectives made from a town's name
    currency_after: WordSet  # what follows a country's name in a currency ("US-Dollar")
    passive_endings: WordSet  # endings of an impersonal passive ("поручено")
    committee: WordSet  # stems of an agency noun called "Committee" in English
    department: WordSet  # ... "Department"
    agency: WordSet  # ... "Agency"
    authority: WordSet  # ... "Authority"
    ministry_compound_heads: WordSet  # compounds naming a ministry ("Energieministerium")
    plant_heads: WordSet  # plant nouns a compound ends in ("Zementwerk" -> "werk")
    production: WordSet  # production nouns ("production", "Herstellung", "выпуск*")
    make_verbs: WordSet  # verbs whose object is the product when a plant is their subject
    industrial_modifiers: WordSet  # modifiers that make a weak plant noun a site
    generic_modifiers: WordSet  # modifiers that do not tell one plant from another ("new")
    another: WordSet  # words that introduce a plant other than the one before ("a second")
    quantity: WordSet  # quantity words before goods ("up to", "million", "тонн*")
    time_words: WordSet  # time words that end a product's phrase ("year")
    figure_words: WordSet  # a figure of the plant follows ("capacity", "мощност*")
    vague: WordSet  # words of a plant's phrase that tell nothing about the plant
    name_legal_words: WordSet  # legal words that end a name, left out when names compare
    plural_endings: WordSet  # endings of plural titles ("Presidents")


@dataclass(frozen=True)
class MentionPattern:
    """A mention rule as a spaCy token pattern (patterns.toml, [[mention]]): what it matches
    is a candidate of its type and subtype, written to doc.spans, which competes with the
    other candidates by its priority (candidates.select)."""

    id: str
    type: EntityType
    subtype: Subtype | None
    priority: int
    source: str  # model.Source: which rule found the mention
    pattern: tuple[dict[str, Any], ...]

    @property
    def label(self) -> str:
        return f"{self.type}/{self.subtype}" if self.subtype else str(self.type)


@dataclass(frozen=True)
class Patterns:
    """The regular expressions of one language (patterns.toml), compiled, and its mention
    patterns."""

    money: re.Pattern[str]  # an amount of money
    share: re.Pattern[str]  # a share ("30 percent")
    capacity: re.Pattern[str]  # a quantity of goods with its unit, "per year" after it
    venture: re.Pattern[str]  # a joint venture, matched against whole lower-cased words
    mentions: tuple[MentionPattern, ...] = ()

    @property
    def amount(self) -> re.Pattern[str]:
        """Money or a share: what an investment verb needs."""
        return _either(self.money, self.share)


@cache
def _either(a: re.Pattern[str], b: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(f"{a.pattern}|{b.pattern}")


@dataclass(frozen=True)
class LanguagePack:
    """One language: its manifest and its word classes."""

    code: str
    name: str
    spacy_base: str
    lingua: str
    models: ModelSettings  # the statistical signal beside the rules (none: rules only)
    name_inflection: NameInflection
    country_locale: str | None  # pycountry's locale of country names, if it has one
    features: frozenset[Feature]
    words: FunctionWords
    patterns: Patterns
    directory: Traversable

    def has(self, feature: Feature) -> bool:
        return feature in self.features

    def file(self, name: str) -> Traversable:
        """A data file of the pack."""
        return self.directory / name


@dataclass(frozen=True)
class ModelSettings:
    """The manifest's [models] table: which registered component brings a statistical model's
    signal (loaders/extraction/signal_components.py), the installed package it loads, whether
    it runs by default (on where it raised the blind scores of the language), which of the
    model's unknown names the rules take ("person", "organization") and whether the model's
    longer names widen the rules' (signal_mentions.py)."""

    component: str | None = None
    package: str | None = None
    default: bool = False
    names: frozenset[str] = frozenset()
    widen: bool = False

    @property
    def present(self) -> bool:
        return self.component is not None and self.package is not None


MODEL_KEYS = {"component", "package", "default", "names", "widen"}
MODEL_NAMES = {"person", "organization"}


def _model_settings(table: dict) -> ModelSettings:
    unknown = set(table) - MODEL_KEYS
    if unknown:
        raise ValueError(f"[models] has unknown keys {sorted(unknown)}")
    names = frozenset(table.get("names", []))
    if names - MODEL_NAMES:
        raise ValueError(f"[models] names must be among {sorted(MODEL_NAMES)}")
    settings = ModelSettings(
        table.get("component"),
        table.get("package"),
        table.get("default", False),
        names,
        table.get("widen", False),
    )
    if (settings.component is None) != (settings.package is None):
        raise ValueError("[models] needs both component and package")
    if not isinstance(settings.default, bool) or not isinstance(settings.widen, bool):
        raise ValueError("[models] default and widen must be true or false")
    return settings


def _read_toml(path: Traversable) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ExtractionError(f"language pack file {path} is unreadable: {error}") from error


def _function_words(path: Traversable) -> FunctionWords:
    table = _read_toml(path)
    expected = {f.name.rstrip("_").upper() for f in fields(FunctionWords)}
    if set(table) != expected:
        missing, unknown = sorted(expected - set(table)), sorted(set(table) - expected)
        raise ExtractionError(f"{path}: missing classes {missing}, unknown classes {unknown}")
    return FunctionWords(
        **{_field(name): WordSet(tuple(w.lower() for w in words)) for name, words in table.items()}
    )


def _field(name: str) -> str:
    """The attribute of a class: its name in lower case ("with_" for WITH, a keyword)."""
    lower = name.lower()
    return f"{lower}_" if keyword.iskeyword(lower) else lower


def _patterns(path: Traversable) -> Patterns:
    table = _read_toml(path)
    mentions = tuple(_mention_pattern(path, rule) for rule in table.pop("mention", []))
    expected = {f.name.upper() for f in fields(Patterns) if f.name != "mentions"}
    if set(table) != expected:
        raise ExtractionError(f"{path}: patterns {sorted(expected)} expected, not {sorted(table)}")
    try:
        compiled = {name.lower(): re.compile(text) for name, text in table.items()}
    except re.error as error:
        raise ExtractionError(f"{path}: a pattern does not compile ({error})") from error
    return Patterns(**compiled, mentions=mentions)


def _mention_pattern(path: Traversable, rule: dict[str, Any]) -> MentionPattern:
    try:
        kind, _, subtype = rule["label"].partition("/")
        return MentionPattern(
            id=rule["id"],
            type=EntityType(kind),
            subtype=Subtype(subtype) if subtype else None,
            priority=int(rule["priority"]),
            source=rule.get("source", ""),
            pattern=tuple(_with_shared_lists(token) for token in rule["pattern"]),
        )
    except (KeyError, ValueError) as error:
        raise ExtractionError(f"{path}: bad mention pattern {rule.get('id')!r} ({error})") from None


# "@{name}" inside a pattern's REGEX: the words of data/<name>.txt as an alternation, for
# lists that are no one language's and that other packages read too (web_domains.txt, which
# linking compares outlets by)
_SHARED_LIST = re.compile(r"@\{(\w+)\}")


def _with_shared_lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _with_shared_lists(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_shared_lists(item) for item in value]
    if isinstance(value, str):
        return _SHARED_LIST.sub(lambda found: _alternation(found[1]), value)
    return value


def _alternation(name: str) -> str:
    try:
        words = read_words(f"{name}.txt")
    except OSError as error:
        raise ValueError(f"no shared word list {name!r}: {error}") from None
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


def load_pack(directory: Traversable) -> LanguagePack:
    """A pack from its directory: manifest.toml and words.toml, checked."""
    manifest = _read_toml(directory / "manifest.toml")
    try:
        return LanguagePack(
            code=manifest["code"],
            name=manifest["name"],
            spacy_base=manifest["spacy_base"],
            lingua=manifest["lingua"],
            models=_model_settings(manifest.get("models", {})),
            name_inflection=NameInflection(manifest["name_inflection"]),
            country_locale=manifest.get("country_locale"),
            features=frozenset(Feature(f) for f in manifest.get("features", [])),
            words=_function_words(directory / "words.toml"),
            patterns=_patterns(directory / "patterns.toml"),
            directory=directory,
        )
    except (KeyError, ValueError) as error:
        raise ExtractionError(f"language pack {directory}: bad manifest ({error})") from error


@cache
def packs() -> dict[str, LanguagePack]:
    """Every pack present, by language code."""
    found = [load_pack(d) for d in PACKS.iterdir() if (d / "manifest.toml").is_file()]
    return {p.code: p for p in sorted(found, key=lambda p: p.code)}


def languages() -> tuple[str, ...]:
    """The languages the extractor supports: the packs present."""
    return tuple(packs())


def pack(code: str) -> LanguagePack:
    """The pack of a language; ExtractionError for a language without one."""
    found = packs().get(code)
    if found is None:
        raise ExtractionError(
            f"unsupported language {code!r}; supported are {', '.join(languages())}"
        )
    return found


def words_of(code: str) -> FunctionWords:
    """The function-word classes of a language (rules pass doc.lang_)."""
    return pack(code).words
