"""``python -m newsfigures``: the ``newsfigures`` command line."""

from .cli import main

raise SystemExit(main())
