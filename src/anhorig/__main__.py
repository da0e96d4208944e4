"""``python -m anhorig`` runs the ``anhorig`` command."""

from anhorig.cli import main

raise SystemExit(main())
