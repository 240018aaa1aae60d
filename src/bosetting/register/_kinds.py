"""What kind of change each row of KLASS 131's change list is: split, merge, rename or new number.

KLASS lists one row per old code and new code on the day of a change; the kind
is bosetting's reading of how many codes stand on each side that day: an old
code going to several new ones is a split, several old codes going to one new
one a merge, the same code with a new name a rename, and anything else a new
number. The shipped change table (``scripts/build_municipalities.py``) and the
refreshed one (``bosetting update``) both ask this one rule.

Examples:
    >>> [k.value for k in change_kinds([
    ...     ("2020-01-01", "1401", "4602"), ("2020-01-01", "1439", "4602"),
    ...     ("2020-01-01", "1850", "1806"), ("2020-01-01", "1850", "1875"),
    ...     ("2024-01-01", "4204", "4204"), ("2024-01-01", "3001", "3101"),
    ... ])]
    ['merge', 'merge', 'split', 'split', 'rename', 'renumber']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from bosetting.model import ChangeKind, checked

__all__ = ["change_kinds"]


@checked
def change_kinds(changes: Sequence[tuple[str, str, str]]) -> list[ChangeKind]:
    """The kind of each change, given as ``(day, old code, new code)``, in the same order."""
    successors: dict[tuple[str, str], set[str]] = defaultdict(set)
    predecessors: dict[tuple[str, str], set[str]] = defaultdict(set)
    for day, old, new in changes:
        successors[day, old].add(new)
        predecessors[day, new].add(old)
    kinds = []
    for day, old, new in changes:
        if len(successors[day, old]) > 1:
            kinds.append(ChangeKind.SPLIT)
        elif len(predecessors[day, new]) > 1:
            kinds.append(ChangeKind.MERGE)
        elif old == new:
            kinds.append(ChangeKind.RENAME)
        else:
            kinds.append(ChangeKind.RENUMBER)
    return kinds
