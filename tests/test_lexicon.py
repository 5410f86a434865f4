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


# Lines of page furniture and of prose, each with whether the furniture patterns take it.
_LINES = [
    ("Copyright 2031 The Harbour Gazette", True),
    ("All Rights Reserved.", True),
    ("Tickets went on sale; rights reserved for members were sold out.", False),
    ("The firm’s copyrighted logo was on every crate.", False),
    ("Unlike its rival, the paper was published 12 hours ago in print.", True),
    ("The ferry timetable was published on Tuesday.", False),
    ("The agency said it does not provide investment advice to anyone.", True),
    ("© 2030 Northwind Media", True),
    ("Read next: how the dam was built", True),
    ("The dam, read next to the old survey, looks smaller.", False),
    ("NoCopyright here, the word runs on.", False),
]


def test_furniture_patterns_read_lines_as_one_alternation_would() -> None:
    """Each pattern is tried on its own (a word boundary checked after the first letter),
    with the verdict of all of them joined into one case-blind alternation."""
    import re

    raw = yaml.safe_load(module._DATA.read_text(encoding="utf-8"))["boilerplate_lines"]
    joined = re.compile("|".join(f"(?:{p})" for p in raw), re.IGNORECASE)
    patterns = module.lexicon().boilerplate_lines
    for line, furniture in _LINES:
        assert bool(joined.search(line)) is furniture, line
        assert patterns.search(line) is furniture, line


def test_a_word_boundary_before_a_letter_is_checked_after_it() -> None:
    import re

    for pattern, text, found in [
        (r"\bcopyright\b", "a copyright notice", True),
        (r"\bcopyright\b", "uncopyright", False),
        (r"\bport|dock", "airport dock", True),
        (r"\bport|dock", "airport", False),
        (r"\b[a-z]+ay\b", "on friday", True),
    ]:
        rewritten = module._boundary_after_letter(pattern)
        assert bool(re.search(rewritten, text)) is found is bool(re.search(pattern, text))
    assert module._boundary_after_letter(r"\bport") == r"p(?<=\bp)ort"
    assert module._boundary_after_letter(r"\bp+ort") == r"\bp+ort"  # a repeated letter: as it is
