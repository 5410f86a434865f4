"""Extraction from many threads gives the rows one thread gives."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

from extract import extract_claims
from extract.documents import Document
from extract.readers import iter_documents, sample_corpus_path

THREADS = 8


def test_extract_claims_from_eight_threads_equals_one() -> None:
    texts = [
        record.text
        for record in iter_documents(sample_corpus_path())
        if isinstance(record, Document)
    ]
    texts += [
        "The harbour handled 1,200 containers on Monday, up 5% on the week.",
        "A bakery sold 3,400 loaves during the two-day fair, its owner said.",
    ]
    # each text THREADS times in a row: the threads read the same text object at once
    work = [text for text in texts for _ in range(THREADS)]
    alone = [extract_claims(text, doc_id=f"d{i}") for i, text in enumerate(work)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, so they interleave
    try:
        with ThreadPoolExecutor(THREADS) as pool:
            together = list(
                pool.map(
                    lambda item: extract_claims(item[1], doc_id=f"d{item[0]}"), enumerate(work)
                )
            )
    finally:
        sys.setswitchinterval(interval)
    assert len(together) == len(alone)
    for one, many in zip(alone, together, strict=True):
        assert many.equals(one)


def test_each_thread_keeps_its_own_token_cache() -> None:
    """A thread's primed sentence is not replaced by another thread's (white box)."""
    from extract import context

    mine = "Exports rose 4% to $2 billion in May."
    theirs = "A bakery sold 3,400 loaves during the fair."
    context.prime_tokens(mine, 0, len(mine))
    with ThreadPoolExecutor(1) as pool:
        pool.submit(context.prime_tokens, theirs, 0, len(theirs)).result()
    window = context._CACHE.window(mine, 0, 7)
    assert window is not None and [t.text for t in window] == ["Exports"]
    assert context.tokens(mine, 0, 7) == window
