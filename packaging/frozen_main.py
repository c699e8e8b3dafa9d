"""The frozen bundle's entry point: the same `concord` program as the installed console script."""

import sys

from ui.launch import main

sys.exit(main())
