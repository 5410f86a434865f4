"""The lexicon's fields are each read from one place in data/lexicon.yaml."""

from __future__ import annotations

import dataclasses
from collections import Counter

import yaml

from extract import lexicon as module


def test_each_field_is_read_by_one_rule() -> None:
    raw = yaml.safe_load(module._DATA.read_text(encoding="utf-8"))
    by_shape = [
        *module._WORD_SETS,
        *module._PHRASE_INDEXES,
        *module._KEYED,
        *module._LABELLED_SETS,
        *module._ENDINGS,
        *module._LINE_PATTERNS,
        *module._numbers(raw),
        *module._currencies(raw),
        *module._words_of_phrases(raw),
        "max_before",
        "max_after",
    ]
    twice = [name for name, n in Counter(by_shape).items() if n > 1]
    assert twice == []
    assert sorted(by_shape) == sorted(f.name for f in dataclasses.fields(module.Lexicon))


def test_word_sets_are_lower_case_words() -> None:
    lex = module.lexicon()
    assert "january" in lex.months and "the" in lex.stopwords
    assert all(word == word.lower() for name in module._WORD_SETS for word in getattr(lex, name))


def test_each_near_hedge_is_a_hedge_of_the_same_bound() -> None:
    lex = module.lexicon()
    for bound, hedges in lex.near_qualifiers.items():
        assert hedges, bound
        for hedge in hedges:
            assert lex.qualifiers_before.get(tuple(hedge.split())) == bound, hedge
