"""One entity per set of names the texts (or the user) declare to be the same.

Names merge when their spelling keys match (ジャック・マー = ジャックマー), when a
text glosses or defines one by the other, or when ``raw/aliases.toml`` says so:

    "ジャック・マー公益基金会" = ["馬雲公益基金会", "Jack Ma Foundation"]
"""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from pipeline.link.entities import Name, name_key
from schemas.records import Entity

ALIASES_FILE = "aliases.toml"


class AliasFileError(Exception):
    """The user's alias file cannot be read; says which file and why."""


def user_aliases(raw_dir: Path) -> list[tuple[str, str]]:
    """Pairs from ``raw/aliases.toml`` (absent file: no pairs)."""
    path = raw_dir / ALIASES_FILE
    if not path.exists():
        return []
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise AliasFileError(
            f'{path}: cannot read ({err}); expected lines like "Name" = ["Alias", "Other alias"]'
        ) from err
    pairs = []
    for name, aliases in table.items():
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise AliasFileError(f"{path}: {name!r} must map to a list of strings")
        pairs += [(name, alias) for alias in aliases]
    return pairs


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_entities(
    names: Iterable[Name], same: Iterable[tuple[str, str]]
) -> tuple[list[Entity], dict[str, str]]:
    """Entities (ids stable for the same input) and a map from name key to entity id."""
    groups = _UnionFind()
    written: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    # counted as (text, type) first: a corpus writes a few thousand forms a hundred times
    for (text, kind), times in Counter((n.text, n.type) for n in names).items():
        key = name_key(text)
        groups.find(key)
        written[key][text] += times
        types[key][kind] += times
    for a, b in same:
        groups.union(name_key(a), name_key(b))
        for text in (a, b):
            written[name_key(text)][text] += 0
    members: dict[str, list[str]] = defaultdict(list)
    for key in list(groups.parent):
        members[groups.find(key)].append(key)
    entities, id_of = [], {}
    for n, root in enumerate(sorted(members, key=lambda r: min(members[r]))):
        forms: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for key in members[root]:
            forms.update(written[key])
            kinds.update(types[key])
        # the form written most often names the entity; ties go to the longer form
        name = max(forms, key=lambda f: (forms[f], len(f), f))
        typed = [t for t, _ in kinds.most_common() if t != "PRODUCT"]
        entity_id = f"E{n + 1:04d}"
        entities.append(
            Entity(
                entity_id=entity_id,
                name=name,
                type=typed[0] if typed else "PRODUCT",
                aliases=sorted(f for f in forms if f != name),
            )
        )
        for key in members[root]:
            id_of[key] = entity_id
    return entities, id_of
