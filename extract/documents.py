"""The records that flow from the readers to the extractor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Document", "Skipped"]


@dataclass(frozen=True, slots=True)
class Document:
    """One document's text with its metadata.

    ``text`` is exactly what claim offsets index into: readers never strip or
    rewrite it after decoding.
    """

    doc_id: str
    text: str
    source: str
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not turned into a document, and why."""

    source: str
    doc_id: str | None
    reason: str
