"""Numeric claims out of news text, as a Polars table with offsets back into the text.

>>> from extract import extract_claims
>>> extract_claims("Port officials say the fleet has grown to more than 300 boats.").select(
...     "value", "bound", "change", "attribution").row(0)
(300.0, 'lower', 'increase', 'Port officials')
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .claims import claim_id, extract_claims
    from .corpus import CorpusResult, claims_for_documents, extract_corpus, extract_corpus_report
    from .documents import Document, Skipped
    from .evaluate import load_gold, score_gold
    from .output import write_table
    from .readers import (
        CorpusError,
        ManifestError,
        iter_documents,
        read_manifest,
        sample_corpus_path,
    )
    from .schema import CLAIMS_SCHEMA, DOCUMENTS_SCHEMA, SKIPPED_SCHEMA

# The package's names are imported when first used, so that a process needing one
# module (a worker process, ``python -m extract --help``) does not load them all.
_HOMES = {
    ".claims": ("claim_id", "extract_claims"),
    ".corpus": ("CorpusResult", "claims_for_documents", "extract_corpus", "extract_corpus_report"),
    ".documents": ("Document", "Skipped"),
    ".evaluate": ("load_gold", "score_gold"),
    ".output": ("write_table",),
    ".readers": (
        "CorpusError",
        "ManifestError",
        "iter_documents",
        "read_manifest",
        "sample_corpus_path",
    ),
    ".schema": ("CLAIMS_SCHEMA", "DOCUMENTS_SCHEMA", "SKIPPED_SCHEMA"),
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        if importlib.util.find_spec(f"{__name__}.{name}") is not None:
            return importlib.import_module(f".{name}", __name__)  # extract.corpus and so on
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "CLAIMS_SCHEMA",
    "DOCUMENTS_SCHEMA",
    "SKIPPED_SCHEMA",
    "CorpusError",
    "CorpusResult",
    "Document",
    "ManifestError",
    "Skipped",
    "claim_id",
    "claims_for_documents",
    "extract_claims",
    "extract_corpus",
    "extract_corpus_report",
    "iter_documents",
    "load_gold",
    "read_manifest",
    "sample_corpus_path",
    "score_gold",
    "write_table",
]
