"""Checking the shipped tables: each file's SHA-256 against its ``hash`` in ``datapackage.json``.

:func:`verify` is what ``bosetting verify`` runs: every hash, and every table read
against its schema (types, constraints, keys and references).
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import attrs

from bosetting.data import _tables
from bosetting.errors import ChecksumError, DataError
from bosetting.i18n import N_, lazy_gettext

__all__ = ["HashCheck", "file_hash", "hash_checks", "verify"]

# The tables module is named, not its functions, so a test that points it at a
# private copy of the datasets points these checks there too.


@attrs.frozen
class HashCheck:
    """One table's declared and actual SHA-256 hash.

    Attributes:
        name: The resource's name.
        path: Its file, relative to the data package.
        declared: The ``hash`` in ``datapackage.json`` (``None`` if it has none).
        actual: The hash of the file as it is (``sha256:<hex>``).
    """

    name: str
    path: str
    declared: str | None
    actual: str

    @property
    def ok(self) -> bool:
        """Whether the file matches its declared hash."""
        return self.declared == self.actual


def _hash_of(root: Traversable | Path, path: str) -> str:
    try:
        raw = root.joinpath(path).read_bytes()
    except FileNotFoundError:
        raise DataError(N_("the table's file is missing"), file=path) from None
    return _tables.HASH_PREFIX + hashlib.sha256(raw).hexdigest()


def file_hash(name: str) -> str:
    """The SHA-256 of one shipped table's file, as ``sha256:<hex>``.

    Raises:
        DataError: When the file is missing.
    """
    return _hash_of(_tables.dataset_root(), _tables.resource(name)["path"])


def _descriptor_at(root: Path) -> dict[str, Any]:
    try:
        parsed: dict[str, Any] = json.loads(
            (root / "datapackage.json").read_bytes().decode("utf-8")
        )
    except FileNotFoundError:
        raise DataError(
            N_("cannot read the file: no such file"), file=str(root / "datapackage.json")
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(
            N_("not valid UTF-8 JSON ({reason})"), reason=str(exc), file="datapackage.json"
        ) from None
    return parsed


def hash_checks(root: str | os.PathLike[str] | None = None) -> tuple[HashCheck, ...]:
    """Every table's declared hash beside its actual one, in descriptor order.

    Args:
        root: A folder holding a data package (``datapackage.json`` and its tables)
            to check instead of the shipped one: ``scripts/refresh_hashes.py``
            checks the repository's ``datasets/`` or a copy of it this way.

    Raises:
        DataError: When a table's file or the descriptor is missing or unreadable.
    """
    if root is None:
        folder: Traversable | Path = _tables.dataset_root()
        resources = _tables.descriptor()["resources"]
    else:
        folder = Path(root)
        resources = _descriptor_at(folder)["resources"]
    out: list[HashCheck] = []
    for res in resources:
        declared = res.get("hash")
        out.append(
            HashCheck(
                res["name"],
                res["path"],
                declared if isinstance(declared, str) else None,
                _hash_of(folder, res["path"]),
            )
        )
    return tuple(out)


def verify() -> tuple[HashCheck, ...]:
    """Check every shipped table against ``datapackage.json``: its hash, then its schema.

    Returns:
        The hash checks (all ``ok``).

    Raises:
        ChecksumError: Naming the first table whose file does not match its
            declared hash (and how many others do not).
        DataError: When a table breaks its schema or a reference (see :func:`~bosetting.data.read_rows`).

    Examples:
        >>> all(check.ok for check in verify())
        True
    """
    checks = hash_checks()
    stale = [c for c in checks if not c.ok]
    if stale:
        first = stale[0]
        declared = first.declared or lazy_gettext("no hash declared")
        template = (
            N_(
                "the file does not match its hash in datapackage.json ({declared}); {n} more: "
                "{others}. Reinstall bosetting; in a source checkout, run "
                "'python scripts/refresh_hashes.py' after an intended change"
            )
            if stale[1:]
            else N_(
                "the file does not match its hash in datapackage.json ({declared}). Reinstall "
                "bosetting; in a source checkout, run 'python scripts/refresh_hashes.py' after "
                "an intended change"
            )
        )
        raise ChecksumError(
            template,
            declared=declared,
            n=len(stale) - 1,
            others=", ".join(c.path for c in stale[1:]),
            file=first.path,
            field="hash",
            value=first.actual,
        )
    for name in _tables.resource_names():
        _tables.read_rows(name)
    return checks
