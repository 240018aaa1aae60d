"""Checking what the package ships: every file of ``datasets/``, each table's hash and schema.

``datasets/SHA256SUMS`` (:data:`MANIFEST`) lists the SHA-256 of every file in the
folder but itself, one ``<hex>  <name>`` line each, sorted by name: the form
``sha256sum -c SHA256SUMS`` checks. It covers what the descriptor's own hashes
cannot: ``datapackage.json`` itself and the research notes beside the tables.
:func:`verify` (what ``bosetting verify`` runs) needs the manifest to be exactly
the one the files make now, so any byte changed, a file added or one removed
anywhere in the folder is caught, the manifest's own bytes included; then every
table's ``hash`` and every table read against its schema (types, constraints, keys
and references). ``scripts/refresh_hashes.py`` (``make data``) writes both kinds of
hash with :func:`manifest_text` and :func:`hash_checks`.
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
from bosetting.data._userfiles import escape_controls, os_reason, user_path
from bosetting.errors import ChecksumError, DataError
from bosetting.i18n import N_, lazy_gettext
from bosetting.model import checked

__all__ = [
    "MANIFEST",
    "FileCheck",
    "HashCheck",
    "file_hash",
    "hash_checks",
    "manifest_checks",
    "manifest_text",
    "verify",
]

#: The file in ``datasets/`` that lists the SHA-256 of every other file there.
MANIFEST = "SHA256SUMS"

# The tables module is named, not its functions, so a test that points it at a
# private copy of the datasets points these checks there too.


@checked
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


@checked
@attrs.frozen
class FileCheck:
    """One shipped file's SHA-256 in the manifest beside the file's own.

    Attributes:
        path: The file, relative to ``datasets/``.
        listed: The SHA-256 in :data:`MANIFEST` (``None`` if the file is not listed).
        actual: The SHA-256 of the file as it is (``None`` if it is listed but missing).
    """

    path: str
    listed: str | None
    actual: str | None

    @property
    def ok(self) -> bool:
        """Whether the file is listed and matches."""
        return self.listed is not None and self.listed == self.actual


def _files(root: Traversable | Path, prefix: str = "") -> list[tuple[str, Traversable | Path]]:
    out: list[tuple[str, Traversable | Path]] = []
    for entry in root.iterdir():
        name = prefix + entry.name
        if entry.is_dir():
            out += _files(entry, name + "/")
        elif name != MANIFEST:
            out.append((name, entry))
    return sorted(out, key=lambda item: item[0])


def _root(root: str | os.PathLike[str] | None) -> Traversable | Path:
    if root is None:
        return _tables.dataset_root()
    folder = Path(user_path(root, DataError, what="folder"))
    try:
        is_folder = folder.is_dir()
    except OSError as exc:  # a name too long, say
        raise DataError(
            N_("cannot read the file: {reason}"),
            reason=os_reason(exc),
            file=escape_controls(str(folder)),
        ) from None
    if not is_folder:
        raise DataError(
            N_("not a folder holding a data package (datapackage.json and its tables)"),
            file=escape_controls(str(folder)),
        )
    return folder


@checked
def manifest_text(root: str | os.PathLike[str] | None = None) -> str:
    """What :data:`MANIFEST` must hold for the files in the folder as they are now.

    Args:
        root: A data package folder (by default the shipped one).

    Examples:
        >>> manifest_text().splitlines()[0].endswith("  HISTORY-RESEARCH.md")
        True
    """
    lines = [f"{_sha256(entry, name)}  {name}\n" for name, entry in _files(_root(root))]
    return "".join(lines)


def _sha256(entry: Traversable | Path, name: str) -> str:
    """The SHA-256 of one file of the folder; a :class:`DataError` where it cannot be read."""
    try:
        return hashlib.sha256(entry.read_bytes()).hexdigest()
    except OSError as exc:
        raise DataError(
            N_("cannot read the file: {reason}"), reason=os_reason(exc), file=escape_controls(name)
        ) from None


def _listed(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.splitlines():
        digest, sep, name = line.partition("  ")
        if sep and name:
            out[name] = digest
    return out


@checked
def manifest_checks(root: str | os.PathLike[str] | None = None) -> tuple[FileCheck, ...]:
    """Every file of the folder and every name in :data:`MANIFEST`, each with both hashes, by name.

    Raises:
        DataError: When the manifest is missing or is not UTF-8 text.
    """
    folder = _root(root)
    try:
        raw = folder.joinpath(MANIFEST).read_bytes()
    except FileNotFoundError:
        raise DataError(
            N_("the list of the files' SHA-256 hashes is missing; reinstall bosetting"),
            file=MANIFEST,
        ) from None
    except OSError as exc:
        raise DataError(
            N_("cannot read the file: {reason}"), reason=os_reason(exc), file=MANIFEST
        ) from None
    try:
        listed = _listed(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ChecksumError(N_("the list of hashes is not UTF-8 text"), file=MANIFEST) from None
    actual = {name: _sha256(entry, name) for name, entry in _files(folder)}
    return tuple(
        FileCheck(name, listed.get(name), actual.get(name))
        for name in sorted(set(listed) | set(actual))
    )


_REINSTALL = N_(
    "Reinstall bosetting; in a source checkout, run 'python scripts/refresh_hashes.py' "
    "after an intended change"
)


def _check_manifest() -> tuple[FileCheck, ...]:
    """Raise :class:`ChecksumError` for the first file of ``datasets/`` that is not as listed."""
    checks = manifest_checks()
    for c in checks:
        if c.listed is None:
            raise ChecksumError(
                N_("a file that {manifest} does not list is in the data folder. {advice}"),
                manifest=MANIFEST,
                advice=lazy_gettext(_REINSTALL),
                file=c.path,
                field="sha256",
                value=c.actual,
            )
        if c.actual is None:
            raise ChecksumError(
                N_("{manifest} lists the file but it is missing. {advice}"),
                manifest=MANIFEST,
                advice=lazy_gettext(_REINSTALL),
                file=c.path,
                field="sha256",
                value=c.listed,
            )
        if not c.ok:
            raise ChecksumError(
                N_("the file does not match its SHA-256 in {manifest} ({listed}). {advice}"),
                manifest=MANIFEST,
                listed=c.listed,
                advice=lazy_gettext(_REINSTALL),
                file=c.path,
                field="sha256",
                value=c.actual,
            )
    written = _tables.dataset_root().joinpath(MANIFEST).read_bytes()
    if written != manifest_text().encode("utf-8"):
        raise ChecksumError(
            N_(
                "the list of hashes is not in its own form (one '<sha256>  <file>' line per file, by name). {advice}"
            ),
            advice=lazy_gettext(_REINSTALL),
            file=MANIFEST,
        )
    return checks


def _hash_of(root: Traversable | Path, path: str) -> str:
    try:
        raw = root.joinpath(path).read_bytes()
    except FileNotFoundError:
        raise DataError(N_("the table's file is missing"), file=path) from None
    return _tables.HASH_PREFIX + hashlib.sha256(raw).hexdigest()


@checked
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
    except OSError as exc:
        raise DataError(
            N_("cannot read the file: {reason}"),
            reason=os_reason(exc),
            file=escape_controls(str(root / "datapackage.json")),
        ) from None
    return parsed


@checked
def hash_checks(root: str | os.PathLike[str] | None = None) -> tuple[HashCheck, ...]:
    """Every table's declared hash beside its actual one, in descriptor order.

    Args:
        root: A folder holding a data package (``datapackage.json`` and its tables)
            to check instead of the shipped one: ``scripts/refresh_hashes.py``
            checks the repository's ``datasets/`` or a copy of it this way.

    Raises:
        DataError: When a table's file or the descriptor is missing or unreadable.
    """
    folder = _root(root)
    if root is None:
        resources = _tables.descriptor()["resources"]
    else:
        assert isinstance(folder, Path)
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


@checked
def verify() -> tuple[HashCheck, ...]:
    """Check every shipped table against ``datapackage.json``: its hash, then its schema.

    Returns:
        The hash checks (all ``ok``).

    Every table is checked against its declared hash, then every file in
    ``datasets/`` against :data:`MANIFEST` (see the module docstring), then every
    table against its schema.

    Raises:
        ChecksumError: Naming the first file that is not as :data:`MANIFEST` lists
            it (changed, added, missing), or the first table whose file does not
            match its declared hash (and how many others do not).
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
    _check_manifest()
    for name in _tables.resource_names():
        _tables.shipped_rows(name)
    return checks
