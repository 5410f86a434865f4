"""The newsfigures application: report runs over a corpus, the command line, the notebooks'
display helpers and the self-contained ``report.html``.

The libraries it drives are :mod:`extract` (numeric claims out of news text) and
:mod:`reconcile` (claims about the same quantity grouped, compared and plotted); neither
imports this package.
"""
