"""The cheap tests the readers make first (a word that can be no verb, a last word that marks
no change, no capital that may open a name) leave every reading as the full one gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import claims, context, left_phrase, unit_reading
from extract.lexicon import lexicon

_SAMPLES = sorted((Path(claims.__file__).parent / "data" / "sample").glob("*.txt"))


class _Everything:
    """A set that holds every word: the cheap test it stands in for never turns one away."""

    def __contains__(self, word: object) -> bool:
        return True


def _frames(word: str) -> list[str]:
    """Sentences that put a word where the walk, the change and the subject readings look."""
    return [
        f"Officials {word} rose 5% to $3 million last year.",
        f"The cost {word} was 5% higher, Acme said.",
        f"Prices {word} the 40 stores fell by 2% in May.",
        f"Acme expects to {word} 300 jobs.",
        f"Sales of {word} cars grew {word} 12 per cent.",
        f"The Harbour Board {word} estimated 4,000 ships.",
    ]


def _texts() -> list[str]:
    words = [*sorted(lexicon().stopwords), "rose", "fell", "further", "sales", "expects"]
    return [frame for word in words for frame in _frames(word)] + [
        path.read_text(encoding="utf-8") for path in _SAMPLES
    ]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_cheap_tests_change_no_reading(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    quick = [claims.extract_rows(text) for text in texts]
    monkeypatch.setattr(left_phrase, "_never_verbs", frozenset)
    monkeypatch.setattr(unit_reading, "_change_lasts", _Everything)
    monkeypatch.setattr(context, "_may_name", lambda text, toks, lex: bool(toks))
    assert [claims.extract_rows(text) for text in texts] == quick
