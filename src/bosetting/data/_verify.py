"""Checking the shipped tables: each file's SHA-256 against its ``hash`` in ``datapackage.json``.

:func:`verify` is what ``bosetting verify`` runs: every hash, and every table read
against its schema (types, constraints, keys and references).
"""

from __future__ import annotations

import hashlib

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


def file_hash(name: str) -> str:
    """The SHA-256 of one shipped table's file, as ``sha256:<hex>``.

    Raises:
        DataError: When the file is missing.
    """
    path = _tables.resource(name)["path"]
    try:
        raw = _tables.dataset_root().joinpath(path).read_bytes()
    except FileNotFoundError:
        raise DataError(N_("the table's file is missing"), file=path) from None
    return _tables.HASH_PREFIX + hashlib.sha256(raw).hexdigest()


def hash_checks() -> tuple[HashCheck, ...]:
    """Every table's declared hash beside its actual one, in descriptor order."""
    out: list[HashCheck] = []
    for res in _tables.descriptor()["resources"]:
        declared = res.get("hash")
        out.append(
            HashCheck(
                res["name"],
                res["path"],
                declared if isinstance(declared, str) else None,
                file_hash(res["name"]),
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
