"""`python -m <package> validate ...`: the validator, with only this package installed."""

import sys

from ._cli import main

sys.exit(main())
