"""`python -m app.cli`: the command line without the installed `concord` script."""

import sys

from app.cli import main

sys.exit(main())
