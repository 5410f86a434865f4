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
