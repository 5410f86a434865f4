"""The cheap test for a sentence naming an asserter's verb reads the runs of letters a-z of
the lower-cased sentence, as a regex would, whatever else the text holds."""

from __future__ import annotations

import random
import re

from extract import claims
from extract.lexicon import lexicon

_RUN = re.compile(r"[a-z]+")

_CASES = [
    ("Prices rose 4%, the agency said.", True),
    ("Prices rose 4%, the agency SAID.", True),
    ("The saidification of 4 units.", False),  # not a whole run
    ("Officials—according to a memo—put it at 40.", True),
    ("Über 40 Menschen, sagte er.", False),
    ("the résumé said 5", True),
    ("unsaid 5 things", False),
    ("", False),
]


def test_a_table_of_sentences() -> None:
    for text, expected in _CASES:
        assert claims._names_an_asserter_verb(text, 0, len(text)) is expected, text


def test_the_bytes_reading_finds_what_the_regex_reading_finds() -> None:
    verbs = lexicon().attribution_verbs
    pieces = [
        "said",
        "Said",
        "SAYS",
        "told",
        "a",
        "é",
        "İ",
        "K",
        "\u212a",
        "ſ",
        " ",
        "-",
        "1",
        "'",
        "sa",
        "id",
        "\n",
    ]
    rnd = random.Random(9)
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        end = rnd.randint(0, len(text))
        start = rnd.randint(0, end)
        plain = not verbs.isdisjoint(_RUN.findall(text[start:end].lower()))
        assert claims._names_an_asserter_verb(text, start, end) is plain, (text, start, end)


def test_a_cut_of_the_whole_texts_letters_reads_as_the_sentence_alone() -> None:
    """A document's letters made once (``_asserter_letters``) and cut at a sentence give
    the reading of that sentence lower-cased alone, or are not made at all (None) where
    lower-casing the document changes its length."""
    pieces = ["said", "SAYS", "Σ", "ΣA", "told", "K", "\u212a", "é", "İ", " ", ".", "a", "id"]
    rnd = random.Random(17)
    made = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        letters = claims._asserter_letters(text)
        if letters is None:
            assert len(text.lower()) != len(text), text
            continue
        made += 1
        end = rnd.randint(0, len(text))
        start = rnd.randint(0, end)
        alone = claims._names_an_asserter_verb(text, start, end)
        assert claims._names_an_asserter_verb(text, start, end, letters) is alone, (text, start)
    assert made > 1000
