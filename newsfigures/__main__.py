"""``python -m newsfigures``: the ``newsfigures`` command line."""

import signal

try:  # a Ctrl-C while the command line is still being imported ends it the same way
    from .cli import main
except KeyboardInterrupt:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .cli import interrupted_exit

    interrupted_exit()

raise SystemExit(main())
