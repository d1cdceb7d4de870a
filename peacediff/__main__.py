"""``python -m peacediff`` runs the command-line interface."""

from peacediff.cli import main

raise SystemExit(main())
