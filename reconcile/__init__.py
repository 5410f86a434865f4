"""Claims about the same quantity, normalised, grouped, counted as independent assertions
and compared.

>>> from extract import extract_corpus
>>> from reconcile import reconcile
>>> result = reconcile(extract_corpus())
>>> sorted(result.quantities.columns)[:4]
['as_of_end', 'as_of_start', 'best', 'concept']
"""

from .core import ReconcileResult, reconcile
from .schema import ASSERTIONS_SCHEMA, CHECKS_SCHEMA, QUANTITIES_SCHEMA, STANCES_SCHEMA
from .tables import load_fx_rates, load_mapping

__all__ = [
    "ASSERTIONS_SCHEMA",
    "CHECKS_SCHEMA",
    "QUANTITIES_SCHEMA",
    "STANCES_SCHEMA",
    "ReconcileResult",
    "load_fx_rates",
    "load_mapping",
    "reconcile",
]
