"""A claim while it is being read, before it becomes a row of the claims table."""

from __future__ import annotations

from dataclasses import dataclass, field

from .context import Token
from .segment import Sentence

__all__ = ["Draft"]


@dataclass(slots=True)
class Draft:
    """A claim while its document is read: offsets, value and what is found so far."""

    start: int
    end: int
    sentence: Sentence
    value: float
    low: float | None = None
    high: float | None = None
    bound: str = "exact"
    qualifier: str | None = None
    doubt: str | None = None  # why the figure may be misprinted (the ``doubt`` column)
    unit: str | None = None
    dimension: str = "count"
    per: str | None = None
    change: str | None = None
    concept: str | None = None
    purpose: str | None = None  # what the figure is for: "for compact cars"
    restates: int | None = None
    from_index: int | None = None
    consumed: int = 0
    noun_tokens: list[Token] = field(default_factory=list)
    #: where the concept starts when it is the subject of the verb before the figure: no
    #: name before that owns the figure ("Acme estimated that a strike would cost $30m")
    subject_at: int | None = None
    left: list[Token] | None = None  # the sentence's tokens before the claim, hedge excluded
    #: the figure before whose thing "it" or "they", the subject of this one's verb, stands
    #: for ("The kettle costs $90, and it can boil 1.7 litres": the $90)
    antecedent: Draft | None = None
