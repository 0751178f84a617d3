"""People: a title followed by a name, with the office's complement in between ("Hokim of
Jizzakh region Ergash Soliyev", "der Geschäftsführer der Knauf Gruppe, Uwe Knocer", "президент
Hyundai Motor по грузовым автомобилям Ли Ин Чеол"); a title without a name (a role reference,
or the described leader of a delegation); otherwise a run of capitalised words that starts
with a known given name or an initial, or holds a regional family-name ending."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from loaders.extraction.candidates import P_PERSON, Candidate, Lexicon
from loaders.extraction.gazetteer import CENTRAL_ASIA
from loaders.extraction.kinds import COUNTRY, ORGANIZATION, PERSON
from loaders.extraction.lexicon import Title
from loaders.extraction.matching import Hit, Hits
from loaders.extraction.model import REFERENCE, Mention, Source
from loaders.extraction.names import (
    MAX_NAME_TOKENS,
    closing_quote,
    from_first_name,
    name_runs,
    person_run_end,
    skip_parenthesis,
)
from loaders.extraction.packs import Feature, FunctionWords, words_of
from loaders.extraction.portfolios import portfolio_at, portfolio_in_compound
from loaders.extraction.tokens import (
    OPEN_QUOTES,
    is_cyrillic,
    is_first_name,
    is_initial,
    is_name_token,
    is_trigger_word,
    looks_like_surname,
    sentence_of,
    writes_cyrillic,
)


def person_candidates(lex: Lexicon, doc: Doc, hits: Hits, chosen: list[Mention]) -> list[Candidate]:
    blocked = {
        i
        for m in chosen
        if m.type != ORGANIZATION or not m.features.known
        for i in range(m.start, m.end)
        if m.type != PERSON
    }
    for label in ("PLACE_DESIGNATOR", "ORG_NOUN", "GOV_NOUN", "TITLE", "PLANT_WORD"):
        blocked.update(i for h in hits.get(label) for i in range(h.start, h.end))
    out: list[Candidate] = []
    used: set[int] = set()
    # blocked | used, kept up to date beside `used` (a fresh union per title was quadratic)
    closed = set(blocked)
    known = _known_people(chosen)
    for hit in sorted(hits.get("TITLE"), key=lambda h: (h.start, -h.end)):
        if hit.start in used or _names_a_company(doc, hits, hit):
            continue
        mention = _titled_person(lex, doc, hits, hit, closed)
        used.update(range(hit.start, hit.end))
        closed.update(range(hit.start, hit.end))
        if mention is not None:
            _adopt_known(mention, chosen, known)
            used.update(range(mention.start, mention.end))
            closed.update(range(mention.start, mention.end))
            out.append((P_PERSON + 6, mention))
    for start, end in name_runs(doc, closed):
        start = from_first_name(doc, start, end)
        if _is_person_run(doc, start, end):
            out.append((P_PERSON, Mention(start, end, PERSON, None, source=Source.NAME)))
    return out


def _titled_person(
    lex: Lexicon, doc: Doc, hits: Hits, hit: Hit, blocked: set[int]
) -> Mention | None:
    named = _named_after_title(lex, doc, hits, hit, blocked)
    if named is not None and not named.weak:
        return named  # "President of Tajikistan Emomali Rahmon"
    appositive = _appositive_name(lex, doc, hit, blocked)
    if appositive is not None:  # "Andrey Lavrentyev, chairman of Allur Group"
        return _appositive_officer(doc, appositive, hit.payload, hit)
    return named


def _named_after_title(
    lex: Lexicon, doc: Doc, hits: Hits, hit: Hit, blocked: set[int]
) -> Mention | None:
    title: Title = hit.payload
    sentence_end = sentence_of(doc, hit.start).end
    i, lowercase = hit.end, 0
    complement = False  # a seat or a portfolio stood between the title and here
    portfolios: list[str] = []  # "Minister of Industry and Construction": its ministry's
    while i < min(sentence_end, hit.end + 16):
        token = doc[i]
        if token.text == "(":
            i = skip_parenthesis(doc, i)
            continue
        legal_form = hits.starting("ORG_PREFIX", i)
        if legal_form is not None:
            i = legal_form.end  # "председатель правления АО НК «КазМунайГаз»": the seat's form
            complement = True
            continue
        known_org = hits.covering("ORG", i)
        if known_org is not None and not is_first_name(token.text):
            i = known_org.end  # "президент Evergreen Motors ... Ким Чанг Кён": the seat
            complement = True
            continue
        company_noun = hits.starting("ORG_NOUN", i)
        if company_noun is not None and token.is_lower:
            i = company_noun.end  # "Гендиректор компании Саваш Шахин": the seat, unnamed
            complement = True
            continue
        portfolio = portfolio_at(doc, i)
        if portfolio is not None and not is_first_name(token.text):
            i = portfolio[0]  # "Minister of Industry and Construction Kanat Sharlapayev"
            portfolios.append(portfolio[1].english)
            complement = True
            continue
        if _place_starts_name(doc, hits, i, blocked):
            # "председателем BYD Ван Чуаньфу": "Ван" is a town in Turkey, here a name
            return _person(doc, i, person_run_end(doc, i + 1, blocked), title, hit)
        if i in blocked and is_name_token(token):
            complement = True  # a place or a company named as the office's seat
        if i not in blocked and (is_name_token(token) or is_initial(token)):
            run_end = person_run_end(doc, i, blocked)
            body = _body_noun_after(hits, run_end)
            if body is not None:  # "Глава Национального агентства ...": the seat's name
                i, complement = body, True
                continue
            i = from_first_name(doc, i, run_end)
            adjacent = i == hit.end or (
                doc[i - 1].text == "," and (run_end - i > 1 or looks_like_surname(doc[i].text))
            )
            if (
                _is_person_run(doc, i, run_end)
                or adjacent
                or (complement and _closes_name(doc, i, run_end, hits))
            ):
                person = _person(doc, i, run_end, title, hit)
                compound = portfolio_in_compound(lex.lang, doc[hit.start].text)
                portfolios += [compound.english] if compound and title.role == "minister" else []
                if portfolios:
                    person.features = replace(person.features, portfolios=tuple(portfolios))
                return person
            i = run_end
            continue
        if token.text in OPEN_QUOTES and i + 1 in blocked:
            close = closing_quote(doc, i)  # "председатель правления «Узкимёсаноат» Ш. Х."
            if close is not None:
                i, complement = close + 1, True
                continue
        if token.text in ".;:!?" or (token.text in OPEN_QUOTES and i == hit.end):
            break
        if i > hit.end and (
            hits.starting("TITLE", i)
            or (token.is_lower and is_trigger_word(lex.lang, token.lower_))
        ):
            break  # "the President met with German Chancellor Olaf Scholz": not his name
        fw = lex.pack.words
        if token.is_lower and token.lower_ not in fw.linking and token.lower_ not in fw.articles:
            lowercase += 1
            if lowercase > 3:
                break
        i += 1
    return _unnamed_officer(lex, doc, hit, title)


def _body_noun_after(hits: Hits, end: int) -> int | None:
    """Where a body noun that follows capitalised words ends ("Национального агентства",
    "State Committee"): the words were the body's name, not its holder's."""
    for label in ("GOV_NOUN", "ORG_NOUN"):
        noun = hits.starting(label, end)
        if noun is not None:
            return noun.end
    return None


def _names_a_company(doc: Doc, hits: Hits, hit: Hit) -> bool:
    """ "Chinese bus maker King Long": a capitalised title word right after a company noun
    starts the company's name (not "the company president Ali Valiyev")."""
    token = doc[hit.start]
    return (
        token.is_title
        and not token.is_sent_start
        and any(h.end == hit.start for h in hits.get("ORG_NOUN"))
    )


def _closes_name(doc: Doc, start: int, end: int, hits: Hits) -> bool:
    """ "председатель города Душанбе Рустами Эмомали": after the office's seat, two or three
    capitalised words that end the phrase are the holder's name (whatever the names are)."""
    if not 2 <= end - start <= 3:
        return False
    if any(hits.covering("ORG_SUFFIX", j) for j in range(start, end)):
        return False  # "... Daewoo Bus": a company, not a person
    following = doc[end] if end < len(doc) else None
    return following is None or following.is_punct or following.is_lower


def _place_starts_name(doc: Doc, hits: Hits, i: int, blocked: set[int]) -> bool:
    place = hits.covering("PLACE", i)
    if place is None or place.end - place.start != 1 or i + 1 >= len(doc):
        return False
    fw = words_of(doc.lang_)
    if i > 0 and doc[i - 1].lower_ in fw.genitive_link | fw.of_preposition:
        return False  # "Ambassador of Japan Hatori Takashi": the office's country
    if any(entry.subtype == COUNTRY for entry in place.payload):
        return False  # "посла Японии Хатори Такаси": a country starts no one's name
    far = all(e.country not in CENTRAL_ASIA for e in place.payload)
    following = doc[i + 1]
    same_script = is_cyrillic(doc[i].text) == writes_cyrillic(doc)
    return (
        far
        and same_script  # "Kastamonu" in a Russian text is a company's name, no person's
        and is_name_token(following)
        and i + 1 not in blocked
        and hits.covering("PLACE", i + 1) is None
    )


# how many name tokens a name in apposition before its office may have ("Andrey Lavrentyev")
APPOSITIVE_NAME = 4


def _appositive_name(lex: Lexicon, doc: Doc, hit: Hit, blocked: set[int]) -> tuple[int, int] | None:
    """The name an office stands in apposition to: "Andrey Lavrentyev, chairman of Allur
    Group", "Li Yantao, Gründer der Wanlin Group", "Serik Shapkenov, der Akim der Region
    Atyrau". The span of the name before the comma (and an article), when no name of its own
    follows the office ("Mirziyoyev, President Rahmon ..." names two people)."""
    after = hit.end
    if after < len(doc) and after not in blocked and is_name_token(doc[after]):
        return None
    comma = hit.start - 1
    if comma >= 0 and doc[comma].lower_ in lex.pack.words.articles:
        comma -= 1
    if comma < 1 or doc[comma].text != ",":
        return None
    start = comma
    while (
        start > 0
        and comma - start < APPOSITIVE_NAME
        and start - 1 not in blocked
        and (is_name_token(doc[start - 1]) or is_initial(doc[start - 1]))
    ):
        start -= 1
    start = from_first_name(doc, start, comma)
    if _is_person_run(doc, start, comma) or _name_before_seated_office(lex, doc, start, comma, hit):
        return (start, comma)
    return None


def _name_before_seated_office(lex: Lexicon, doc: Doc, start: int, end: int, hit: Hit) -> bool:
    """ "Jiang Yi, der Vorsitzende der China Huadian Corporation": two or three plain
    capitalised words in apposition to an office of some body are the holder's name, though
    no given name or family-name ending is known for them."""
    words = lex.pack.words
    return (
        2 <= end - start <= 3
        and all(t.is_alpha and t.is_title for t in doc[start:end])
        and hit.end < len(doc)
        and (doc[hit.end].lower_ in words.linking or doc[hit.end].lower_ in words.articles)
    )


def _appositive_officer(doc: Doc, name: tuple[int, int], title: Title, hit: Hit) -> Mention:
    """The named officer, the office's portfolio read as part of its title ("Nematullo
    Hikmatullozoda, Minister of Industry of Tajikistan"): the seat is read after it."""
    person = _person(doc, name[0], name[1], title, hit)
    start = hit.end
    if start < len(doc) and doc[start].lower_ in words_of(doc.lang_).linking:
        start += 1  # "Minister of Economic Development"
    portfolio = portfolio_at(doc, start) if start < len(doc) else None
    if portfolio is not None and title.role == "minister":
        person.features = replace(
            person.features,
            portfolios=(portfolio[1].english,),
            title_span=(hit.start, portfolio[0]),
        )
    return person


def _person(doc: Doc, start: int, end: int, title: Title, hit: Hit) -> Mention:
    mention = Mention(start, end, PERSON, title.subtype, source=Source.TITLE)
    mention.title, mention.title_text = title, doc[hit.start : hit.end].text
    mention.features = replace(mention.features, title_span=(hit.start, hit.end))
    return mention


def _unnamed_officer(lex: Lexicon, doc: Doc, hit: Hit, title: Title) -> Mention:
    """A title without a name: a role reference ("das Staatsoberhaupt"), or the described
    leader of a delegation ("unter der Leitung des Bürgermeisters der Region")."""
    sentence = sentence_of(doc, hit.start)
    before = doc[max(sentence.start, hit.start - 5) : hit.start].text.lower()
    if lex.pack.has(Feature.PLURAL_S) and _plural(doc[hit.start : hit.end].text, lex.pack.words):
        mention = Mention(
            hit.start, hit.end, PERSON, title.subtype, weak=True, source=Source.PLURAL
        )
        mention.role = "plural"
        return mention
    mention = Mention(
        hit.start,
        hit.end,
        PERSON,
        title.subtype,
        weak=True,
        role=title.role,
        source=Source.ROLE,
        features=REFERENCE,
    )
    mention.title, mention.title_text = title, doc[hit.start : hit.end].text
    mention.features = replace(mention.features, title_span=(hit.start, hit.end))
    if lex.pack.words.leader_phrases.inside(before):
        mention.source = Source.DESCRIBED
        mention.features = replace(mention.features, reference=False, described=True)
    return mention


def _is_person_run(doc: Doc, start: int, end: int) -> bool:
    tokens = [t for t in doc[start:end] if t.text != "-"]
    if len(tokens) < 2 or len(tokens) > MAX_NAME_TOKENS:
        return False
    first = tokens[0]
    return (
        is_first_name(first.text)
        or is_initial(first)
        or any(looks_like_surname(t.text) for t in tokens[1:])
    )


def _known_people(chosen: list[Mention]) -> dict[int, int]:
    """Token -> the first known public figure (its place in `chosen`) whose span covers it."""
    covers: dict[int, int] = {}
    for place, known in enumerate(chosen):
        if known.type == PERSON and known.key:
            for i in range(known.start, known.end):
                covers.setdefault(i, place)
    return covers


def _adopt_known(mention: Mention, chosen: list[Mention], known: dict[int, int]) -> None:
    """A titled name that is a known public figure keeps the gazetteer's span, key and name."""
    places = [known[i] for i in range(mention.start, mention.end) if i in known]
    if not places:
        return
    figure = chosen[min(places)]
    if mention.features.reference:
        return
    mention.start, mention.end = figure.start, figure.end
    mention.key, mention.name, mention.role = figure.key, figure.name, figure.role


def _plural(title: str, words: FunctionWords) -> bool:
    """ "the Presidents", "Heads of State": an English plural names no single person."""
    first = title.split()[0].lower()
    return words.plural_endings.ends(first)
