"""Every rule, and every version of a rule, the checks can report is in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKS = sorted((ROOT / "pipeline" / "checks").glob("*.py"))
_RULE = re.compile(r'^RULE = "(\w+)"', re.M)
_VERSION = re.compile(r"version=(\d+)")


def _rule_versions() -> list[str]:
    found = []
    for path in CHECKS:
        text = path.read_text(encoding="utf-8")
        rule = _RULE.search(text)
        if rule is None:
            continue
        found.append(rule.group(1))
        found += [f"{rule.group(1)}.v{n}" for n in sorted(set(_VERSION.findall(text)))]
    return sorted(set(found))


@pytest.mark.parametrize("name", _rule_versions())
def test_every_rule_and_version_is_in_the_readme(name):
    assert f"`{name}`" in (ROOT / "README.md").read_text(encoding="utf-8")
