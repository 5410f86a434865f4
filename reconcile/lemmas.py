"""The English lexicon of lemminflect, read lean: which words it knows, and the verb lemmas of
each word, for the few questions reconcile asks of it.

``lemminflect.getAllLemmas`` loads its whole lookup table on first use and keeps it for the
life of the process: a dict of dicts of tuples over 80,000 lines, some 32 MB of Python
objects. Reconcile reads only whether a word is in it and, for verbs, their lemmas; this
module reads the same files once into sorted arrays of bytes (about 3 MB) and gives the same
answers as the calls it replaces.
"""

from __future__ import annotations

import functools
import gzip

import numpy as np

__all__ = ["known_word", "past_participle", "plural"]


@functools.cache
def _lexicon() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The words lemminflect's lemma table knows (its overrides too), sorted; and the words
    with verb lemmas, sorted, beside those lemmas joined by "/", as its lookups merge them (a
    later line or an override replaces a class's lemmas)."""
    from lemminflect import config
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
    from lemminflect.codecs.OverridesCodec import OverridesCodec
    from lemminflect.core.LexicalUtils import categoryToUPos

    words: set[str] = set()
    verbs: dict[str, tuple[str, ...]] = {}
    with gzip.open(config.lemma_lu_fn, "rb") as table:
        for line in table:
            word, category, forms = LemmaLUCodec.fromString(line.decode())
            words.add(word)
            if categoryToUPos(category) == "VERB":
                verbs[word] = forms
    for word, entry in OverridesCodec.load(config.lemma_overrides_fn).items():
        if entry:
            words.add(word)
        if "VERB" in entry:
            verbs[word] = entry["VERB"]
    by_verb = sorted(verbs)
    return (
        np.sort(np.array([w.encode() for w in words], dtype=bytes)),
        np.array([w.encode() for w in by_verb], dtype=bytes),
        np.array(["/".join(verbs[w]).encode() for w in by_verb], dtype=bytes),
    )


def _at(table: np.ndarray, word: str) -> int | None:
    """The place of ``word`` in the sorted ``table``, or None when it is not there."""
    key = word.encode()
    # (a key longer than the table's width is cut to it for the search, and then differs)
    at = int(np.searchsorted(table, key))
    return at if at < len(table) and table[at] == key else None


def known_word(word: str) -> bool:
    """Whether lemminflect knows a lemma of ``word`` (in any case) in any class, as
    ``bool(lemminflect.getAllLemmas(word))`` tells: "workers", "press" are words; "tallis",
    "jones" (surnames) are not.

    >>> [known_word(w) for w in ["workers", "Press", "tallis", "jones"]]
    [True, True, False, False]
    """
    return _at(_lexicon()[0], word.lower()) is not None


@functools.lru_cache(maxsize=65536)
def past_participle(word: str) -> bool:
    """Whether a word is a verb's past participle by lemminflect's English lexicon,
    irregular ones included ("paid", "sold", "born", "given"), as
    ``extract.inflection.past_participle`` reads it.

    >>> [past_participle(w) for w in ["paid", "tuned", "born", "rose", "savers"]]
    [True, True, True, False, False]
    """
    from lemminflect import getInflection
    from lemminflect.core.LexicalUtils import applyCapsStyle, getCapsStyle

    _, verbs, lemmas = _lexicon()
    at = _at(verbs, word.lower())
    if at is None:
        return False
    # (the lemmas written in the case of the word asked about, as getAllLemmas gives them)
    style = getCapsStyle(word)
    found = [applyCapsStyle(lemma, style) for lemma in lemmas[at].decode().split("/")]
    return any(word in getInflection(lemma, tag="VBN") for lemma in found)


def plural(noun: str) -> str:
    """A noun, or a phrase ending in one, in the plural by lemminflect ("children", "police
    officers"); an "s" added to a word it does not know.

    >>> [plural(w) for w in ["child", "police officer", "personnel", "zorb"]]
    ['children', 'police officers', 'personnel', 'zorbs']
    """
    from lemminflect import getInflection

    *first, last = noun.split(" ")
    forms = getInflection(last, tag="NNS")
    return " ".join([*first, forms[0] if forms else last + "s"])
