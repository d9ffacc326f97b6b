"""``python -m summarize`` runs the command-line tool."""

import sys

from summarize.cli.app import main

sys.exit(main())
