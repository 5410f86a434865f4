"""reconcile.lemmas, the lean reading of lemminflect's lexicon, gives the answers of the
lemminflect calls it stands in for."""

from __future__ import annotations

import gzip

import lemminflect
from lemminflect import config

from extract.inflection import past_participle as extract_past_participle
from reconcile.lemmas import known_word, past_participle


def _table_words() -> list[str]:
    with gzip.open(config.lemma_lu_fn, "rt", encoding="utf-8") as table:
        return sorted({line.split(",", 1)[0] for line in table})


def _words() -> list[str]:
    """Every 7th word of the table, as written, capitalised and in capitals, and words it
    does not hold (a surname, a made-up word, one longer than any it holds, an empty one)."""
    sample = _table_words()[::7]
    odd = ["tallis", "zorbles", "Porto", "northern", "x" * 80, "", "caf\u00e9", "Paid", "PAID"]
    return [
        *sample,
        *(w.capitalize() for w in sample[::5]),
        *(w.upper() for w in sample[::9]),
        *odd,
    ]


def test_known_word_as_lemminflect_reads_it() -> None:
    words = _words()
    assert [known_word(w) for w in words] == [bool(lemminflect.getAllLemmas(w)) for w in words]


def test_past_participle_as_the_extractor_reads_it() -> None:
    words = _words()
    found = [past_participle(w) for w in words]
    assert found == [extract_past_participle(w) for w in words]
    assert sum(found) > 500  # (the sample holds many participles: the test reads something)
