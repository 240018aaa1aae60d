"""Run the ``bosetting`` command as ``python -m bosetting``."""

import sys

from bosetting.cli import main

if __name__ == "__main__":
    sys.exit(main())
