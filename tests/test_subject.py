"""Whom a figure is about (extract.context.subject_before): names that are not its subject."""

from __future__ import annotations

import pytest

from extract.context import TextTokens, subject_before


def _subject(text: str, needle: str) -> str | None:
    return subject_before(TextTokens(text), 0, text.index(needle), skip=None)


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        # a passive's agent is not the subject, also when nouns complete it into a phrase
        ("A motor built by Kessler had Acme paying 400 euros.", "400", "Acme"),
        ("A motor built by Kessler engineers had Acme paying 400 euros.", "400", "Acme"),
        # another name for a thing named before ("dubbed the ...")
        ("The rail link, dubbed the Orbit Line, carried 9,000 riders.", "9,000", None),
        ("Brovia Foods has hired 120 drivers.", "120", "Brovia Foods"),
    ],
)
def test_agents_and_aliases_are_not_subjects(text: str, needle: str, expected: str | None) -> None:
    assert _subject(text, needle) == expected
