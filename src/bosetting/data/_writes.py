"""Files bosetting writes: atomically, never over an existing file unless asked.

:func:`write_user_bytes` and :func:`write_csv` write to a temporary file in the
target's folder and then rename it, never over an existing file unless
``force=True``, and never over anything that is not a regular file.
:func:`write_csv` writes the one CSV form (:mod:`bosetting.data._csvout`:
every cell quoted, formula-like text neutralised, numbers as they are).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bosetting.data._csvout import csv_bytes
from bosetting.data._userfiles import escape_controls, os_reason, user_path
from bosetting.errors import WriteError
from bosetting.i18n import N_
from bosetting.model import checked

__all__ = ["check_writable", "write_csv", "write_user_bytes", "write_user_files"]


def _target(path: object) -> Path:
    return Path(user_path(path, WriteError))


_A_FOLDER = N_("is a folder; give a file name")
_EXISTS = N_("the file exists already; pass force=True (the command's --force) to replace it")
_CANNOT_WRITE = N_("cannot write the file: {reason}")


#: The mode of a new file before the umask (what ``open(path, "w")`` gives).
_NEW_FILE_MODE = 0o666


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _check_target(target: Path, *, force: bool) -> None:
    shown = escape_controls(str(target))
    try:
        info = target.lstat()
    except FileNotFoundError:
        return
    except NotADirectoryError:
        raise WriteError(
            N_("cannot write there: a part of the path is a file, not a folder"), file=shown
        ) from None
    except OSError as exc:
        raise WriteError(_CANNOT_WRITE, reason=os_reason(exc), file=shown) from None
    if stat.S_ISDIR(info.st_mode):
        raise WriteError(_A_FOLDER, file=shown)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        raise WriteError(
            N_(
                "exists and is not a regular file (a link, pipe or device); bosetting will not "
                "write over it"
            ),
            file=shown,
        )
    if not force:
        raise WriteError(_EXISTS, file=shown)


@checked
def check_writable(paths: Iterable[str | os.PathLike[str]], *, force: bool = False) -> None:
    """Check, before writing anything, that each file may be written (see :func:`write_user_bytes`).

    Raises:
        WriteError: For the first path that exists (without ``force``), is a
            folder, is not a regular file, or lies under a file.
    """
    for path in paths:
        _check_target(_target(path), force=force)


def _os_error(exc: OSError, shown: str, folder: Path) -> WriteError:
    if isinstance(exc, PermissionError):
        return WriteError(
            N_("no permission to write in the folder {folder}"),
            folder=escape_controls(str(folder)),
            file=shown,
        )
    if isinstance(exc, IsADirectoryError):
        return WriteError(_A_FOLDER, file=shown)
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return WriteError(
            N_("the folder does not exist (or a part of the path is a file)"), file=shown
        )
    if isinstance(exc, FileExistsError):
        return WriteError(_EXISTS, file=shown)
    return WriteError(_CANNOT_WRITE, reason=os_reason(exc), file=shown)


@checked(own=("path",))
def write_user_bytes(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to a file atomically: a temporary file in the same folder, then a rename.

    A reader never sees half a file, and a failed write leaves no temporary file.

    Args:
        path: The file to write.
        data: Its content.
        force: Replace an existing regular file (otherwise refused).

    Returns:
        The path written.

    Raises:
        WriteError: Naming the file: it exists (without ``force``), it is a folder
            or not a regular file, the folder is missing or read-only, the disk is
            full, or the name holds NUL or control characters.
    """
    return write_user_files([(path, data)], force=force)[0]


@checked
def write_user_files(
    files: Sequence[tuple[str | os.PathLike[str], bytes]], *, force: bool = False
) -> tuple[Path, ...]:
    """Write several files all or nothing (a practice set: ballots and a jury sheet).

    Every target is checked first; then each file's bytes go to a temporary file
    beside it (written and synced); only when all are written are they moved into
    place, one after the other. If any step fails, the files already moved are
    taken back (a file replaced with ``force`` gets its old bytes back), every
    temporary file is removed, and the folder is as it was.

    Args:
        files: ``(path, bytes)`` pairs.
        force: Replace existing regular files (otherwise refused).

    Returns:
        The paths written, in the order given.

    Raises:
        WriteError: As :func:`write_user_bytes`, naming the file that failed.
    """
    targets = [_target(path) for path, _ in files]
    for target in targets:
        _check_target(target, force=force)
    temps: list[str] = []
    placed: list[tuple[Path, _Backup | None]] = []
    current = targets[0] if targets else Path()
    try:
        for target, (_, data) in zip(targets, files, strict=True):
            current = target
            temps.append(_temporary(target, data))
        for target, tmp in zip(targets, temps, strict=True):
            current = target
            backup = _Backup.of(target) if force else None
            _place(tmp, target, force=force)
            placed.append((target, backup))
    except BaseException as exc:
        for target, backup in reversed(placed):
            with contextlib.suppress(OSError):
                if backup is None:
                    os.unlink(target)
                else:
                    backup.restore(target)
        for tmp in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _os_error(exc, escape_controls(str(current)), current.parent) from None
        raise
    finally:
        for _, backup in placed:
            if backup is not None:
                backup.discard()
    return tuple(targets)


def _temporary(target: Path, data: bytes) -> str:
    """``data`` in a new temporary file beside ``target``, synced to disk; its name."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _NEW_FILE_MODE & ~_umask())  # as an ordinary new file, not mkstemp's 0600
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _place(tmp: str, target: Path, *, force: bool) -> None:
    """Move a written temporary file to ``target`` (over it only with ``force``)."""
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # fails if the target appeared meanwhile: no overwrite
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        _check_target(target, force=False)  # no hard links here (some network or FAT drives)
        os.replace(tmp, target)
    else:
        os.unlink(tmp)


#: What a file system without hard links answers ``os.link`` (a full disk is no such answer).
_NO_HARD_LINKS = frozenset(
    getattr(errno, name)
    for name in ("EPERM", "ENOTSUP", "EOPNOTSUPP", "EXDEV", "EMLINK", "ENOSYS")
    if hasattr(errno, name)
)


class _Backup:
    """The old bytes of a file about to be replaced, to put back if a later file fails."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    @classmethod
    def of(cls, target: Path) -> _Backup | None:
        try:
            return cls(target.read_bytes())
        except FileNotFoundError:
            return None

    def restore(self, target: Path) -> None:
        tmp = _temporary(target, self.data)
        os.replace(tmp, target)

    def discard(self) -> None:
        self.data = b""


@checked(own=("path",))
def write_csv(
    path: str | os.PathLike[str],
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    force: bool = False,
    excel: bool = False,
) -> Path:
    """Write a CSV file the one way bosetting writes CSV (:func:`~bosetting.data.csv_bytes`).

    Args:
        path: The file to write.
        header: The column names.
        rows: The rows, each a sequence of plain values (text, numbers, flags, ``None``).
        force: Replace an existing regular file (otherwise refused).
        excel: For a spreadsheet set up for the active language: a byte-order
            mark, and ``;`` with decimal commas where its decimal sign is a comma.

    Returns:
        The path written.

    Raises:
        WriteError: As :func:`write_user_bytes`, or for a cell UTF-8 cannot store.
    """
    target = _target(path)
    _check_target(target, force=force)
    return write_user_bytes(target, csv_bytes(header, rows, excel=excel), force=force)
