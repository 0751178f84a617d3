"""Organization mentions: known ones (gazetteer), names in quotes after a company word or with
a legal form (`„Textima Import Export GmbH“`, `АО «…»`), a name run ending in a legal form or
company word ("Zhongwang Group", "Claas KGaA"), a company noun before a name ("Firma Horsch",
"компания X", "Maschinenbaufirma Claas"), English "X carpet factory" / "X company", "a joint
venture called X", web addresses ("gazeta.uz": a mention pattern of the packs). A
statistical model's names join them in signal_mentions.py."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from loaders.extraction.candidates import (
    P_ORG,
    P_PERSON,
    P_QUOTED,
    P_WEAK,
    Candidate,
    CandidateRule,
    Lexicon,
    entry_mention,
    pattern_candidates,
    taken,
)
from loaders.extraction.kinds import COMPANY, COUNTRY, MEDIA, ORGANIZATION, REGION
from loaders.extraction.lexicon import word_classes
from loaders.extraction.matching import Hit, Hits
from loaders.extraction.model import CUED, NAME_BEFORE_NOUN, QUOTED_NAME, REFERENCE, Mention, Source
from loaders.extraction.names import (
    MAX_NAME_TOKENS,
    closing_quote,
    latin_in_cyrillic,
    name_like_span,
    name_run,
    org_name_token,
)
from loaders.extraction.packs import Feature, FunctionWords, WordSet, pack, words_of
from loaders.extraction.plants import is_plant_word
from loaders.extraction.portfolios import portfolio_at
from loaders.extraction.tokens import (
    OPEN_QUOTES,
    is_capitalised,
    is_cyrillic,
    is_first_name,
    is_name_token,
    is_russian_verb,
    is_trigger_of,
    looks_like_surname,
    lowers,
    mostly_cyrillic,
    russian_morphology,
    sentence_of,
    texts,
)
from loaders.extraction.translit import to_latin


def _english_office_holders_company(doc: Doc, hits: Hits) -> list[Candidate]:
    """ "Ciech CEO Jan Kowalski", "the head of Sinotruk, Ma Chunji", "dem Chef von ACWA
    Power, Marco Arcelli": the name before an executive's office (English), or after its
    "of"/"von" and before the holder's name, is his company."""
    language = pack(doc.lang_)
    if not language.has(Feature.OFFICE_OF_COMPANY):
        return []
    adjuncts = language.has(Feature.NOUN_ADJUNCTS)
    out = []
    for hit in hits.get("TITLE"):
        if not hit.payload.held_in_company:
            continue
        before = _company_before_office(doc, hits, hit.start) if adjuncts else None
        if before is not None and hit.end < len(doc) and is_name_token(doc[hit.end]):
            out.append((P_ORG - 2, Mention(before, hit.start, ORGANIZATION, COMPANY)))
        if hit.end + 1 < len(doc) and doc[hit.end].lower_ in language.words.of_preposition:
            end = name_run(doc, hit.end + 1)
            holder = end + 1 < len(doc) and doc[end].text == "," and is_name_token(doc[end + 1])
            if end > hit.end + 1 and holder and _unclaimed(hits, hit.end + 1, end):
                out.append((P_ORG - 2, Mention(hit.end + 1, end, ORGANIZATION, COMPANY)))
    return out


def _company_before_office(doc: Doc, hits: Hits, office: int) -> int | None:
    """Where a run of name words right before an office starts (a sentence's first word too:
    "Ciech CEO ..." opens the sentence), if nothing else claims them."""
    start = office
    while start > 0 and office - start < 3:
        token = doc[start - 1]
        if not (org_name_token(token) or (token.is_sent_start and is_name_token(token))):
            break
        start -= 1
    if start == office or not _unclaimed(hits, start, office):
        return None
    return start


def _unclaimed(hits: Hits, start: int, end: int) -> bool:
    labels = ("PLACE", "PERSON", "TITLE", "COUNTRY_ADJ", "ORG_NOUN", "PLACE_DESIGNATOR", "ORG")
    return not any(hits.covering(label, j) for j in range(start, end) for label in labels)


def known(doc: Doc, hits: Hits) -> list[Candidate]:
    """Organizations and public figures the gazetteer knows."""
    out = []
    for hit in hits.get("ORG"):
        out.append((P_ORG + 2, entry_mention(hit.payload, hit.start, hit.end, Source.GAZETTEER)))
    for hit in hits.get("PERSON"):
        if _another_given_name(doc, hit):
            continue
        out.append((P_PERSON + 5, entry_mention(hit.payload, hit.start, hit.end, Source.GAZETTEER)))
    return out


def _another_given_name(doc: Doc, hit: Hit) -> bool:
    """ "Xi Zhengping" is not Xi Jinping: a known name written family name first ("Xi
    Jinping") matched by its family name alone, with another given name right after it, is
    another person of that family."""
    words = hit.payload.name.split()
    return (
        hit.end - hit.start == 1
        and doc[hit.start].text == words[0]
        and hit.end < len(doc)
        and is_name_token(doc[hit.end])
        and doc[hit.end].text not in words
    )


def _known_widened(lex: Lexicon, doc: Doc, hits: Hits) -> list[Candidate]:
    """ "Daewoo Bus", "Hyundai Trans Kazakhstan", "BYD Uzbekistan": a known maker's name that
    goes on with a company word or a country is the longer name of a company of its own (a
    subsidiary, a division); the known short form stays for where the text uses it alone.
    Model names ("Chevrolet Cobalt") end in neither and stay apart."""
    out = []
    longest: dict[int, int] = {}
    for h in hits.get("ORG"):
        longest[h.start] = max(longest.get(h.start, 0), h.end)
    for hit in hits.get("ORG"):
        if any(longest.get(j, 0) > hit.end for j in range(max(0, hit.start - 4), hit.start + 1)):
            continue  # only the longest known name at a place is widened
        end = hit.end
        while (
            end < len(doc)
            and end - hit.end < 3
            and org_name_token(doc[end])
            and not any(hits.covering(label, end) for label in ("ORG", "PERSON", "TITLE"))
            and not is_first_name(doc[end].text)
            and mostly_cyrillic(doc[end].text) == mostly_cyrillic(doc[hit.start].text)
        ):
            end += 1
        while end > hit.end and doc[end - 1].text in ("-", "&"):
            end -= 1
        if end == hit.end or _names_a_plant(doc, hits, hit.start):
            continue
        company_word = any(hits.covering("ORG_SUFFIX", j) for j in range(hit.end, end))
        country = hits.ending("PLACE", end)
        national = (
            country is not None
            and country.start >= hit.end
            and any(e.subtype in (COUNTRY, REGION) for e in country.payload)
        )
        bare = (
            # German writes every noun capitalised ("Knauf-Werks")
            not pack(doc.lang_).has(Feature.CAPITALISED_NOUNS)
            and not any(hits.covering("PLANT_WORD", j) for j in range(hit.end, end))
            and not _models_told_of(doc, hit.start, end)
        )
        if company_word:
            end = _legal_form_tail(lex, doc, hits, end)  # "... Holding Limited"
        if company_word or national or bare:
            entry = hit.payload
            mention = Mention(
                hit.start,
                end,
                ORGANIZATION,
                entry.subtype,
                source=Source.WIDENED,
                features=CUED,
            )
            out.append((P_ORG + 4, mention))
    return out


def _models_told_of(doc: Doc, start: int, end: int) -> bool:
    """ "Chevrolet Cobalt cars", "Modelle wie Kia Sorento": a maker and its model, where the
    sentence speaks of products (a product word after the name, models, brands)."""
    sentence = sentence_of(doc, start)
    fw = words_of(doc.lang_)
    if any(t.lower_ in fw.product_nouns for t in doc[end : min(sentence.end, end + 2)]):
        return True
    return any(fw.model.matches(t.lower_) for t in sentence)


def _names_a_plant(doc: Doc, hits: Hits, start: int) -> bool:
    """ "завода Hyundai-Namangan KD", "the plant UzAuto Motors Powertrain": a plant's name."""
    return start > 0 and is_plant_word(doc[start - 1], hits)


def _owner_after_plant_noun(doc: Doc, hits: Hits) -> list[Candidate]:
    """ "das Werk von Qarmet", "die Zementfabrik von Kyzylkumcement", "the plant of Navoiyazot":
    the name after a plant noun and "von"/"of" is the company the plant belongs to."""
    out = []
    words = lowers(doc)
    fw = words_of(doc.lang_)
    for i in range(len(doc) - 2):
        if words[i + 1] not in fw.of_preposition:
            continue
        token = doc[i]
        if not is_plant_word(token, hits, True):
            continue
        if fw.production.matches(token.lower_):
            continue  # "Montage von Mähdreschern": what is made, not who makes it
        start = token.i + 2
        country = hits.starting("PLACE", start)
        if (
            country
            and country.end + 1 < len(doc)
            and doc[country.end].lower_ in fw.possessive_clitic
        ):
            start = country.end + 1  # "a factory of China's Zhejiang Glass"
        end = name_run(doc, start)
        if end == start or any(
            hits.covering(label, j)
            for j in range(start, end)
            for label in ("PERSON", "TITLE", "ORG", "COUNTRY_ADJ", "REGION_ADJ")
        ):
            continue
        if all(hits.covering("PLACE", j) for j in range(start, end)):
            continue  # "the plant of Samarkand" is in Samarkand
        mention = Mention(start, end, ORGANIZATION, COMPANY, source=Source.OWNER, features=CUED)
        out.append((P_ORG - 1, mention))
    return out


def _latin_in_russian(doc: Doc, hits: Hits) -> list[Candidate]:
    """In a Russian text a person's name is written in Cyrillic; a Latin-script name is a
    company's or a brand's. It is taken for a company where the sentence says so: after an
    office ("президента Allur Андрея Лаврентьева"), after a country adjective ("малайзийской
    Petronas"), or as the subject of a verb ("Allur строит завод")."""
    language = pack(doc.lang_)
    if not language.has(Feature.CYRILLIC_SCRIPT):
        return []
    out = []
    words = texts(doc)
    i = 0
    while i < len(doc):
        text = words[i]
        if not text[:1].isupper() or not text.isalpha() or is_cyrillic(text):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < MAX_NAME_TOKENS and _latin_name_token(doc[end]):
            end += 1
        known = any(
            hits.covering(label, j) for j in range(i, end) for label in ("PLACE", "ORG", "PERSON")
        )
        cue = (
            hits.ending("TITLE", i) is not None
            or (i > 0 and language.words.head_of.matches(doc[i - 1].lower_))  # "с главой X"
            or hits.ending("COUNTRY_ADJ", i) is not None
            or (end < len(doc) and is_russian_verb(doc[end].text))
        )
        if cue and not known:
            out.append(
                (
                    P_ORG - 1,
                    Mention(
                        i,
                        end,
                        ORGANIZATION,
                        COMPANY,
                        source=Source.LATIN,
                        features=CUED,
                    ),
                )
            )
        i = end
    return out


def _partners_together(doc: Doc, hits: Hits) -> list[Candidate]:
    """ "together with the Xianghe Zhi Chen", "совместно с Petronas", "gemeinsam mit der
    Firma X": who a project is carried out with is a company."""
    out = []
    words = lowers(doc)
    fw = words_of(doc.lang_)
    for i in range(len(doc) - 2):
        if words[i] not in fw.together or words[i + 1] not in fw.with_:
            continue
        start = i + 2
        while start < len(doc) and doc[start].lower_ in fw.articles:
            start += 1
        end = name_run(doc, start)
        if end == start or any(
            hits.covering(label, j)
            for j in range(start, end)
            for label in ("PLACE", "PERSON", "TITLE", "ORG", "COUNTRY_ADJ", "ORG_NOUN")
        ):
            continue
        if _person_like(doc, start, end):
            continue  # "toured the site together with Turgunov": a person
        out.append(
            (
                P_ORG - 2,
                Mention(
                    start,
                    end,
                    ORGANIZATION,
                    COMPANY,
                    source=Source.PARTNER,
                    features=CUED,
                ),
            )
        )
    return out


def _german_name_hyphen_noun(doc: Doc, hits: Hits) -> list[Candidate]:
    """ "der Allur-Gruppe", "des Knauf-Konzerns": a name joined to a group noun. Other company
    nouns joined so say what the company makes: "den Lkw-Hersteller X" names no "Lkw", and
    neither does a group noun with the company's name after it ("des Chemie-Konzerns X")."""
    if not pack(doc.lang_).has(Feature.NOUN_COMPOUNDS):
        return []
    group_nouns = word_classes(doc.lang_).org_group_nouns
    out = []
    for hit in hits.get("ORG_NOUN"):
        end = hit.start - 1
        if end < 1 or doc[end].text != "-" or doc[end].whitespace_:
            continue
        if doc[hit.start].lower_ not in group_nouns or _names_its_company(doc, hit.end):
            continue
        start = end
        while start > 0 and end - start < 3 and org_name_token(doc[start - 1]):
            start -= 1
        if start < end and not any(hits.covering("PLACE", j) for j in range(start, end)):
            out.append(
                (
                    P_ORG - 1,
                    Mention(
                        start,
                        end,
                        ORGANIZATION,
                        COMPANY,
                        source=Source.NOUN,
                        features=CUED,
                    ),
                )
            )
    return out


# what only a company does: plans, builds, produces, or is part of another
COMPANY_VERB_KINDS = ("plan", "operate", "own")
NOT_SUBJECT_NAME = ("PLACE", "PERSON", "TITLE", "ORG", "COUNTRY_ADJ", "PLACE_DESIGNATOR")


def _english_subject_of_company_verb(doc: Doc, hits: Hits) -> list[Candidate]:
    """ "Qazaq Vagon, which launched production at its plant", "Qazaq Vagon is a subsidiary
    of ...": a name of two or more capitalised words opening a sentence, whose verb says what
    companies do, is a company (a sentence's first word is otherwise no name)."""
    if not pack(doc.lang_).has(Feature.SUBJECT_COMPANY_VERB):
        return []
    articles = words_of(doc.lang_).articles
    out = []
    for sentence in doc.sents:
        start = sentence.start
        end = start + 1
        while end < sentence.end and end - start < MAX_NAME_TOKENS and is_name_token(doc[end]):
            end += 1
        if end - start < 2 or not is_name_token(doc[start]) or is_first_name(doc[start].text):
            continue
        if doc[start].lower_ in articles or any(
            hits.covering(label, j) for j in range(start, end) for label in NOT_SUBJECT_NAME
        ):
            continue
        if _company_verb_after(doc, end, sentence.end):
            mention = Mention(start, end, ORGANIZATION, COMPANY, source=Source.SUBJECT)
            out.append((P_ORG - 2, mention))
    return out


def _company_verb_after(doc: Doc, index: int, limit: int) -> bool:
    """The first word after `index` past auxiliaries and "which" is a company's verb."""
    gap = words_of(doc.lang_).subject_gap
    while index < limit and doc[index].lower_ in gap:
        index += 1
    return index < limit and any(
        is_trigger_of(doc.lang_, kind, doc[index].lower_) for kind in COMPANY_VERB_KINDS
    )


NOT_LISTED = ("PERSON", "TITLE", "GOV_NOUN", "PLACE_DESIGNATOR", "COUNTRY_ADJ")


def _listed_with_company(doc: Doc, hits: Hits) -> list[Candidate]:
    """ "предприятия компаний Sany, Zoomlion и XCMG", "die Werke von BASF, Bayer und Evonik":
    names listed after a company, up to the "and" that closes the list, are companies too."""
    anchors = [h.end for h in hits.get("ORG")]
    for hit in hits.get("ORG_NOUN"):
        run_end = name_run(doc, hit.end)
        if run_end > hit.end:
            anchors.append(run_end)
    out = []
    for anchor in anchors:
        out += _list_after(doc, hits, anchor)
    return out


def _list_after(doc: Doc, hits: Hits, index: int) -> list[Candidate]:
    """The names of a list "A, B and C" that continues at `index` (after A); none unless the
    list closes with "and" (", Mirziyoyev said" is no list)."""
    found: list[Mention] = []
    joins = words_of(doc.lang_).coordinator
    while index < len(doc) - 1 and (doc[index].text == "," or doc[index].lower_ in joins):
        closing = doc[index].lower_ in joins
        start = index + 1
        if not closing and doc[start].lower_ in joins:
            closing, start = True, start + 1
        end = name_run(doc, start)
        if end == start or not listable_name(doc, hits, start, end):
            return []
        known = hits.starting("ORG", start)
        if known is None:
            found.append(Mention(start, end, ORGANIZATION, COMPANY, source=Source.LISTED))
        index = known.end if known is not None else end
        if closing:
            return [(P_ORG - 2, m) for m in found]
    return []


def listable_name(doc: Doc, hits: Hits, start: int, end: int) -> bool:
    """A listed name that is no person, office, country adjective or place."""
    return not (
        is_first_name(doc[start].text)
        or looks_like_surname(doc[end - 1].text)
        or any(hits.covering(label, j) for j in range(start, end) for label in NOT_LISTED)
        or all(hits.covering("PLACE", j) for j in range(start, end))
    )


def _names_its_company(doc: Doc, after: int) -> bool:
    """ "des Spezialchemie-Konzerns Evonik": a name after the group noun is the company, so the
    word before the hyphen says what it makes, as in "den Lkw-Hersteller X"."""
    return after < len(doc) and org_name_token(doc[after])


def _after_cue_phrase(doc: Doc, hits: Hits) -> list[Candidate]:
    """A name after "the management of" / "der Leitung von" ("talks with the management of
    Daikin"), after "a subsidiary of", or after a country's possessive ("Uzbekistan's Kulol
    Keramika"): a company."""
    out = []
    words = lowers(doc)
    fw = words_of(doc.lang_)
    for i in range(len(doc) - 1):
        start = None
        if fw.management.matches(words[i]) and words[i + 1] in fw.of_preposition:
            start = i + 2
        elif words[i] in fw.agent_participle and words[i + 1] in fw.by:
            start = i + 2  # "the factory is run by Navoiyazot"
        elif words[i] in fw.parent_of and words[i + 1] in fw.of_preposition:
            start = i + 2  # "a subsidiary of Kazakhstan Temir Zholy", not of "Kazakhstan"
        elif words[i] in fw.possessive_clitic and i > 0:
            country = hits.ending("PLACE", i)
            if country and any(e.subtype == COUNTRY for e in country.payload):
                start = i + 1
        if start is None or start >= len(doc):
            continue
        end = name_run(doc, start)
        if end == start or any(
            hits.covering(label, j)
            for j in range(start, end)
            for label in (
                *("PERSON", "TITLE", "ORG", "GOV_NOUN", "ORG_NOUN"),
                *("PLACE_DESIGNATOR", "COUNTRY_ADJ"),
            )
        ):
            continue
        if all(hits.covering("PLACE", j) for j in range(start, end)) or is_first_name(
            doc[start].text
        ):
            continue
        out.append(
            (
                P_ORG - 2,
                Mention(start, end, ORGANIZATION, COMPANY, source=Source.CUE),
            )
        )
    return out


def _latin_name_token(token: Token) -> bool:
    text = token.text
    return (
        not is_cyrillic(text)
        and (is_capitalised(token) or text in ("-", "&"))
        and (text[:1].isalpha() or text in ("-", "&"))
    )


def acronyms(doc: Doc, chosen: list[Mention]) -> list[Mention]:
    """ "Tajik Aluminium Company (TALCO)", "China National ... Corporation (Sinomach)": a short
    name in parentheses right after an organization's is another name of it."""
    used = taken(chosen)
    out = []
    for mention in chosen:
        if mention.type != ORGANIZATION or mention.end + 2 >= len(doc):
            continue
        opening, short, closing = doc[mention.end : mention.end + 3]
        if (
            opening.text == "("
            and closing.text == ")"
            and short.i not in used
            and is_capitalised(short)
            and short.is_alpha
            and len(short.text) <= 12
        ):
            acronym = Mention(
                short.i,
                short.i + 1,
                ORGANIZATION,
                mention.subtype,
                source=Source.ACRONYM,
                features=CUED,
            )
            acronym.features = replace(acronym.features, alias_of=(mention.start, mention.end))
            out.append(acronym)
    return out


def _quoted(lex: Lexicon, doc: Doc, hits: Hits) -> list[Candidate]:
    out = []
    for i, text in enumerate(texts(doc)):
        if text not in OPEN_QUOTES:
            continue
        close = closing_quote(doc, i)
        if close is None or close - i < 2:
            continue
        inner = doc[i + 1 : close]
        legal = _legal_form_before(hits, i)
        if not (name_like_span(inner) or (legal and _sentence_case_name(inner))):
            continue
        cue = legal or (
            _org_cue_before(lex, doc, hits, i)
            or any(hits.covering("ORG_SUFFIX", j) for j in range(i + 1, close))
            or _org_noun_after(hits, close)
        )
        if cue or (len(inner) <= 3 and (inner.text.isupper() or latin_in_cyrillic(inner))):
            subtype = MEDIA if _media_cue_before(doc, hits, i) else COMPANY
            out.append(
                (
                    P_QUOTED,
                    Mention(
                        i + 1,
                        close,
                        ORGANIZATION,
                        subtype,
                        source=Source.QUOTED,
                        features=QUOTED_NAME,
                    ),
                )
            )
    return out


def _legal_form_before(hits: Hits, index: int) -> bool:
    """A legal form right before the quote ("ОАО «…»", "акционерного общества «…»"): what
    the quotes hold is the company's name, whatever its words."""
    return bool(hits.ending("ORG_PREFIX", index) or hits.ending("ORG_SUFFIX", index))


def _sentence_case_name(span: Span) -> bool:
    """A name written as a phrase, its first word capitalised ("Кара-Балтинский горнорудный
    комбинат", "Ургенчский экскаваторный завод")."""
    return span[0].text[:1].isupper() and len(span) <= 8


def _company_office_ending(hits: Hits, index: int) -> bool:
    """ "председатель правления «Узкимёсаноат»": an office held in a company before a quoted
    name makes the name that company."""
    title = hits.ending("TITLE", index)
    return title is not None and title.payload.held_in_company


def _org_cue_before(lex: Lexicon, doc: Doc, hits: Hits, index: int) -> bool:
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
            or noun_suffix(lex, previous)
            or hits.ending("PLANT_WORD", j)
            or _company_office_ending(hits, j)
        ):
            return True
        skippable = previous.lower_ in lex.pack.words.articles or previous.lower_ in (
            lex.pack.words.of_preposition | lex.pack.words.with_
        )
        if not skippable and not (previous.is_alpha and previous.is_lower):
            return False
        j -= 1
    return False


def _org_noun_after(hits: Hits, close: int) -> bool:
    """ "the “UzXCMG” joint venture", "die “Merrymed Farm” GmbH": the company noun or the
    legal form after the quote."""
    return bool(hits.starting("ORG_NOUN", close + 1) or hits.starting("ORG_SUFFIX", close + 1))


def _media_cue_before(doc: Doc, hits: Hits, index: int) -> bool:
    return any(hits.ending("MEDIA_NOUN", j) for j in range(max(0, index - 2), index + 1))


def noun_suffix(lex: Lexicon, token: Token) -> bool:
    """German compounds ending in a company noun ("Maschinenbaufirma", "Agrarunternehmen")."""
    return _compound_company_noun(lex.lang, token.lower_)


@lru_cache(maxsize=65536)
def _compound_company_noun(lang: str, lower: str) -> bool:
    """noun_suffix of one word: asked of every token, so answered once per word."""
    return pack(lang).has(Feature.NOUN_COMPOUNDS) and any(
        lower.endswith(s) and len(lower) > len(s) + 2 for s in word_classes(lang).org_noun_suffixes
    )


def _cue_word(lex: Lexicon, doc: Doc, hits: Hits, index: int) -> bool:
    """A company noun or an office, which introduces a name and is not part of it."""
    return bool(
        hits.covering("ORG_NOUN", index)
        or hits.covering("TITLE", index)
        or noun_suffix(lex, doc[index])
    )


def _before_legal_form(lex: Lexicon, doc: Doc, hits: Hits) -> list[Candidate]:
    """ "Zhongwang Group", "Claas KGaA", "UzAuto Motors": a name run ending in a legal form."""
    out = []
    for hit in hits.get("ORG_SUFFIX"):
        # the last word ("Co ." where the tokenizer cuts the point off)
        alpha = [i for i in range(hit.start, hit.end) if doc[i].is_alpha] or [hit.end - 1]
        last = doc[alpha[-1]]
        if not (is_capitalised(last) or last.text.isupper()):
            continue
        if (
            hit.end < len(doc)
            and hits.starting("PLANT_WORD", hit.end)
            and is_capitalised(doc[hit.end])
        ):
            continue  # "Samarkand Automobile Plant" is a plant's name
        start, words = hit.start, 0
        while start > 0 and words < MAX_NAME_TOKENS:
            if _bracketed_designator(doc, hits, start):
                start -= 3  # "Xinjiang Lihua (Group) Co. Ltd.": the bracket is in the name
                continue  # and no word of its own
            words += 1
            if (
                org_name_token(doc[start - 1])
                and not _cue_word(lex, doc, hits, start - 1)
                and not _describing_country(lex, doc, hits, start - 1)
            ):
                start -= 1  # "der Firma Kant Cement": the name starts after the company noun
            else:
                break
        if all(hits.covering("ORG_PREFIX", j) for j in range(start, hit.end)):
            continue  # "Closed Joint-Stock Company «X»": a legal form in words, the name follows
        unlinked = start
        start = _linked_name_start(lex, doc, hits, start, hit.start)
        if (
            start == hit.start
            or _goods_made_in_place(doc, hits, start, hit.end)
            or _portfolio_of_office(doc, start, hit.end)
            or _portfolio_of_office(doc, unlinked, hit.end)
        ):
            continue
        if start > 0 and doc[start - 1].is_sent_start and hits.covering("PLACE", start - 1):
            start -= 1  # "China National Machinery Industry Corporation" opening a sentence
        end = _legal_form_tail(lex, doc, hits, hit.end)
        if doc[end - 1].text == "." and end - 1 > hit.start:
            end -= 1  # "Inc ." at a sentence's end: the point is the sentence's
        place = hits.starting("PLACE", end + 1) if end + 1 < len(doc) else None
        if (
            doc[hit.start].lower_ in lex.pack.words.of_place_heads
            and place is not None  # (so "of" at `end` exists: a text may end with the name)
            and doc[end].lower_ == "of"
            and any(e.subtype == COUNTRY for e in place.payload)
        ):
            end = place.end  # "Development Bank of Kazakhstan": the country is in the name
        out.append(
            (
                P_ORG + 5 if start < unlinked else P_ORG,  # the whole name over its pieces
                Mention(
                    start,
                    end,
                    ORGANIZATION,
                    COMPANY,
                    source=Source.SUFFIX,
                    features=CUED,
                ),
            )
        )
    return out


def _describing_country(lex: Lexicon, doc: Doc, hits: Hits, index: int) -> bool:
    """ "Turkish Rönesans Holding", "Swiss Stadler Rail AG": a country adjective before a
    proper name says where the company is from; before a word of a company's kind, or after
    an article, it opens the name ("Kyrgyz Glass", "the Tajik Aluminium Company")."""
    if not hits.covering("COUNTRY_ADJ", index) or hits.covering("ORG_SUFFIX", index + 1):
        return False
    return index == 0 or doc[index - 1].lower_ not in lex.pack.words.articles


def _linked_name_start(lex: Lexicon, doc: Doc, hits: Hits, start: int, suffix: int) -> int:
    """A long official name goes on before "and" or "of" with one word after it ("Foreign
    Engineering and Construction Co.", "Artel Engineering and Management LTD") or before a
    possessive ending ("China Nonferrous Metal Industry's Foreign Engineering ...") while the
    word before the link is a name word of no other name (no place, known organization,
    person, body, plant, office, company noun or legal form: "X AG und Holding Y" are two); a
    country may open such a name ("China Nonferrous ...")."""
    fw = lex.pack.words
    tail = suffix  # where the words after the last link end
    linked = False
    while 2 <= start < len(doc):
        link, before = doc[start - 1], doc[start - 2]
        possessive = link.lower_ in fw.possessive_clitic
        if tail == start or (
            not possessive
            and (link.lower_ not in fw.name_links or not _one_part(doc, fw, start, tail))
        ):
            break  # "the Period of Industrial Development": no name word before the suffix
        if not _plain_name_word(lex, doc, hits, start - 2, "ORG", "PLANT_WORD") or (
            before.lower_ in fw.legal_forms
        ):
            break
        if link.lower_ in fw.and_ and not (
            before.lower_ in fw.name_fields and doc[start].lower_ in fw.name_fields
        ):
            break  # "Uzhimprom und Poly Technologies Inc.": two companies listed, not one name
        first = start - 2
        while (
            first > 0
            and suffix - first < MAX_NAME_TOKENS + 6
            and _plain_name_word(lex, doc, hits, first - 1)
        ):
            first -= 1
        tail, start, linked = start - 1, first, True
    country = hits.ending("PLACE", start)
    if linked and country is not None and any(e.subtype == COUNTRY for e in country.payload):
        start = country.start
    return start


def _one_part(doc: Doc, fw: FunctionWords, start: int, tail: int) -> bool:
    """The words after a link are one part of a long name: one word, or fields of activity
    only ("ve Dis Ticaret A.S.")."""
    return tail - start == 1 or all(doc[i].lower_ in fw.name_fields for i in range(start, tail))


def _plain_name_word(lex: Lexicon, doc: Doc, hits: Hits, index: int, *others: str) -> bool:
    return (
        org_name_token(doc[index])
        and not _cue_word(lex, doc, hits, index)
        and not any(hits.covering(kind, index) for kind in ("PLACE", "PERSON", "GOV_NOUN", *others))
    )


def _bracketed_designator(doc: Doc, hits: Hits, start: int) -> bool:
    """ "(Group)" just before `start`, after a name word: a designator the company writes in
    brackets inside its name."""
    return (
        start >= 4
        and doc[start - 1].text == ")"
        and doc[start - 3].text == "("
        and bool(hits.covering("ORG_SUFFIX", start - 2))
        and org_name_token(doc[start - 4])
    )


def _legal_form_tail(lex: Lexicon, doc: Doc, hits: Hits, end: int) -> int:
    """Where a name ends that goes on in further legal forms: "Construction Co., Ltd.",
    "Investment Holding Limited", "Walldorf GmbH & Co. KG", "Petrokimya Ltd. Sti.", "Yatirim ve
    Dis Ticaret A.S." (a comma or "&" may stand between two of them)."""
    legal = lex.pack.words.legal_forms
    while end < len(doc):
        at = end + 1 if doc[end].text in (",", "&") else end
        if at >= len(doc) or not (is_capitalised(doc[at]) or doc[at].text.isupper()):
            break
        form = hits.starting("ORG_SUFFIX", at)
        if form is not None and form.end - form.start > 1:
            end = form.end  # "A. S.", "Anonim Şirketi", "Co. Ltd"
        elif doc[at].lower_.rstrip(".") in legal:
            end = at + 1
        else:
            break
    return end


def _portfolio_of_office(doc: Doc, start: int, end: int) -> bool:
    """ "Minister of Industry and New Technologies": a portfolio after "of" or "and" ends in a
    company word ("Technologies") and still names what a ministry is in charge of."""
    found = portfolio_at(doc, start)
    return (
        found is not None
        and found[0] == end
        and start > 0
        and (
            doc[start - 1].lower_ in words_of(doc.lang_).portfolio_lead
            or doc[start - 1].text == ","
        )
    )


def _english_plural(lex: Lexicon, noun: Token) -> bool:
    """ "companies", "firms", "carmakers": an English company noun in the plural."""
    lower = noun.lower_
    return lex.pack.has(Feature.PLURAL_S) and lower.endswith("s") and not lower.endswith("ss")


def _goods_made_in_place(doc: Doc, hits: Hits, start: int, end: int) -> bool:
    """ "das seit 2007 in Pawlodar Aluminium herstellt": in German a place after "in" and one
    capitalised noun that is also a company word ("Aluminium", "Gold") is where goods are made,
    not a company "Pawlodar Aluminium"."""
    return (
        pack(doc.lang_).has(Feature.CAPITALISED_NOUNS)
        and start > 0
        and doc[start - 1].lower_ in words_of(doc.lang_).locative
        and end - start == 2
        and hits.covering("PLACE", start) is not None
        and doc[end - 1].is_title
    )


def _holder_after_seat(doc: Doc, hits: Hits, noun: Hit | None, start: int, end: int) -> bool:
    """An office right before the noun ("Директор завода", "head of the company", "Direktor
    des Unternehmens") makes a person's name after it the office holder's: one shaped as a
    person's, or, in Cyrillic text, two plain Cyrillic capitalised words that name no company
    ("Гендиректор компании Саваш Шахин", "Глава компании Лина Тайкен": a company's name there
    is quoted, carries a company word or is written in Latin; in German or English "Leiter
    des Unternehmens Concrete Canvas" names the company)."""
    if noun is None:
        return False
    fw = words_of(doc.lang_)
    between = fw.articles | fw.genitive_link  # "Direktor des Unternehmens"
    seat_end = noun.start
    while seat_end > 0 and doc[seat_end - 1].lower_ in between:
        seat_end -= 1
    if hits.ending("TITLE", seat_end) is None:
        return False
    return _person_like(doc, start, end) or _plain_two_word_name(doc, hits, start, end)


def _plain_two_word_name(doc: Doc, hits: Hits, start: int, end: int) -> bool:
    words = doc[start:end]
    return (
        end - start == 2
        and pack(doc.lang_).has(Feature.CYRILLIC_SCRIPT)
        and all(t.is_alpha and t.is_title and is_cyrillic(t.text) for t in words)
        and not any(
            hits.covering(label, j)
            for j in range(start, end)
            for label in ("ORG_SUFFIX", "ORG_NOUN", "ORG_PREFIX", "PLACE")
        )
    )


def _person_like(doc: Doc, start: int, end: int) -> bool:
    """A run that reads as a person's name: a known first name, or a word shaped as a surname."""
    return is_first_name(doc[start].text) or any(looks_like_surname(t.text) for t in doc[start:end])


def _closes_a_name(doc: Doc, hits: Hits, noun: Hit) -> bool:
    """A capitalised company word after a capitalised name word ends that name ("Baiterek
    National Holding"); it introduces none. A country adjective before it ("Chinese Company
    X") and the sentence's first word are not names."""
    before = noun.start - 1
    return (
        before >= 0
        and not doc[before].is_sent_start
        and doc[noun.start].is_title
        and is_name_token(doc[before])
        and hits.covering("ORG_SUFFIX", noun.start) is not None
        and not any(hits.covering(label, before) for label in ("COUNTRY_ADJ", "PLACE"))
    )


def _after_company_noun(lex: Lexicon, doc: Doc, hits: Hits) -> list[Candidate]:
    """ "Firma Horsch", "компания X", "carmaker X"; in English also "X carpet factory"."""
    out = []
    nouns = [(h.end, h) for h in hits.get("ORG_NOUN")] + [
        (i + 1, None)
        for i, lower in enumerate(lowers(doc))
        if _compound_company_noun(lex.lang, lower)
    ]
    for end, hit in nouns:
        if hit and _closes_a_name(doc, hits, hit):
            continue  # "Baiterek National Holding Kuandyk Bishimbayev": the holder follows
        run_end = name_run(doc, end)
        if run_end > end and (
            any(
                hits.covering(label, j)
                for j in range(end, run_end)
                for label in ("PERSON", "TITLE")
                # "bus maker King Long": a capitalised title word opening the name is part
                # of it (persons.py reads it so too)
                if not (label == "TITLE" and j == end and doc[j].is_title and run_end > end + 1)
            )
            or all(hits.covering("PLACE", j) for j in range(end, run_end))
        ):
            run_end = end  # "die Unternehmensleitung Karshi": a place, not the name
        if run_end > end and all(hits.covering("ORG_PREFIX", j) for j in range(end, run_end)):
            continue  # "предприятие ООО «X»": the legal form; the quoted name follows
        if run_end > end and _holder_after_seat(doc, hits, hit, end, run_end):
            continue  # "Директор завода Илгиз Асанов": the director, not a company
        if run_end > end:
            mention = Mention(
                end,
                run_end,
                ORGANIZATION,
                COMPANY,
                source=Source.NOUN,
                features=CUED,
            )
            mention.features = replace(mention.features, noun=doc[end - 1].lower_)
            out.append((P_ORG - 1, mention))
        elif end < len(doc) and doc[end].text in OPEN_QUOTES:
            continue  # "компании «Андижанкабель»": the quoted name is the company
        elif _site_making_goods(doc, hits, end):
            continue  # "совместного предприятия по выпуску перекиси": a plant, named by goods
        elif _english_plural(lex, doc[end - 1]):
            continue  # "to Tajik construction companies": several, none of them named before
        else:
            start = hit.start if hit else end - 1
            mention = Mention(
                start,
                end,
                ORGANIZATION,
                COMPANY,
                weak=True,
                role="company",
                source=Source.ROLE,
                features=REFERENCE,
            )
            out.append((P_WEAK, mention))
    if lex.pack.has(Feature.NOUN_ADJUNCTS):
        out += _english_name_before_noun(doc, hits)
    return out


def _russian_descriptive_name(lex: Lexicon, doc: Doc, hits: Hits) -> list[Candidate]:
    """ "Таджикской алюминиевой компании", "Узбекской национальной корпорации": adjectives,
    the first capitalised inside a sentence, then a company noun, with no name after it (that
    would make them a description: "Китайская компания Haier"). Russian capitalises only the
    first word of such a name; its canonical name is the nominative, transliterated."""
    if not lex.pack.has(Feature.CASE_MORPHOLOGY):
        return []
    fw = lex.pack.words
    out = []
    for hit in hits.get("ORG_NOUN"):
        head = doc[hit.end - 1]
        if hit.end - hit.start != 1 or not fw.name_head_nouns.matches(head.lower_):
            continue
        start = hit.start
        while start > 0 and fw.adjective_endings.ends(doc[start - 1].lower_):
            start -= 1
            if doc[start].is_title:
                break  # the capitalised first word opens the name
        first = doc[start]
        if start == hit.start or not first.is_title or first.is_sent_start:
            continue
        following = doc[hit.end] if hit.end < len(doc) else None
        if following is not None and (
            following.text in OPEN_QUOTES or (following.is_title and not following.is_sent_start)
        ):
            continue  # "китайская компания «Хайер»": a description of the name after it
        name = to_latin(_nominative(doc[start : hit.end].text.split()))
        mention = Mention(
            start,
            hit.end,
            ORGANIZATION,
            COMPANY,
            name=name,
            source=Source.NAMED,
            features=CUED,
        )
        mention.key = "org:" + name.lower()
        out.append((P_ORG, mention))
    return out


def _nominative(words: list[str]) -> str:
    """ "Таджикской алюминиевой компании" -> "Таджикская алюминиевая компания"."""
    out: list[str] = []
    for word in words:
        parses = [p for p in russian_morphology().parse(word.lower()) if p.tag.number != "plur"]
        form = parses[0].inflect({"nomn", "sing"}) if parses else None
        text = form.word if form is not None else word.lower()
        out.append(text.capitalize() if not out else text)
    return " ".join(out)


def _english_name_before_noun(doc: Doc, hits: Hits) -> list[Candidate]:
    out = []
    fw = words_of(doc.lang_)
    strong = [h for h in hits.get("PLANT_WORD") if h.payload == "strong"]
    heads = hits.get("ORG_NOUN") + strong
    for head in heads:
        if is_capitalised(doc[head.start]):
            continue  # "Samarkand Automobile Plant" is the name of the plant itself
        j = head.start
        modifiers = 0
        while j > 0 and doc[j - 1].is_lower and doc[j - 1].is_alpha and modifiers < 3:
            if doc[j - 1].lower_ in fw.linking or doc[j - 1].lower_ in fw.articles:
                break
            j -= 1
            modifiers += 1
        end = j
        if j > 0 and doc[j - 1].text == "-" and doc[j].lower_ in fw.based:
            continue  # "the Warsaw-based group": a place, the company's home
        start = end
        while start > 0 and end - start < MAX_NAME_TOKENS and org_name_token(doc[start - 1]):
            start -= 1
        if all(hits.covering("COUNTRY_ADJ", j) or doc[j].text == "-" for j in range(start, end)):
            continue  # "Uzbek-German JV" names no company
        if end - start == 1 and (hits.covering("PLACE", start) or _short_acronym(doc[start])):
            continue  # "Kostanay engine plant", "PVC plant": a place or a product, no company
        opens_sentence = sentence_of(doc, start).start == start if start < end else True
        if end - start > 1 or (start < end and not opens_sentence):
            # "MAN Auto - Uzbekistan joint venture": the whole run beats the known "MAN"
            priority = P_ORG + 3 if end - start > 1 else P_ORG - 2
            mention = Mention(
                start,
                end,
                ORGANIZATION,
                COMPANY,
                source=Source.NAME_NOUN,
                features=NAME_BEFORE_NOUN,
            )
            out.append((priority, mention))
    return out


def _site_making_goods(doc: Doc, hits: Hits, end: int) -> bool:
    """An unnamed company noun that is also a plant noun, followed by what it makes ("joint
    venture for the production of", "предприятия по выпуску"): the site, not a company."""
    window = doc[end : min(len(doc), end + 3)]
    production = words_of(doc.lang_).production
    return is_plant_word(doc[end - 1], hits) and any(production.matches(t.lower_) for t in window)


def _short_acronym(token: Token) -> bool:
    """ "PVC", "LNG", "GTL": three capitals before a plant noun name its product."""
    return token.text.isupper() and len(token.text) <= 3


def _called(doc: Doc) -> list[Candidate]:
    """ "a joint venture called General Motors Uzbekistan", "под названием X"."""
    out = []
    naming = words_of(doc.lang_).naming
    for i, lower in enumerate(lowers(doc)[:-1]):
        if lower in naming:
            end = name_run(doc, i + 1)
            if end > i + 1:
                mention = Mention(
                    i + 1,
                    end,
                    ORGANIZATION,
                    COMPANY,
                    source=Source.NAMED,
                    features=CUED,
                )
                out.append((P_QUOTED + 1, mention))
    return out


# the longest acronym a name spelled out before it may have ("Kazakhstan Temir Zholy (KTZ)")
MAX_ACRONYM = 6


def _spelled_out_acronym(doc: Doc, hits: Hits) -> list[Candidate]:
    """ "Kazakhstan Temir Zholy (KTZ)", "Manufacturing Commercial Vehicles (MCV)", "Eurasian
    Resources Group (ERG)": capitalised words whose initials are the acronym in parentheses
    after them are an organization's name (its acronym is its alias, see `acronyms`); a place
    so written ("Alatau Special Economic Zone (SEZ)") is no company, nor is a person or office."""
    out = []
    links = words_of(doc.lang_).name_links
    words = texts(doc)  # strings: a Token per position for every document is costly
    for i in range(2, len(doc) - 2):
        if not (words[i - 1] == "(" and words[i + 1] == ")"):
            continue
        short = doc[i]
        if not (short.is_alpha and short.text.isupper() and 2 <= len(short) <= MAX_ACRONYM):
            continue
        start = _initials_start(doc, i - 1, short.text, links)
        if start is None or any(
            hits.covering(label, j)
            for j in range(start, i - 1)
            for label in ("PERSON", "TITLE", "PLACE_DESIGNATOR", "SITE_WORD", "GOV_NOUN")
        ):
            continue
        out.append(
            (
                P_ORG + 1,
                Mention(start, i - 1, ORGANIZATION, COMPANY, source=Source.SUFFIX, features=CUED),
            )
        )
    return out


def _initials_start(doc: Doc, end: int, acronym: str, links: WordSet) -> int | None:
    """Where the words before `end` begin whose initials spell the acronym (little linking
    words such as "of" and "and" skipped), or None."""
    letters = list(acronym)
    j = end
    while letters and j > 0:
        token = doc[j - 1]
        if token.lower_ in links and j < end:
            if token.text[0].upper() == letters[-1]:
                letters.pop()  # "Bank of China (BOC)"
            j -= 1
            continue
        if not (is_capitalised(token) and token.text[0].upper() == letters[-1]):
            return None
        letters.pop()
        j -= 1
    return j if not letters and end - j >= 2 else None


# the organization rules, by the name the pipeline config lists them under (mentions.py)
ORGANIZATION_RULES: dict[str, CandidateRule] = {
    "known_organizations": lambda lex, doc, hits: known(doc, hits),
    "known_widened": _known_widened,
    "owner_after_plant_noun": lambda lex, doc, hits: _owner_after_plant_noun(doc, hits),
    "latin_in_russian": lambda lex, doc, hits: _latin_in_russian(doc, hits),
    "partners_together": lambda lex, doc, hits: _partners_together(doc, hits),
    "after_cue_phrase": lambda lex, doc, hits: _after_cue_phrase(doc, hits),
    "quoted": _quoted,
    "before_legal_form": _before_legal_form,
    "after_company_noun": _after_company_noun,
    "russian_descriptive_name": _russian_descriptive_name,
    "mention_patterns": lambda lex, doc, hits: pattern_candidates(lex, doc),
    "called": lambda lex, doc, hits: _called(doc),
    "english_office_holders_company": lambda lex, doc, hits: _english_office_holders_company(
        doc, hits
    ),
    "german_name_hyphen_noun": lambda lex, doc, hits: _german_name_hyphen_noun(doc, hits),
    "english_subject_of_company_verb": lambda lex, doc, hits: _english_subject_of_company_verb(
        doc, hits
    ),
    "listed_with_company": lambda lex, doc, hits: _listed_with_company(doc, hits),
    "spelled_out_acronym": lambda lex, doc, hits: _spelled_out_acronym(doc, hits),
}
