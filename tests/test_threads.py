"""Extraction from many threads gives the rows one thread gives."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest

from extract import extract_claims
from extract.documents import Document
from extract.readers import iter_documents, sample_corpus_path

THREADS = 8
EXTRA = [
    "The harbour handled 1,200 containers on Monday, up 5% on the week.",
    "A bakery sold 3,400 loaves during the two-day fair, its owner said.",
    "Rents in Carlow rose 7.5% to €1,450 a month, according to the Orla Lettings index.",
    "The ferry, built by Maro Yards, carries 640 passengers and 90 cars at 21 knots.",
]


def _texts() -> list[str]:
    docs = [r.text for r in iter_documents(sample_corpus_path()) if isinstance(r, Document)]
    return docs + EXTRA


@contextmanager
def _switching_often() -> Iterator[None]:
    """Switch threads as often as the interpreter allows, so that they interleave."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def _same_text_at_once(texts: list[str]) -> list[str]:
    """Each text THREADS times in a row: the threads read the same text object at once."""
    return [text for text in texts for _ in range(THREADS)]


def _other_texts_at_once(texts: list[str]) -> list[str]:
    """The texts in turn, THREADS rounds: the threads read different texts at once."""
    return [text for _ in range(THREADS) for text in texts]


@pytest.mark.parametrize("order", [_same_text_at_once, _other_texts_at_once])
def test_extract_claims_from_eight_threads_equals_one(
    order: Callable[[list[str]], list[str]],
) -> None:
    work = order(_texts())
    alone = [extract_claims(text, doc_id=f"d{i}") for i, text in enumerate(work)]
    start = threading.Barrier(THREADS)

    def run(item: tuple[int, str]) -> object:
        if item[0] < THREADS:
            start.wait()  # the first THREADS calls start together
        return extract_claims(item[1], doc_id=f"d{item[0]}")

    with _switching_often(), ThreadPoolExecutor(THREADS) as pool:
        together = list(pool.map(run, enumerate(work)))
    assert len(together) == len(alone)
    for i, (one, many) in enumerate(zip(alone, together, strict=True)):
        assert many.equals(one), f"call {i} differs when run from {THREADS} threads"


def test_each_call_reads_its_own_tokens() -> None:
    """Tokens are cached by one text's reader, not by the module: reading another text,
    in this thread or another, leaves a reader's cache as it was (white box)."""
    from extract import context

    mine = "Exports rose 4% to $2 billion in May. Imports fell."
    theirs = "A bakery sold 3,400 loaves during the fair."
    my_tokens = context.TextTokens(mine, [(0, 37), (38, len(mine))])
    their_tokens = context.TextTokens(theirs, [(0, len(theirs))])
    first = my_tokens.window(0, 7)
    with ThreadPoolExecutor(1) as pool:
        pool.submit(their_tokens.window, 0, 8).result()
    their_tokens.window(2, 8)
    assert [t.text for t in first] == ["Exports"]
    # each reader keeps its own text's one block (its two sentences joined), nothing else
    assert list(my_tokens.kept) == [(0, len(mine))]
    assert list(their_tokens.kept) == [(0, len(theirs))]
    assert my_tokens.window(8, 15) == context.TextTokens(mine).window(8, 15)  # fresh alike
    assert not [name for name, value in vars(context).items() if isinstance(value, threading.local)]
