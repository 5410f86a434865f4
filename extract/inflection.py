"""English plural nouns to their singular ("containers" -> "container", "people" -> "person").

A few suffix rules and the exceptions listed in ``data/nouns.yaml``. It gives the same
answers as the ``inflect`` package on the counted nouns of news text (a test compares
them), at a small fraction of its start-up cost, which matters in every worker process.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

__all__ = [
    "known_word",
    "may_be_adjective",
    "may_be_verb",
    "never_a_noun",
    "only_a_verb",
    "particle_verb",
    "past_participle",
    "singular",
]

_DATA = Path(__file__).parent / "data" / "nouns.yaml"


@functools.cache
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return dict(raw["irregular"]), frozenset(raw["uninflected"])


@functools.lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """The singular of a lower-case plural noun; other words come back unchanged.

    Examples
    --------
    >>> [singular(w) for w in ["containers", "convicts", "people", "personnel", "lives", "boxes"]]
    ['container', 'convict', 'person', 'personnel', 'life', 'box']
    """
    irregular, uninflected = _tables()
    if word in irregular:
        return irregular[word]
    if word in uninflected or len(word) < 3:
        return word
    last = word.rsplit("-", 1)
    if len(last) == 2 and last[1]:
        return f"{last[0]}-{singular(last[1])}"  # "first-team players" keeps its prefix
    if word.endswith("ies") and len(word) > 4 and word[-4] not in "aeiou":
        return word[:-3] + "y"  # countries, batteries
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]  # classes, dishes, matches, boxes, buzzes
    if word.endswith(("ss", "us", "is", "ous")):
        return word  # not plurals: "class", "status", "analysis", "famous"
    if word.endswith("s") and not word.endswith("'s"):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def never_a_noun(word: str) -> bool:
    """Whether a lower-case word is only ever a verb or an adverb ("took", "struck",
    "internally"), by the word classes lemminflect's English lexicon gives it; unknown
    words, nouns and adjectives ("dead", "homeless") are not.

    Examples
    --------
    >>> [never_a_noun(w) for w in ["took", "internally", "families", "dead", "zorbles"]]
    [True, True, False, False, False]
    """
    from lemminflect import getAllLemmas

    classes = set(getAllLemmas(word))
    return bool(classes) and classes <= {"VERB", "ADV", "AUX"}


@functools.lru_cache(maxsize=65536)
def past_participle(word: str) -> bool:
    """Whether a lower-case word is a verb's past participle by lemminflect's English
    lexicon, irregular ones included ("paid", "sold", "born", "given").

    Examples
    --------
    >>> [past_participle(w) for w in ["paid", "tuned", "born", "rose", "savers"]]
    [True, True, True, False, False]
    """
    from lemminflect import getAllLemmas, getInflection

    lemmas = getAllLemmas(word, upos="VERB").get("VERB", ())
    return any(word in getInflection(lemma, tag="VBN") for lemma in lemmas)


@functools.lru_cache(maxsize=65536)
def known_word(word: str) -> bool:
    """Whether lemminflect's English lexicon knows a lower-case word in any class: "workers",
    "press" are words; "tallis", "jones" (surnames) are not.

    Examples
    --------
    >>> [known_word(w) for w in ["workers", "press", "tallis", "jones"]]
    [True, True, False, False]
    """
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word))


@functools.lru_cache(maxsize=65536)
def may_be_adjective(word: str) -> bool:
    """Whether a lower-case word is an adjective in some use ("digital", "used", "existing"),
    by lemminflect's English lexicon; a hyphened compound ("full-time", "long-haul") is one.

    Examples
    --------
    >>> [may_be_adjective(w) for w in ["digital", "existing", "full-time", "print", "sales"]]
    [True, True, True, False, False]
    """
    from lemminflect import getAllLemmas

    return "-" in word.strip("-") or "ADJ" in getAllLemmas(word)


@functools.lru_cache(maxsize=65536)
def only_a_verb(word: str) -> bool:
    """Whether a lower-case word is only ever a verb ("threw", "expects", "sought"), by
    lemminflect's English lexicon; not one that is also a noun or an adjective ("rose",
    "start", "fell") nor an adverb ("sharply").

    Examples
    --------
    >>> [only_a_verb(w) for w in ["threw", "expects", "rose", "start", "sharply", "zorbles"]]
    [True, True, False, False, False, False]
    """
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word)) == {"VERB"}


@functools.lru_cache(maxsize=65536)
def may_be_verb(word: str) -> bool:
    """Whether a lower-case word is a verb in some use ("starts", "reaches", "shares"), by
    lemminflect's English lexicon.

    Examples
    --------
    >>> [may_be_verb(w) for w in ["starts", "reaches", "shares", "sales", "crude"]]
    [True, True, True, False, False]
    """
    from lemminflect import getAllLemmas

    return "VERB" in getAllLemmas(word)


@functools.lru_cache(maxsize=65536)
def particle_verb(word: str) -> bool:
    """Whether a lower-case word before "up", "down", "off" ... can be the verb of a phrasal
    verb ("laid off", "set up", "cut back"): it is a verb by lemminflect's English lexicon,
    and not a plural noun, which before "up" or "down" and a figure is the thing that rose or
    fell ("with sales down 14%", "energy stocks up 2%"); a word that is never a verb
    ("crude") is not one either.

    Examples
    --------
    >>> [particle_verb(w) for w in ["laid", "set", "cut", "stocks", "sales", "crude"]]
    [True, True, True, False, False, False]
    """
    from lemminflect import getAllLemmas

    classes = getAllLemmas(word)
    nouns = classes.get("NOUN", ())
    plural = word.endswith("s") and any(noun != word for noun in nouns)
    return "VERB" in classes and not plural
