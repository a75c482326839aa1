"""``python -m tests.reliability``: inject faults and print the figures (see :mod:`tests.reliability`)."""

import argparse
import sys

from bot.settings import load_settings
from tests.reliability.report import main

p = argparse.ArgumentParser(
    prog="python -m tests.reliability",
    description="inject faults (SIGKILLed ingests, bad files, reloads under traffic, 200 concurrent /ask) "
    "and print the figures",
)
p.add_argument("--kills", type=int, default=10, help="timed SIGKILLs spread over an ingest run (default 10)")
p.add_argument("--questions", type=int, default=200, help="concurrent /ask for the load check (default 200)")
p.add_argument("--json", action="store_true", help="print the figures as JSON")
p.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")

sys.exit(main(p.parse_args(), load_settings()))
