"""The tokenizer's regex, written for speed, cuts text as its plain reading does."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from extract import context

#: The plain reading: a word is a letter or digit, then any of word characters, inner
#: apostrophes, dots, ampersands, slashes and single hyphens, ending on a word character.
_PLAIN = re.compile(r"\d[\d,.]*\d|[^\W_](?:(?:[\w'’.&/]|-(?!-))*\w)?|[^\w\s]")

_CASES = [
    ("the drop-top's price", ["the", "drop-top's", "price"]),
    (
        "U.S. output rose 4.5% to 1,200,000 tonnes.",
        ["U.S", ".", "output", "rose", "4.5", "%", "to", "1,200,000", "tonnes", "."],
    ),
    ("two weeks--March", ["two", "weeks", "-", "-", "March"]),
    ("AT&T and/or its 12th unit_b", ["AT&T", "and/or", "its", "12", "th", "unit_b"]),
    ("a 5-year plan, ends-", ["a", "5-year", "plan", ",", "ends", "-"]),
    ("Ngā tāngata’s 3", ["Ngā", "tāngata’s", "3"]),
]


def test_tokens_of_a_table_of_cases() -> None:
    for text, words in _CASES:
        assert [t.text for t in context._tokenize(text, 0, len(text))] == words, text


def test_the_fast_regex_cuts_as_the_plain_one_on_random_text() -> None:
    rnd = random.Random(7)
    alphabet = "ab1_2,.-'’&/ é$%\n"
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 24)))
        end = rnd.randint(0, len(text))
        start = rnd.randint(0, end)
        fast = [(m.group(), m.span()) for m in context._TOKEN.finditer(text, start, end)]
        plain = [(m.group(), m.span()) for m in _PLAIN.finditer(text, start, end)]
        assert fast == plain, (text, start, end)


def test_a_token_reads_as_its_tuple() -> None:
    text = "Port fees rose"
    first, second, _ = context._tokenize(text, 0, len(text))
    assert tuple(first) == ("Port", 0, 4, "port") and first[3] == "port" and len(first) == 4
    assert first == context.Token("Port", 0, 4, "port") == ("Port", 0, 4, "port")
    assert first != second and first < second
    assert {first, context.Token("Port", 0, 4, "port")} == {first}
    text_, start, end, lower = second
    assert (text_, start, end, lower) == ("fees", 5, 9, "fees")


def test_tokens_read_from_their_gaps_sit_where_the_matches_are() -> None:
    # _tokenize finds each token with the run before it that starts none (spaces,
    # underscores) and counts offsets from lengths: the same tokens and offsets as a match
    # object per token, at the edges of a window too
    rnd = random.Random(11)
    alphabet = "ab1_2,.-'’&/ é$%\n\t\u00a0"
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
        end = rnd.randint(0, len(text))
        start = rnd.randint(0, end)
        expected = [(m.group(), *m.span()) for m in context._TOKEN.finditer(text, start, end)]
        got = [(t.text, t.start, t.end) for t in context._tokenize(text, start, end)]
        assert got == expected, (text, start, end)
        assert all(t.lower == t.text.lower() for t in context._tokenize(text, start, end))


class _SmallBlocks(context.TextTokens):
    """Blocks of a few characters, so that windows cross them and blocks are let go."""

    BLOCK = 10
    KEEP = 2


def test_spans_are_joined_into_blocks_of_whole_spans() -> None:
    spans = [(0, 5), (6, 10), (11, 30), (31, 33), (34, 40)]
    assert context._blocks(spans, 12) == [(0, 10), (11, 30), (31, 40)]
    assert context._blocks(spans, 4000) == [(0, 40)] and context._blocks([], 12) == []


@pytest.mark.parametrize("reader", [context.TextTokens, _SmallBlocks])
def test_windows_cut_from_blocks_are_fresh_readings_with_their_words(
    reader: type[context.TextTokens],
) -> None:
    # a window is cut from its block's tokens (the block read last reused) or read afresh
    # when it leaves the blocks or cuts a token; either way it and its lower-case words are
    # those of a fresh reading, in any order of windows
    rnd = random.Random(13)
    alphabet = "ab1_2,.-'’&/ é$%AB\n"
    for _ in range(3_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 40)))
        cuts = sorted({0, len(text), *(rnd.randint(0, len(text)) for _ in range(3))})
        spans = [span for span in itertools.pairwise(cuts) if rnd.random() < 0.8]
        tokens = reader(text, spans)
        for _ in range(8):
            end = rnd.randint(0, len(text))
            start = rnd.randint(0, end)
            fresh = context._tokenize(text, start, end)
            toks, words = tokens.window_words(start, end)
            assert tokens.window(start, end) == fresh == toks, (text, start, end)
            assert words == [t.text.lower() for t in fresh], (text, start, end)
