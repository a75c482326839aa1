"""``python -m bot``: the Discord bot when a token is configured, else the local chat."""

import sys

from bot.cli import main

if __name__ == "__main__":
    sys.exit(main())
