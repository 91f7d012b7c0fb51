"""How commands print: JSON for scripts, aligned ``key: value`` lines for people."""

import json
import sys
from collections.abc import Mapping
from typing import Any


def print_json(data: Any) -> None:
    """Pretty JSON on stdout, Unicode kept as is (names in any script stay readable)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    print()


def print_fields(data: Mapping[str, Any]) -> None:
    """One ``key: value`` line per filled-in field, keys right-aligned."""
    filled = {key: value for key, value in data.items() if value not in (None, "")}
    width = max((len(key) for key in filled), default=0)
    for key, value in filled.items():
        print(f"{key:>{width}}: {value}")
