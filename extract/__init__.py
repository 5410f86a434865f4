"""Numeric claims out of news text, as a Polars table with offsets back into the text."""

from .claims import claim_id, extract_claims
from .schema import CLAIMS_SCHEMA, DOCUMENTS_SCHEMA, SKIPPED_SCHEMA

__all__ = ["CLAIMS_SCHEMA", "DOCUMENTS_SCHEMA", "SKIPPED_SCHEMA", "claim_id", "extract_claims"]
