"""What the notebooks show: tables, figures and paragraphs, each one call.

The notebooks in ``notebooks/`` hold no logic: every step they take is one call here.

* :func:`check_parameters` (:mod:`newsfigures.params`) turns the notebook parameters into
  :class:`Settings`, or raises :class:`ParameterError` with a short message in plain words;
* :func:`load_corpus` and :func:`reconcile_corpus` build the tables (sorted, so the same
  input and parameters always give the same tables), :func:`write_tables` writes them;
* the display helpers (:func:`counts_table`, :func:`claim_sample`, :func:`headlines`,
  :func:`range_figures` ...) return small objects that Jupyter shows as HTML
  (:mod:`newsfigures.html`), bounded on any corpus, with amounts in words
  (:mod:`newsfigures.words`);
* :func:`headline` writes the paragraph about one divergent quantity from the assertions;
* a run of the three notebooks and its ``report.html`` are :mod:`newsfigures.run` and
  :mod:`newsfigures.page`.

This module gathers them from where they are written: :mod:`newsfigures.corpus` (the tables
read, reconciled, sorted and written), :mod:`newsfigures.tables` (tables of claims and
quantities), :mod:`newsfigures.figures` (plots), :mod:`newsfigures.prose` (headline
paragraphs), :mod:`newsfigures.cells` (a quantity's cells) and :mod:`newsfigures.topic` (the
topic report's other pieces).
"""

from __future__ import annotations

from .cells import figure_cells, verdict_words
from .corpus import Corpus, load_corpus, reconcile_corpus, write_tables
from .figures import (
    ReportFigures,
    overview_figure,
    range_figures,
    report_figures,
    slug,
    timeline_figures,
)
from .html import Html, no_math, safe_link
from .params import ParameterError, Settings, check_parameters, default_outputs, is_sample_corpus
from .prose import headline, headlines
from .tables import (
    boilerplate_table,
    checks_table,
    claim_sample,
    corpus_summary,
    counts_table,
    highlight,
    quantities_table,
    skipped_table,
    stances_table,
)
from .topic import (
    left_out,
    method_note,
    select_topic,
    sources_table,
    title_block,
    topic_found,
    topic_summary,
    unused_renames,
)
from .words import format_amount, times_apart

__all__ = [
    "Corpus",
    "Html",
    "ParameterError",
    "ReportFigures",
    "Settings",
    "boilerplate_table",
    "check_parameters",
    "checks_table",
    "claim_sample",
    "corpus_summary",
    "counts_table",
    "default_outputs",
    "figure_cells",
    "format_amount",
    "headline",
    "headlines",
    "highlight",
    "is_sample_corpus",
    "left_out",
    "load_corpus",
    "method_note",
    "no_math",
    "overview_figure",
    "quantities_table",
    "range_figures",
    "reconcile_corpus",
    "report_figures",
    "safe_link",
    "select_topic",
    "skipped_table",
    "slug",
    "sources_table",
    "stances_table",
    "timeline_figures",
    "times_apart",
    "title_block",
    "topic_found",
    "topic_summary",
    "unused_renames",
    "verdict_words",
    "write_tables",
]
