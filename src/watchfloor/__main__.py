"""Run the command line interface with ``python -m watchfloor``."""

from watchfloor.cli import main

raise SystemExit(main())
