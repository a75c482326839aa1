"""Public names of a package that load their module on first use (PEP 562 ``__getattr__``).

Used by ``bot.engine``, ``bot.knowledge``, ``bot.optout`` and ``bot.sources`` so that importing a
package (the CLI, the Discord glue at start-up) does not import numpy, Chroma, trafilatura or the
note readers until a name that needs them is used.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, names: Mapping[str, tuple[str, str]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``names`` maps a public name to (relative module,
    attribute). The first use imports the module and caches the value in the package, so later
    uses are plain attribute reads. Unknown names raise AttributeError as usual."""

    def __getattr__(name: str) -> Any:
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, attr = names[name]
        value = getattr(importlib.import_module(module, package), attr)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
