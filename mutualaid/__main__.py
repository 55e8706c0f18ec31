"""`python -m mutualaid` runs the command line."""

from mutualaid.cli import main

raise SystemExit(main())
