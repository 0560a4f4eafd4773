"""The frozen bundle's entry point: the same as the ``recovery-companion`` command."""

import sys

from companion.cli import main

if __name__ == "__main__":
    sys.exit(main())
