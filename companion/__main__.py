"""``python -m companion``: the same entry point as ``recovery-companion``."""

import sys

from companion.cli import main

sys.exit(main())
