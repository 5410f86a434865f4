"""Who asserts each figure: sources named in the text or by a common noun, a government
the article does not name, works and their authors, the names that may be one source, and
reports that echo one another.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import polars as pl

from extract.inflection import singular
from extract.sources import REJECTED_BEFORE

from .columns import at_rows, join_beside, on_rows, set_at_rows
from .frames import (
    BROAD_PLACES,
    HEDGES,
    after_figure,
    before_figure,
    demonym_forms,
    longest_first,
    phrases,
    place_forms,
)
from .identify import (
    _LONG_TERM,
    LONG_RUN,
    _canonical,
    _document_places,
    _document_texts,
    text_places,
)
from .lemmas import past_participle
from .tables import Tables, reading_words

__all__ = [
    "NamedWorks",
    "SourceName",
    "antecedent_source",
    "assign_asserters",
    "echoes_alike",
    "government_name",
    "joined_sets",
    "long_run_sources",
    "may_be_one_source",
    "one_body_names",
    "one_source_judge",
    "source_names",
]

#: The word lists read around a figure (``data/reading_words.yaml``).
_WORDS = reading_words()


#: Words of an attribution that name no source by themselves ("a spokesman", "new data").
_NO_SOURCE = (
    r"(?i)^(?:new|latest|data|figures?|model|analysis|estimates?|report|study|note|spokes"
    r"(?:man|woman|person)|officials?|authorities|sources?|agency|(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day|one of .*)$"
)
#: A body named by a common noun (``source_nouns``: "police", "organisers") giving the
#: figure in its own clause: the noun and its verb before the figure ("In the capital, police
#: counted 55,000", "the unions that organised it gave a figure of 300,000": ``_NOUN_BEFORE``),
#: or a paired count after it ("48,000 for the police and 300,000 for the unions":
#: ``_NOUN_AFTER``, read only where the sentence pairs two such bodies so, ``_PAIRED``).
_SOURCE_NOUN = phrases(longest_first(_WORDS.source_nouns))
_NOUN_BEFORE = (
    rf"(?i)(?:^|[,;:(]\s*|\b(?:while|whereas|although|but|and|as)\s+)(?:the\s+)?({_SOURCE_NOUN})\s+"
    rf"(?:[\w'\u2019-]+\s+){{0,4}}?{phrases(_WORDS.source_verbs)}\b[^,;:]*$"
)
_NOUN_AFTER = rf"(?i)^\s*(?:for|according\s+to)\s+(?:the\s+)?({_SOURCE_NOUN})\b"
_PAIRED = rf"(?i)\bfor\s+(?:the\s+)?{_SOURCE_NOUN}\b.*\bfor\s+(?:the\s+)?{_SOURCE_NOUN}\b"


#: The primary source named after a figure another carries ("Aid groups said 20,000 had lost
#: their homes, a figure first given by the UN office"; "..., numbers compiled by the Health
#: Agency"), or the agent of the figure's own participle ("double the 1.12 million counted
#: by the Interior Ministry"): the figure is that source's, as "X citing Y" is Y's.
_GIVEN_BY = (
    r"(?:(?:first|originally|earlier)\s+)?(?:given|released|published|provided|issued|"
    r"compiled|reported|recorded|counted|estimated|put\s+out|announced)\s+by\s+(?:the\s+)?"
)
_FIRST_GIVEN = (
    r"^(?:[^.;]*?,\s+(?:a|the)\s+(?:figures?|numbers?|estimates?|count|toll|tally|total)\s+"
    r"|\s*(?:[a-z-]+\s+){0,2}?)" + _GIVEN_BY
)


def _first_given_by() -> pl.Expr:
    """The primary source named after the figure (``_FIRST_GIVEN``); null where none."""
    return after_figure().str.extract(_FIRST_GIVEN + rf"({_CAPITALISED})", 1)


def _own_source_noun() -> pl.Expr:
    """The body named by a common noun that gives the figure in its own clause (see
    ``_NOUN_BEFORE``), as written; null where none."""
    paired = pl.col("sentence").fill_null("").str.contains(_PAIRED)
    return pl.coalesce(
        before_figure().str.extract(_NOUN_BEFORE, 1),
        pl.when(paired).then(after_figure().str.extract(_NOUN_AFTER, 1)),
    )


#: A sentence that opens with its source: "The agency estimates that ...", "Officials said ...".
_OPENING_VERBS = (
    r"(?:estimates?|estimated|says?|said|reports?|reported|believes?|claims?|told|thinks?|"
    r"calculates?|puts?|counts?|counted|recorded|gave|gives?)\b"
)
_OPENING = (
    r"^\s*(?:[Tt]he\s+)?((?:[A-Z][\w.'\u2019-]*\s+){0,5}?[A-Z][\w.'\u2019-]*)\s+" + _OPENING_VERBS
)
#: The same with a body the article names in lower case: "The agriculture ministry gave a
#: lower figure, saying ...", "The maritime authority puts the number at ...".
_LOWER_OPENING = (
    r"^\s*[Tt]he\s+((?:[a-z][\w'\u2019-]*\s+){0,2}"
    rf"{phrases([*_WORDS.home_bodies, *_WORDS.body_nouns])})\s+" + _OPENING_VERBS
)
_DETERMINERS = [w.capitalize() for w in _WORDS.determiners]
_CONNECTORS = frozenset(_WORDS.name_connectors)


#: The words by which a country's government speaks as one ("British officials", "the UK
#: government", "Peru's authorities", "the government of Peru").
_GOVERNMENT_WORDS = phrases(_WORDS.government)
_GOVERNMENT = re.compile(
    rf"^(?:the\s+)?(?:(?P<place>.+?)(?:'s|\u2019s)?\s+(?i:{_GOVERNMENT_WORDS})"
    rf"|(?i:government)\s+of\s+(?:the\s+)?(?P<of>.+))$"
)


#: An attribution to a government it does not name ("the government", "ministers"), or to a
#: body of it named by a common noun, after lower-case words that say what it does ("the
#: ministry", "the health ministry"; a capitalised "Health Ministry" is a name of its own).
_HOME_GOVERNMENT = (
    rf"^\s*(?:[Tt]he\s+)?(?:(?i:{phrases(_WORDS.home_government)})"
    rf"|(?:[a-z][a-z-]*\s+){{0,2}}(?i:{phrases(_WORDS.home_bodies)}))\s*$"
)


#: A body the article names in lower case: words that say which one, then a noun of a body
#: (``body_nouns``): "maritime authority", "dockworkers' federation", "central bank".
_LOWER_BODY = (
    rf"(?!(?:{phrases(_WORDS.determiners)})\s)(?:[a-z][a-z'\u2019-]*\s+){{1,3}}"
    rf"(?:{phrases(_WORDS.body_nouns)})"
)


#: "the finance minister, Ana Ruiz, said", "Finance Minister Ana Ruiz said": a minister named
#: with the office (group 1 the name).
_MINISTER_NAMED = r"(?i:minister)\s*,?\s+((?:[A-Z][\w'\u2019-]+\s+)+[A-Z][\w'\u2019-]+)"
#: A source given with a minister's title before the name ("Finance Minister Ana Ruiz"; one
#: word of office at most: "Russian Foreign Minister ..." names another country's).
_MINISTER_TITLED = r"^(?:[A-Z][a-z]+\s+)?Minister\s+[A-Z][\w'\u2019-]+\s+[A-Z]"


def _minister() -> pl.Expr:
    """Whether a figure's source is a minister its sentence names with the office: a
    minister speaks for the government of the country the article is about."""
    named = pl.col("sentence").fill_null("").str.extract(_MINISTER_NAMED, 1)
    titled = pl.col("attribution").fill_null("").str.contains(_MINISTER_TITLED)
    return ((named == pl.col("attribution")) | titled).fill_null(False)


#: The source of a figure a government gives when no report says which country's it is.
_SOME_GOVERNMENT = "Government"


def _home_governments(claims: pl.DataFrame, texts: dict[str, str] | None) -> pl.Series:
    """For each figure attributed to a government it does not name ("the government
    says ..."), the government of the country its article is about ("United Kingdom
    government"), or :data:`_SOME_GOVERNMENT` where the article's place is no country; null
    for the others."""
    # (the attribution, else a body in lower case the sentence opens with)
    said = pl.coalesce("attribution", pl.col("sentence").str.extract(_LOWER_OPENING, 1))
    unnamed = claims.select(
        said.fill_null("").str.contains(_HOME_GOVERNMENT) | _minister()
    ).to_series()
    if not unnamed.any():
        return at_rows("_home", claims.height, {}, pl.String())
    asked = claims.filter(unnamed).select("doc_id")
    read = claims.filter(pl.col("doc_id").is_in(asked.get_column("doc_id").implode()))
    if "title" not in read.columns:  # (the columns grouping keeps leave the titles out)
        read = read.with_columns(title=pl.lit(None, dtype=pl.String))
    # (a country the texts name that no gazetteer knows, "Veldara's economy", has a government)
    in_text = (
        text_places(texts.values())
        if texts
        else text_places(read.get_column("sentence"), repeated=True)
    )
    places = join_beside(asked, _document_places(_document_texts(read, texts), in_text), "doc_id")
    found = {
        p: government_name(f"{p} government") or (f"{p} government" if p in in_text[0] else None)
        for p in places["_doc__place"].drop_nulls()
    }
    home = places["_doc__place"].replace_strict(found, default=None, return_dtype=pl.String)
    # (a country no gazetteer or text names: still a government, one source across reports)
    home = home.fill_null(_SOME_GOVERNMENT)
    rows = pl.Series(range(claims.height)).filter(unnamed).to_list()
    return at_rows("_home", claims.height, dict(zip(rows, home, strict=True)), pl.String())


def _country(words: str) -> str | None:
    """The country a place name or its adjective names ("Britain", "British" -> "United
    Kingdom"), a continent or union aside; else None."""
    words = re.sub(r"(?:'s|\u2019s)$", "", words.strip())
    country = place_forms().get(words) or demonym_forms().get(words)
    return country if country and country not in BROAD_PLACES else None


def government_name(name: str) -> str | None:
    """A country's government named by its officials, authorities or government, under
    any of the country's names ("British officials", "the UK government" -> "United Kingdom
    government"): one source, however the report names it; else None."""
    found = _GOVERNMENT.match(name.strip())
    country = _country(found.group("place") or found.group("of")) if found else None
    return f"{country} government" if country else None


def _initials(name: str) -> str:
    """Capital initials of a name's words ("Office for Harbour Statistics" -> "OHS")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in _CONNECTORS]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


def source_names(attributions: list[str]) -> dict[str, str]:
    """Each attribution as written -> the source it names, linked across articles.

    "OCHA citing WHO" is WHO (the primary source); "X data" and "X said" are X; a name
    spelled out and its acronym are one source ("Office for Harbour Statistics" and
    "OHS"); names that say nothing ("new", "a spokesman") name no source.
    """
    cleaned: dict[str, str] = {}
    for raw in attributions:
        text = re.split(r"(?i)\b(?:citing|according to|quoting)\s+", raw)[-1].strip(" -,.")
        text = re.sub(r"(?i)^(?:the|a|an)\s+", "", text)
        text = re.sub(r"(?i)\s+(?:data|figures|analysis|said|says|estimates?)\b.*$", "", text)
        text = re.sub(r"(?:\s+[a-z]+ly)+$", "", text)  # "Health authorities previously"
        text = re.sub(r"\s+(?:on|last|this)\s+[A-Z][a-z]+day$", "", text)  # "X on Monday"
        if text.lower() in _WORDS.source_nouns:
            text = text[0].upper() + text[1:].lower()  # "police" and "Police" are one source
        elif re.fullmatch(_LOWER_BODY, text) and not re.match(_HOME_GOVERNMENT, text):
            text = text[0].upper() + text[1:]  # "the maritime authority": a body of its own
        if not text or re.match(_NO_SOURCE, text) or not re.search(r"[A-Z]", text):
            continue
        if re.fullmatch(_HOME_GOVERNMENT, text):
            continue  # "Government puts ... at" in a headline: the article's government
        cleaned[raw] = government_name(text) or text
    bodies = one_body_names(set(cleaned.values()))
    cleaned = {raw: bodies.get(text, text) for raw, text in cleaned.items()}
    acronyms = {v for v in cleaned.values() if re.fullmatch(r"[A-Z]{2,6}", v)}
    for raw, text in cleaned.items():
        tokens = [t for t in re.findall(r"\b[A-Z]{2,6}\b", text)]
        initials = _initials(text)
        if initials in acronyms:
            cleaned[raw] = initials
        elif tokens and any(t in acronyms for t in tokens):
            cleaned[raw] = next(t for t in tokens if t in acronyms)
    return cleaned


#: A name spelled out before its acronym in brackets, within its clause ("..., the UN
#: refugee agency (UNHCR) said"): group 1 the name with its acronym.
_DEFINED = re.compile(
    r"(?:^|[,.;:]\s+|\b(?:the|by|from|of|at|to|with)\s+)"
    r"((?:[\w'\u2019-]+\s+){0,5}?[\w'\u2019-]*[A-Za-z]\s+\([A-Z][A-Za-z]{1,7}\))"
)


def acronyms_defined(texts: Iterable[str]) -> list[str]:
    """The names ``texts`` spell out before an acronym in brackets, with it ("UN refugee
    agency (UNHCR)"), each once: what links the name to the acronym where either is a
    figure's source alone.

    >>> acronyms_defined(["Some 900 crossed, the UN refugee agency (UNHCR) said."])
    ['the UN refugee agency (UNHCR)']
    """
    return sorted({m for text in texts if "(" in text for m in _DEFINED.findall(text)})


#: The acronym a name gives in brackets at its end ("Office for Harbour Statistics (OHS)").
_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)\s*$")
#: A body named for what it does: capitalised words, then "of" or "for" ("Office for ...").
_FUNCTION_NAME = re.compile(r"^[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+(?:of|for)\s+\S")


def _bare_name(name: str) -> str:
    """A source name without its bracketed acronym and a leading "the"."""
    return re.sub(r"(?i)^the\s+", "", _BRACKETED.sub("", name)).strip()


def _is_parent(words: str) -> bool:
    """Whether words before a body's name name a parent body or a country: an acronym
    ("UN"), two or more capitalised words ("Harbour Union"), or a place or its adjective."""
    words = re.sub(r"(?:'s|\u2019s)$", "", words)
    if re.fullmatch(r"[A-Z]{2,6}", words) or words in place_forms() or words in demonym_forms():
        return True
    return bool(re.fullmatch(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)+", words))


def _without_parent(name: str) -> list[str]:
    """Each shorter name a bare name holds after a parent's name before it: "Harbour Union
    Office for Tide Tables" -> ["Office for Tide Tables"]."""
    words = name.split()
    tails = (" ".join(words[i:]) for i in range(1, len(words)))
    return [
        tail
        for tail in tails
        if _FUNCTION_NAME.match(tail) and _is_parent(name[: -len(tail)].strip())
    ]


def _country_tails(name: str) -> list[tuple[str, str]]:
    """Each (country, shorter name) a bare name holds after its country's name: "Britain's
    Office for Tide Tables" -> [("United Kingdom", "Office for Tide Tables")]."""
    return [
        (country, tail)
        for tail in _without_parent(name)
        if (country := _country(name[: -len(tail)]))
    ]


def one_body_names(names: set[str]) -> dict[str, str]:
    """Names of one body written two ways -> the one shown (the longest).

    Two names are one body when they give the same acronym in brackets, are equal
    without their brackets and a leading "the", or when one is the other after a
    parent body's or country's name ("Harbour Union Office for Tide Tables" and "Office for
    Tide Tables"), or after or before lower-case words that describe it ("investment bank
    Goldwater Partners", "Tide Watch relief charity"); a short name that more than one parent
    could own is left alone.
    """
    groups: dict[str, set[str]] = {}
    for name in names:
        groups.setdefault(_bare_name(name), set()).add(name)
    by_acronym: dict[str, set[str]] = {}
    for name in names:
        if found := _BRACKETED.search(name):
            by_acronym.setdefault(found.group(1), set()).add(_bare_name(name))
    links = [sorted(bares) for bares in by_acronym.values() if len(bares) > 1]
    owners: dict[str, set[str]] = {}
    for bare in groups:
        for tail in _without_parent(bare):
            if tail in groups:
                owners.setdefault(tail, set()).add(bare)
    links += [[tail, *found] for tail, found in owners.items() if len(found) == 1]
    # one body under its country's different names ("UK Office for X", "Britain's Office for X")
    by_country: dict[tuple[str, str], list[str]] = {}
    for bare in groups:
        for key in _country_tails(bare):
            by_country.setdefault(key, []).append(bare)
    links += [found for found in by_country.values() if len(found) > 1]
    # words that describe a name stand before it ("investment bank Goldwater Partners")
    links += [[bare, tail] for bare in groups if (tail := _described(bare)) in groups]
    # or after it, in lower case ("Tide Watch relief charity", "PTA spokesperson")
    links += [[bare, head] for bare in groups if (head := _described_after(bare)) in groups]
    links += _speakers(groups)
    # one person's name spelled two ways across outlets ("Yusuf Karimov", "Yousef Karimov")
    people = sorted(bare for bare in groups if _PERSON.fullmatch(bare))
    links += _one_people(people)
    return _shown_names(groups, links)


#: A body's speaker named after the body's noun in lower case ("directorate spokesman Ana
#: Ruiz", "agency spokeswoman Jo Bloggs"): the noun in group 1.
_SPEAKER_OF = re.compile(r"^([a-z]+)\s+(?:spokes(?:man|woman|person))\s+[A-Z]")


def _speakers(groups: Iterable[str]) -> list[list[str]]:
    """Each body and a speaker named after its noun ("Port Health Directorate" and
    "directorate spokesman Ana Ruiz"), when one body alone among the names ends in that
    noun: with two ("Health Ministry", "Interior Ministry"), "ministry spokesman" is left
    alone."""
    by_noun: dict[str, list[str]] = {}
    for bare in groups:
        words = bare.split()
        if len(words) > 1 and words[-1][:1].isupper():
            by_noun.setdefault(words[-1].lower(), []).append(bare)
    links = []
    for bare in groups:
        found = _SPEAKER_OF.match(bare)
        bodies = by_noun.get(found.group(1), []) if found else []
        if len(bodies) == 1:
            links.append([bodies[0], bare])
    return links


def _one_people(people: list[str]) -> list[list[str]]:
    """The pairs of ``people`` (in their order) that are one person (:func:`_one_person`): a
    name is set only beside the names of its :func:`_person_key`, the others cannot be."""
    keys = [_person_key(name) for name in people]
    alike: dict[tuple[int, str], list[int]] = {}
    for j, key in enumerate(keys):
        alike.setdefault(key, []).append(j)
    return [
        [a, people[j]]
        for i, a in enumerate(people)
        for j in alike[keys[i]]
        if j > i and _one_person(a, people[j])
    ]


def _person_key(name: str) -> tuple[int, str]:
    """A person's name's count of words and surname: two spellings of one name share them."""
    words = name.lower().split()
    return len(words), words[-1] if words else ""


#: A person's name: two or three capitalised words (no acronym, no small words).
_PERSON = re.compile(r"[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+){1,2}")


def _one_person(a: str, b: str) -> bool:
    """Whether two person names are one name transliterated two ways: the same surname
    and first names that are close spellings of each other (difflib's ratio, the standard
    library's sequence matcher) of five letters or more; "Joan Smith" and "John Smith" stay
    two people. Joining two people by mistake can hide a disagreement, never make one."""
    words_a, words_b = a.lower().split(), b.lower().split()
    if _person_key(a) != _person_key(b) or words_a == words_b:
        return False
    return all(
        SequenceMatcher(None, x, y).ratio() >= 0.7 and x[0] == y[0] and min(len(x), len(y)) > 4
        for x, y in zip(words_a[:-1], words_b[:-1], strict=True)
    )


def _described(name: str) -> str:
    """The proper name a lower-case description ends in ("investment bank Goldwater
    Partners" -> "Goldwater Partners"), else ""."""
    proper = _proper_name(name)
    lead = name[: len(name) - len(proper)].strip()
    return proper if proper and lead and lead[0].islower() else ""


#: A name of two capitalised words or more (or an acronym) and lower-case words after it that
#: describe it ("Tide Watch relief charity"); small words ("of", "for") belong to a name.
_DESCRIBED_AFTER = re.compile(
    r"((?:[A-Z][\w&.'-]*\s+)+[A-Z][\w&.'-]*|[A-Z]{2,8})((?:\s+[a-z][\w-]*)+)"
)
_NAME_SMALL_WORDS = frozenset({"of", "for", "the", "and", "on", "de", "in", "at", "to"})


def _described_after(name: str) -> str:
    """The name a lower-case description follows ("Tide Watch relief charity" -> "Tide
    Watch"), else ""."""
    found = _DESCRIBED_AFTER.fullmatch(name)
    if not found or _NAME_SMALL_WORDS & set(found.group(2).split()):
        return ""
    return found.group(1)


def joined_sets(items: Iterable[str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each of ``items`` and the item standing for its set, the sets being those that
    ``pairs`` of items join (union-find).

    >>> joined_sets("abcd", [("a", "b"), ("b", "c")])
    {'a': 'a', 'b': 'a', 'c': 'a', 'd': 'd'}
    """
    parent = {item: item for item in items}

    def root(item: str) -> str:
        while parent[item] != item:
            item = parent[item]
        return item

    for a, b in pairs:
        if (top := root(b)) != (other := root(a)):
            parent[top] = other
    return {item: root(item) for item in parent}


def _shown_names(groups: dict[str, set[str]], links: list[list[str]]) -> dict[str, str]:
    """Join the linked bare names (union-find) and show each joined set by its longest
    name that starts with a capital and ends without a description after it (a name, not a
    description)."""
    roots = joined_sets(groups, ((linked[0], other) for linked in links for other in linked[1:]))
    joined: dict[str, set[str]] = {}
    for bare, names in groups.items():
        joined.setdefault(roots[bare], set()).update(names)
    shown = {}
    for names in joined.values():
        best = max(sorted(names), key=lambda n: (n[:1].isupper(), not _described_after(n), len(n)))
        shown.update({name: best for name in names if len(names) > 1})
    return shown


def _name_forms(name: str) -> tuple[str, list[str]]:
    """A source name's short form (its acronym, else its initials) and its lower-case words."""
    text = re.sub(r"\s*\([^)]*\)", "", name).strip()  # "Full Name (FN)" -> "Full Name"
    caps = re.fullmatch(r"[A-Z]{2,8}", text)
    short = text if caps else _initials(text)
    return short, re.findall(r"[a-z0-9]+", name.lower())


def may_be_one_source(a: str, b: str) -> bool:
    """Whether two source names may stand for one body, or one body and a part of it, so
    that their figures are not surely independent.

    True for one name written two ways ("Port Office" and "PO"), an umbrella and one of its
    agencies written as acronyms (an acronym that starts the other one: "UN" and "UNHCR"),
    a body and one of its people ("Health Ministry" and "Health Ministry spokesman
    Jo Bloggs": all of one name's words open the other), one name with different words
    before it ("Goldwater Partners" and "investment bank Goldwater Partners"), and a later,
    shorter mention by a name's last words, its head noun or a surname ("the Tide
    Authority" and "the authority", "Finance Minister Jo Marsh" and "Marsh"), and a
    government and a ministry not named as another country's ("the Veldara government" and
    "the Defence Ministry"). (The
    ``one_body_names`` of the two names, read from each name's :class:`SourceName`.)
    """
    return a == b or SourceName.of(a).may_be_one_with(SourceName.of(b))


@dataclass(frozen=True)
class SourceName:
    """What :func:`may_be_one_source` reads of one source name, read once: the parts of it
    that ``one_body_names`` links, its short form and words, and its proper name."""

    bare: str
    acronym: str | None  # the one it gives in brackets
    tails: tuple[str, ...]  # the shorter names it holds after a parent's name
    country_tails: tuple[tuple[str, str], ...]  # and after its country's name, with the country
    described: str  # the proper name a description before it ends in
    described_after: str  # the name a description after it follows
    person: bool
    short: str
    words: tuple[str, ...]
    ending: tuple[str, ...]  # the lower-case words of its bare name, last word last
    proper: str
    cabinet: tuple[str, str] | None  # a government's or a ministry's kind and owner

    @classmethod
    def of(cls, name: str) -> SourceName:
        bare = _bare_name(name)
        found = _BRACKETED.search(name)
        short, words = _name_forms(name)
        return cls(
            bare=bare,
            acronym=found.group(1) if found else None,
            tails=tuple(_without_parent(bare)),
            country_tails=tuple(_country_tails(bare)),
            described=_described(bare),
            described_after=_described_after(bare),
            person=bool(_PERSON.fullmatch(bare)),
            short=short,
            words=tuple(words),
            ending=tuple(re.findall(r"[a-z0-9]+", bare.lower())),
            proper=_proper_name(name),
            cabinet=_cabinet(bare),
        )

    def one_body_with(self, other: SourceName) -> bool:
        """Whether ``one_body_names`` joins the two names (of two different names)."""
        a, b = self.bare, other.bare
        if a == b or (self.acronym is not None and self.acronym == other.acronym):
            return True
        if b in self.tails or a in other.tails:
            return True
        if set(self.country_tails) & set(other.country_tails):
            return True
        if self.described == b or other.described == a:
            return True
        if self.described_after == b or other.described_after == a:
            return True
        first, second = sorted((a, b))
        return self.person and other.person and _one_person(first, second)

    def may_be_one_with(self, other: SourceName) -> bool:
        """:func:`may_be_one_source` of two different names."""
        if self.one_body_with(other):
            return True
        short_a, short_b = self.short, other.short
        if short_a and short_b and (short_a.startswith(short_b) or short_b.startswith(short_a)):
            return True
        n = min(len(self.words), len(other.words))
        if n > 0 and self.words[:n] == other.words[:n]:
            return True
        n = min(len(self.ending), len(other.ending))
        if n > 0 and self.ending[-n:] == other.ending[-n:]:
            return True
        if self.proper != "" and self.proper == other.proper:
            return True
        return _one_cabinet(self.cabinet, other.cabinet)


#: The last words that make a name a government's ("the Veldaran government").
_GOVERNMENTS = frozenset({"government", "administration"})


def _cabinet(bare: str) -> tuple[str, str] | None:
    """("government", its country) for a government's name ("Veldara government"), and
    ("ministry", its owner) for a body of a government's (``home_bodies``: "Defence
    Ministry", "Veldara's health ministry"): the owner is a name before "'s" or a place that
    opens the name, else ""."""
    words = bare.split()
    if len(words) and words[-1].lower() in _GOVERNMENTS:
        owner = " ".join(words[:-1])
        return ("government", _country(owner) or owner)
    if not any(singular(w.lower()) in _WORDS.home_bodies for w in words):
        return None
    if owned := re.match(r"(.+?)['\u2019]s\s", bare):
        return ("ministry", _country(owned.group(1)) or owned.group(1))
    return ("ministry", _country(words[0]) or "")


def _one_cabinet(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """A government and a ministry may be one body, a government and a part of it ("the
    Veldara government" and "the Defence Ministry"), unless the ministry is named as
    another's ("Ostrel's defence ministry")."""
    if a is None or b is None or a[0] == b[0]:
        return False
    government, ministry = (a, b) if a[0] == "government" else (b, a)
    return ministry[1] in ("", government[1])


def _block_keys(name: SourceName) -> set[tuple[str, object]]:
    """Keys two names share whenever :meth:`SourceName.may_be_one_with` may join them: each
    of its tests compares a part of each name that is here (a bare name or a tail, an
    acronym, a person's name key, the short form's first letter, the first and last words,
    the proper name)."""
    keys: set[tuple[str, object]] = {("bare", name.bare), *(("bare", t) for t in name.tails)}
    keys |= {("bare", d) for d in (name.described, name.described_after) if d}
    keys |= {("country", t) for t in name.country_tails}
    if name.acronym is not None:
        keys.add(("acronym", name.acronym))
    if name.person:
        keys.add(("person", _person_key(name.bare)))
    if name.short:
        keys.add(("short", name.short[0]))
    if name.words:
        keys.add(("first", name.words[0]))
    if name.ending:
        keys.add(("last", name.ending[-1]))
    if name.proper:
        keys.add(("proper", name.proper))
    if name.cabinet is not None:
        keys.add(("cabinet", None))
    return keys


def candidate_pairs(names: Sequence[str]) -> list[tuple[str, str]]:
    """The pairs of distinct ``names`` (sorted within each pair) that share a key of
    :func:`_block_keys`: every pair :func:`may_be_one_source` may join is among them, and
    most pairs of a large table's names, which share none, are never judged."""
    blocks: dict[tuple[str, object], list[str]] = {}
    read = {name: SourceName.of(name) for name in names}  # (each name read once)
    distinct = list(read)
    # (a name with nothing left once bare, "(XY)", is judged beside every other: the
    # empty description of a name is its own bare name)
    blank = [n for n, facts in read.items() if not facts.bare]
    for name, facts in read.items():
        for key in _block_keys(facts):
            blocks.setdefault(key, []).append(name)
    pairs = {
        (a, b) if a < b else (b, a)
        for members in blocks.values()
        for a, b in itertools.combinations(members, 2)
        if a != b
    }
    pairs |= {(a, b) if a < b else (b, a) for a in blank for b in distinct if a != b}
    return sorted(pairs)


def one_source_judge() -> Callable[[str, str], bool]:
    """:func:`may_be_one_source`, reading each name once and answering each pair once (for
    one table's judging: the same sources meet in many quantities)."""
    names: dict[str, SourceName] = {}
    pairs: dict[tuple[str, str], bool] = {}

    def judge(a: str, b: str) -> bool:
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        known = pairs.get(key)
        if known is None:
            facts = [names.get(n) or names.setdefault(n, SourceName.of(n)) for n in key]
            known = pairs[key] = facts[0].may_be_one_with(facts[1])
        return known

    return judge


#: Capitalised words at the end of a name, with the small words names hold ("Bank of England").
_PROPER_END = re.compile(r"\b[A-Z][\w&.'-]*(?:\s+(?:(?:of|for|the|and|on|de)\s+)*[A-Z][\w&.'-]*)*$")


def _proper_name(name: str) -> str:
    """The run of capitalised words that ends a source name, as the words before it
    describe it ("investment bank Goldwater Partners" -> "Goldwater Partners", "Bank of
    Ruritania" whole)."""
    text = re.sub(r"\s*\([^)]*\)", "", name).strip()
    found = re.search(_PROPER_END, text)
    return found.group(0).strip() if found else ""


#: Nouns of a work that gives figures ("the study found", "the model suggests"), and of the
#: people behind one ("the researchers"): a source only through the name the article gave it.
_WORK_NOUNS = phrases(_WORDS.work_nouns)
_WORK_PEOPLE = phrases(_WORDS.work_people)
#: An attribution that is such a noun alone ("the model", "a recent study", "researchers").
_GENERIC_WORK = (
    rf"(?i)^(?:(?:the|a|an|this|that|its|their)\s+)?(?:(?:new|recent|latest|same|earlier|"
    rf"previous|own)\s+)?({_WORK_NOUNS}|{_WORK_PEOPLE})$"
)
#: A run of capitalised words, with the small words names hold ("Institute for Fiscal Studies").
_CAPITALISED = r"[A-Z][\w&.'\u2019-]*(?:\s+(?:(?:of|for|and|on|the|de)\s+)*[A-Z][\w&.'\u2019-]*)*"
#: Where an article names a work (group "name"; group "venue" for a journal it appeared in):
#: "a report by the Delta Institute", "the Delta Institute's study", "the 'twin-economy'
#: model", "a study published in the Journal of Tides".
_WORK_NAMED = re.compile(
    rf"(?:(?P<noun>{_WORK_NOUNS})\s+(?:by|from)\s+(?:{_WORK_PEOPLE}\s+(?:at|from|of)\s+)?"
    rf"(?:the\s+)?(?:[\w-]+-based\s+)?(?P<name>{_CAPITALISED})"
    rf"|(?P<owner>{_CAPITALISED})(?:'s|\u2019s)\s+(?:[a-z-]+\s+){{0,2}}(?P<noun2>{_WORK_NOUNS})"
    rf"|[\"\u201c\u2018'](?P<quoted>[^\"\u201d\u2019'\n]{{2,40}}?)[\"\u201d\u2019']\s*"
    rf"(?P<noun3>{_WORK_NOUNS})?"
    rf"|(?P<noun4>{_WORK_NOUNS})\s+published\s+in\s+(?:the\s+)?(?P<venue>{_CAPITALISED})"
    rf"|(?<!\w)(?i:the|an?)\s+(?P<label>{_CAPITALISED})\s+(?P<noun5>{_WORK_NOUNS}))"
)


def _generic_noun(generic: str) -> str | None:
    """The noun of a work a generic attribution is ("a recent study" -> "study"), else None."""
    wanted = re.match(_GENERIC_WORK, generic.strip())
    return wanted.group(1).lower() if wanted else None


def _work_name(m: re.Match[str], noun: str) -> str | None:
    """The name a match of :data:`_WORK_NAMED` gives a work that ``noun`` (of a work, or of
    the people behind one) can stand for; None when it names no such work."""
    nouns = ("noun", "noun2", "noun3", "noun4", "noun5")
    said = next((m.group(k) for k in nouns if m.group(k)), "")
    quoted = m.group("quoted") or ""
    label = m.group("label") or ""
    if label in place_forms() or label in demonym_forms():
        return None  # "a Peru study" is about a place, not by a named body
    if not said and quoted.lower().endswith(noun):
        said = noun  # the noun inside the quotation marks ("the 'twin-economy model'")
    if not said or (said.lower() != noun and not re.fullmatch(_WORK_PEOPLE, noun)):
        return None
    if m.group("venue"):
        return f"{m.group('venue')} {said.lower()}"
    if quoted:
        return quoted if quoted.lower().endswith(said.lower()) else f"{quoted} {said}"
    return m.group("name") or m.group("owner") or label


def _last_work_name(works: Iterable[re.Match[str]], noun: str, found: str | None) -> str | None:
    """The name the last of ``works`` that names a work of ``noun`` gives it; ``found``
    when none does."""
    for m in works:
        if (name := _work_name(m, noun)) is not None:
            found = name
    return found


def _as_source(found: str | None) -> str | None:
    # (a name read at the end of a sentence leaves its full stop, and an article opening one)
    return re.sub(r"^(?:The|An?)\s+", "", found).rstrip(".") if found else None


def antecedent_source(generic: str, before: str) -> str | None:
    """The named source that a generic one stands for: the last work the text ``before``
    the figure names with the same noun ("a report by the Delta Institute ... the report
    says" -> "Delta Institute"; "the 'twin-economy model' ... the model found" ->
    "twin-economy model"), or with any noun of a work for the people behind one ("the
    researchers"); None when the text names none, so that a generic source alone never
    becomes a named one."""
    noun = _generic_noun(generic)
    if noun is None:
        return None
    return _as_source(_last_work_name(_WORK_NAMED.finditer(before), noun, None))


class NamedWorks:
    """The works one document's text names, found in one pass over it, for reading
    :func:`antecedent_source` before each of its figures without reading the text before
    each figure again (which is quadratic in a long document's figures).

    The matches in the whole text that end before a figure are the matches in the text
    before it (the pattern reads no further than it matches); only the one match that runs
    past the figure's start is read again, in the text before it.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.works = list(_WORK_NAMED.finditer(text))
        self.starts = [m.start() for m in self.works]
        # for each noun: the places (in ``works``) of the works it can stand for, and their names
        self.of_noun: dict[str, tuple[list[int], list[str]]] = {}

    def _named(self, noun: str) -> tuple[list[int], list[str]]:
        if noun not in self.of_noun:
            names = [_work_name(m, noun) for m in self.works]
            named = [(i, n) for i, n in enumerate(names) if n is not None]
            self.of_noun[noun] = ([i for i, _ in named], [n for _, n in named])
        return self.of_noun[noun]

    def source_before(self, generic: str, cut: int) -> str | None:
        """:func:`antecedent_source` of ``generic`` in ``text[:cut]``."""
        noun = _generic_noun(generic)
        if noun is None:
            return None
        k = bisect.bisect_left(self.starts, cut)  # the works that start before the cut
        crossing = k > 0 and self.works[k - 1].end() > cut
        whole = k - 1 if crossing else k  # ... and end before it
        places, names = self._named(noun)
        j = bisect.bisect_left(places, whole) - 1
        found = names[j] if j >= 0 else None
        if crossing:
            again = _WORK_NAMED.finditer(self.text, self.starts[k - 1], cut)
            found = _last_work_name(again, noun, found)
        return _as_source(found)


def _with_antecedents(claims: pl.DataFrame, texts: dict[str, str] | None) -> pl.DataFrame:
    """``_antecedent``: :func:`antecedent_source` of each generic attribution, read in the
    document's text before the figure (its sentence when no text was given)."""
    generic = pl.col("attribution").fill_null("").str.contains(_GENERIC_WORK)
    rows = claims.select(
        pl.int_range(pl.len()).alias("_i"),
        "doc_id",
        "start",
        "sentence",
        "sentence_start",
        "attribution",
    ).filter(generic)
    found: dict[int, str] = {}
    documents: dict[str, NamedWorks] = {}
    for i, doc, start, sentence, sentence_start, attribution in rows.iter_rows():
        text = (texts or {}).get(doc)
        if text:
            works = documents.get(doc) or documents.setdefault(doc, NamedWorks(text))
            name = works.source_before(attribution, start)
        else:
            before = (sentence or "")[: max(0, start - (sentence_start or 0))]
            name = antecedent_source(attribution, before)
        if name:
            found[i] = name
    return claims.with_columns(at_rows("_antecedent", claims.height, found, pl.String()))


def assign_asserters(
    claims: pl.DataFrame, tables: Tables, *, texts: dict[str, str] | None = None
) -> pl.DataFrame:
    """``asserter``: the camp of a named source (lists as overrides), else the source the
    attribution names (linked across articles by acronym), else the named source a generic
    one ("the study", "the researchers") stands for in its document (see
    :func:`antecedent_source`), else "unattributed (outlet)".

    A figure's asserter comes from its own attribution only: a document's other figures lend
    it nothing.
    """
    claims = _with_antecedents(claims, texts)
    opening = pl.col("sentence").str.extract(_OPENING, 1)
    # a determiner alone is no source ("The report that says ..." opens with a noun)
    opening = pl.when(~opening.is_in(_DETERMINERS)).then(opening)
    opening = pl.coalesce(opening, pl.col("sentence").str.extract(_LOWER_OPENING, 1))
    claims = claims.with_columns(
        _opening=opening,
        _home=_home_governments(claims, texts),
        _noun=_own_source_noun(),
        _first=_first_given_by(),
    )
    read = ("_noun", "_first", "attribution", "_opening", "_antecedent")
    names = pl.concat([claims.get_column(c) for c in read])
    # (with the names the texts spell out before an acronym: "the UN refugee agency (UNHCR)"
    # links "UN refugee agency" in one article to "UNHCR" in another)
    defined = acronyms_defined((texts or {}).values())
    linked = source_names([*map(str, names.drop_nulls().unique().to_list()), *defined])
    # a body named by a common noun in the figure's own clause ("police counted 55,000"),
    # else the primary source named after it ("a figure first given by X"), else the
    # attribution's source, else the source the sentence opens with ("The agency
    # puts ..."), else, for "the government", that of the country the article is about
    # ("... will cost €210 million, not €85 million": the figure set aside is nobody's
    # the sentence names, not that of the name it opens with)
    # (read only on the figures with no attribution of their own)
    (set_aside,) = on_rows(
        claims,
        pl.col("attribution").is_null(),
        before_figure().str.contains(REJECTED_BEFORE.pattern).alias("_set_aside"),
    )
    rejected = pl.lit(set_aside).fill_null(False)
    named = pl.when(~rejected).then(
        pl.coalesce(
            pl.when(_minister()).then("_home"),
            pl.col("_noun").replace_strict(linked, default=None, return_dtype=pl.String),
            pl.col("_first").replace_strict(linked, default=None, return_dtype=pl.String),
            pl.col("attribution").replace_strict(linked, default=None, return_dtype=pl.String),
            pl.col("_opening").replace_strict(linked, default=None, return_dtype=pl.String),
            pl.col("_antecedent").replace_strict(linked, default=pl.col("_antecedent")),
            "_home",
        )
    )
    claims = claims.with_columns(_source=pl.coalesce(named, pl.col("attribution")))
    camp, _ = _canonical(pl.col("_source").fill_null(""), tables.asserters)
    # (a camp named by the attribution as written: "UK officials" before it is read as the
    # "United Kingdom government")
    camp_as_written, _ = _canonical(pl.col("attribution").fill_null(""), tables.asserters)
    asserter = pl.coalesce(
        pl.coalesce(camp, camp_as_written) if tables.asserters else pl.lit(None, dtype=pl.String),
        named,
        pl.format("unattributed ({})", pl.coalesce(pl.col("outlet"), pl.col("doc_id"))),
    )
    return claims.with_columns(asserter=asserter).drop(
        "_source", "_opening", "_antecedent", "_home", "_noun", "_first"
    )


_LONG_RUN_WORK = rf"(?i:{phrases(longest_first(_WORDS.long_run_works))})"
#: A source named after "by" or "from", its acronym in brackets kept.
_BY_SOURCE = rf"(?:the\s+)?({_CAPITALISED}(?:\s*\([A-Z][A-Za-z]{{1,7}}\))?)"
#: A source's work called long-term (the source in group 1, 2 or 3): "the Treasury's
#: long-term forecast", "assumptions about the long-run effect of the plan made by the
#: Treasury", "the long-term outlook from the Treasury".
_LONG_RUN_SOURCE = re.compile(
    rf"({_CAPITALISED})(?:'s|\u2019s)\s+(?:[\w-]+\s+){{0,2}}?{_LONG_TERM}\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_LONG_RUN_WORK}\b"
    rf"|\b{_LONG_RUN_WORK}\s+(?i:about|of|on|for|into)\s+(?i:the\s+)?{_LONG_TERM}\s+[\w-]+"
    rf"(?:\s+of\s+(?:the\s+)?[\w-]+)?\s+(?:(?:made|published|produced|drawn\s+up)\s+)?by\s+"
    rf"{_BY_SOURCE}"
    rf"|\b{_LONG_TERM}\s+(?:[\w-]+\s+){{0,2}}?{_LONG_RUN_WORK}\s+(?:by|from|of)\s+{_BY_SOURCE}"
)
#: "has" or "have" a few words before a figure, the word after it in group 1: a verb in the
#: present perfect ("has cut output by 2%") tells what has happened so far, not what the
#: long run holds.
_PERFECT = re.compile(
    rf"(?i)\b(?:has|have)\s+(?:already\s+)?([a-z]+)\s+(?:[a-z]+\s+){{0,3}}(?:{HEDGES}\s+)?$"
)


def _so_far(before: str) -> bool:
    """Whether the words ``before`` a figure lead to it with a verb in the present perfect."""
    found = _PERFECT.search(before)
    return found is not None and past_participle(found.group(1).lower())


def _long_run_sources(text: str) -> list[tuple[int, str]]:
    """Where ``text`` calls a source's work long-term, and the source it names there."""
    if not re.search(_LONG_TERM, text):  # (most texts say no such thing: a quick look first)
        return []
    # (a full stop after a word in lower case ends the sentence, not the name: "U.S." keeps it)
    return [
        (m.start(), re.sub(r"(?<=[a-z])\.$", "", next(name for name in m.groups() if name)))
        for m in _LONG_RUN_SOURCE.finditer(text)
    ]


def long_run_sources(claims: pl.DataFrame, texts: dict[str, str] | None) -> pl.DataFrame:
    """A named source's figure with no period of its own is one of the long run when its
    article, before it, called that source's work long-term ("the agency's long-term
    forecast", "assumptions about the long-run effect made by the agency"): the article said
    what that source's figures are, as a sentence's own "in the long run" does."""
    if not texts:
        return claims
    named = ~pl.col("asserter").cast(pl.String).str.starts_with("unattributed")
    rows = claims.select(pl.int_range(pl.len()).alias("_i"), "doc_id", "start", "asserter").filter(
        named & claims.get_column("period").is_null()
    )
    described = {
        doc: found
        for doc in rows.get_column("doc_id").unique().to_list()
        if (found := _long_run_sources(texts.get(doc) or ""))
    }
    if not described:
        return claims
    rows = rows.filter(pl.col("doc_id").is_in(list(described)))
    # (the words before each figure, read only for the figures of those articles)
    # (only the columns the words are cut from are gathered, not every column of the table)
    read = claims.select(before_figure().meta.root_names())
    before = read[rows.get_column("_i")].select(before_figure()).to_series()
    long_run = {
        i: LONG_RUN
        for (i, doc, start, asserter), words in zip(rows.iter_rows(), before, strict=True)
        if any(at < start and may_be_one_source(str(asserter), who) for at, who in described[doc])
        and not _so_far(words)
    }
    if not long_run:
        return claims
    dtype = _typed(claims.schema["period"])
    return claims.with_columns(
        period=pl.coalesce(at_rows("period", claims.height, long_run, dtype), pl.col("period"))
    )


#: What makes two figures one figure of one source: its name, place, unit and value.
_ONE_FIGURE = ("asserter", "entity", "dimension", "norm_unit", "norm_per", "is_delta", "norm_value")
#: What a source's figure is read to measure (beside its place and unit).
_MEASURED = ("concept_key", "population", "period")


def _typed(dtype: pl.DataType) -> pl.DataType:
    """``dtype``, or text for a column of nothing but nulls (a text column left empty)."""
    return pl.String() if dtype == pl.Null else dtype


def echoes_alike(claims: pl.DataFrame) -> pl.DataFrame:
    """A named source's figure carried by several articles is one assertion (an echo) and
    measures one thing: where the articles read it as measuring different things (the same
    source's 4% of one place, "a cut in output" in one article, "a cut in productivity"
    in two others), each copy is read as most of its copies are (their measure, population
    and period). A tie leaves every copy as it was read; unattributed figures, and figures
    of one article only, are left too."""
    named = pl.col("grouped") & ~pl.col("asserter").cast(pl.String).str.starts_with("unattributed")
    rows = claims.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at"),
        "doc_id",
        "concept_source",
        *_ONE_FIGURE,
        *_MEASURED,
        _named=named,
    ).filter("_named")
    # (only figures that more than one article gives, read in more than one way, are looked at)
    rows = rows.filter(
        (pl.col("doc_id").n_unique().over(_ONE_FIGURE) > 1)
        & (pl.struct(_MEASURED).n_unique().over(_ONE_FIGURE) > 1)
    )
    if rows.height == 0:
        return claims
    readings = rows.group_by(*_ONE_FIGURE, *_MEASURED).agg(
        _n=pl.len(), _source=pl.col("concept_source").first()
    )
    most = pl.col("_n") == pl.col("_n").max().over(_ONE_FIGURE)
    chosen = readings.filter(most & (most.sum().over(_ONE_FIGURE) == 1)).select(
        *_ONE_FIGURE, *(pl.col(c).alias(f"_to_{c}") for c in _MEASURED), "_source"
    )
    moved = rows.join(chosen, on=list(_ONE_FIGURE), how="inner", nulls_equal=True).filter(
        pl.any_horizontal(pl.col(c).ne_missing(pl.col(f"_to_{c}")) for c in _MEASURED)
    )
    if moved.height == 0:
        return claims
    # (the readings set at their rows by Polars: a Python object for each moved figure's
    # values, a million of them on a large table, would be held while the columns are made)
    at = moved.get_column("_at")
    why = " (as most articles carrying this source's figure read it)"
    columns = {
        c: set_at_rows(
            claims.height, at, moved.get_column(f"_to_{c}").cast(_typed(claims.schema[c])).alias(c)
        )
        for c in _MEASURED
    }
    sources = moved.get_column("_source").cast(pl.String) + why
    take = pl.int_range(pl.len(), dtype=pl.UInt32).is_in(at.implode())
    return claims.with_columns(
        **{c: pl.when(take).then(columns[c]).otherwise(pl.col(c)) for c in _MEASURED},
        concept_source=pl.when(take)
        .then(set_at_rows(claims.height, at, sources.alias("")))
        .otherwise(pl.col("concept_source")),
    )
