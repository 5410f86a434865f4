"""Numeric claims out of news text, as a Polars table with offsets back into the text.

>>> from extract import extract_claims
>>> extract_claims("Port officials say the fleet has grown to more than 300 boats.").select(
...     "value", "bound", "change", "attribution").row(0)
(300.0, 'lower', 'increase', 'Port officials')
"""

from .claims import claim_id, extract_claims
from .corpus import CorpusResult, claims_for_documents, extract_corpus, extract_corpus_report
from .documents import Document, Skipped
from .evaluate import load_gold, score_gold
from .output import write_table
from .readers import CorpusError, ManifestError, iter_documents, read_manifest, sample_corpus_path
from .schema import CLAIMS_SCHEMA, DOCUMENTS_SCHEMA, SKIPPED_SCHEMA

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
