"""Defaults from ``crosscheck.toml`` or ``[tool.crosscheck]`` in ``pyproject.toml``.

    raw = "raw"
    out = "output"
    fail_on = "error"        # error | warning | never
    jobs = 2
    cache = true
    approx_tolerance = 0.05  # how far 約, 程度 … widen a figure (5% of its value)
    [published]              # document dates for files that state none
    press_2024_05 = 2024-05-10

Command-line flags win over the file; the file wins over built-in defaults.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.patterns.check_cues import APPROX_TOLERANCE

CONFIG_FILE = "crosscheck.toml"
PYPROJECT = "pyproject.toml"
_KEYS = {"raw": "raw_dir", "out": "out_dir", "fail_on": "fail_on", "jobs": "jobs"}


class ConfigError(Exception):
    """The configuration cannot be used; names the file and the key."""


@dataclass(frozen=True)
class Config:
    source: Path | None = None
    #: click parameter name -> default
    defaults: dict[str, object] = field(default_factory=dict)
    published: dict[str, date] = field(default_factory=dict)
    approx_tolerance: float = APPROX_TOLERANCE


def _table(folder: Path) -> tuple[Path | None, dict]:
    own = folder / CONFIG_FILE
    if own.exists():
        return own, tomllib.loads(own.read_text(encoding="utf-8"))
    project = folder / PYPROJECT
    if project.exists():
        table = tomllib.loads(project.read_text(encoding="utf-8")).get("tool", {})
        if "crosscheck" in table:
            return project, table["crosscheck"]
    return None, {}


def load_config(folder: Path) -> Config:
    """The configuration found in ``folder`` (none: built-in defaults)."""
    try:
        path, table = _table(folder)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{folder / CONFIG_FILE}: cannot read ({err})") from err
    unknown = set(table) - set(_KEYS) - {"cache", "published", "approx_tolerance"}
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting(s) {sorted(unknown)}; "
            f"known: {sorted([*_KEYS, 'cache', 'published'])}"
        )
    defaults = {_KEYS[k]: v for k, v in table.items() if k in _KEYS}
    if "cache" in table:
        defaults["no_cache"] = not table["cache"]
    published = {}
    for doc_id, value in table.get("published", {}).items():
        try:
            published[doc_id] = value if isinstance(value, date) else date.fromisoformat(str(value))
        except ValueError as err:
            raise ConfigError(f"{path}: published.{doc_id} = {value!r} is not a date") from err
    tolerance = table.get("approx_tolerance", APPROX_TOLERANCE)
    if not isinstance(tolerance, int | float) or not 0 <= tolerance < 1:
        raise ConfigError(f"{path}: approx_tolerance = {tolerance!r} must be a share such as 0.05")
    return Config(path, defaults, published, float(tolerance))
