"""French knowledge as data: lexicons (YAML) and named regexes, each with an example.

``load(name)`` reads ``<name>.yaml`` from this folder once (cached); stage code never holds
French word lists or regex literals of its own.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """Parsed content of ``bilan/lang/fr/<name>.yaml``."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text("utf-8")
    return yaml.safe_load(text)
