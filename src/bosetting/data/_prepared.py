"""What was read and built from the tables, kept prepared in the per-user cache for the next process.

Reading a table types and checks every cell, its keys and its references
(:mod:`bosetting.data._tables`), and building the register's objects from two
tables checks every field again; for a look-up command that is most of the wait.
So the result is kept *prepared* in the per-user cache
(:func:`~bosetting.data.cache_dir`), in ``prepared/<key>/``, and a later process
reads it back instead while the key still matches.

The key is a SHA-256 over everything the result follows from: the bytes of
``datapackage.json`` and of every table's file in the data package in use, the
parts of refreshed figures in the view (folder, file and the SHA-256 their
manifest records), and the bytes of the code that reads tables. A prepared object
(:func:`prepared_objects`) adds the bytes of the code that builds it to its
file's name. Change any of them and the key changes, so a prepared file is only
ever read for the bytes it was made from. Only what passed every check is kept:
a table with an error is read again each time, and the error is the reader's own.

A prepared file is read by an unpickler that makes plain values, dates and the
classes its caller names, and refuses every other kind of object: a damaged or
planted file counts as missing and never runs code. One that cannot be read is
made again and written anew; one that cannot be written (a read-only or full
disk) is left out. The newest :data:`KEEP` keys are kept, older ones removed.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import importlib
import importlib.util
import io
import os
import pickle
import re
import secrets
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from bosetting.data._cache import cache_dir
from bosetting.data._package import dataset_root, descriptor
from bosetting.data._view import View
from bosetting.errors import ArgumentError
from bosetting.i18n import N_
from bosetting.model import checked

__all__ = ["KEEP", "prepared_folder", "prepared_objects", "prepared_rows"]

T = TypeVar("T")

#: How many keys (a data package seen through a view) keep their prepared files.
KEEP = 4
#: The layout of a prepared file this version writes and reads.
_FORMAT = 1
#: The modules whose code decides what rows a read gives.
_READER_MODULES = (
    "bosetting.data._columns",
    "bosetting.data._overlay",
    "bosetting.data._tables",
    "bosetting.data._prepared",
)
#: A prepared object's name (it names a file).
_NAME = re.compile(r"[a-z0-9_]{1,40}")
#: A file changed this recently (nanoseconds) is hashed again: its time may not show a new change.
_RACY_NS = 2_000_000_000


@functools.cache
def _code_digest(names: tuple[str, ...]) -> bytes:
    """A SHA-256 of the code of these modules and packages (every ``.py`` file of a package)."""
    digest = hashlib.sha256(b"bosetting prepared %d\n" % _FORMAT)
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            digest.update(name.encode() + b"\0?\0")
            continue
        folders = spec.submodule_search_locations
        files = sorted(p for f in folders for p in Path(f).rglob("*.py")) if folders else []
        for file in files or [Path(spec.origin)]:
            digest.update(str(file).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.digest()


#: Each file's SHA-256 and when it was taken, while its size, time and inode stay the same.
_DIGESTS: dict[str, tuple[tuple[int, int, int], int, bytes]] = {}


def _file_digest(path: Path) -> bytes:
    info = path.stat()
    seen = (info.st_size, info.st_mtime_ns, info.st_ino)
    known = _DIGESTS.get(str(path))
    if known is not None and known[0] == seen and info.st_mtime_ns < known[1] - _RACY_NS:
        return known[2]
    taken = time.time_ns()
    digest = hashlib.sha256(path.read_bytes()).digest()
    _DIGESTS[str(path)] = (seen, taken, digest)
    return digest


def prepared_folder(view: View) -> Path | None:
    """The folder of the prepared files of the data package in use seen through ``view``.

    Returns:
        ``None`` when the package is not in plain files (a zipped install), one of
        its files cannot be read, or the view has a staged source (``bosetting
        update`` checks it once): everything is then read and built as without
        them (and a missing table is reported by the reader).
    """
    root = dataset_root()
    if not isinstance(root, Path):
        return None
    key = hashlib.sha256(_code_digest(_READER_MODULES))
    try:
        paths = [r["path"] for r in descriptor()["resources"]]
        for name in ("datapackage.json", *paths):
            key.update(name.encode() + b"\0" + _file_digest(root / name))
    except (OSError, KeyError, TypeError):
        return None
    for source in view.sources:
        if source.folder.name.startswith("."):
            return None  # a staged source, read once to check it before it is put in use
        for part in source.tables:
            fields = (source.name, str(source.folder), part.table, part.file, part.sha256)
            key.update("\0".join((*fields, *part.replaces)).encode() + b"\1")
    return cache_dir() / "prepared" / key.hexdigest()[:40]


class _Unpickler(pickle.Unpickler):
    """Makes plain values, dates and the classes allowed; any other object ends the read."""

    def __init__(self, raw: bytes, allowed: Callable[[type], bool]) -> None:
        super().__init__(io.BytesIO(raw))
        self.allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("datetime", "date"):
            return datetime.date
        if module not in sys.modules and module.startswith("bosetting.model."):
            importlib.import_module(module)  # a model module (no side effects) not yet imported
        found = getattr(sys.modules.get(module), name, None)
        if isinstance(found, type) and found.__module__ == module and self.allowed(found):
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed here")


def _load(file: Path, allowed: Callable[[type], bool]) -> tuple[bool, Any]:
    try:
        raw = file.read_bytes()
    except OSError:
        return False, None
    try:
        found = _Unpickler(raw, allowed).load()
    except Exception:
        return False, None
    if not (isinstance(found, tuple) and len(found) == 3 and found[:2] == (_FORMAT, file.stem)):
        return False, None
    return True, found[2]


def _store(file: Path, value: Any) -> None:
    """Write whole or not at all; a disk that refuses is left alone."""
    try:
        data = pickle.dumps((_FORMAT, file.stem, value), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    temporary = file.parent / f".{file.stem}.{secrets.token_hex(6)}.tmp"
    try:
        new = not file.parent.is_dir()
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, file)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return
    if new:
        _prune(file.parent.parent)


def _prune(prepared: Path) -> None:
    """Remove all but the :data:`KEEP` newest keys' folders."""
    try:
        folders = sorted(
            (p for p in prepared.iterdir() if p.is_dir()),
            key=lambda p: p.stat().st_mtime_ns,
            reverse=True,
        )
    except OSError:
        return
    for old in folders[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)


def _kept(file: Path | None, make: Callable[[], T], allowed: Callable[[type], bool]) -> T:
    if file is None:
        return make()
    found, value = _load(file, allowed)
    if found:
        kept: T = value
        return kept
    made = make()
    _store(file, made)
    return made


def _plain(_: type) -> bool:
    return False


def prepared_rows(table: str, view: View, read: Callable[[], T]) -> T:
    """A table's rows as ``read`` gives them, from its prepared file when there is one.

    ``read`` must give plain values and dates only (what the table reader makes).
    """
    folder = prepared_folder(view)
    return _kept(None if folder is None else folder / f"{table}.pickle", read, _plain)


@checked
def prepared_objects(
    name: str,
    view: View,
    build: Callable[[], T],
    *,
    code: tuple[str, ...],
    allowed: Callable[[type], bool],
) -> T:
    """What ``build`` makes from the tables seen through ``view``, from its prepared file when there is one.

    Args:
        name: What it is: lower-case letters, digits and underscores (it names the
            file, with a digest of ``code``).
        view: The view the tables are read through.
        build: Makes it.
        code: The modules and packages whose code decides what ``build`` makes.
        allowed: Which classes a prepared file may make (plain values and dates always).

    Raises:
        ArgumentError: For a name that could not name a file.
    """
    if not _NAME.fullmatch(name):
        raise ArgumentError(
            N_("a name is made of lower-case letters, digits and underscores"),
            field="name",
            value=name,
        )
    folder = prepared_folder(view)
    if folder is None:
        return build()
    digest = hashlib.sha256(_code_digest(tuple(sorted(code)))).hexdigest()[:16]
    return _kept(folder / f"{name}-{digest}.pickle", build, allowed)
