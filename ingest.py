#!/usr/bin/env python3
"""Validate knowledge/ and publish a new index version. See ``python ingest.py --help``."""

import sys

from bot.cli.ingest import main

if __name__ == "__main__":
    sys.exit(main())
